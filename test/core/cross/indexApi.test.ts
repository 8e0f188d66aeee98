/** What the language server needs of the workspace index: an analysis handed in is used as is, and reportsOf. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ReportIndex, agencyKey, analyze } from '../../../core/src/index';
import { SERIES } from '../../support/paths';

const DUPLICATE = SERIES.duplicate;
const read = (name: string): string => readFileSync(join(DUPLICATE, name), 'utf8');

test("set() takes the caller's analysis of the same text instead of parsing again", () => {
  const text = read('eco-2022.nianbao.yaml');
  const analysis = analyze(text);
  const index = new ReportIndex();
  const update = index.set('file:///a/eco-2022.nianbao.yaml', text, analysis);
  assert.equal(update.analysis, analysis, 'the very object');
  const fresh = new ReportIndex();
  fresh.set('file:///a/eco-2022.nianbao.yaml', text);
  assert.deepEqual(
    index.diagnostics('file:///a/eco-2022.nianbao.yaml'),
    fresh.diagnostics('file:///a/eco-2022.nianbao.yaml'),
  );
  // The same text again is not analysed at all.
  assert.equal(index.set('file:///a/eco-2022.nianbao.yaml', text).analysis, undefined);
});

test('reportsOf() lists every file claiming an agency and year, sorted; none for an unknown one', () => {
  const index = new ReportIndex();
  index.set('file:///a/eco-2022.nianbao.yaml', read('eco-2022.nianbao.yaml'));
  index.set('file:///a/eco-2022-copy.nianbao.yaml', read('eco-2022-copy.nianbao.yaml'));
  index.set('file:///a/eco-2023.nianbao.yaml', read('eco-2023.nianbao.yaml'));
  const key = agencyKey('示范市临江区生态环境局（本级）');
  assert.deepEqual(index.reportsOf(key, 2022), [
    'file:///a/eco-2022-copy.nianbao.yaml',
    'file:///a/eco-2022.nianbao.yaml',
  ]);
  assert.deepEqual(index.reportsOf(key, 2023), ['file:///a/eco-2023.nianbao.yaml']);
  assert.deepEqual(index.reportsOf(key, 2024), []);
  assert.deepEqual(index.reportsOf('其他机关', 2022), []);
});

test('a 年度 out of range is no year: NB208 alone, no deadline, and no reports around it (found by the server fuzzer)', () => {
  // 2.025e23 − 1 === 2.025e23 in floating point: such a report once counted as last year's report of itself.
  const huge = read('eco-2022.nianbao.yaml')
    .replace(/^年度: .*$/m, '年度: 202299999999999999999999')
    .replace(/^发布日期: .*$/m, '发布日期: 2023-01-20');
  const analysis = analyze(huge);
  assert.equal(analysis.report.year, undefined);
  assert.deepEqual(
    analysis.diagnostics.map((d) => d.code),
    ['NB208'],
  );
  const index = new ReportIndex();
  index.set('file:///a/one.nianbao.yaml', huge);
  index.set('file:///a/two.nianbao.yaml', huge.replace('（本级）', '（本级） '));
  assert.deepEqual(
    index.diagnostics('file:///a/one.nianbao.yaml').map((d) => d.code),
    ['NB208'],
  );
  assert.deepEqual(
    index.diagnostics('file:///a/two.nianbao.yaml').map((d) => d.code),
    ['NB208'],
  );
  assert.equal(analyze(huge.replace('202299999999999999999999', '2101')).report.year, undefined);
  assert.equal(analyze(huge.replace('202299999999999999999999', '2100')).report.year, 2100);
});

test("an editor's document alone under its agency and year: its edits need no signature; a neighbour then reads its narrative as a file's", () => {
  const yoy = (name: string): string => readFileSync(join(SERIES.yoy, name), 'utf8');
  const earlier = yoy('eco-2021.nianbao.yaml');
  const later = yoy('eco-2022.nianbao.yaml');
  const index = new ReportIndex();
  const uri = 'file:///a/eco-2021.nianbao.yaml';
  index.set(uri, earlier, analyze(earlier));
  // A changed figure, alone: nothing to re-check.
  const edited = earlier.replace(/(\[\d+, )/, '$1 ');
  assert.notEqual(edited, earlier);
  assert.deepEqual(index.set(uri, edited, analyze(edited)).rechecked, []);
  index.set(uri, earlier, analyze(earlier));
  index.set('file:///a/eco-2022.nianbao.yaml', later);
  // The same findings as when both are files read from disk (the 同比 statements of 2022 read 2021's quantities).
  const files = new ReportIndex();
  files.set(uri, earlier);
  files.set('file:///a/eco-2022.nianbao.yaml', later);
  for (const u of [uri, 'file:///a/eco-2022.nianbao.yaml'])
    assert.deepEqual(index.diagnostics(u), files.diagnostics(u), u);
  assert.ok(index.diagnostics('file:///a/eco-2022.nianbao.yaml').some((d) => d.code === 'NB314'));
  assert.deepEqual(index.facts(uri)?.quantity('received'), files.facts(uri)?.quantity('received'));
});
