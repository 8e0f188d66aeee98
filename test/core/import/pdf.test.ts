/**
 * PDF import as a property, two ways:
 * - random consistent reports of both editions, rendered and printed by the real Chromium (A4, fonts-noto-cjk, some
 *   with label columns narrowed so that labels wrap), read by pdfjs-dist in its worker: every cell comes back exactly;
 * - the text items of the committed PDFs shuffled and jittered by up to a few points, placed by the core in-process:
 *   every cell is exact or left blank with a note that names its row — never another value.
 * And what is not a report's text: a scanned page, an encrypted file, a damaged one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { analyze, importPdf, importReport, renderPage, templateIndex, writeReport } from '../../../core/src/index';
import { normaliseLabel } from '../../../core/src/template/nearestLabel';
import type { Edition, ImportOutcome, ImportSuccess, PdfPage, ReportData } from '../../../core/src/index';
import { importFile } from '../../../extract/src/importFile';
import { pdfItems, stopPdfWorker } from '../../../extract/src/pdfItems';
import { launch } from '../../support/browser';
import type { Browser } from '../../support/browser';
import { FIXTURES } from '../../support/paths';
import { randomReport } from '../../support/randomReport';
import { reportValues } from '../../support/reportValues';
import { seededRandom } from '../../support/wordGrid';

const DIR = join(FIXTURES, 'import');
/** Printing is slow (a second or two a page under load): a few real PDFs per edition. */
const PRINTED = 3;
/** Jittered and shuffled item sets per committed PDF. */
const JITTERS = 60;
const SEED = 1313;

let browser: Browser | undefined;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await stopPdfWorker();
});

const NARROW =
  '.nb-captioned .nb-col-label{width:14%!important}.nb-matrix .nb-col-label-1,.nb-matrix .nb-col-label-2{width:6%!important}.nb-matrix .nb-col-label-3{width:14%!important}';

async function printed(report: ReportData, narrow: boolean): Promise<Uint8Array> {
  const page = await (browser as Browser).context.newPage();
  try {
    const html = renderPage(analyze(writeReport(report))).html;
    await page.setContent(narrow ? html.replace('</head>', `<style>${NARROW}</style></head>`) : html);
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: false }));
  } finally {
    await page.close();
  }
}

/**
 * Values as wide as a printed cell holds: the renderer breaks a number too long for its column over two lines (a
 * seven-digit count in section 四's narrow columns), which the importer then reports rather than guess at.
 */
function fitting(report: ReportData): ReportData {
  const rows = Object.fromEntries(
    Object.entries(report.rows ?? {}).map(([id, cells]) => [
      id,
      cells.map((v) => (v === null ? null : Number.isInteger(v) ? v % 10_000 : Math.round((v % 10_000) * 100) / 100)),
    ]),
  );
  return { ...report, rows };
}

function values(outcome: ImportOutcome): Readonly<Record<string, readonly (number | null | undefined)[]>> {
  if (!outcome.ok) assert.fail(outcome.error.zh);
  return reportValues(outcome.yaml).rows;
}

for (const edition of [2019, 2021] as Edition[]) {
  test(`render → Chromium PDF → import gives every cell back: ${PRINTED} random ${edition}-edition reports`, async () => {
    const reports = fc.sample(randomReport(edition), { numRuns: PRINTED, seed: SEED + edition }).map(fitting);
    for (const [i, report] of reports.entries()) {
      const bytes = await printed(report, i % 2 === 1);
      const result = await importFile(bytes, `random-${edition}-${i}.pdf`);
      assert.deepEqual(values(result), report.rows, `report ${i}`);
      assert.ok(result.ok);
      assert.deepEqual([result.unplaced, result.missing], [[], []], `report ${i}`);
      assert.deepEqual([result.data.agency, result.data.year], [report.agency, report.year]);
    }
  });
}

/** The items shuffled, and each moved by up to `amount` points either way, from `random`. */
function jitter(pages: readonly PdfPage[], amount: number, random: () => number): PdfPage[] {
  return pages.map((page) => {
    const items = page.items.map((item) => ({
      ...item,
      x: item.x + (random() * 2 - 1) * amount,
      y: item.y + (random() * 2 - 1) * amount,
    }));
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return { ...page, items };
  });
}

const SECTION: Record<string, string> = { active: '二', applications: '三', appeals: '四' };

/**
 * Whether a note of the import is about the row `id`: a note of its section that prints the row's label as a cell of
 * its text (the row as printed: the label as the template prints it, or as the page printed it where the notes list
 * it as matched approximately) or names the row in its reason (a number and the rows it may belong to), or the row
 * listed as not printed at all.
 */
function namesRow(result: ImportSuccess, id: string): boolean {
  const node = templateIndex(result.data.edition).byId.get(id)?.node;
  assert.ok(node, id);
  const label = normaliseLabel(node.printed);
  const display = `${node.ordinal}${node.printed}`;
  const printedAs = new Set([
    label,
    ...result.fuzzy.filter((f) => normaliseLabel(f.label) === label).map((f) => normaliseLabel(f.printed)),
  ]);
  const section = SECTION[id.split('.')[0]];
  return (
    result.unplaced.some(
      (u) =>
        u.section === section &&
        (u.text.split(/\s{2,}/).some((cell) => printedAs.has(normaliseLabel(cell))) ||
          u.reason.zh.includes(`「${display}」`)),
    ) || result.missing.includes(display)
  );
}

for (const [name, example] of [
  ['chromium-2024.pdf', 'shifan-2024.nianbao.yaml'],
  ['chromium-wrapped-2020.pdf', 'caozhen-2020.nianbao.yaml'],
  ['word-printed-2024.pdf', 'shifan-2024.nianbao.yaml'],
  ['office-2024.pdf', 'shifan-2024.nianbao.yaml'],
] as const) {
  test(`${name}: items shuffled and jittered by up to 2.5 pt, ${JITTERS} times — each cell exact or blank with a note naming its row, never another value`, async () => {
    const read = await pdfItems(new Uint8Array(readFileSync(join(DIR, name))));
    if (!read.ok) assert.fail(JSON.stringify(read.problem));
    const want = reportValues(readFileSync(join(FIXTURES, '..', '..', 'examples', example), 'utf8')).rows;
    const random = seededRandom(SEED);
    let exact = 0;
    let blank = 0;
    for (let run = 0; run < JITTERS; run++) {
      const amount = run === 0 ? 0 : 0.5 + random() * 2;
      const result = importPdf(jitter(read.pages, amount, random));
      if (!result.ok) continue; // refused as a whole (title or headings lost): nothing placed, nothing wrong
      const got = reportValues(result.yaml).rows;
      for (const [id, cells] of Object.entries(want)) {
        cells.forEach((value, i) => {
          const g = got[id]?.[i];
          if (g === value) {
            exact++;
            return;
          }
          assert.equal(g, null, `${name} run ${run} (±${amount.toFixed(1)} pt): ${id}[${i}] is ${g}, printed ${value}`);
          assert.ok(
            namesRow(result, id),
            `${name} run ${run} (±${amount.toFixed(1)} pt): ${id}[${i}] left blank, and no note names its row:\n${result.notes.map((n) => n.zh).join('\n')}`,
          );
          blank++;
        });
      }
    }
    console.log(`${name}: ${JITTERS} jittered runs, ${exact} cells exact, ${blank} blank and reported, 0 misplaced`);
  });
}

test('a scanned PDF (no text layer) gets one clear message', async () => {
  const result = await importFile(new Uint8Array(readFileSync(join(DIR, 'bad', 'scanned.pdf'))), 'scanned.pdf');
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.match(result.error.zh, /没有文字层，是扫描图像/);
  assert.match(result.error.en, /no text layer/);
});

test('an encrypted PDF, a truncated one and bytes that only start like a PDF: a clear message, no crash', async () => {
  const encrypted = await importFile(new Uint8Array(readFileSync(join(DIR, 'bad', 'encrypted.pdf'))), 'encrypted.pdf');
  assert.ok(!encrypted.ok);
  assert.match(encrypted.error.zh, /有打开密码/);
  const whole = readFileSync(join(DIR, 'chromium-2024.pdf'));
  for (const bytes of [
    whole.subarray(0, 1000),
    Buffer.from('%PDF-1.7\n% nothing else\n'),
    whole.subarray(0, whole.length / 3),
  ]) {
    const result = await importFile(new Uint8Array(bytes), 'broken.pdf');
    if (result.ok)
      assert.ok(result.unplaced.length + result.missing.length > 0, 'a part of a report is reported as such');
    else assert.ok(result.error.zh.trim() && result.error.en.trim());
  }
});

test('a PDF given to the core as bytes says how to import it', () => {
  const result = importPdf([]);
  assert.ok(!result.ok);
  const bytes = readFileSync(join(DIR, 'chromium-2024.pdf'));
  const direct = importReport(new Uint8Array(bytes));
  assert.ok(!direct.ok);
  assert.match(direct.error.zh, /这是 PDF 文件/);
});

test("reading a PDF leaves the thread's built-ins native: the legacy build's polyfills of push and JSON.parse are undone", () => {
  // A fresh process: the test runner's own thread never loads pdf.js.
  const script = `
    const { pdfText } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'extract', 'src', 'pdfText.js'))});
    const { readFileSync } = require('node:fs');
    pdfText(new Uint8Array(readFileSync(${JSON.stringify(join(DIR, 'office-2024.pdf'))}))).then((r) => {
      const native = (f) => /\\[native code\\]/.test(Function.prototype.toString.call(f));
      console.log(JSON.stringify({ ok: r.ok, push: native(Array.prototype.push), parse: native(JSON.parse) }));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').pop() ?? ''), { ok: true, push: true, parse: true });
});
