/**
 * The parsers' limits at their edges (core/src/syntax/limits.ts): aliases (never expanded; past MAX_ALIASES the
 * document is refused with one NB104), items of structure (past MAX_ITEMS, NB107 before parsing), on both parsers.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { MAX_ALIASES, MAX_ITEMS, analyze, locate, parse } from '../../../core/src/index';

const codes = (text: string): string[] => analyze(text).diagnostics.map((d) => d.code);

function aliases(n: number, broken = false): string {
  return `格式: 2021\nx: &x 1\ny: [${Array(n).fill('*x').join(', ')}]\n${broken ? 'z: [1, 2\n' : ''}`;
}

test(`${MAX_ALIASES} aliases: each its own NB104, the tree kept (both parsers)`, () => {
  for (const broken of [false, true]) {
    const doc = parse(aliases(MAX_ALIASES, broken));
    assert.equal(doc.parser, broken ? 'recover' : 'fast');
    assert.ok(doc.root);
    assert.equal(doc.errors.filter((e) => e.kind === 'alias').length, MAX_ALIASES);
  }
});

test(`${MAX_ALIASES + 1} aliases: one NB104 at the first one past the limit, nothing else checked (both parsers)`, () => {
  for (const broken of [false, true]) {
    const text = aliases(MAX_ALIASES + 1, broken);
    const a = analyze(text);
    assert.equal(a.doc.root, null);
    const nb104 = a.diagnostics.filter((d) => d.code === 'NB104');
    assert.equal(nb104.length, 1, codes(text).join(' '));
    assert.ok(nb104[0].message.zh.includes(`超过上限 ${MAX_ALIASES} 个`), nb104[0].message.zh);
    const at = text.slice(nb104[0].range.start, nb104[0].range.end);
    assert.equal(at, '*');
    assert.equal(
      text.slice(0, nb104[0].range.start).split('*x').length - 1,
      MAX_ALIASES,
      'at the alias past the limit',
    );
  }
});

test(`more than ${MAX_ITEMS.toLocaleString('en')} items of structure: NB107 before any parsing; just under, parsed`, () => {
  const under = `y: [${Array(MAX_ITEMS - 5)
    .fill('0')
    .join(',')}]\n`;
  assert.notEqual(parse(under).parser, 'none');
  const over = `y: [${Array(MAX_ITEMS + 5)
    .fill('0')
    .join(',')}]\n`;
  const a = analyze(over);
  assert.deepEqual(
    a.diagnostics.map((d) => d.code),
    ['NB107'],
  );
  assert.equal(a.doc.parser, 'none');
  assert.ok(a.diagnostics[0].message.zh.includes('项'), a.diagnostics[0].message.zh);
});

test('locating a finding in a collection of 200,000 items: the item at the offset (binary search), as before', () => {
  const text = `y: [${Array.from({ length: 200_000 }, (_, i) => String(i)).join(', ')}]\n`;
  const root = parse(text).root;
  for (const i of [0, 1, 17, 99_999, 199_999]) {
    const offset = new RegExp(`(?<=[[ ])${i}(?=[,\\]])`).exec(text)?.index ?? -1;
    const hit = locate(root, offset);
    assert.deepEqual(hit.path, ['y', i]);
  }
});

test('nothing turns a report into JavaScript values: only the two tree builders import a YAML library, and neither loads', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : [],
    );
  const importers: string[] = [];
  for (const dir of ['core', 'cli', 'server', 'client']) {
    for (const file of files(join(root, dir, 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (/from '(?:yaml|js-yaml)'/.test(text)) importers.push(relative(root, file).replace(/\\/g, '/'));
      assert.doesNotMatch(
        text,
        /\.toJS\(|\bload(?:All)?\(|constructFromEvents|parseDocument\(/,
        `${file} constructs values from YAML`,
      );
    }
  }
  assert.deepEqual(importers.sort(), ['core/src/syntax/parseFast.ts', 'core/src/syntax/parseRecover.ts']);
});
