/**
 * `parseCommon`, the line reader for the common form of a report, either builds exactly js-yaml's tree (the fast
 * path's, ranges included) or leaves the text to js-yaml: never a tree for a text js-yaml rejects, never another
 * tree. Random report-like YAML, every example and fixture, a generated corpus of both editions, and thousands of
 * one-character mutations of them — where a reader of a subset would go wrong if it were too trusting.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { writeReport, writeSkeleton } from '../../../core/src/index';
import { parseCommon } from '../../../core/src/syntax/parseCommon';
import { parseFast } from '../../../core/src/syntax/parseFast';
import { EXAMPLES } from '../../support/paths';
import { editedText } from '../../support/textEdits';
import { exampleAndFixtureTexts, yamlFiles } from '../../support/yamlFiles';
import { reportLikeYaml } from '../../support/yamlArbitrary';

/** True when parseCommon read the text (and then agreed with js-yaml); false when it left it to js-yaml. */
function agree(text: string): boolean {
  const common = parseCommon(text);
  if (common === undefined) return false;
  const fast = parseFast(text);
  assert.ok(
    fast.ok,
    `parseCommon read a text js-yaml rejects (${fast.ok ? '' : fast.detail}):\n${JSON.stringify(text)}`,
  );
  assert.deepEqual(common, fast.root, `the trees differ for:\n${JSON.stringify(text)}`);
  return true;
}

const FILES = exampleAndFixtureTexts();

test('random report-like YAML: the same tree as js-yaml, or left to js-yaml', () => {
  let read = 0;
  fc.assert(
    fc.property(reportLikeYaml, (text) => {
      agree(text);
      // The same document without the anchors every generated one starts with, LF only and without markers:
      // closer to the common form, so that it is read more often.
      const plain = text
        .replace(/\r\n/g, '\n')
        .replace('锚点: &a 1\n', '')
        .replace('另一个: &b [x, y]\n', '')
        .replace(/^(?:---|\.\.\.)\n/gm, '');
      if (agree(plain)) read++;
    }),
    { seed: 20261127, numRuns: 3000 },
  );
  assert.ok(read > 50, `only ${read} of 3000 documents read`);
});

test('every example and fixture, and reports written by writeReport: read, and the same tree as js-yaml', () => {
  for (const text of FILES) agree(text);
  for (const file of yamlFiles(EXAMPLES)) assert.ok(agree(readFileSync(file, 'utf8')), `${file} is in the common form`);
  for (const edition of [2019, 2021] as const)
    assert.ok(agree(writeSkeleton(edition, edition === 2019 ? 2020 : 2024, '某某区人民政府')));
  const written = writeReport({
    edition: 2021,
    agency: '示范市临江区人民政府',
    year: 2024,
    texts: { overview: '第一段。\n\n  缩进的一行\n第三段，末尾有空格   \n', problems: '', other: '无。' },
    rows: { 'applications.newReceived': [1, 2, 3, 4, 5, 6, 21], 'active.art20_8.fees': [3020.782] },
  });
  assert.ok(agree(written), 'writeReport output is read');
});

/** Characters that matter to YAML's syntax, and a few that do not. */
const MUTATIONS = [
  ' ',
  '  ',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '[',
  ']',
  ',',
  '"',
  "'",
  '|',
  '|-',
  '|+',
  '>',
  '\n',
  '\n  ',
  '\t',
  '{',
  '}',
  '&',
  '*',
  '!',
  '?',
  '%',
  '@',
  '\\',
  '---',
  'a',
  '中',
  '0',
  '\r',
  '\u00a0',
  '\u3000',
];

test('one-character mutations of every example and fixture: never a tree js-yaml would not build', () => {
  const texts = FILES.filter((t) => parseCommon(t) !== undefined);
  assert.ok(texts.length > 20);
  fc.assert(
    fc.property(editedText(texts, MUTATIONS), (mutated) => {
      agree(mutated);
    }),
    { seed: 20261128, numRuns: 20000 },
  );
});

test('line by line: mutations at the start of lines, where indentation and indicators are', () => {
  const texts = FILES.filter((t) => parseCommon(t) !== undefined);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: texts.length - 1 }),
      fc.nat(),
      fc.constantFrom(...MUTATIONS),
      fc.nat({ max: 4 }),
      (which, line, what, column) => {
        const lines = texts[which].split('\n');
        const i = line % lines.length;
        const c = Math.min(column, lines[i].length);
        lines[i] = lines[i].slice(0, c) + what + lines[i].slice(c);
        agree(lines.join('\n'));
      },
    ),
    { seed: 20261129, numRuns: 10000 },
  );
});
