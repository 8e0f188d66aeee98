/** NB309's message in both languages: the table value, and where it comes from in the user's language. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, localize } from '../../../core/src/index';
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
