/**
 * Word's irregular grids (`test/support/wordGrid.ts`): for random consistent reports of both editions, the page
 * Word saves — value cells spanning grid columns, values beside empty cells under a spanning header, borders
 * misaligned between rows, the spacer row, group and row labels in one cell — imports to every value exactly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { importReport } from '../../../core/src/index';
import type { Edition, ReportData } from '../../../core/src/index';
import { randomReport } from '../../support/randomReport';
import { reportValues } from '../../support/reportValues';
import { seededRandom } from '../../support/wordGrid';
import { wordPage } from '../../support/wordPage';

const RUNS = 300;
const SEED = 1302;

function roundTrip(report: ReportData, seed: number, inlineGroups: boolean): void {
  const page = wordPage(report, seededRandom(seed), { split: 0.35, misalign: 0.35, inlineGroups, separators: true });
  const result = importReport(page);
  if (!result.ok) assert.fail(result.error.zh);
  assert.deepEqual([result.unplaced, result.missing], [[], []], `seed ${seed}`);
  assert.equal(result.data.edition, report.edition);
  assert.equal(result.data.agency, report.agency);
  assert.equal(result.data.year, report.year);
  assert.deepEqual(reportValues(result.yaml).rows, report.rows);
}

for (const edition of [2019, 2021] as Edition[]) {
  test(`Word's irregular grid → import gives every value back: ${RUNS} random ${edition}-edition reports`, () => {
    fc.assert(fc.property(randomReport(edition), fc.integer(), fc.boolean(), roundTrip), {
      numRuns: RUNS,
      seed: SEED + edition,
    });
  });
}
