/**
 * The Word export read back in process, for random reports: a consistent report of either edition (blank cells and a
 * blank 总计 among them) written by `writeReport`, laid out by `officialDocument` and written by the project's own Word
 * writer (`word/src/writeDocx.ts`, what `nianbao render X.yaml -o X.docx` runs), then the .docx bytes imported by the
 * core's DOCX importer: every table cell comes back as written (a blank stays blank), and so do 机关, 年度 and the
 * edition, with nothing unplaced or missing. `test/cli/importRoundTrip.test.ts` takes the same trip through the CLI
 * for the two examples.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, importReport, officialDocument, templateIndex, writeReport } from '../../core/src/index';
import type { Edition, ReportData } from '../../core/src/index';
import { writeDocx } from '../../word/src/writeDocx';
import { agencyName } from '../support/randomReport';
import { consistentReport } from '../support/reportArbitrary';
import { readerText, reportValues } from '../support/reportValues';

const RUNS = 60;
const SEED = 1516;

/** Each row's columns, and which of them is a 总计. */
function shape(edition: Edition): { id: string; columns: number; total: number }[] {
  return templateIndex(edition).rows.map((r) => ({
    id: r.node.id,
    columns: r.node.columns.length,
    total: r.node.columns.findIndex((c) => c.id === 'total'),
  }));
}

/**
 * A consistent report with some cells left blank: any cells, and in most cases one 总计 (the cell people leave blank
 * when they trust the sum).
 */
function blankedReport(edition: Edition): fc.Arbitrary<ReportData> {
  const rows = shape(edition);
  const totals = rows.filter((r) => r.total >= 0);
  const cell = fc.tuple(fc.nat({ max: rows.length - 1 }), fc.nat({ max: 6 }));
  return fc
    .record({
      report: consistentReport(edition),
      agency: agencyName,
      blanks: fc.array(cell, { maxLength: 12 }),
      blankTotal: fc.option(fc.nat({ max: totals.length - 1 }), { freq: 4 }),
    })
    .map(({ report, agency, blanks, blankTotal }) => {
      const values: Record<string, (number | null)[]> = {};
      for (const [id, row] of Object.entries(report.rows ?? {})) values[id] = [...row];
      for (const [r, c] of blanks) {
        const row = rows[r];
        values[row.id][c % row.columns] = null;
      }
      if (blankTotal !== null) values[totals[blankTotal].id][totals[blankTotal].total] = null;
      return { ...report, agency, rows: values };
    });
}

async function roundTrip(report: ReportData): Promise<void> {
  const bytes = await writeDocx(officialDocument(analyze(writeReport(report))));
  const result = importReport(bytes);
  if (!result.ok) assert.fail(result.error.zh);
  assert.equal(result.kind, 'docx');
  assert.deepEqual([result.fuzzy, result.unplaced, result.missing], [[], [], []]);
  assert.deepEqual(
    [result.data.agency, result.data.year, result.data.edition],
    [report.agency, report.year, report.edition],
  );
  assert.deepEqual(result.data.rows, report.rows);
  // What the imported file says when read again: the same cells, blank as null, and the same lines of narrative.
  const back = reportValues(result.yaml);
  assert.deepEqual([back.agency, back.year, back.edition], [report.agency, report.year, report.edition]);
  assert.deepEqual(back.rows, report.rows);
  for (const id of ['overview', 'problems', 'other'])
    assert.deepEqual(readerText(back.texts[id] ?? ''), readerText(report.texts?.[id] ?? ''), id);
}

for (const edition of [2019, 2021] as Edition[]) {
  test(`our Word export → DOCX import gives every cell back (blank stays blank), 机关 and 年度: ${RUNS} random consistent ${edition}-edition reports`, async () => {
    let blanks = 0;
    let blankTotals = 0;
    await fc.assert(
      fc.asyncProperty(blankedReport(edition), async (report) => {
        await roundTrip(report);
        for (const [id, row] of Object.entries(report.rows ?? {})) {
          const total = shape(edition).find((r) => r.id === id)!.total;
          row.forEach((v, c) => {
            if (v !== null) return;
            blanks++;
            if (c === total) blankTotals++;
          });
        }
      }),
      { numRuns: RUNS, seed: SEED + edition },
    );
    // The property saw what it is about: blank cells, blank 总计 among them.
    assert.ok(blanks >= RUNS, `${blanks} blank cells`);
    assert.ok(blankTotals >= RUNS / 2, `${blankTotals} blank 总计`);
  });
}
