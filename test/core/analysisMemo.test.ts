/**
 * `AnalysisMemo`: an editor's sequence of versions analysed with one memo gives exactly the findings of a fresh
 * analysis of each version, and the narrative's statements are taken over only where a section is unchanged.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AnalysisMemo, analyze } from '../../core/src/index';
import { EXAMPLES } from '../support/paths';

const SHIFAN = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');
const CAOZHEN = readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8');

/** Versions as a person makes them: a table cell, a narrative figure, the year, a syntax error, and back. */
function versions(text: string): string[] {
  const steps = [
    (t: string) => t.replace(/(  本年新收政府信息公开申请数量: \[)(\d+)/, (_m, head, n) => `${head}${Number(n) + 1}`),
    // A figure of the narrative where there is one (it then contradicts the table), else a word of it.
    (t: string) =>
      /收到政府信息公开申请\d+件/.test(t)
        ? t.replace(/收到政府信息公开申请(\d+)件/, (_m, n) => `收到政府信息公开申请${Number(n) + 3}件`)
        : t.replace('信息公开工作', '信息公开各项工作'),
    (t: string) => t.replace(/^年度: (\d+)/m, (_m, y) => `年度: ${Number(y) - 1}`),
    (t: string) => t.replace(/(  行政复议: \[[\d, ]+)\]/, '$1'),
  ];
  const out = [text];
  for (const step of steps) {
    const next = step(out[out.length - 1]);
    assert.notEqual(next, out[out.length - 1], 'each step changes the text');
    out.push(next);
  }
  return [...out, ...out.slice(0, -1).reverse()];
}

for (const [name, text] of [
  ['shifan-2024', SHIFAN],
  ['caozhen-2020', CAOZHEN],
] as const) {
  test(`${name}: every version analysed with the memo has the findings of a fresh analysis`, () => {
    const memo = new AnalysisMemo();
    const all = versions(text);
    for (const [i, version] of all.entries()) {
      assert.deepEqual(analyze(version, { memo }).diagnostics, analyze(version).diagnostics, `version ${i}`);
    }
    if (name === 'shifan-2024')
      assert.ok(
        all.some((v) => analyze(v).diagnostics.some((d) => d.code === 'NB309')),
        'a version has a narrative finding',
      );
  });
}

test('only unchanged sections are taken over: a table edit reuses all three, a narrative edit the other two', () => {
  const memo = new AnalysisMemo();
  analyze(SHIFAN, { memo });
  assert.equal(memo.reused, 0);
  analyze(SHIFAN.replace('[86, 9, 0, 1, 3, 2, 101]', '[87, 9, 0, 1, 3, 2, 102]'), { memo });
  assert.equal(memo.reused, 3);
  analyze(SHIFAN.replace('收到政府信息公开申请101件', '收到政府信息公开申请102件'), { memo });
  assert.equal(memo.reused, 5);
  // Another year reads the same text differently (figures of other years are not this year's): not reused.
  analyze(SHIFAN.replace('年度: 2024', '年度: 2025'), { memo });
  assert.equal(memo.reused, 5);
});
