/**
 * The importer on damaged published reports: the HTML and text fixtures (UTF-8 and GBK) with tags, table cells,
 * spans, entities, charsets, headings and numbers inserted, parts deleted or repeated, bytes flipped and cut.
 * - In-process (`importReport`): never throws; a success is well-formed report YAML (no syntax finding), a failure
 *   has a message in both languages.
 * - Through `bin/nianbao.js import -o`: exit 0 and the file is exactly the importer's YAML, or exit 1, a message and
 *   no file; never a stack trace.
 */
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, importPdf, importReport } from '../../../core/src/index';
import type { ImportOutcome, PdfPage } from '../../../core/src/index';
import { importFile } from '../../../extract/src/importFile';
import { pdfItems, stopPdfWorker } from '../../../extract/src/pdfItems';
import { FIXTURES } from '../paths';
import { byteDamage, damage } from './bytes';
import type { ByteDamage } from './bytes';
import { nianbao, wellBehaved } from './cliFuzz';
import type { FuzzTarget } from './runFuzz';
import { SECTION_TITLES } from '../sectionTitles';

const IMPORT = join(FIXTURES, 'import');
const SOURCES: readonly { readonly name: string; readonly bytes: Buffer }[] = readdirSync(IMPORT)
  .filter((n) => /\.(html|txt|docx)$/.test(n))
  .map((name) => ({ name, bytes: readFileSync(join(IMPORT, name)) }));
const PDFS = readdirSync(IMPORT).filter((n) => n.endsWith('.pdf'));

const HTML_PIECES = [
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<th>',
  '<td rowspan="3">',
  '<td colspan="7">',
  '<td rowspan="99999">',
  '<td colspan="1000">',
  '<td rowspan="0" colspan="0">',
  '<td rowspan="-1">',
  '<br>',
  '<p>',
  '</p>',
  '<p class="MsoNormal">',
  '<o:p></o:p>',
  '&nbsp;',
  '&#xD800;',
  '&#0;',
  '&#x110000;',
  '&amp;',
  '&lt;script&gt;',
  '<script>alert(1)</script>',
  '<meta charset="gbk">',
  '<meta charset="utf-16">',
  '<meta charset="x-unknown">',
  '<!--',
  '-->',
  '<![endif]-->',
  '<![CDATA[',
  '<span style="mso-spacerun:yes">',
  '</span>',
  '<div>',
  '</div>',
];
const TEXT_PIECES = [
  ...SECTION_TITLES,
  '（一）予以公开',
  '（三）不予公开',
  '1.属于国家秘密',
  '总计',
  '自然人',
  '（单位：元）',
  '元',
  '万元',
  '/',
  '—',
  '　',
  '\t',
  '\n',
  '\r\n',
  '0',
  '12',
  '3,020.782',
  '75394432.52元',
  '-5',
  '十七',
  '2020年',
  '某县人民政府2023年政府信息公开工作年度报告',
  '发布时间：2024-01-20',
];

type SourceEdit =
  | { readonly kind: 'insert'; readonly fraction: number; readonly text: string }
  | { readonly kind: 'delete'; readonly fraction: number; readonly length: number }
  | { readonly kind: 'repeat'; readonly fraction: number; readonly length: number; readonly times: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const sourceEdit: fc.Arbitrary<SourceEdit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      fraction,
      text: fc
        .array(fc.constantFrom(...HTML_PIECES, ...TEXT_PIECES), { minLength: 1, maxLength: 4 })
        .map((p) => p.join('')),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), fraction, length: fc.integer({ min: 1, max: 4000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      fraction,
      length: fc.integer({ min: 1, max: 2000 }),
      times: fc.integer({ min: 2, max: 20 }),
    }),
  },
);

/** Source edits on the bytes (as latin1, so that a GBK page is edited without decoding it). */
function editSource(bytes: Buffer, edits: readonly SourceEdit[]): Buffer {
  let s = bytes.toString('latin1');
  for (const e of edits) {
    const at = Math.floor(e.fraction * (s.length + 1));
    if (e.kind === 'insert') s = s.slice(0, at) + Buffer.from(e.text, 'utf8').toString('latin1') + s.slice(at);
    else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.length);
    else s = s.slice(0, at) + s.slice(at, at + e.length).repeat(e.times) + s.slice(at + e.length);
  }
  return Buffer.from(s, 'latin1');
}

export const damagedSource = fc.record({
  source: fc.nat(SOURCES.length - 1),
  edits: fc.array(sourceEdit, { maxLength: 8 }),
  damages: fc.oneof(
    { weight: 3, arbitrary: fc.constant([] as ByteDamage[]) },
    { weight: 1, arbitrary: fc.array(byteDamage, { minLength: 1, maxLength: 3 }) },
  ),
  /** Hand the importer text (as pasted) instead of bytes (as read from a file). */
  asText: fc.boolean(),
});

export type DamagedSource = { source: number; edits: SourceEdit[]; damages: ByteDamage[]; asText: boolean };

/** A .docx edited inside: its document.xml takes the edits (the archive stays an archive), then the bytes are damaged. */
function editDocx(bytes: Buffer, edits: readonly SourceEdit[]): Buffer {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = files['word/document.xml'];
  if (xml) files['word/document.xml'] = new Uint8Array(editSource(Buffer.from(xml), edits));
  return Buffer.from(zipSync(files));
}

export function sourceBytes(d: DamagedSource): Buffer {
  const source = SOURCES[d.source];
  const edited = source.name.endsWith('.docx') ? editDocx(source.bytes, d.edits) : editSource(source.bytes, d.edits);
  return damage(edited, d.damages);
}

/** The importer's promise for any input; returns the problem, if any. */
export function checkImport(input: string | Uint8Array): string | undefined {
  return outcomeProblem(importReport(input));
}

/** What is wrong with an import's outcome: a refusal without a message, or YAML that does not parse. */
function outcomeProblem(result: ImportOutcome): string | undefined {
  if (!result.ok) return result.error.zh.trim() && result.error.en.trim() ? undefined : 'a refusal without a message';
  const syntax = analyze(result.yaml).diagnostics.filter((d) => d.code < 'NB110');
  if (syntax.length)
    return `the imported YAML is not well-formed: ${syntax.map((d) => `${d.code} ${d.message.en}`).join('; ')}`;
  return undefined;
}

export class ImportCoreFuzz implements FuzzTarget<[DamagedSource]> {
  readonly name = 'import-core';
  private pages = 0;
  async setup(): Promise<void> {}
  async teardown(): Promise<void> {}
  counters(): Record<string, number> {
    return { pages: this.pages };
  }
  readonly property = fc.asyncProperty(damagedSource, async (d) => {
    this.pages++;
    const bytes = sourceBytes(d);
    const asText = d.asText && !SOURCES[d.source].name.endsWith('.docx');
    const problem = checkImport(asText ? bytes.toString('utf8') : new Uint8Array(bytes));
    if (problem) throw new Error(`${SOURCES[d.source].name}: ${problem}`);
  });
}

export class ImportCliFuzz implements FuzzTarget<[DamagedSource]> {
  readonly name = 'import-cli';
  private dir = '';
  private pages = 0;
  async setup(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'nianbao-import-fuzz-'));
  }
  async teardown(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
  }
  counters(): Record<string, number> {
    return { pages: this.pages, processes: this.pages };
  }
  readonly property = fc.asyncProperty(damagedSource, async (d) => {
    const n = ++this.pages;
    const bytes = sourceBytes(d);
    const ext = SOURCES[d.source].name.replace(/^.*\./, '');
    const input = join(this.dir, `page-${n}.${ext}`);
    const output = join(this.dir, `page-${n}.nianbao.yaml`);
    writeFileSync(input, bytes);
    try {
      const run = nianbao(['import', input, '-o', output]);
      const problem = wellBehaved('import -o', run);
      if (problem) throw new Error(problem);
      const expected = await importFile(new Uint8Array(bytes), input);
      if (run.code === 0) {
        if (!expected.ok) throw new Error('import: exit 0, the importer refuses');
        if (!existsSync(output) || readFileSync(output, 'utf8') !== expected.yaml)
          throw new Error('import: exit 0, but the file is not the importer’s YAML');
      } else if (run.code === 1) {
        if (expected.ok) throw new Error(`import: exit 1, the importer succeeds\n${run.stderr}`);
        if (existsSync(output)) throw new Error('import: failed, yet wrote a file');
      } else {
        throw new Error(`import: exit ${run.code}\n${run.stderr}`);
      }
    } finally {
      rmSync(input, { force: true });
      rmSync(output, { force: true });
    }
  });
}

/** What can happen to a PDF's text items on the way from a broken or hostile file. */
type ItemDamage =
  | { readonly kind: 'drop'; readonly fraction: number; readonly length: number }
  | {
      readonly kind: 'duplicate';
      readonly fraction: number;
      readonly length: number;
      readonly dx: number;
      readonly dy: number;
    }
  | {
      readonly kind: 'move';
      readonly fraction: number;
      readonly length: number;
      readonly dx: number;
      readonly dy: number;
    }
  | { readonly kind: 'text'; readonly fraction: number; readonly text: string }
  | { readonly kind: 'number'; readonly fraction: number; readonly value: number };

const itemDamage: fc.Arbitrary<ItemDamage> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), fraction, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    fraction,
    length: fc.integer({ min: 1, max: 200 }),
    dx: fc.double({ min: -30, max: 30, noNaN: true }),
    dy: fc.double({ min: -30, max: 30, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    fraction,
    length: fc.integer({ min: 1, max: 400 }),
    dx: fc.double({ min: -50, max: 50, noNaN: true }),
    dy: fc.double({ min: -50, max: 50, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    fraction,
    text: fc.constantFrom(...TEXT_PIECES, '⺠', '⼈', '\u00ad', ''),
  }),
  fc.record({
    kind: fc.constant('number' as const),
    fraction,
    value: fc.constantFrom(Number.NaN, Infinity, -Infinity, -1e9, 0, 1e12, -0.0001),
  }),
);

function damageItems(pages: readonly PdfPage[], damages: readonly ItemDamage[]): PdfPage[] {
  return pages.map((page, p) => {
    let items = [...page.items];
    for (const d of damages) {
      const at = Math.floor(d.fraction * items.length);
      if (d.kind === 'drop') items.splice(at, d.length);
      else if (d.kind === 'duplicate')
        items.push(...items.slice(at, at + d.length).map((i) => ({ ...i, x: i.x + d.dx, y: i.y + d.dy })));
      else if (d.kind === 'move')
        items = items.map((i, k) => (k >= at && k < at + d.length ? { ...i, x: i.x + d.dx, y: i.y + d.dy } : i));
      else if (d.kind === 'text' && items[at]) items[at] = { ...items[at], text: d.text };
      else if (d.kind === 'number' && items[at]) items[at] = { ...items[at], [p % 2 ? 'x' : 'size']: d.value };
    }
    return { ...page, items };
  });
}

/**
 * PDFs: the committed PDFs' text items damaged (dropped, duplicated, moved far, text replaced, coordinates made
 * NaN or infinite) and placed by the core in-process; now and then the file's bytes damaged and read through the
 * real PDF reader (pdfjs-dist in its worker). Never a throw; a success is well-formed report YAML.
 */
export class ImportPdfFuzz implements FuzzTarget<[number, ItemDamage[], boolean, ByteDamage[]]> {
  readonly name = 'import-pdf';
  private pages: PdfPage[][] = [];
  private bytes: Buffer[] = [];
  private items = 0;
  private files = 0;
  async setup(): Promise<void> {
    this.bytes = PDFS.map((n) => readFileSync(join(IMPORT, n)));
    this.pages = [];
    for (const b of this.bytes) {
      const read = await pdfItems(new Uint8Array(b));
      if (read.ok) this.pages.push(read.pages);
    }
  }
  async teardown(): Promise<void> {
    await stopPdfWorker();
  }
  counters(): Record<string, number> {
    return { itemSets: this.items, files: this.files };
  }
  readonly property = fc.asyncProperty(
    fc.nat(),
    fc.array(itemDamage, { maxLength: 6 }),
    fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    fc.array(byteDamage, { minLength: 1, maxLength: 3 }),
    async (which, damages, throughFile, bytesDamage) => {
      if (throughFile) {
        this.files++;
        const source = this.bytes[which % this.bytes.length];
        const problem = outcomeProblem(await importFile(new Uint8Array(damage(source, bytesDamage)), 'fuzz.pdf'));
        if (problem) throw new Error(`PDF file: ${problem}`);
        return;
      }
      this.items++;
      const problem = outcomeProblem(importPdf(damageItems(this.pages[which % this.pages.length], damages)));
      if (problem) throw new Error(`PDF items: ${problem}`);
    },
  );
}
