/** Narrative offsets map back to the document, whatever the scalar style. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../../../core/src/index';
import type { ScalarNode } from '../../../core/src/index';
import { scalarOffsets, sourceRange } from '../../../core/src/narrative/scalarOffsets';

function check(source: string, needle: string): void {
  const doc = parse(source);
  assert.ok(doc.root && doc.root.kind === 'map');
  const node = doc.root.items[0].value as ScalarNode;
  const at = node.text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the decoded text`);
  const range = sourceRange(source, node, scalarOffsets(source, node), at, at + needle.length);
  assert.ok(range, `no exact range for ${needle} in ${node.style}`);
  assert.equal(source.slice(range.start, range.end), needle);
}

test('literal block, with blank and more-indented lines', () => {
  check('总体情况: |\n  第一段。\n\n    缩进的一行。\n  全年共收到申请101件。\n其他: 1\n', '101');
});

test('literal block with an explicit indentation indicator and a comment after the header', () => {
  check('总体情况: |2-   # 注释\n   开头有空格。收到申请17件\n', '17');
});

test('folded block spread over lines', () => {
  check('总体情况: >\n  第一行\n  收到申请\n  101件。\n', '101');
});

test('double-quoted scalar with escapes before the number', () => {
  check('总体情况: "引号\\"内\\"文字，\\u6536到申请99件"\n', '99');
});

test('single-quoted and plain scalars', () => {
  check("总体情况: '它''s 收到申请12件'\n", '12');
  check('总体情况: 收到申请12件，办结13件\n', '13');
});

test('a number the document does not show verbatim gives no exact range', () => {
  const source = '总体情况: "\\u0031\\u0032件"\n';
  const doc = parse(source);
  assert.ok(doc.root && doc.root.kind === 'map');
  const node = doc.root.items[0].value as ScalarNode;
  assert.equal(node.text, '12件');
  assert.equal(sourceRange(source, node, scalarOffsets(source, node), 0, 2), undefined);
});
