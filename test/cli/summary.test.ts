/**
 * The evaluator's outputs: `check DIR --format csv` (one row per finding) and `summary DIR -o OUT.xlsx|.csv` (one row
 * per report, a second sheet of findings). The workbook is opened by a real spreadsheet program — LibreOffice Calc,
 * headless — and must hold exactly what the CSV outputs hold; text from a report never becomes a formula.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runBin, runCli } from '../support/cliRun';
import { SERIES } from '../support/paths';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A folder of reports: the consistent and the broken series of one agency would be duplicates, so two agencies. */
const reports = join(dir, 'reports');
mkdirSync(reports);
cpSync(SERIES.yoy, join(reports, 'eco'), { recursive: true });
for (const name of readdirSync(SERIES.broken)) {
  const text = readFileSync(join(SERIES.broken, name), 'utf8').replace(
    /^机关: .*$/m,
    '机关: "=HYPERLINK(\\"http://127.0.0.1/x\\",\\"点我\\")"',
  );
  mkdirSync(join(reports, 'broken'), { recursive: true });
  writeFileSync(join(reports, 'broken', name), text);
}

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

test('check --format csv: a BOM, a header, one CRLF row per finding with 机关, 年度, line and path', async () => {
  const r = await runCli(['check', reports, '--format', 'csv']);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(r.stdout.startsWith('\ufeff文件,机关,年度,代码,级别,问题,行,位置\r\n'));
  const rows = parseCsv(r.stdout.slice(1));
  const json = JSON.parse((await runCli(['check', reports, '--format', 'json'])).stdout) as {
    files: { file: string; diagnostics: { code: string; line: number; message: string }[] }[];
  };
  const expected = json.files.flatMap((f) => f.diagnostics.map((d) => [f.file, d.code, String(d.line), d.message]));
  assert.deepEqual(
    rows.slice(1).map((row) => [row[0], row[3], row[6], row[5]]),
    expected,
  );
  const carry = rows.find((row) => row[3] === 'NB306');
  assert.ok(carry);
  assert.deepEqual(
    [carry[1], carry[2], carry[4], carry[7]],
    [
      '\'=HYPERLINK("http://127.0.0.1/x","点我")',
      '2020',
      '错误',
      '收到和处理政府信息公开申请情况/上年结转政府信息公开申请数量/0',
    ],
  );
  // The 同比 findings of the series are there too.
  assert.equal(rows.filter((row) => row[3] === 'NB314').length, 4);
  const en = await runCli(['check', reports, '--format', 'csv', '--lang', 'en']);
  assert.ok(en.stdout.startsWith('\ufefffile,agency,year,code,severity,message,line,path\r\n'));
});

test('summary -o OUT.csv: one row per report sorted by 机关 and 年度, the key figures, errors and warnings', async () => {
  const out = join(dir, 'summary.csv');
  const r = await runCli(['summary', reports, '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  const rows = parseCsv(readFileSync(out, 'utf8').replace(/^\ufeff/, ''));
  assert.deepEqual(rows[0].slice(0, 6), ['文件', '机关', '年度', '格式', '本年新收申请', '上年结转']);
  assert.deepEqual(rows[0].slice(-2), ['错误', '警告']);
  assert.equal(rows.length, 1 + 10);
  // The formula-looking 机关 sorts before the other agency and is written as text.
  assert.deepEqual(
    rows.slice(1).map((row) => [row[1].startsWith("'=") ? 'broken' : 'eco', row[2], row[3]]),
    [
      ['broken', '2019', '2019'],
      ['broken', '2020', '2019'],
      ['broken', '2021', '2021'],
      ['broken', '2022', '2021'],
      ['broken', '2023', '2021'],
      ['eco', '2019', '2019'],
      ['eco', '2020', '2019'],
      ['eco', '2021', '2021'],
      ['eco', '2022', '2021'],
      ['eco', '2023', '2021'],
    ],
  );
  const header = rows[0];
  const eco2021 = rows.find((row) => row[0].endsWith(join('eco', 'eco-2021.nianbao.yaml')));
  assert.ok(eco2021);
  const at = (name: string): string => eco2021[header.indexOf(name)];
  assert.deepEqual(
    ['本年新收申请', '办理结果总计', '其他处理', '现行有效规范性文件', '行政事业性收费（万元）', '错误', '警告'].map(
      at,
    ),
    ['25', '25', '4', '11', '1599.67', '0', '1'],
  );
  // A 2019-edition year has no 现行有效件数: blank, not 0.
  const eco2019 = rows.find((row) => row[0].endsWith(join('eco', 'eco-2019.nianbao.yaml')));
  assert.equal(eco2019?.[header.indexOf('现行有效规范性文件')], '');
  assert.match(r.stderr, /CSV 只含每份年报一行的汇总表/);
});

test('summary -o OUT.xlsx: LibreOffice Calc opens it, both sheets hold what the CSV outputs hold', async () => {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  assert.equal(soffice.status, 0, 'soffice is needed: apt-get install libreoffice-calc-nogui (.ci/run installs it)');
  const xlsx = join(dir, 'summary.xlsx');
  const r = runBin(['summary', reports, '-o', xlsx]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(xlsx).subarray(0, 2).toString('latin1'), 'PK');
  const converted = join(dir, 'converted');
  const lo = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      converted,
      xlsx,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  assert.equal(lo.status, 0, lo.stderr);
  const sheets = readdirSync(converted).sort();
  assert.deepEqual(sheets, ['summary-年报.csv', 'summary-问题.csv']);
  const read = (name: string): string[][] => parseCsv(readFileSync(join(converted, name), 'utf8'));
  // Sheet 1 = the CSV summary, except that a spreadsheet shows text as text (no apostrophe needed).
  const csv = join(dir, 'summary-for-xlsx.csv');
  await runCli(['summary', reports, '-o', csv]);
  const fromCsv = parseCsv(readFileSync(csv, 'utf8').replace(/^\ufeff/, '')).map((row) =>
    row.map((f) => f.replace(/^'(?=[=+\-@])/, '')),
  );
  assert.deepEqual(read('summary-年报.csv'), fromCsv);
  // Sheet 2 = check --format csv.
  const check = await runCli(['check', reports, '--format', 'csv']);
  const findings = parseCsv(check.stdout.slice(1)).map((row) => row.map((f) => f.replace(/^'(?=[=+\-@])/, '')));
  assert.deepEqual(read('summary-问题.csv'), findings);
});

test('summary refuses: no -o, an unknown extension, an existing output (kept) unless --force', async () => {
  assert.equal((await runCli(['summary', reports])).code, 2);
  assert.equal((await runCli(['summary', reports, '-o', join(dir, 'x.ods')])).code, 2);
  const existing = join(dir, 'existing.xlsx');
  writeFileSync(existing, 'mine');
  const r = await runCli(['summary', reports, '-o', existing]);
  assert.equal(r.code, 2);
  assert.equal(readFileSync(existing, 'utf8'), 'mine');
  const forced = await runCli(['summary', reports, '-o', existing, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.notEqual(readFileSync(existing, 'utf8'), 'mine');
  assert.equal(existsSync(join(dir, 'x.ods')), false);
});
