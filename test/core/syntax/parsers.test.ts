/**
 * Both parsers build the same tree for valid YAML, ranges included: js-yaml's event parser (the fast path) and
 * the `yaml` package with recovery (used when js-yaml rejects a text). Random report-like documents, then every
 * example and fixture that is valid YAML.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseFast } from '../../../core/src/syntax/parseFast';
import { parseRecover } from '../../../core/src/syntax/parseRecover';
import { exampleAndFixtureFiles } from '../../support/yamlFiles';
import { reportLikeYaml } from '../../support/yamlArbitrary';

function agree(text: string): void {
  const fast = parseFast(text);
  assert.ok(fast.ok, `js-yaml rejects a valid document: ${fast.ok ? '' : fast.detail}\n${text}`);
  const recovered = parseRecover(text);
  assert.deepEqual(recovered.errors, [], `the recovering parser reports errors on a valid document:\n${text}`);
  assert.deepEqual(recovered.root, fast.root, `the trees differ for:\n${JSON.stringify(text)}`);
}

test('parseFast and parseRecover build identical trees for random report-like YAML', () => {
  fc.assert(
    fc.property(reportLikeYaml, (text) => agree(text)),
    { seed: 20240521, numRuns: 400 },
  );
});

test('parseFast and parseRecover agree on every valid example and fixture, also with CRLF line ends', () => {
  let checked = 0;
  for (const file of exampleAndFixtureFiles()) {
    const text = readFileSync(file, 'utf8');
    if (!parseFast(text).ok) continue;
    agree(text);
    agree(text.replace(/\n/g, '\r\n'));
    checked++;
  }
  assert.ok(checked > 50, `only ${checked} files checked`);
});

test('the canonical ranges of the tree (tree.ts) on a small document', () => {
  const text = 'a: "x" # c\nb:\nc: |\n  t\n\n  u\n\nd: [1, 2 ]\ne:\n  - 1\n  - 2\n';
  const fast = parseFast(text);
  assert.ok(fast.ok && fast.root && fast.root.kind === 'map');
  const slice = (n: { start: number; end: number }): string => text.slice(n.start, n.end);
  const [a, b, c, d, e] = fast.root.items;
  assert.equal(slice(a.value!), '"x"', 'quoted scalar: including the quotes');
  assert.equal(b.value!.start, text.indexOf('b:') + 2, 'empty value: right after the colon');
  assert.equal(b.value!.end, b.value!.start);
  assert.equal(slice(c.value!), '|\n  t\n\n  u', 'block scalar: indicator to the end of its last non-blank line');
  assert.equal(slice(d.value!), '[1, 2 ]', 'flow collection: bracket to bracket');
  assert.equal(slice(e.value!), '- 1\n  - 2', 'block collection: first item to the end of the last');
  assert.deepEqual(parseRecover(text).root, fast.root);
});

test('parseFast on a broken text gives the error position, and leaves the engine stack traces as they were', () => {
  const engine = Error as ErrorConstructor & { stackTraceLimit?: number };
  const before = engine.stackTraceLimit;
  const text = 'a:\n  b: [1, 2\n  c: 3\n';
  const result = parseFast(text);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.reason, 'syntax');
  assert.ok(result.position > text.indexOf('[') && result.position <= text.length, String(result.position));
  assert.equal(engine.stackTraceLimit, before);
  assert.match(new Error('after').stack ?? '', /parsers\.test/);
});
