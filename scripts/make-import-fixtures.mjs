// Writes the generated import fixtures of test/fixtures/import/ (after `npm run build`): Word "save as web page"
// pages and .docx files on irregular grids (test/support/wordPage.ts, wordDocx.ts), and PDFs printed by Debian's
// Chromium (`chromium --headless --print-to-pdf`, fonts-noto-cjk) from rendered reports — one of them with label
// columns narrowed so that labels wrap over several lines — and from a Word page. Run by `npm run fixtures:import`. Each fixture is imported once here
// and must give back every value of its report, or the script stops; then its expected YAML is written beside it.
// Usage: npm run fixtures:import   (commit what it writes; it is not run by the tests)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const core = require(join(root, 'out/core/src/index.js'));
const { seededRandom } = require(join(root, 'out/test/support/wordGrid.js'));
const { wordPage } = require(join(root, 'out/test/support/wordPage.js'));
const { wordDocx } = require(join(root, 'out/test/support/wordDocx.js'));
const { reportValues } = require(join(root, 'out/test/support/reportValues.js'));
const { importFile, stopPdf } = (() => {
  const m = require(join(root, 'out/extract/src/importFile.js'));
  const w = require(join(root, 'out/extract/src/pdfItems.js'));
  return { importFile: m.importFile, stopPdf: w.stopPdfWorker };
})();

const dir = join(root, 'test', 'fixtures', 'import');
const chromium = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';

/** A report of the examples as data, under another agency when given. */
function exampleData(file, agency) {
  const v = reportValues(readFileSync(join(root, 'examples', file), 'utf8'));
  return { edition: v.edition, agency: agency ?? v.agency, year: v.year, texts: v.texts, rows: v.rows };
}

function printPdf(html, out) {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-print-'));
  try {
    const page = join(tmp, 'page.html');
    writeFileSync(page, html);
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(tmp, 'profile')}`,
        `--print-to-pdf=${out}`,
        `file://${page}`,
      ],
      { stdio: 'ignore' },
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function check(name, report) {
  const bytes = new Uint8Array(readFileSync(join(dir, name)));
  const result = await importFile(bytes, name);
  if (!result.ok) throw new Error(`${name}: ${result.error.en}`);
  const got = reportValues(result.yaml);
  for (const [id, want] of Object.entries(report.rows))
    if (JSON.stringify(got.rows[id]) !== JSON.stringify(want))
      throw new Error(`${name}: ${id} is ${JSON.stringify(got.rows[id])}, printed ${JSON.stringify(want)}`);
  if (got.agency !== report.agency || got.year !== report.year) throw new Error(`${name}: ${got.agency} ${got.year}`);
  writeFileSync(join(dir, name.replace(/\.\w+$/, '.expected.yaml')), result.yaml);
  console.log(`${name}: ${bytes.length} bytes, every value back; ${result.notes.length} note(s)`);
}

const renderedPage = (report, css = '') => {
  const page = core.renderPage(core.analyze(core.writeReport(report))).html;
  return css ? page.replace('</head>', `<style>${css}</style></head>`) : page;
};

// Word pages: irregular grids and the title, date and heading variants real pages print.
const bureau = exampleData('shifan-2024.nianbao.yaml', '示范市自然资源和规划局（示范市林业局）');
writeFileSync(
  join(dir, 'word-irregular-2024.html'),
  wordPage(bureau, seededRandom(2024), {
    split: 0.4,
    misalign: 0.4,
    title: 'split',
    date: { label: '时间：', value: '2025-01-22' },
    opening: true,
    headings: 'variant',
    separators: true,
  }),
);
await check('word-irregular-2024.html', bureau);
const township = exampleData('caozhen-2020.nianbao.yaml', '示范县城关镇人民政府');
writeFileSync(
  join(dir, 'word-inline-2020.html'),
  wordPage(township, seededRandom(2020), {
    split: 0.3,
    misalign: 0.3,
    inlineGroups: true,
    title: 'yearFirst',
    date: { label: 'signature', value: '2021-03-26' },
  }),
);
await check('word-inline-2020.html', township);

// Word documents.
writeFileSync(
  join(dir, 'docx-2024.docx'),
  await wordDocx(bureau, seededRandom(7), {
    split: 0.3,
    misalign: 0.3,
    title: 'broken',
    date: { label: '发布时间：', value: '2025-01-22' },
  }),
);
await check('docx-2024.docx', bureau);
writeFileSync(
  join(dir, 'docx-inline-2020.docx'),
  await wordDocx(township, seededRandom(8), { split: 0.3, misalign: 0.3, inlineGroups: true, title: 'split' }),
);
await check('docx-inline-2020.docx', township);

// PDFs printed by Chromium: the rendered page; the rendered page with narrow label columns (labels wrap over
// lines inside merged cells); a Word page.
const shifan = exampleData('shifan-2024.nianbao.yaml');
printPdf(renderedPage(shifan), join(dir, 'chromium-2024.pdf'));
await check('chromium-2024.pdf', shifan);
const narrow =
  '.nb-captioned .nb-col-label{width:13%!important}.nb-matrix .nb-col-label-1,.nb-matrix .nb-col-label-2{width:6%!important}.nb-matrix .nb-col-label-3{width:13%!important}';
printPdf(renderedPage(township, narrow), join(dir, 'chromium-wrapped-2020.pdf'));
await check('chromium-wrapped-2020.pdf', township);
printPdf(readFileSync(join(dir, 'word-irregular-2024.html'), 'utf8'), join(dir, 'word-printed-2024.pdf'));
await check('word-printed-2024.pdf', bureau);
// A PDF exported by LibreOffice from the .docx (another producer: fonts embedded its own way, text in runs).
const office = mkdtempSync(join(tmpdir(), 'nianbao-office-'));
try {
  // Cells as wide as people make them: a value beside an empty part of a narrow column would wrap its digits.
  writeFileSync(
    join(office, 'report.docx'),
    await wordDocx(bureau, seededRandom(9), { split: 0, misalign: 0.4, title: 'split' }),
  );
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(office, 'profile')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      office,
      join(office, 'report.docx'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(join(dir, 'office-2024.pdf'), readFileSync(join(office, 'report.pdf')));
  await check('office-2024.pdf', bureau);
  // The same, with a password to open it: refused with a message.
  const encrypt =
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"nianbao"}}';
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(office, 'profile')}`,
      '--convert-to',
      encrypt,
      '--outdir',
      join(office, 'enc'),
      join(dir, 'docx-2024.docx'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(join(dir, 'bad', 'encrypted.pdf'), readFileSync(join(office, 'enc', 'docx-2024.pdf')));
} finally {
  rmSync(office, { recursive: true, force: true });
}

// A scanned report: a screenshot of the rendered page, printed as an image with no text layer.
const shot = mkdtempSync(join(tmpdir(), 'nianbao-shot-'));
try {
  writeFileSync(join(shot, 'page.html'), renderedPage(shifan));
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--user-data-dir=${join(shot, 'profile')}`,
      '--window-size=900,1200',
      `--screenshot=${join(shot, 'page.png')}`,
      `file://${join(shot, 'page.html')}`,
    ],
    { stdio: 'ignore' },
  );
  const png = readFileSync(join(shot, 'page.png')).toString('base64');
  printPdf(
    `<!doctype html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png}"></body>`,
    join(dir, 'bad', 'scanned.pdf'),
  );
} finally {
  rmSync(shot, { recursive: true, force: true });
}
console.log('bad/encrypted.pdf, bad/scanned.pdf written');
await stopPdf();
