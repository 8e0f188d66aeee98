/**
 * The line reader's recovery (`readCommon`): a broken line of the common form is reported and the rest read. Held
 * against both other parsers on every example and fixture, broken at random (fixed seeds) in the ways people
 * break a report's lines and by random characters:
 *
 * - js-yaml: the reader reports a broken line only in a text js-yaml rejects, and js-yaml's error is not before
 *   the first line it reports (so `parse` never has to overrule it);
 * - the `yaml` package (the recovery used before, and still for everything else): the first error is on the same
 *   line as its first error (or on js-yaml's), the tree before either's first error is the same, and the whole
 *   holds at least as many numbers (the tables' cells) as its tree does;
 * - the repair: the tree read around an unclosed row or quote is the tree of the text the quick fix makes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { repairSyntaxEdits } from '../../../core/src/edits/repairSyntax';
import { applyEdits } from '../../../core/src/edits/textEdit';
import { parse } from '../../../core/src/syntax/parse';
import { readCommon } from '../../../core/src/syntax/parseCommon';
import { parseFast } from '../../../core/src/syntax/parseFast';
import { parseRecover } from '../../../core/src/syntax/parseRecover';
import { syntaxRepairOf } from '../../../core/src/syntax/repairable';
import { toJson } from '../../../core/src/syntax/toJson';
import type { YamlNode } from '../../../core/src/syntax/tree';
import { editedText } from '../../support/textEdits';
import { exampleAndFixtureTexts } from '../../support/yamlFiles';

/** Every example and fixture the reader reads cleanly: the texts broken below. */
const TEXTS = exampleAndFixtureTexts().filter((t) => readCommon(t)?.errors.length === 0);

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** The line number of the next line after the one at `offset` that is neither blank nor a comment. */
function nextContentLine(text: string, offset: number): number {
  const lines = text.split('\n');
  for (let i = lineOf(text, offset); i < lines.length; i++) if (!/^\s*(?:#.*)?$/.test(lines[i])) return i + 1;
  return lines.length;
}

interface Leaf {
  readonly path: string;
  readonly value: unknown;
  readonly start: number;
  readonly end: number;
}

/** The scalars of a tree (keys and values) with their paths and ranges. */
function leaves(root: YamlNode | null): Leaf[] {
  const out: Leaf[] = [];
  const visit = (node: YamlNode | null, path: string): void => {
    if (!node) return;
    if (node.kind === 'scalar') {
      if (!node.empty) out.push({ path, value: node.value, start: node.start, end: node.end });
    } else if (node.kind === 'seq') {
      node.items.forEach((item, i) => visit(item, `${path}/${i}`));
    } else if (node.kind === 'map') {
      for (const pair of node.items) {
        const key = pair.key.kind === 'scalar' ? pair.key.text : '?';
        out.push({ path: `${path}/${key}:`, value: key, start: pair.key.start, end: pair.key.end });
        visit(pair.value, `${path}/${key}`);
      }
    }
  };
  visit(root, '');
  return out;
}

const counts = { recovered: 0, deferred: 0, clean: 0 };

/**
 * Whether the reader recovered; asserts the properties above when it did. `unbroken`: the text with the first broken
 * line as it was before it was broken, where the test knows it.
 */
function check(text: string, unbroken?: (line: number) => string | undefined): void {
  const read = readCommon(text);
  if (read === undefined) {
    counts.deferred++;
    return;
  }
  const fast = parseFast(text);
  if (read.errors.length === 0) {
    counts.clean++;
    assert.ok(fast.ok, `read cleanly, rejected by js-yaml: ${JSON.stringify(text)}`);
    assert.deepEqual(read.root, fast.root);
    return;
  }
  counts.recovered++;
  const first = read.errors[0];
  const at = lineStart(text, first.start);
  assert.ok(!fast.ok, `a broken line reported in a text js-yaml reads: ${JSON.stringify(text)}`);
  assert.ok(fast.position >= at, `js-yaml finds an error before the first broken line: ${JSON.stringify(text)}`);
  assert.deepEqual(
    parse(text).errors.filter((e) => e.kind === 'syntax'),
    read.errors,
  );

  const recovered = parseRecover(text);
  const theirs = recovered.errors.find((e) => e.kind === 'syntax');
  assert.ok(theirs, `the yaml package reads without error: ${JSON.stringify(text)}`);
  const line = lineOf(text, first.start);
  // A key without its colon over the mapping it opens, the document's first key indented: the others notice at
  // the next line with a key.
  const noticedBelow = nextContentLine(text, first.start) === lineOf(text, fast.position);
  assert.ok(
    line === lineOf(text, theirs.start) || line === lineOf(text, fast.position) || noticedBelow,
    `first error on line ${line}, the yaml package's on ${lineOf(text, theirs.start)}, js-yaml's on ${lineOf(text, fast.position)}: ${JSON.stringify(text)}`,
  );
  const mine = leaves(read.root);
  // Before the last line with text above the first one either parser found broken (the yaml package may put its
  // error there: a plain value read on into a key; a block scalar there may take the broken line as its text).
  let agreed = Math.min(at, lineStart(text, theirs.start));
  do agreed = lineStart(text, agreed - 1);
  while (agreed > 0 && text.slice(agreed, text.indexOf('\n', agreed)).trim() === '');
  const before = (l: Leaf): boolean => l.end < agreed;
  assert.deepEqual(
    mine.filter(before),
    leaves(recovered.root).filter(before),
    `before the error: ${JSON.stringify(text)}`,
  );
  const numbers = (list: Leaf[]): number => list.filter((l) => typeof l.value === 'number').length;
  // The yaml package ends a block scalar at its first less indented line and reads on as keys; the reader keeps
  // the line in the narrative, as YAML reads the rest once that line's indentation is mended. A second break below
  // it (a key indented into the narrative) can make the yaml package's guess keep numbers YAML itself reads as
  // narrative text: then the reader keeps at least what js-yaml reads with the first broken line mended.
  const mended = numbers(mine) < numbers(leaves(recovered.root)) ? unbroken?.(line - 1) : undefined;
  const mendedRead = mended !== undefined ? parseFast(mended) : undefined;
  const floor = mendedRead?.ok ? numbers(leaves(mendedRead.root)) : numbers(leaves(recovered.root));
  assert.ok(
    numbers(mine) >= floor,
    `fewer numbers than the yaml package keeps (${numbers(mine)} < ${numbers(leaves(recovered.root))}): ${JSON.stringify(text)}`,
  );

  // An unclosed row or quote reads as the text the quick fix makes would.
  const repair = syntaxRepairOf(text, first);
  if (repair === 'closeFlow' || repair === 'closeQuote') {
    const edits = repairSyntaxEdits(text, repair, first.start);
    const repaired = edits && applyEdits(text, edits);
    if (repaired && readCommon(repaired)?.errors.length === 0 && read.errors.length === 1) {
      assert.deepEqual(toJson(read.root), toJson(parse(repaired).root), `repaired: ${JSON.stringify(repaired)}`);
    }
  }
}

/** The ways people break a line of a report. */
const BREAKS: Record<string, (line: string) => string | undefined> = {
  dropClosingBracket: (l) => (/\]\s*(#.*)?$/.test(l) ? l.replace(/\](\s*(?:#.*)?)$/, '$1') : undefined),
  dropClosingQuote: (l) => (/: (["']).*\1/.test(l) ? l.replace(/(["'])(\s*(?:#.*)?)$/, '$2') : undefined),
  openQuote: (l) => (/: [^\s[|"'#]/.test(l) ? l.replace(/: /, ': "') : undefined),
  dropColon: (l) =>
    /^\s*[^\s#][^:]*: /.test(l) ? l.replace(/: /, ' ') : /:\s*$/.test(l) ? l.replace(/:\s*$/, '') : undefined,
  indentMore: (l) => (/^\s*[^\s#]/.test(l) ? ` ${l}` : undefined),
  indentMoreTwo: (l) => (/^\s*[^\s#]/.test(l) ? `   ${l}` : undefined),
  indentLess: (l) => (/^ +[^\s#]/.test(l) ? l.slice(1) : undefined),
  tabIndent: (l) => (/^ +[^\s#]/.test(l) ? l.replace(/^ +/, '\t') : undefined),
  tabAfterSpaces: (l) => (/^ {2,}[^\s#]/.test(l) ? l.replace(/^( +) {2}/, '$1\t') : undefined),
  cutAtRandom: (l) => (l.length > 4 ? l.slice(0, Math.ceil(l.length / 2)) : undefined),
};

test('a line broken the way people break it, one or two per report: recovered as both other parsers allow', () => {
  assert.ok(TEXTS.length > 50, `only ${TEXTS.length} texts`);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: TEXTS.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...Object.keys(BREAKS))), { minLength: 1, maxLength: 2 }),
      (which, breaks) => {
        const original = TEXTS[which].split('\n');
        const lines = [...original];
        for (const [n, how] of breaks) {
          const i = n % lines.length;
          lines[i] = BREAKS[how](lines[i]) ?? lines[i];
        }
        check(lines.join('\n'), (i) =>
          lines[i] !== original[i] ? [...lines.slice(0, i), original[i], ...lines.slice(i + 1)].join('\n') : undefined,
        );
      },
    ),
    { seed: 20261201, numRuns: 6000 },
  );
  assert.ok(counts.recovered > 2000, `only ${counts.recovered} texts recovered (${JSON.stringify(counts)})`);
});

/** Characters that matter to YAML's syntax, and a few that do not (as in the reader's own tests). */
const MUTATIONS = [
  ' ',
  '  ',
  ':',
  ': ',
  '-',
  '#',
  ' #',
  '[',
  ']',
  ',',
  '"',
  "'",
  '|',
  '\n',
  '\n  ',
  '\t',
  '{',
  'a',
  '中',
  '0',
];

test('random characters inserted, deleted or replaced: recovered as both other parsers allow', () => {
  fc.assert(
    fc.property(editedText(TEXTS, MUTATIONS), (mutated) => {
      check(mutated);
    }),
    { seed: 20261202, numRuns: 6000 },
  );
});

test('what a broken line reads as: the row before the end of the line, the quote to the end, the key with its colon', () => {
  const tree = (text: string): unknown => toJson(parse(text).root);
  assert.deepEqual(tree('a:\n  b: [1, 2  # c\n  c: 3\n'), { a: { b: [1, 2], c: 3 } });
  assert.deepEqual(tree('a:\n  b: [1, 2,\nc: 3'), { a: { b: [1, 2] }, c: 3 });
  assert.deepEqual(tree('a: "某县  # c\nb: 1\n'), { a: '某县', b: 1 });
  assert.deepEqual(tree('a:\n  b\n    c: 1\n  d: 2\n'), { a: { b: { c: 1 }, d: 2 } });
  assert.deepEqual(tree('a:\n  b: 1\n\tc: 2\n  d: 3\n'), { a: { b: 1, c: 2, d: 3 } });
  assert.deepEqual(tree('a:\n\tb: 1\n\tc: 2\nd: 3\n'), { a: { b: 1, c: 2 }, d: 3 });
  assert.deepEqual(tree('a:\n  b:\n    c: 1\n   d: 2\n'), { a: { b: { c: 1 }, d: 2 } });
  assert.deepEqual(tree('a:\n  b: 1\n    c: 2\n'), { a: { b: 1, c: 2 } });
  // Each reported on its line, worded as before; a line right after a broken one is its echo.
  const doc = parse('a:\n  b: [1, 2\n  c: 3\n\td: 4\n  e 5\n');
  assert.deepEqual(
    doc.errors.map((e) => [e.code, lineOf(doc.text, e.start)]),
    [
      ['BAD_INDENT', 2],
      ['TAB_AS_INDENT', 4],
    ],
  );
  assert.equal(doc.parser, 'recover');
});

test('what the reader leaves to the others: a value that may go on below, tabs elsewhere, other mistakes', () => {
  for (const text of [
    'a:\n  b: [1, 2\n    3]\n', // a row over two lines
    'a: "x\n  y"\n', // a quoted value over two lines
    'a: x\n  y\n', // a plain value over two lines
    'a:\n  b\n', // a plain value under a key
    'a: b\tc\n', // a tab in a value
    'a:\n\t\n', // a line of whitespace with a tab
    'a: b: c\n', // two keys on a line
    'a: [1, 2]]\n', // a stray bracket
    'a: "x\\"\nb: 1\n', // an escape in an unclosed quote
  ]) {
    assert.equal(readCommon(text)?.errors.length ?? -1, -1, JSON.stringify(text));
  }
});
