/**
 * Outcomes stated without a number (未发生行政复议、行政诉讼, 均获维持, 均已审结) against section 四: printed sentences,
 * each warning against the reference report that has reviews and suits (shifan-2024: 4 reviews, 2 upheld, 1
 * pending; 3 suits) and silent against one that has none (caozhen-2020, all zero).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../core/src/index';
import { extractOutcomes } from '../../../core/src/narrative/extractOutcomes';
import { withOverview } from '../../support/narrativeCorpus';
import { ROOT } from '../../support/paths';

const WITH_APPEALS = readFileSync(join(ROOT, 'examples', 'shifan-2024.nianbao.yaml'), 'utf8');
const WITHOUT = readFileSync(join(ROOT, 'examples', 'caozhen-2020.nianbao.yaml'), 'utf8');

/** [sentence as printed, its source, the outcome words, what the shifan table contradicts]. */
const PRINTED: readonly (readonly [string, string, string, RegExp])[] = [
  [
    '在依申请公开政府信息工作中没有出现应公开而不予公开的办件,未发生因政府信息公开申请行政复议、提起行政诉讼情况。',
    '子长市人民政府 2023, www.zichang.gov.cn',
    '未发生因政府信息公开申请行政复议、提起行政诉讼情况',
    /「行政复议」表格为 4.*「行政诉讼」表格为 3/,
  ],
  [
    '信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录，维护了市政府依法行政、公开透明的良好形象。',
    '上海市人民政府办公厅 2019, www.shanghai.gov.cn',
    '均获维持',
    /「行政复议」表格中结果维持 2 件，总计 4 件/,
  ],
  [
    '全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。',
    'formerly in silent.txt: no number, but an outcome the table can contradict',
    '未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
    /「行政复议」表格为 4/,
  ],
];

for (const [sentence, source, words, contradiction] of PRINTED) {
  test(`${words} (${source})`, () => {
    const outcomes = extractOutcomes(sentence);
    assert.deepEqual(
      outcomes.map((o) => o.text),
      [words],
    );
    const { text } = withOverview(WITH_APPEALS, sentence);
    // The figures the sentence also states (行政复议7件) have findings of their own.
    const [d, ...rest] = analyze(text).diagnostics.filter(
      (x) => x.code === 'NB309' && text.slice(x.range.start, x.range.end) === words,
    );
    assert.equal(rest.length, 0);
    assert.ok(d, 'warns against a table with reviews and suits');
    assert.match(d.message.zh, contradiction);
    assert.equal(d.fix, undefined, 'which side is wrong is not in the text');
    const quiet = withOverview(WITHOUT, sentence).text;
    assert.deepEqual(
      analyze(quiet).diagnostics.filter((x) => x.code === 'NB309' && quiet.slice(x.range.start, x.range.end) === words),
      [],
    );
  });
}

test('the agency as a review body, or no subject in the sentence, states no outcome', () => {
  assert.deepEqual(extractOutcomes('本机关作为复议机关审理的案件均获维持。'), []);
  assert.deepEqual(extractOutcomes('申请人的诉求均已结案。'), []);
});

test('均已审结 / 均已结案 warn when the 四 table has cases still pending (尚未审结 > 0), and not when it has none', () => {
  // shifan-2024: 行政复议 尚未审结 1; 行政诉讼 尚未审结 2 (1 + 1).
  for (const [sentence, words, pending] of [
    [
      '本年度被申请行政复议的案件均已审结。',
      '均已审结',
      /与表格不符：「行政复议尚未审结」表格为 1（行政复议·尚未审结）/,
    ],
    ['提起行政诉讼的案件均已结案。', '均已结案', /与表格不符：「行政诉讼尚未审结」表格为 2（/],
  ] as const) {
    assert.deepEqual(
      extractOutcomes(sentence).map((o) => [o.text, o.kind]),
      [[words, 'nonePending']],
    );
    const { text } = withOverview(WITH_APPEALS, sentence);
    const found = analyze(text).diagnostics.filter(
      (x) => x.code === 'NB309' && text.slice(x.range.start, x.range.end) === words,
    );
    assert.equal(found.length, 1, sentence);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message.zh, pending);
    assert.equal(found[0].fix, undefined);
    // No case pending: silent.
    const settled = WITH_APPEALS.replace('行政复议: [2, 1, 0, 1, 4]', '行政复议: [3, 1, 0, 0, 4]')
      .replace('未经复议直接起诉: [1, 0, 0, 1, 2]', '未经复议直接起诉: [2, 0, 0, 0, 2]')
      .replace('复议后起诉: [0, 0, 0, 1, 1]', '复议后起诉: [1, 0, 0, 0, 1]');
    assert.notEqual(settled, WITH_APPEALS);
    const quiet = withOverview(settled, sentence).text;
    assert.deepEqual(
      analyze(quiet)
        .diagnostics.filter((x) => x.code === 'NB309' || x.severity === 'error')
        .map((x) => x.message.zh),
      [],
    );
  }
});
