/**
 * The Word export read back: each example rendered to .docx by the real `nianbao render X.yaml -o X.docx`, then
 * imported by the real `nianbao import X.docx -o …` gives every table value of the report exactly, in both editions;
 * so does the PDF LibreOffice prints from that .docx (`soffice --headless --convert-to pdf`, as an agency that
 * publishes its Word file as PDF does): the official format's page numbers (— 2 —), its tables broken across pages
 * with their header rows repeated and its labels wrapped in narrow cells included. Nothing is left unplaced.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runBin } from '../support/cliRun';
import { convertToPdf } from '../support/libreoffice';
import { EXAMPLES } from '../support/paths';
import { readerText, reportValues } from '../support/reportValues';

const CASES = [
  { name: 'caozhen-2020', edition: 2019 },
  { name: 'shifan-2024', edition: 2021 },
] as const;

const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-round-trip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const docx = (name: string): string => join(dir, `${name}.docx`);

before(() => {
  for (const { name } of CASES) {
    const r = runBin(['render', join(EXAMPLES, `${name}.nianbao.yaml`), '-o', docx(name)]);
    assert.equal(r.code, 0, r.stderr);
  }
});

/** `nianbao import FILE -o OUT` as a user runs it: exit 0, nothing left out, the YAML written. */
function importFile(file: string, out: string): string {
  const r = runBin(['import', file, '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /近似匹配 0 处，未能放入 0 项，原文缺少 0 行/, r.stderr);
  return readFileSync(out, 'utf8');
}

function assertSameTables(name: string, imported: string, edition: number): void {
  const want = reportValues(readFileSync(join(EXAMPLES, `${name}.nianbao.yaml`), 'utf8'));
  const got = reportValues(imported);
  assert.equal(got.edition, edition);
  assert.equal(got.agency, want.agency);
  assert.equal(got.year, want.year);
  let cells = 0;
  for (const [id, row] of Object.entries(want.rows)) {
    assert.deepEqual(got.rows[id], row, `${name}: row ${id}`);
    cells += row.length;
  }
  assert.deepEqual(Object.keys(got.rows).sort(), Object.keys(want.rows).sort());
  assert.ok(cells >= 190, `${cells} cells compared`);
}

for (const { name, edition } of CASES) {
  test(`${name} (${edition}): render -o .docx, import the .docx — every table value and the narrative come back`, () => {
    const imported = importFile(docx(name), join(dir, `${name}.docx.nianbao.yaml`));
    assertSameTables(name, imported, edition);
    const want = reportValues(readFileSync(join(EXAMPLES, `${name}.nianbao.yaml`), 'utf8'));
    const got = reportValues(imported);
    for (const [id, text] of Object.entries(want.texts))
      assert.deepEqual(readerText(got.texts[id] ?? ''), readerText(text), `${name}: ${id}`);
  });
}

test('render --signature: the date under the signature comes back as 发布日期, with every value', () => {
  const file = join(dir, 'signed.docx');
  const r = runBin(['render', join(EXAMPLES, 'shifan-2024.nianbao.yaml'), '-o', file, '--signature']);
  assert.equal(r.code, 0, r.stderr);
  const imported = importFile(file, join(dir, 'signed.nianbao.yaml'));
  assertSameTables('shifan-2024', imported, 2021);
  assert.equal(reportValues(imported).published, '2025-03-20');
  assert.match(imported, /「发布日期」取自文末落款日期 2025-03-20/);
});

test('the .docx printed to PDF by LibreOffice, imported: every table value, both editions', () => {
  const conversion = convertToPdf(
    CASES.map(({ name }) => docx(name)),
    dir,
  );
  assert.equal(conversion.status, 0, conversion.warnings.join('\n'));
  for (const { name, edition } of CASES) {
    const pdf = conversion.pdfs.get(docx(name));
    assert.ok(pdf, `LibreOffice wrote no PDF for ${name}`);
    assertSameTables(name, importFile(pdf, join(dir, `${name}.pdf.nianbao.yaml`)), edition);
  }
});
