/** NB309's message in both languages: the table value, and where it comes from in the user's language. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, localize } from '../../../core/src/index';
import { REFERENCE_FILES, withOverview } from '../../support/narrativeCorpus';
import { FIXTURES } from '../../support/paths';

const FIXTURE = readFileSync(join(FIXTURES, 'rules', 'nb309', 'problems.fail.nianbao.yaml'), 'utf8');

test('a figure against cells that are all 0: 均为 0 in Chinese, and the English message in English', () => {
  // 行政诉讼 is the sum of the two litigation rows' totals; with both rows at 0, the narrative's 3 is wrong.
  const text = FIXTURE.replace('未经复议直接起诉: [1, 0, 0, 1, 2]', '未经复议直接起诉: [0, 0, 0, 0, 0]').replace(
    '复议后起诉: [0, 0, 0, 1, 1]',
    '复议后起诉: [0, 0, 0, 0, 0]',
  );
  const findings = analyze(text).diagnostics.filter((d) => d.code === 'NB309' && d.message.zh.includes('行政诉讼'));
  assert.equal(findings.length, 1, findings.map((d) => d.message.zh).join('\n'));
  const zh = localize(findings[0].message, 'zh');
  const en = localize(findings[0].message, 'en');
  assert.match(zh, /表格为 0（.*未经复议直接起诉.* \+ .*复议后起诉.* 均为 0）/);
  assert.match(en, /the table gives 0 \(.*未经复议直接起诉.* \+ .*复议后起诉.*: all 0\)/);
  assert.doesNotMatch(en, /均为|表格为|写作/);
});

test('a figure against one cell or a sum: the same arithmetic in both languages', () => {
  const [d] = analyze(FIXTURE).diagnostics.filter((x) => x.code === 'NB309');
  const zh = localize(d.message, 'zh');
  const en = localize(d.message, 'en');
  assert.match(zh, /表格为 101/);
  assert.match(en, /the table gives 101/);
  const how = (s: string): string | undefined => /\(([^()]*)\)$|（([^（）]*)）$/.exec(s)?.slice(1).find(Boolean);
  assert.equal(how(en), how(zh));
});

test("a stock stated after a 清理 beside this year's new documents agrees when N + M is 现行有效件数", () => {
  // examples/shifan-2024: 行政规范性文件 制发 6, 现行有效 41.
  const reference = readFileSync(REFERENCE_FILES[2021], 'utf8');
  const nb309 = (sentence: string): string[] =>
    analyze(withOverview(reference, sentence).text)
      .diagnostics.filter((d) => d.code === 'NB309')
      .map((d) => d.message.zh);
  // 35 kept by the 清理 + 6 new = 41: no finding.
  assert.deepEqual(nb309('经清理，现行有效规范性文件35件，本年制发6件。'), []);
  assert.deepEqual(nb309('开展规范性文件清理，现行有效行政规范性文件35件，本年度新制发行政规范性文件6件。'), []);
  // The stock as a whole still agrees.
  assert.deepEqual(nb309('经清理，现行有效规范性文件41件，本年制发6件。'), []);
  // Neither N nor N + M is 41.
  const wrong = nb309('经清理，现行有效规范性文件34件，本年制发6件。');
  assert.equal(wrong.length, 1);
  assert.match(wrong[0], /写作 34件，表格为 41/);
  // Without M in the sentence, or without the 清理, N alone is checked.
  assert.equal(nb309('经清理，现行有效规范性文件35件。').length, 1);
  assert.equal(nb309('现行有效规范性文件35件，本年制发6件。').length, 1);
  // M itself is still checked against 制发.
  const issued = nb309('经清理，现行有效规范性文件34件，本年制发7件。');
  assert.equal(issued.length, 1);
  assert.match(issued[0], /写作 7件，表格为 6/);
});

test('a figure against cells that are all blank: says they are blank, never 表格为 0, and offers no fix', () => {
  // 行政诉讼 is the sum of the two litigation rows; with both rows left blank the table holds no figure at all.
  const text = FIXTURE.replace('未经复议直接起诉: [1, 0, 0, 1, 2]', '未经复议直接起诉: ~').replace(
    '复议后起诉: [0, 0, 0, 1, 1]',
    '复议后起诉: ~',
  );
  const findings = analyze(text).diagnostics.filter((d) => d.code === 'NB309' && d.message.zh.includes('行政诉讼'));
  assert.equal(findings.length, 1, findings.map((d) => d.message.zh).join('\n'));
  const zh = localize(findings[0].message, 'zh');
  const en = localize(findings[0].message, 'en');
  assert.match(zh, /写作 3件，表格中 .*未经复议直接起诉.*（整行） \+ .*复议后起诉.*（整行） 均为空白/);
  assert.match(en, /the table's cells are blank \(.*未经复议直接起诉.*, whole row \+ .*复议后起诉.*, whole row\)/);
  assert.doesNotMatch(zh, /表格为 0|均为 0/);
  assert.doesNotMatch(en, /gives 0|all 0/);
  assert.equal(findings[0].fix, undefined);
});
