/**
 * Row labels as agencies really print them, applied to the seed text: each still lands on its template row,
 * approximate matches are reported, and what matches nothing is listed and left null — never dropped or guessed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { importReport } from '../../../core/src/index';
import type { ImportSuccess } from '../../../core/src/index';
import { EXAMPLES, FIXTURES } from '../../support/paths';
import { reportValues } from '../../support/reportValues';

const SEED = readFileSync(join(FIXTURES, 'import', 'caozhen-2020-report.txt'), 'utf8');
const EXPECTED = reportValues(readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8'));

function edit(replacements: readonly [string, string][]): string {
  let text = SEED;
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), `the seed contains ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

function imported(text: string): ImportSuccess {
  const result = importReport(text);
  if (!result.ok) assert.fail(result.error.zh);
  return result;
}

test('1、 ordinals, straight quotes, spaces and a line break inside labels, typos: same values, typos reported', () => {
  const result = imported(
    edit([
      ['1. 属于国家秘密', '1、属于国家秘密'],
      ['2. 其他法律行政法规禁止公开', '2、其他法律行政止公开'],
      ['3. 危及“三安全一稳定”', '3、危及"三安全一稳定"'],
      ['4. 保护第三方合法权益', '4、保护 第三方 合法权益'],
      ['\t\t6. 属于四类过程性信息\t', '6.属于四类过程\n性信息\t'],
      ['(七) 总计', '（七）总 计'],
      ['行政复议\t\t\t\t\t行政诉讼', '行政法复议\t\t\t\t\t行政诉讼'],
      ['采购总金额（单位：万元）', '采购总金额'],
      ['3,020.782', '30,207,820元'],
    ]),
  );
  const got = reportValues(result.yaml);
  for (const id of Object.keys(EXPECTED.rows)) assert.deepEqual(got.rows[id], EXPECTED.rows[id], id);
  assert.deepEqual(
    result.fuzzy.map((f) => `${f.section}「${f.printed}」→「${f.label}」`),
    ['三「2、其他法律行政止公开」→「2.其他法律行政法规禁止公开」', '四「行政法复议」→「行政复议」'],
  );
  assert.match(
    result.yaml,
    /政府集中采购: \[11, 3020\.782\] +# 采购总金额原文印作 30,207,820元，已由元换算为万元：3020\.782\n/,
  );
  assert.deepEqual([result.unplaced, result.missing], [[], []]);
});

test('an amount column headed （单位：元） is converted even without 元 in the cell', () => {
  const result = imported(
    edit([
      ['采购总金额（单位：万元）', '采购总金额（单位：元）'],
      ['3,020.782', '30207820'],
    ]),
  );
  assert.deepEqual(reportValues(result.yaml).rows['active.art20_9.procurement'], [11, 3020.782]);
  assert.match(result.yaml, /# 采购总金额原文印作 30207820（单位：元），已由元换算为万元：3020\.782/);
});

test('a label nothing resembles is listed as not placed, and its row is null, not zero', () => {
  const result = imported(edit([['8. 属于行政查询事项', '8. 另行说明的情形']]));
  const got = reportValues(result.yaml);
  assert.deepEqual(got.rows['applications.results.refused.queryMatters'], [null, null, null, null, null, null, null]);
  assert.deepEqual(
    result.unplaced.map((u) => `${u.section} ${u.text} ${u.reason.zh}`),
    ['三 8. 另行说明的情形  0  0  0  0  0  0  0 模板中没有对应的行'],
  );
  assert.deepEqual(result.missing, ['8.属于行政查询事项']);
  assert.match(
    result.yaml,
    /# 以下内容无法放入模板，未导入：\n# {3}三「8\. 另行说明的情形 0 0 0 0 0 0 0」：模板中没有对应的行\n# 原文中没有找到以下内容（数值写作 null）：\n# {3}三「8\.属于行政查询事项」\n/,
  );
});

test('a subtotal row the template does not have is reported, not added into anything', () => {
  const result = imported(
    edit([['\t(三) 不予公开\t1. 属于国家秘密', '\t(三) 不予公开\t0\t0\t0\t0\t0\t0\t0\n\t\t1. 属于国家秘密']]),
  );
  assert.deepEqual(
    result.unplaced.map((u) => u.reason.zh),
    ['模板中此项没有合计行，合计数未导入'],
  );
  const got = reportValues(result.yaml);
  for (const id of Object.keys(EXPECTED.rows)) assert.deepEqual(got.rows[id], EXPECTED.rows[id], id);
});

test('a row printed twice keeps its first values and reports the second', () => {
  const result = imported(
    edit([
      [
        '\t\t2. 重复申请\t0\t0\t0\t0\t0\t0\t0',
        '\t\t2. 重复申请\t0\t0\t0\t0\t0\t0\t0\n\t\t2. 重复申请\t1\t0\t0\t0\t0\t0\t1',
      ],
    ]),
  );
  assert.deepEqual(reportValues(result.yaml).rows['applications.results.notProcessed.repeated'], [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(
    result.unplaced.map((u) => u.reason.zh),
    ['此行重复出现，只导入第一次出现的数值'],
  );
});

test('a row with fewer numbers than columns is not guessed at: null, and listed', () => {
  const result = imported(edit([['规范性文件\t0\t0\t0', '规范性文件 0 0']]));
  assert.deepEqual(reportValues(result.yaml).rows['active.art20_1.normative'], [null, null, null]);
  assert.deepEqual(
    result.unplaced.map((u) => u.reason.zh),
    ['印有 2 个数值，模板此行有 3 列，无法确定对应关系，整行写作 null'],
  );
});

test('a value nobody can read is null and listed with what was printed', () => {
  const result = imported(edit([['政府集中采购\t11\t', '政府集中采购\t约11\t']]));
  assert.deepEqual(reportValues(result.yaml).rows['active.art20_9.procurement'], [null, 3020.782]);
  assert.deepEqual(
    result.unplaced.map((u) => `${u.text}: ${u.reason.zh}`),
    ['政府集中采购 约11: 「约11」不是数字，写作 null'],
  );
});

test('section 四 printed the other way round, one labelled row per kind, and a mistyped section title', () => {
  const start = SEED.indexOf('行政复议\t\t\t\t\t行政诉讼');
  const end = SEED.indexOf('五、存在的主要问题及改进情况');
  const transposed = [
    '\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    '行政复议\t1\t0\t0\t1\t2',
    '未经复议直接起诉\t0\t0\t0\t0\t0',
    '复议后起诉\t0\t1\t0\t0\t1',
    '',
    '',
  ].join('\n');
  const text = (SEED.slice(0, start) + transposed + SEED.slice(end)).replace(
    '四、政府信息公开行政复议、行政诉讼情况',
    '四、政府信息公开行政复议、行政诉讼情況',
  );
  const result = imported(text);
  const got = reportValues(result.yaml);
  assert.deepEqual(got.rows['appeals.review'], [1, 0, 0, 1, 2]);
  assert.deepEqual(got.rows['appeals.litigation.direct'], [0, 0, 0, 0, 0]);
  assert.deepEqual(got.rows['appeals.litigation.afterReview'], [0, 1, 0, 0, 1]);
  assert.deepEqual(
    result.fuzzy.map((f) => `${f.printed} → ${f.label} (${f.distance})`),
    ['四、政府信息公开行政复议、行政诉讼情況 → 四、政府信息公开行政复议、行政诉讼情况 (1)'],
  );
  assert.deepEqual(result.unplaced, []);
});
