/**
 * The round trip: a report rendered to its published page by the project's own exporter (core/src/render,
 * `nianbao render`) and imported back gives the same values — for 1,000 random reports of each edition.
 * The page prints no 发布日期 or 机关类型, so those are not part of the trip.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, importReport, renderPage, writeReport } from '../../../core/src/index';
import type { Edition, ReportData } from '../../../core/src/index';
import { randomReport } from '../../support/randomReport';
import { readerText, reportValues } from '../../support/reportValues';

const RUNS = 1000;

function roundTrip(report: ReportData): void {
  const yaml = writeReport(report);
  const page = renderPage(analyze(yaml)).html;
  const result = importReport(page);
  if (!result.ok) assert.fail(result.error.zh);
  assert.deepEqual([result.fuzzy, result.unplaced, result.missing, result.notes], [[], [], [], []]);
  assert.equal(result.data.edition, report.edition);
  assert.equal(result.data.agency, report.agency);
  assert.equal(result.data.year, report.year);
  assert.deepEqual(result.data.rows, report.rows);
  // What a reader of the imported file gets: the same cells and the same lines of text.
  const back = reportValues(result.yaml);
  assert.deepEqual(back.rows, report.rows);
  for (const id of ['overview', 'problems', 'other']) {
    assert.deepEqual(readerText(back.texts[id] ?? ''), readerText(report.texts?.[id] ?? ''), id);
  }
}

for (const edition of [2019, 2021] as Edition[]) {
  test(`render → import gives the same values for ${RUNS} random ${edition}-edition reports`, () => {
    fc.assert(fc.property(randomReport(edition), roundTrip), { seed: edition, numRuns: RUNS });
  });
}

test('the page bytes (UTF-8, as exported) import the same as the decoded page', () => {
  const report = fc.sample(randomReport(2021), { numRuns: 1, seed: 7 })[0];
  const page = renderPage(analyze(writeReport(report))).html;
  const fromBytes = importReport(new TextEncoder().encode(page));
  const fromText = importReport(page);
  assert.ok(fromBytes.ok && fromText.ok);
  assert.equal(fromBytes.yaml, fromText.yaml);
});
