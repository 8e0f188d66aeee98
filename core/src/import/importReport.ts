/**
 * `importReport(input)`: a published report — an HTML page or plain text, as text or bytes — as report YAML,
 * written the way a person would write it, plus what was matched approximately and what could not be placed.
 *
 * Values are copied, never invented or corrected: a blank, `/` or `—` becomes null, an amount printed in 元 is
 * moved to 万元 with a comment, and a page that mixes the two editions' layouts is written as printed so that the
 * checker reports it. Pure: no I/O, never throws for any input.
 */
import { writeReport, writtenRows } from '../format/writeReport';
import type { ReportData } from '../format/writeReport';
import { IMPORT_MESSAGES as IM } from '../i18n/messages';
import { MAX_IMPORT_BYTES } from '../syntax/limits';
import { editDistance, normaliseLabel } from '../template/nearestLabel';
import { TEMPLATES, editionForYear, templateIndex } from '../template/templates';
import type { Column, Edition, Localized, RowNode, TemplateNode } from '../template/types';
import { decodeBytes } from './decodeBytes';
import { DocxError, docxLines } from './docxLines';
import type { DocxProblem } from './docxLines';
import { pdfDocument } from './pdfLines';
import type { PdfPage } from './pdfLines';
import { isZip } from './zipEntries';
import {
  findHeadings,
  findPublished,
  findTitle,
  sectionOrdinal,
  signatureAgency,
  signatureDate,
  signatureLength,
} from './findParts';
import type { Heading } from './findParts';
import { htmlLines, parseHtml } from './htmlLines';
import type { CellReading } from './readCell';
import { yuanToWan } from './readCell';
import { readTables } from './readTables';
import type { FuzzyMatch, PrintedRow, TableReading, Unit, Unplaced } from './readTables';
import type { ColumnPlacement } from './columnMap';
import type { Line, SourceDocument, SourceKind } from './sourceLines';
import { lineText } from './sourceLines';
import { textLines } from './textLines';

export type { FuzzyMatch, Unplaced } from './readTables';

export interface ImportSuccess {
  readonly ok: true;
  /** The report YAML, comment block first. */
  readonly yaml: string;
  readonly data: ReportData;
  readonly kind: SourceKind;
  /** The encoding the bytes were decoded with (bytes input only). */
  readonly encoding?: string;
  /** Labels that matched the template only approximately. */
  readonly fuzzy: readonly FuzzyMatch[];
  /** Printed items that could not be placed in the template (not imported). */
  readonly unplaced: readonly Unplaced[];
  /** Template rows the source does not print (written as null). */
  readonly missing: readonly string[];
  /** Every note of the comment block, in order, in both languages (for stderr and the editor). */
  readonly notes: readonly Localized[];
  /** Numbers written into the report, and numbers the source's tables print. */
  readonly cells: { readonly placed: number; readonly printed: number };
}

export interface ImportFailure {
  readonly ok: false;
  readonly error: Localized;
}

export type ImportOutcome = ImportSuccess | ImportFailure;

const MIN_SECTIONS = 3;
const ACTIVE_REGIONS = ['active.art20_1', 'active.art20_5', 'active.art20_6', 'active.art20_8', 'active.art20_9'];
const OTHER_RESULTS = 'applications.results.other';

function fail(error: Localized): ImportFailure {
  return { ok: false, error };
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad > 8 && bad > text.length / 100;
}

function sourceDocument(text: string): SourceDocument {
  const html = parseHtml(text);
  return html ? htmlLines(html) : textLines(text);
}

/** The longest common prefix of the heading lines' element scopes: the element that holds the report's body. */
function bodyScope(lines: readonly Line[], headings: readonly Heading[]): readonly number[] {
  if (headings.length < 2) return [];
  let prefix = lines[headings[0].line].scope;
  for (const h of headings.slice(1)) {
    const scope = lines[h.line].scope;
    let i = 0;
    while (i < prefix.length && i < scope.length && prefix[i] === scope[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

function inScope(line: Line, scope: readonly number[]): boolean {
  return scope.every((id, i) => line.scope[i] === id);
}

const SENTENCE_END = /[。！？；：…”’」』）)!?;:.]$/;
const ENUMERATION = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|\d+[、.．])/;

/**
 * Text copied from a PDF breaks paragraphs at the page width: a long line that does not end a sentence goes
 * on in the next one, unless that one starts an enumeration.
 */
function joinWrapped(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.length >= 20 && !SENTENCE_END.test(previous) && !ENUMERATION.test(line)) {
      const space = /[A-Za-z0-9]$/.test(previous) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
      out[out.length - 1] = `${previous}${space}${line}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

function narrative(parts: readonly string[]): string {
  const text = parts.filter((t) => t !== '').join('\n\n');
  return text ? `${text}\n` : '';
}

/** One line of a comment: no line breaks, and long source text shortened. */
function oneLine(text: string, max = 60): string {
  const flat = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function sectionLabel(node: TemplateNode): string {
  return `${node.ordinal}${node.printed}`;
}

/** Which printed row ids belong to a region whose layout differs between the editions. */
function regionOf(id: string): string | undefined {
  if (id.startsWith('active.')) return id.split('.').slice(0, 2).join('.');
  if (id === OTHER_RESULTS || id.startsWith(`${OTHER_RESULTS}.`)) return OTHER_RESULTS;
  return undefined;
}

function nonEmpty(cells: readonly CellReading[]): number {
  return cells.filter((c) => c.kind !== 'empty').length;
}

/** Evidence per region: captions and headers (from reading), labels only one edition prints, value counts. */
function regionEditions(reading: TableReading, firstRows: ReadonlyMap<string, PrintedRow>): Map<string, Edition> {
  const tally = new Map<string, Map<Edition, number>>();
  for (const [region, t] of reading.evidence) tally.set(region, new Map(t));
  const add = (region: string, edition: Edition, weight: number): void => {
    const t = tally.get(region) ?? new Map<Edition, number>();
    t.set(edition, (t.get(edition) ?? 0) + weight);
    tally.set(region, t);
  };
  for (const row of firstRows.values()) {
    const region = regionOf(row.entry.id);
    if (!region) continue;
    const rows = [...row.entry.placed].filter(([, p]) => p.node.kind === 'row') as [Edition, { node: RowNode }][];
    if (rows.length === 1) {
      add(region, rows[0][0], 2);
      continue;
    }
    const counts = new Map(rows.map(([e, p]) => [e, p.node.columns.length]));
    if (new Set(counts.values()).size < 2) continue;
    const n = nonEmpty(row.cells);
    for (const [e, columns] of counts) if (columns === n) add(region, e, 1);
  }
  const out = new Map<string, Edition>();
  for (const [region, t] of tally) {
    const ranked = [...t].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 1 || (ranked.length > 1 && ranked[0][1] > ranked[1][1])) out.set(region, ranked[0][0]);
  }
  return out;
}

function chooseEdition(regions: ReadonlyMap<string, Edition>, year: number): Edition {
  const found = new Set(regions.values());
  if (found.size === 1) return [...found][0];
  const byYear = editionForYear(year);
  if (byYear) return byYear;
  const votes = [...regions.values()];
  return votes.filter((e) => e === 2019).length > votes.filter((e) => e === 2021).length ? 2019 : 2021;
}

/** Nodes to write in the other edition's shape, so that the output shows the layout as printed. */
function chooseLayout(edition: Edition, regions: ReadonlyMap<string, Edition>): Record<string, Edition> {
  const layout: Record<string, Edition> = {};
  const own = templateIndex(edition);
  for (const region of ACTIVE_REGIONS) {
    const e = regions.get(region);
    if (e === undefined || e === edition) continue;
    if (own.byId.has(region)) layout[region] = e;
    else layout.active = e;
  }
  if (layout.active !== undefined) {
    // The other edition's section brings its own sub-tables; keep each printed one in the shape it was printed in.
    for (const region of ACTIVE_REGIONS) {
      if (layout[region] !== undefined) continue;
      const e = regions.get(region) ?? edition;
      if (templateIndex(e).byId.has(region)) layout[region] = e;
    }
  }
  // A sub-table in the shape its section brings anyway needs no entry of its own.
  for (const region of ACTIVE_REGIONS) if (layout[region] === (layout.active ?? edition)) delete layout[region];
  const other = regions.get(OTHER_RESULTS);
  if (other !== undefined && other !== edition) layout[OTHER_RESULTS] = other;
  return layout;
}

interface Placement {
  readonly values: (number | null)[];
  readonly comments: string[];
}

function printedOf(reading: CellReading): string {
  return reading.kind === 'empty' ? '' : reading.printed;
}

/**
 * The row's values by template column as its table's header placed them: a column nothing was printed in is
 * empty; what stands beyond the template's columns is reported; undefined (the row reported) when some value has no
 * column of its own.
 */
function byColumns(
  placement: ColumnPlacement,
  count: number,
  report: (reason: Localized) => void,
): CellReading[] | undefined {
  if (placement.unclear.length) {
    report(IM.columnsUnclear(placement.unclear.join(' ')));
    return undefined;
  }
  if (placement.uncovered > 0) {
    report(IM.cellMissing(placement.uncovered));
    return undefined;
  }
  const extra = [...placement.byColumn]
    .filter(([i, r]) => i >= count && r.kind !== 'empty')
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => printedOf(r));
  if (extra.length) report(IM.extraCells(count, extra.join(' ')));
  return Array.from({ length: count }, (_, i) => placement.byColumn.get(i) ?? { kind: 'empty' as const });
}

/** Gaps left and right of the values are the layout's (a label spanning columns, a row wider than its cells). */
function byTrimming(printed: readonly CellReading[], count: number): CellReading[] {
  const cells = [...printed];
  while (cells.length > count && cells[cells.length - 1].kind === 'empty') cells.pop();
  while (cells.length > count && cells[0].kind === 'empty') cells.shift();
  return cells;
}

function placeCells(row: PrintedRow, node: RowNode, section: string, unplaced: Unplaced[]): Placement {
  const columns = node.columns;
  if (!row.columns && row.positioned) {
    unplaced.push({ section, text: row.text, reason: IM.noColumns() });
    return { values: columns.map(() => null), comments: [] };
  }
  const cells = row.columns
    ? byColumns(row.columns, columns.length, (reason) => unplaced.push({ section, text: row.text, reason }))
    : byTrimming(row.cells, columns.length);
  if (cells === undefined) return { values: columns.map(() => null), comments: [] };
  if (cells.length !== columns.length) {
    unplaced.push({ section, text: row.text, reason: IM.cellCount(nonEmpty(cells), columns.length) });
    return { values: columns.map(() => null), comments: [] };
  }
  const comments: string[] = [];
  const values = cells.map((cell, i) => cellValue(cell, columns[i], row.units[i], row, section, unplaced, comments));
  return { values, comments };
}

function cellValue(
  cell: CellReading,
  column: Column,
  headerUnit: Unit | undefined,
  row: PrintedRow,
  section: string,
  unplaced: Unplaced[],
  comments: string[],
): number | null {
  if (cell.kind === 'empty' || cell.kind === 'blank') return null;
  if (cell.kind === 'text') {
    unplaced.push({ section, text: `${row.label} ${cell.printed}`, reason: IM.notNumber(cell.printed) });
    return null;
  }
  const unit = cell.unit === '元' || cell.unit === '万元' ? cell.unit : headerUnit;
  if (column.kind === 'amount') {
    if (unit !== '元') return cell.value;
    const value = yuanToWan(cell.digits);
    comments.push(
      IM.converted(column.name, cell.printed + (cell.unit === '元' ? '' : '（单位：元）'), String(value)).zh,
    );
    return value;
  }
  if (cell.unit === '元' || cell.unit === '万元') {
    unplaced.push({ section, text: `${row.label} ${cell.printed}`, reason: IM.notNumber(cell.printed) });
    return null;
  }
  return cell.value;
}

function appealRows(reading: TableReading, unplaced: Unplaced[]): CellReading[][] | undefined {
  const text = reading.appealText.join(' ');
  if (!reading.appealColumns && reading.appealPositioned) {
    unplaced.push({ section: '四', text, reason: IM.noColumns() });
    return undefined;
  }
  const list = reading.appealColumns
    ? byColumns(reading.appealColumns, 15, (reason) => unplaced.push({ section: '四', text, reason }))
    : byTrimming(reading.appealCells, 15);
  if (list === undefined || list.length !== 15) return undefined;
  return [list.slice(0, 5), list.slice(5, 10), list.slice(10, 15)];
}

export function importReport(input: string | Uint8Array): ImportOutcome {
  try {
    return importUnsafe(input);
  } catch (error) {
    // Import must end with a message, never a stack trace; a failure here is a bug to report.
    return fail({ zh: `导入失败：${String(error)}`, en: `Import failed: ${String(error)}` });
  }
}

/** What a file's first bytes say it is, when it is not text. */
/** An Office file saved with a password is a compound file holding an `EncryptedPackage` stream. */
function encryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + name.length * 2 <= limit; i++) {
    for (let k = 0; k < name.length; k++)
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function sniff(bytes: Uint8Array): 'pdf' | 'zip' | 'ole' | 'encrypted' | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (isZip(bytes)) return 'zip';
  if (head === '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1') return encryptedPackage(bytes) ? 'encrypted' : 'ole';
  return undefined;
}

const DOCX_PROBLEMS: Readonly<Record<DocxProblem, () => Localized>> = {
  notDocx: IM.zipNotDocx,
  dtd: IM.docxDtd,
  xml: IM.docxDamaged,
  damaged: IM.docxDamaged,
  tooManyEntries: IM.docxTooManyEntries,
  tooLarge: IM.docxTooLarge,
  encrypted: IM.docxEncrypted,
};

/** The input as lines (and the encoding its bytes were read with), or why it cannot be read. */
function readSource(input: string | Uint8Array): { doc: SourceDocument; encoding?: string } | ImportFailure {
  if (input.length > MAX_IMPORT_BYTES) return fail(IM.tooLarge(input.length, MAX_IMPORT_BYTES));
  if (typeof input !== 'string') {
    const kind = sniff(input);
    if (kind === 'pdf') return fail(IM.pdfNotExtracted());
    if (kind === 'ole') return fail(IM.oldWord());
    if (kind === 'encrypted') return fail(IM.docxEncrypted());
    if (kind === 'zip') {
      try {
        return { doc: docxLines(input) };
      } catch (error) {
        if (error instanceof DocxError) return fail(DOCX_PROBLEMS[error.problem]());
        throw error;
      }
    }
  }
  const decoded = typeof input === 'string' ? undefined : decodeBytes(input);
  let text = decoded ? decoded.text : (input as string);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail(IM.empty());
  if (looksBinary(text)) return fail(IM.notText());
  return { doc: sourceDocument(text), ...(decoded ? { encoding: decoded.encoding } : {}) };
}

function importUnsafe(input: string | Uint8Array): ImportOutcome {
  const source = readSource(input);
  if ('ok' in source) return source;
  return importDocument(source.doc, source.encoding);
}

/** Characters a PDF must carry before it counts as having a text layer (a scan has none, or a stray page number). */
const MIN_PDF_TEXT = 20;

/**
 * A PDF's text as its pages' positioned items (extracted outside the core, `extract/src/pdfItems.ts`) as report
 * YAML; a PDF without a text layer is a scan, which is said plainly.
 */
export function importPdf(pages: readonly PdfPage[]): ImportOutcome {
  let chars = 0;
  for (const page of pages) for (const item of page.items) chars += item.text.replace(/\s+/g, '').length;
  if (chars < MIN_PDF_TEXT) return fail(IM.pdfScanned(pages.length));
  return importDocument(pdfDocument(pages));
}

/** A document in lines — from a page, a text, a Word file or a PDF's positioned text — as report YAML. */
export function importDocument(doc: SourceDocument, encoding?: string): ImportOutcome {
  try {
    return importLines(doc, encoding);
  } catch (error) {
    return fail({ zh: `导入失败：${String(error)}`, en: `Import failed: ${String(error)}` });
  }
}

function importLines(doc: SourceDocument, encoding: string | undefined): ImportOutcome {
  if (doc.lines.length === 0) return fail(doc.kind === 'docx' ? IM.docxNoText() : IM.empty());
  const lines = doc.lines;
  const firstPass = findHeadings(lines, 0);
  const found = findTitle(doc, firstPass.length ? firstPass[0].line : 0);
  if (!found) return fail(IM.noTitle());
  let title = found;
  const headings = findHeadings(lines, title.end + 1);
  if (headings.length < MIN_SECTIONS) return fail(IM.tooFewSections(headings.map((h) => sectionLabel(h.node))));

  const scope = doc.kind === 'html' ? bodyScope(lines, headings) : [];
  const spans = new Map<string, { heading: Heading; lines: Line[] }>();
  headings.forEach((heading, k) => {
    const end = k + 1 < headings.length ? headings[k + 1].line : lines.length;
    const own = lines.slice(heading.line + 1, end).filter((l) => inScope(l, scope));
    spans.set(heading.node.id, { heading, lines: own });
  });

  // The signature under the last section (agency, date) is no part of that section's text.
  const last = spans.get(headings[headings.length - 1].node.id);
  const signature: string[] = [];
  let signed: string | undefined;
  if (last) {
    const length = signatureLength(last.lines, title.agency);
    if (length > 0) {
      if (!title.agency) title = { ...title, agency: signatureAgency(last.lines, length) };
      signed = signatureDate(last.lines, length);
      signature.push(...last.lines.splice(last.lines.length - length, length).map(lineText));
    }
  }

  // A date labelled as the publication date, else the one under the signature.
  const labelled = findPublished(lines, 0, headings[0].line);
  const published = labelled ?? (signed ? { date: signed, line: -1 } : undefined);
  const intro: string[] = [];
  for (let i = title.end + 1; i < headings[0].line; i++) {
    if (i === published?.line || !inScope(lines[i], scope)) continue;
    intro.push(lineText(lines[i]));
  }

  // A PDF's table sections are read again from where their text stands (rows are bands, not lines of text).
  const tableLines = (id: string): Line[] | undefined => {
    const own = spans.get(id)?.lines;
    return own && doc.tableLines ? doc.tableLines(own, id) : own;
  };
  const reading = readTables({
    active: tableLines('active'),
    applications: tableLines('applications'),
    appeals: tableLines('appeals'),
  });
  const unplaced: Unplaced[] = [...reading.unplaced];
  if (signature.length && (labelled || !signed)) {
    const node = headings[headings.length - 1].node;
    unplaced.push({ section: sectionOrdinal(node), text: signature.join(' '), reason: IM.signature() });
  }
  const fuzzy: FuzzyMatch[] = [...reading.fuzzy];
  for (const h of headings) {
    if (h.distance > 0)
      fuzzy.push({
        section: sectionOrdinal(h.node),
        printed: lineText(lines[h.line]),
        label: sectionLabel(h.node),
        distance: h.distance,
      });
  }

  const firstRows = new Map<string, PrintedRow>();
  for (const row of reading.rows) {
    const section = sectionOrdinal(
      templateIndex(2021).byId.get(row.entry.id.split('.')[0])?.node ?? TEMPLATES[2021].root,
    );
    if (firstRows.has(row.entry.id)) unplaced.push({ section, text: row.text, reason: IM.duplicate() });
    else firstRows.set(row.entry.id, row);
  }
  const appeals = reading.appealCells.some((c) => c.kind !== 'empty') ? appealRows(reading, unplaced) : undefined;
  if (firstRows.size === 0 && !appeals) return fail(IM.noValues());

  const regions = regionEditions(reading, firstRows);
  const edition = chooseEdition(regions, title.year);
  const layout = chooseLayout(edition, regions);

  const rows: Record<string, (number | null)[]> = {};
  const rowComments: Record<string, string> = {};
  const missing: string[] = [];
  const missingNotes: Localized[] = [];
  const used = new Set<string>();
  const sectionNode = (id: string): TemplateNode =>
    templateIndex(edition).byId.get(id.split('.')[0])?.node ?? TEMPLATES[edition].root;
  for (const { node } of writtenRows(edition, layout)) {
    const section = sectionNode(node.id);
    const ordinal = sectionOrdinal(section);
    const printed = firstRows.get(node.id);
    if (node.id.startsWith('appeals.') && !printed && appeals) {
      const index = ['appeals.review', 'appeals.litigation.direct', 'appeals.litigation.afterReview'].indexOf(node.id);
      const row: PrintedRow = {
        entry: { id: node.id, labels: [node.printed], placed: new Map() },
        label: node.printed,
        cells: appeals[index],
        units: [],
        text: reading.appealText.join(' '),
      };
      rows[node.id] = placeCells(row, node, ordinal, unplaced).values;
      continue;
    }
    if (!printed) {
      rows[node.id] = node.columns.map(() => null);
      if (spans.has(section.id)) {
        missing.push(`${node.ordinal}${node.printed}`);
        missingNotes.push(IM.missing(ordinal, `${node.ordinal}${node.printed}`));
      }
      continue;
    }
    used.add(node.id);
    if (
      !printed.entry.labels.some(
        (l) => normaliseLabel(l) === normaliseLabel(node.printed) || normaliseLabel(l) === normaliseLabel(node.key),
      )
    ) {
      // The other edition's name for this row (规范性文件 / 行政规范性文件).
      const distance = editDistance(normaliseLabel(printed.label), normaliseLabel(node.printed));
      fuzzy.push({ section: ordinal, printed: printed.label, label: `${node.ordinal}${node.printed}`, distance });
    }
    const placement = placeCells(printed, node, ordinal, unplaced);
    rows[node.id] = placement.values;
    if (placement.comments.length) rowComments[node.id] = placement.comments.join('；');
  }
  if (
    reading.appealCells.some((c) => c.kind !== 'empty') &&
    !appeals &&
    !reading.appealColumns &&
    !reading.appealPositioned
  ) {
    unplaced.push({
      section: '四',
      text: reading.appealText.join(' '),
      reason: IM.appealCount(nonEmpty(reading.appealCells)),
    });
  }
  for (const [id, row] of firstRows) {
    if (used.has(id)) continue;
    const section = sectionNode(id);
    unplaced.push({ section: sectionOrdinal(section), text: row.text, reason: IM.otherLayout() });
  }

  // A PDF's lines were joined into paragraphs from where they stand (`pdfLines.ts`); copied text is guessed at.
  const paragraphs = (parts: readonly string[]): string[] => (doc.kind === 'text' ? joinWrapped(parts) : [...parts]);
  const textOf = (id: string, extra: readonly string[] = []): string => {
    const span = spans.get(id);
    if (!span) return narrative(paragraphs(extra));
    return narrative(paragraphs([...extra, span.heading.rest, ...span.lines.map(lineText)].filter((t) => t !== '')));
  };
  const texts = { overview: textOf('overview', intro), problems: textOf('problems'), other: textOf('other') };

  const notes: Localized[] = [];
  const document = TEMPLATES[edition].document;
  const header: Localized[] = [IM.imported(title.agency, title.year, edition, document), IM.verbatim()];
  if (!title.agency) notes.push(IM.agencyMissing());
  if (!labelled && signed) notes.push(IM.publishedFromSignature(signed));
  const expected = editionForYear(title.year);
  if (expected !== undefined && expected !== edition) notes.push(IM.oldLayout(title.year, edition, expected));
  const activeLayout = layout.active ?? ACTIVE_REGIONS.map((r) => layout[r]).find((e) => e !== undefined);
  if (activeLayout !== undefined)
    notes.push(IM.mixedLayout(sectionLabel(sectionNode('active')), activeLayout, edition));
  const otherLayout = layout[OTHER_RESULTS];
  if (otherLayout !== undefined) {
    const node = templateIndex(otherLayout).byId.get(OTHER_RESULTS)?.node;
    if (node) notes.push(IM.mixedLayout(`三${node.ordinal}${node.printed}`, otherLayout, edition));
  }
  for (const node of TEMPLATES[edition].root.children) {
    if (node.kind !== 'meta' && !spans.has(node.id)) notes.push(IM.sectionMissing(sectionLabel(node)));
  }
  const list = (heading: Localized, items: readonly Localized[]): void => {
    if (items.length === 0) return;
    notes.push(heading, ...items.map((m) => ({ zh: `  ${m.zh}`, en: `  ${m.en}` })));
  };
  list(
    IM.fuzzyHeading(),
    fuzzy.map((f) => IM.fuzzy(f.section, oneLine(f.printed), f.label)),
  );
  list(
    IM.unplacedHeading(),
    unplaced.map((u) => IM.unplaced(u.section, oneLine(u.text), u.reason)),
  );
  list(IM.missingHeading(), missingNotes);

  const data: ReportData = {
    edition,
    agency: title.agency,
    year: title.year,
    ...(published ? { published: published.date } : {}),
    texts,
    rows,
    headerComments: [...header, ...notes].map((m) => m.zh),
    rowComments,
    ...(Object.keys(layout).length ? { layout } : {}),
  };
  const placed = Object.values(rows).reduce((n, r) => n + r.filter((v) => v !== null).length, 0);
  return {
    ok: true,
    yaml: writeReport(data),
    cells: { placed, printed: reading.printed },
    data,
    kind: doc.kind,
    ...(encoding ? { encoding } : {}),
    fuzzy,
    unplaced,
    missing,
    notes,
  };
}
