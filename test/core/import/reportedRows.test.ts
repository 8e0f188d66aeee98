/**
 * A grid row (HTML, DOCX) whose printed values cannot be matched one-to-one onto the template's columns is reported
 * and written null, and nothing else of the report changes: a row printed with a cell missing (its other values may
 * have moved left: IM.cellMissing), a value straddling two template columns and two values in one template column
 * (IM.columnsUnclear). Each case is a committed fixture with one row edited the way a hand edit in Word breaks it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { IMPORT_MESSAGES as IM, analyze, importReport, officialDocument } from '../../../core/src/index';
import type { ImportSuccess, Localized } from '../../../core/src/index';
import { writeDocx } from '../../../word/src/writeDocx';
import { EXAMPLES, FIXTURES } from '../../support/paths';

const DIR = join(FIXTURES, 'import');
const LABEL = '（一）予以公开';

type Edit = (cells: string[]) => string[];

/** The markup with the value cells of the row labelled LABEL edited (`cell` matches one cell of the markup). */
function editRow(markup: string, rowOpen: string, rowClose: string, cell: RegExp, edit: Edit): string {
  const at = markup.indexOf(LABEL);
  assert.ok(at >= 0, `the markup prints ${LABEL}`);
  const start = markup.lastIndexOf(rowOpen, at);
  const end = markup.indexOf(rowClose, at);
  const row = markup.slice(start, end);
  const cells = [...row.matchAll(cell)];
  const first = cells.findIndex((m) => m[0].includes(LABEL)) + 1;
  const values = cells.slice(first);
  const from = values[0].index;
  const to = values[values.length - 1].index + values[values.length - 1][0].length;
  const edited = row.slice(0, from) + edit(values.map((m) => m[0])).join('\n') + row.slice(to);
  return markup.slice(0, start) + edited + markup.slice(end);
}

function editHtml(html: string, edit: Edit): string {
  return editRow(html, '<tr', '</tr>', /<td[\s\S]*?<\/td>/g, edit);
}

function editDocx(bytes: Uint8Array, edit: Edit): Uint8Array {
  const files = unzipSync(bytes);
  const xml = editRow(strFromU8(files['word/document.xml']), '<w:tr>', '</w:tr>', /<w:tc>[\s\S]*?<\/w:tc>/g, edit);
  return zipSync({ ...files, 'word/document.xml': strToU8(xml) });
}

/** How many grid columns a cell spans, and the same cell spanning `n`. */
const spanOf = (cell: string): number => Number(/(?:colspan=["']?|w:gridSpan w:val=")(\d+)/.exec(cell)?.[1] ?? 1);
function withSpan(cell: string, n: number): string {
  if (cell.startsWith('<w:tc>'))
    return /w:gridSpan/.test(cell)
      ? cell.replace(/w:gridSpan w:val="\d+"/, `w:gridSpan w:val="${n}"`)
      : cell.replace('</w:tcPr>', `<w:gridSpan w:val="${n}"/></w:tcPr>`);
  return /colspan=/.test(cell)
    ? cell.replace(/colspan=["']?\d+["']?/, `colspan=${n}`)
    : cell.replace('<td', `<td colspan=${n}`);
}
/** The cell printing `value` instead of its number. */
function withValue(cell: string, value: string): string {
  const out = cell.startsWith('<w:tc>')
    ? cell.replace(/(<w:t[^>]*>)\d+(<\/w:t>)/, `$1${value}$2`)
    : cell.replace(/(<span lang=EN-US>|<td[^>]*>)\d+/, `$1${value}`);
  assert.notEqual(out, cell);
  return out;
}

/** Drops the `i`th value cell. */
const drop =
  (i: number): Edit =>
  (cells) =>
    cells.filter((_, j) => j !== i);
/** The `i`th value cell spans the next one's grid columns too (the next one gone): one value over two columns. */
const merge =
  (i: number): Edit =>
  (cells) => [...cells.slice(0, i), withSpan(cells[i], spanOf(cells[i]) + spanOf(cells[i + 1])), ...cells.slice(i + 2)];
/** The `i`th value cell split into two, the second printing `value`: two values under one header. */
const split =
  (i: number, left: number, value: string): Edit =>
  (cells) => [
    ...cells.slice(0, i),
    withSpan(cells[i], left),
    withValue(withSpan(cells[i], spanOf(cells[i]) - left), value),
    ...cells.slice(i + 1),
  ];

function imported(input: string | Uint8Array): ImportSuccess {
  const result = importReport(input);
  if (!result.ok) assert.fail(result.error.zh);
  return result;
}

/**
 * The edited source imports to the original's YAML with the row null and one note about it — the only difference.
 */
function assertRowReported(original: ImportSuccess, edited: ImportSuccess, reason: Localized): void {
  assert.deepEqual(original.unplaced, []);
  assert.equal(edited.unplaced.length, 1, edited.unplaced.map((u) => u.reason.zh).join('\n'));
  const [note] = edited.unplaced;
  assert.equal(note.section, '三');
  assert.match(note.text, /（一）予以公开/);
  assert.deepEqual(note.reason, reason);
  const block = new RegExp(
    `^# 以下内容无法放入模板，未导入：\\n# {3}三「[^\\n]*（一）予以公开[^\\n]*」：${reason.zh}\\n`,
    'm',
  );
  assert.match(edited.yaml, block);
  const row = /^( +予以公开: )\[[^\]\n]*\]$/m;
  assert.match(original.yaml, row);
  assert.equal(edited.yaml.replace(block, ''), original.yaml.replace(row, `$1[${Array(7).fill('null').join(', ')}]`));
  assert.deepEqual([edited.fuzzy, edited.missing], [original.fuzzy, original.missing]);
  // The notes are the comment block's: its heading and the row, after the original's notes.
  assert.deepEqual(edited.notes.slice(0, original.notes.length), original.notes);
  assert.deepEqual(
    edited.notes.slice(original.notes.length).map((n) => n.zh.replace(/「.*」/, '「…」')),
    ['以下内容无法放入模板，未导入：', `  三「…」：${reason.zh}`],
  );
}

const html = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const docx = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));
/** examples/shifan-2024 exported to Word by the project itself: a regular grid, one grid column per value. */
async function exportedDocx(): Promise<Uint8Array> {
  const text = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');
  return writeDocx(officialDocument(analyze(text)));
}

test('HTML: a row of official-2021.html with its 法人或其他组织·商业企业 cell removed is reported (cell missing), null', () => {
  const source = html('official-2021.html');
  const edited = imported(editHtml(source, drop(1)));
  assertRowReported(imported(source), edited, IM.cellMissing(1));
});

test("HTML: a Word page's row on an irregular grid with a spanning value cell removed is reported (cell missing)", () => {
  const source = html('word-irregular-2024.html');
  assertRowReported(imported(source), imported(editHtml(source, drop(1))), IM.cellMissing(1));
});

test('DOCX: a row of the Word export with one value cell (w:tc) removed is reported (cell missing), null', async () => {
  const source = await exportedDocx();
  const edited = imported(editDocx(source, drop(1)));
  assert.equal(edited.kind, 'docx');
  assertRowReported(imported(source), edited, IM.cellMissing(1));
  // The last cell removed: nothing moved, but the 总计 column has no cell — the same note.
  assertRowReported(imported(source), imported(editDocx(source, drop(6))), IM.cellMissing(1));
});

test('DOCX: a cell removed from a row on an irregular grid moves the others across column borders: reported', () => {
  const source = docx('docx-2024.docx');
  // Dropping 5 (six grid columns) moves the later values left by six grid columns, off their headers' columns.
  assertRowReported(imported(source), imported(editDocx(source, drop(1))), IM.columnsUnclear('1 1 46'));
  assertRowReported(imported(source), imported(editDocx(source, drop(6))), IM.cellMissing(1));
});

test('HTML: a value straddling two template columns is reported (columns unclear), the row null', () => {
  const source = html('official-2021.html');
  // 38 printed over the 自然人 and 商业企业 columns, half in each.
  assertRowReported(imported(source), imported(editHtml(source, merge(0))), IM.columnsUnclear('38'));
});

test("HTML: two values under one template column of a Word page's irregular grid are reported (columns unclear)", () => {
  const source = html('word-irregular-2024.html');
  // The 商业企业 value cell (seven grid columns) split into 5 and 9, both under 商业企业.
  assertRowReported(imported(source), imported(editHtml(source, split(1, 3, '9'))), IM.columnsUnclear('5 9'));
});

test('DOCX: a value straddling two template columns, and two values in one, are reported (columns unclear)', () => {
  const source = docx('docx-2024.docx');
  assertRowReported(imported(source), imported(editDocx(source, merge(0))), IM.columnsUnclear('38'));
  assertRowReported(imported(source), imported(editDocx(source, split(1, 3, '9'))), IM.columnsUnclear('5 9'));
});
