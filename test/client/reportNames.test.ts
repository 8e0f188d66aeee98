/** Names of new reports: next year's follows this year's file name, else `<agency>-<year>` safe for any file system. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextFileBase, reportFileBase } from '../../client/src/commands/reportNames';

test('next year’s name moves the year in this year’s name on', () => {
  assert.equal(nextFileBase('eco-2023.nianbao.yaml', 2024, '某局'), 'eco-2024');
  assert.equal(nextFileBase('2023年报.nianbao.yml', 2024, '某局'), '2024年报');
  assert.equal(nextFileBase('临江区2020-年度.NIANBAO.YAML', 2021, '某局'), '临江区2021-年度');
  assert.equal(nextFileBase('a2023b2023.nianbao.yaml', 2024, '某局'), 'a2023b2024', 'the last occurrence');
});

test('without last year as a number of its own, or untitled: <agency>-<year>', () => {
  assert.equal(nextFileBase('report.nianbao.yaml', 2024, '示范市 临江区/人民政府'), '示范市临江区人民政府-2024');
  assert.equal(nextFileBase('eco-20231.nianbao.yaml', 2024, '某局'), '某局-2024', '20231 is not 2023');
  assert.equal(nextFileBase('x12023.nianbao.yaml', 2024, '某局'), '某局-2024');
  assert.equal(nextFileBase(undefined, 2024, '某局'), '某局-2024');
  assert.equal(nextFileBase('notes.txt', 2024, '某局'), '某局-2024');
});

test('agency names lose what file systems refuse; an empty one is nianbao', () => {
  assert.equal(reportFileBase('某局: "#1" <a|b>?*', 2020), '某局#1ab-2020');
  assert.equal(reportFileBase(' \t', 2020), 'nianbao-2020');
  assert.equal(reportFileBase('示范市临江区（本级）', 2024), '示范市临江区（本级）-2024');
});
