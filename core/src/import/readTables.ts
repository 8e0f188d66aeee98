/**
 * Reading the three tables (sections 二, 三, 四) from their lines. Each line is a label part and a run of value
 * cells; the label is matched to a template row of either edition (so that a layout of the other edition is
 * seen for what it is), captions and headers give the sub-table, its column units and edition evidence, and a
 * label broken over lines is joined before matching. Nothing is decided about columns here: the importer trims
 * and places the printed cells once it knows which edition's row each one is.
 */
import { IMPORT_MESSAGES as IM } from '../i18n/messages';
import { nearestLabel, normaliseLabel } from '../template/nearestLabel';
import type { Edition, Localized } from '../template/types';
import { placeByColumns, widenColumns } from './columnMap';
import type { ColumnPlacement, Extent, PlacedValue } from './columnMap';
import type { CellReading } from './readCell';
import { readCell } from './readCell';
import type { Cell, Line } from './sourceLines';
import { isBlankLine, ownCells, trimSpace } from './sourceLines';
import type { HeaderWord, LabelEntry, LabelHit } from './templateLabels';
import { headerWords, matchLabel, sectionLabels } from './templateLabels';

export type Unit = '元' | '万元';

export interface PrintedRow {
  readonly entry: LabelEntry;
  /** The label as printed. */
  readonly label: string;
  /** The cells after the label, as printed (gaps included). */
  readonly cells: readonly CellReading[];
  /** Units the table header states for the value columns, in order. */
  readonly units: readonly (Unit | undefined)[];
  /** The printed line, for messages. */
  readonly text: string;
  /**
   * The values by template column, when the row's table has a header saying where each column lies (HTML, DOCX,
   * PDF): a blank first or last cell stays where it was printed, a value spanning grid columns counts once.
   */
  readonly columns?: ColumnPlacement;
  /**
   * Read from where its text stands (PDF): a blank cell prints nothing there, so values are placed only by the
   * header's columns, never by their count.
   */
  readonly positioned?: boolean;
}

export interface FuzzyMatch {
  /** The section's ordinal, e.g. `三`. */
  readonly section: string;
  readonly printed: string;
  /** The template's label with its ordinal. */
  readonly label: string;
  readonly distance: number;
}

export interface Unplaced {
  readonly section: string;
  readonly text: string;
  readonly reason: Localized;
}

export interface TableReading {
  readonly rows: PrintedRow[];
  /** Section 四 printed as one row of 15 cells under the header: the cells in order. */
  readonly appealCells: CellReading[];
  /** The same by template column (0–14), when the header showed where each column lies. */
  appealColumns?: ColumnPlacement;
  /** Section 四's values were read from where they stand (PDF): without a header map, their count says nothing. */
  appealPositioned?: boolean;
  readonly appealText: string[];
  /** Edition evidence from captions and column headers, by sub-table id. */
  readonly evidence: Map<string, Map<Edition, number>>;
  readonly fuzzy: FuzzyMatch[];
  readonly unplaced: Unplaced[];
  /** Numbers the tables print, wherever they could be placed or not. */
  printed: number;
}

export function emptyReading(): TableReading {
  return { rows: [], appealCells: [], appealText: [], evidence: new Map(), fuzzy: [], unplaced: [], printed: 0 };
}

function countNumbers(line: ReadLine, out: TableReading): void {
  for (const r of line.readings) if (r.kind === 'number') out.printed++;
}

/** Where an ordinal could start a label inside a cell's text: （四）, 1., 1、, 三、. */
const ORDINAL_INSIDE = /[（(][一二三四五六七八九十]+[）)]|\d+\s*[.．、](?!\d)|[一二三四五六七八九十]+、/g;

const UNIT = /[(（]\s*(?:单位\s*[:：]?\s*)?(万元|元)\s*[)）]/;

/** A cell printed as `label 1 2 3` (a flattened row) becomes the label and one cell per value. */
function splitRun(cell: Cell): Cell[] {
  const tokens = cell.text.split(/[\s\u00a0\u3000]+/).filter((t) => t !== '');
  if (tokens.length < 2) return [cell];
  let i = tokens.length;
  while (i > 0) {
    const kind = readCell(tokens[i - 1]).kind;
    if (kind !== 'number' && kind !== 'blank') break;
    i--;
  }
  if (i === tokens.length) return [cell];
  const out: Cell[] = [];
  if (i > 0) out.push({ text: tokens.slice(0, i).join(' '), inherited: cell.inherited });
  for (const t of tokens.slice(i)) out.push({ text: t, inherited: cell.inherited });
  return out;
}

interface ReadLine {
  readonly cells: readonly Cell[];
  readonly readings: readonly CellReading[];
  readonly text: string;
  readonly table?: number;
  /** Extents are where the text stands, not the cells' edges (PDF). */
  readonly positioned: boolean;
  readonly near?: Line['near'];
}

function readLine(line: Line): ReadLine {
  const cells = ownCells(line).flatMap((c) => (c.inherited ? [c] : splitRun(c)));
  const readings = cells.map((c) => readCell(c.text));
  const text = cells
    .map((c) => c.text.replace(/\n/g, ''))
    .filter((t) => t !== '')
    .join('  ');
  return {
    cells,
    readings,
    text,
    positioned: line.positioned === true,
    ...(line.table !== undefined ? { table: line.table } : {}),
    ...(line.near ? { near: line.near } : {}),
  };
}

function extentOf(cell: Cell): Extent | undefined {
  return cell.x0 !== undefined && cell.x1 !== undefined ? { x0: cell.x0, x1: cell.x1 } : undefined;
}

/** Where each template column of one table lies, from its header lines. */
class TableColumns {
  private readonly maps = new Map<number, Map<number, Extent>>();
  /** Tables whose map data rows have used since their last header line: the next header line starts afresh. */
  private readonly used = new Set<number>();

  /** A header line: each cell naming a value column says where that column lies. */
  note(line: ReadLine, header: readonly (HeaderWord[] | undefined)[], cells: readonly Cell[]): void {
    if (line.table === undefined) return;
    const table = line.table;
    if (this.used.has(table)) {
      this.maps.delete(table);
      this.used.delete(table);
    }
    cells.forEach((cell, i) => {
      const word = (header[i] ?? []).find((w) => w.columnIndex !== undefined);
      const extent = extentOf(cell);
      if (!word || word.columnIndex === undefined || !extent) return;
      const map = this.maps.get(table) ?? new Map<number, Extent>();
      map.set(word.columnIndex, extent);
      this.maps.set(table, map);
    });
  }

  /** A new sub-table (a caption): its header comes next. */
  reset(line: ReadLine): void {
    if (line.table === undefined) return;
    this.maps.delete(line.table);
    this.used.delete(line.table);
  }

  /** The values after the label by template column; undefined when the table has no usable header map. */
  place(line: ReadLine, from: number): ColumnPlacement | undefined {
    if (line.table === undefined) return undefined;
    const map = this.maps.get(line.table);
    if (!map || map.size === 0) return undefined;
    const values = valuesFrom(line, from);
    if (!values) return undefined;
    this.used.add(line.table);
    return placeByColumns(values, line.positioned ? widenColumns(map) : map, !line.positioned);
  }
}

/** The line's cells from `from` on with where they lie; undefined when one has no extent. */
function valuesFrom(line: ReadLine, from: number): PlacedValue[] | undefined {
  const values: PlacedValue[] = [];
  for (let i = from; i < line.cells.length; i++) {
    const extent = extentOf(line.cells[i]);
    if (!extent) return undefined;
    values.push({ extent, reading: line.readings[i] });
  }
  return values;
}

function hasValues(line: ReadLine): boolean {
  return line.readings.some((r) => r.kind === 'number' || r.kind === 'blank');
}

/** A text cell that can be a row label: labels carry no digits once their ordinal is stripped. */
function labelCell(cell: Cell, reading: CellReading): boolean {
  return reading.kind === 'text' && !/\d/.test(normaliseLabel(cell.text).replace(ORDINAL_INSIDE, ''));
}

function rightmostLabel(line: ReadLine): number {
  for (let i = line.cells.length - 1; i >= 0; i--) if (labelCell(line.cells[i], line.readings[i])) return i;
  return -1;
}

/** Units a section 二 header states for its value columns, in order: the cells after 信息内容. */
function headerUnits(texts: readonly string[], words: readonly HeaderWord[]): (Unit | undefined)[] {
  // A header flattened into one line of words still gives the units in column order.
  const cells = texts.length === 1 ? texts[0].split(/[\s\u00a0\u3000]+/).filter((t) => t !== '') : texts;
  const heading = cells.findIndex((t) =>
    (headerText(t, words, () => undefined) ?? []).some((w) => w.columnIndex === undefined),
  );
  return cells.slice(heading + 1).map((t) => {
    const m = UNIT.exec(t.normalize('NFKC'));
    return m ? (m[1] as Unit) : undefined;
  });
}

/** Is every word of this text something the section's table header prints? Fuzzy hits are reported. */
export function headerText(
  text: string,
  words: readonly HeaderWord[],
  fuzzy: (printed: string, word: HeaderWord, distance: number) => void,
): HeaderWord[] | undefined {
  const whole = normaliseLabel(text.replace(UNIT, ''));
  if (whole === '') return [];
  const exact = words.find((w) => normaliseLabel(w.text) === whole);
  if (exact) return [exact];
  if (words.some((w) => normaliseLabel(w.text).includes(whole))) return [];
  const found: HeaderWord[] = [];
  for (const token of text
    .replace(UNIT, '')
    .split(/[\s\u00a0\u3000]+/)
    .filter((t) => t !== '')) {
    const n = normaliseLabel(token);
    if (n === '') continue;
    const word = words.find((w) => normaliseLabel(w.text) === n);
    if (word) {
      found.push(word);
      continue;
    }
    if (words.some((w) => normaliseLabel(w.text).includes(n))) continue;
    const near = nearestLabel(token, words, (w) => [w.text]);
    if (!near) return undefined;
    fuzzy(token, near.item, near.distance);
    found.push(near.item);
  }
  return found;
}

interface SectionContext {
  /** Ordinal of the section for messages. */
  readonly ordinal: string;
  readonly sectionId: string;
  readonly out: TableReading;
}

function addEvidence(out: TableReading, region: string, editions: Iterable<Edition>, weight: number): void {
  const list = [...editions];
  if (list.length !== 1) return;
  const tally = out.evidence.get(region) ?? new Map<Edition, number>();
  tally.set(list[0], (tally.get(list[0]) ?? 0) + weight);
  out.evidence.set(region, tally);
}

export function displayOf(entry: LabelEntry): string {
  const placed = [...entry.placed.values()][0];
  return `${placed.node.ordinal}${placed.node.printed}`;
}

export function isGroupLabel(text: string, set: ReturnType<typeof sectionLabels>): boolean {
  const hit = matchLabel(text, set);
  return hit !== undefined && !hit.fuzzy && [...hit.entry.placed.values()].some((p) => p.node.kind === 'group');
}

/**
 * A group's label and its first row's label printed in one cell (`（四）无法提供 1.本机关不掌握相关政府信息`, or with
 * 三、本年度办理结果 before both): the row's label alone. Undefined when the text is a label as it stands or opens
 * with no group label.
 */
export function withoutGroupLabels(text: string, set: ReturnType<typeof sectionLabels>): string | undefined {
  let rest = text;
  for (let guard = 0; guard < 3; guard++) {
    const hit = matchLabel(rest, set);
    if (hit && !hit.fuzzy) break;
    let cut: number | undefined;
    for (const m of rest.matchAll(ORDINAL_INSIDE)) {
      if (m.index === undefined || m.index === 0) continue;
      if (isGroupLabel(trimSpace(rest.slice(0, m.index)), set)) {
        cut = m.index;
        break;
      }
    }
    if (cut === undefined) break;
    rest = trimSpace(rest.slice(cut));
  }
  return rest === text ? undefined : rest;
}

export function isRowEntry(entry: LabelEntry): boolean {
  return [...entry.placed.values()].some((p) => p.node.kind === 'row');
}

/**
 * Match a row label: the rightmost label cell alone, or joined to label fragments printed on lines above it (a
 * label broken over lines). An exact match beats a fuzzy one; among fuzzy ones the nearest wins.
 */
function matchRowLabel(
  own: string | undefined,
  pending: readonly string[],
  set: ReturnType<typeof sectionLabels>,
): { hit: LabelHit; label: string; used: number } | undefined {
  const options: { label: string; used: number }[] = [];
  if (own !== undefined) options.push({ label: own, used: 0 });
  for (let k = 1; k <= Math.min(3, pending.length); k++) {
    const joined = pending.slice(pending.length - k).join('');
    options.push({ label: own !== undefined ? joined + own : joined, used: k });
  }
  let best: { hit: LabelHit; label: string; used: number } | undefined;
  for (const option of options) {
    const hit = matchLabel(option.label, set);
    if (!hit) continue;
    if (!best || hit.distance < best.hit.distance) best = { hit, ...option };
    if (hit.distance === 0) break;
  }
  return best;
}

/**
 * Sections 二 and 三: captions (二), header lines, context labels of row groups, rows with values, and label
 * fragments waiting for the values printed on a later line.
 */
function readLabelledTable(lines: readonly Line[], context: SectionContext): void {
  const { out, ordinal, sectionId } = context;
  const set = sectionLabels(sectionId);
  const words = headerWords(sectionId);
  let region = '';
  let units: (Unit | undefined)[] = [];
  let pending: { text: string; line: string }[] = [];
  const columns = new TableColumns();

  const dropPending = (): void => {
    for (const p of pending) out.unplaced.push({ section: ordinal, text: p.line, reason: IM.notTable() });
    pending = [];
  };
  const noteFuzzy = (printed: string, hit: LabelHit): void => {
    if (hit.fuzzy) out.fuzzy.push({ section: ordinal, printed, label: displayOf(hit.entry), distance: hit.distance });
  };

  for (const raw of lines) {
    if (isBlankLine(raw)) continue;
    const line = readLine(raw);
    countNumbers(line, out);
    const labelAt = rightmostLabel(line);
    const printedLabel = labelAt >= 0 ? trimSpace(line.cells[labelAt].text) : undefined;
    const own = printedLabel !== undefined ? (withoutGroupLabels(printedLabel, set) ?? printedLabel) : undefined;

    if (!hasValues(line)) {
      let textCells = line.cells.filter((c) => c.text !== '');
      let texts = textCells.map((c) => c.text);
      // A caption of section 二 (第二十条第（一）项), possibly with the header on the same row.
      const caption = sectionId === 'active' && texts.length ? matchLabel(texts[0], set) : undefined;
      if (caption && !isRowEntry(caption.entry) && caption.entry.id.split('.').length === 2) {
        dropPending();
        noteFuzzy(texts[0], caption);
        region = caption.entry.id;
        units = [];
        columns.reset(line);
        addEvidence(out, region, caption.entry.placed.keys(), 2);
        texts = texts.slice(1);
        textCells = textCells.slice(1);
        if (texts.length === 0) continue;
      }
      // A row printed with nothing in its cells: its label is a template row, empty cells follow, and any other
      // label on the line is the label of a row group above it.
      if (own !== undefined && raw.row && labelAt < line.cells.length - 1) {
        const hit = matchLabel(own, set);
        const others = line.cells.filter((c, i) => i !== labelAt && c.text !== '');
        if (hit && isRowEntry(hit.entry) && others.every((c) => c.inherited || isGroupLabel(c.text, set))) {
          noteFuzzy(own, hit);
          const placed = columns.place(line, labelAt + 1);
          out.rows.push({
            entry: hit.entry,
            label: own,
            cells: line.readings.slice(labelAt + 1),
            units,
            text: line.text,
            ...(placed ? { columns: placed } : {}),
            ...(line.positioned ? { positioned: true } : {}),
          });
          dropPending();
          continue;
        }
      }
      const headerFuzzy: FuzzyMatch[] = [];
      const header = texts.map((t) =>
        headerText(t, words, (printed, word, distance) =>
          headerFuzzy.push({ section: ordinal, printed, label: word.text, distance }),
        ),
      );
      if (header.every((h) => h !== undefined)) {
        out.fuzzy.push(...headerFuzzy);
        if (sectionId === 'active') units = headerUnits(texts, words);
        if (region)
          for (const found of header) for (const word of found ?? []) addEvidence(out, region, word.editions, 2);
        columns.note(line, header, textCells);
        dropPending();
        continue;
      }
      // The label of a row group (（三）不予公开, 本年度办理结果): context only.
      if (own !== undefined && isGroupLabel(own, set)) {
        dropPending();
        continue;
      }
      pending.push({ text: texts.join(''), line: line.text });
      continue;
    }

    // A PDF's rows were assembled from where their text stands, wrapped labels joined: nothing waits for values.
    const matched = matchRowLabel(own, line.positioned ? [] : pending.map((p) => p.text), set);
    if (!matched) {
      dropPending();
      const reason = line.positioned && own === undefined ? IM.rowUnclear(line.near) : IM.noRow();
      out.unplaced.push({ section: ordinal, text: line.text, reason });
      continue;
    }
    pending = pending.slice(0, pending.length - matched.used);
    dropPending();
    noteFuzzy(matched.label, matched.hit);
    if (!isRowEntry(matched.hit.entry)) {
      out.unplaced.push({ section: ordinal, text: line.text, reason: IM.subtotal() });
      continue;
    }
    const cells = line.readings.slice(labelAt + 1);
    const placed = columns.place(line, labelAt + 1);
    out.rows.push({
      entry: matched.hit.entry,
      label: matched.label,
      cells,
      units,
      text: line.text,
      ...(placed ? { columns: placed } : {}),
      ...(line.positioned ? { positioned: true } : {}),
    });
  }
  dropPending();
}

/** Section 四's three groups of five columns, left to right. */
const APPEAL_GROUPS = ['appeals.review', 'appeals.litigation.direct', 'appeals.litigation.afterReview'];

/**
 * Where section 四's fifteen columns lie: each column name (结果维持 … 总计, printed three times) belongs to the group
 * whose header stands over it; without group headers, fifteen names in the template's order left to right will do.
 */
function appealColumns(
  leaves: readonly { extent: Extent; index: number }[],
  groups: readonly { extent: Extent; group: number }[],
): Map<number, Extent> | undefined {
  const centre = (e: Extent): number => (e.x0 + e.x1) / 2;
  const map = new Map<number, Extent>();
  const sorted = [...leaves].sort((a, b) => centre(a.extent) - centre(b.extent));
  if (groups.length > 0) {
    for (const leaf of sorted) {
      const c = centre(leaf.extent);
      const over = groups.filter((g) => g.extent.x0 <= c && c < g.extent.x1);
      if (over.length !== 1) continue;
      map.set(over[0].group * 5 + leaf.index, leaf.extent);
    }
    if (map.size === 15) return map;
    map.clear();
  }
  if (sorted.length !== 15 || sorted.some((leaf, i) => leaf.index !== i % 5)) return undefined;
  sorted.forEach((leaf, i) => map.set(i, leaf.extent));
  return map;
}

/**
 * Section 四: a header of group and column names over one row of 15 cells (or, in reports that print it the
 * other way round, one labelled row of 5 cells per review/litigation kind).
 */
function readAppeals(lines: readonly Line[], context: SectionContext): void {
  const { out, ordinal } = context;
  const set = sectionLabels('appeals');
  const words = headerWords('appeals');
  const leaves: { extent: Extent; index: number }[] = [];
  const groups: { extent: Extent; group: number }[] = [];
  for (const raw of lines) {
    if (isBlankLine(raw)) continue;
    const line = readLine(raw);
    countNumbers(line, out);
    const labelAt = rightmostLabel(line);
    const own = labelAt >= 0 ? trimSpace(line.cells[labelAt].text) : undefined;
    if (hasValues(line)) {
      const hit = own !== undefined ? matchLabel(own, set) : undefined;
      if (hit && isRowEntry(hit.entry)) {
        if (hit.fuzzy)
          out.fuzzy.push({ section: ordinal, printed: own ?? '', label: displayOf(hit.entry), distance: hit.distance });
        out.rows.push({
          entry: hit.entry,
          label: own ?? '',
          cells: line.readings.slice(labelAt + 1),
          units: [],
          text: line.text,
        });
      } else {
        out.appealCells.push(...line.readings.slice(labelAt + 1));
        out.appealText.push(line.text);
        if (line.positioned) out.appealPositioned = true;
        const map = appealColumns(leaves, groups);
        const values = map ? valuesFrom(line, labelAt + 1) : undefined;
        if (map && values && !out.appealColumns)
          out.appealColumns = placeByColumns(values, line.positioned ? widenColumns(map) : map, !line.positioned);
        if (own !== undefined) out.unplaced.push({ section: ordinal, text: own, reason: IM.noRow() });
      }
      continue;
    }
    const textCells = line.cells.filter((c) => c.text !== '');
    textCells.forEach((cell) => {
      const found = headerText(cell.text, words, (printed, word, distance) =>
        out.fuzzy.push({ section: ordinal, printed, label: word.text, distance }),
      );
      if (found === undefined) {
        out.unplaced.push({ section: ordinal, text: cell.text, reason: IM.notTable() });
        return;
      }
      const extent = extentOf(cell);
      if (!extent) return;
      const leaf = found.find((w) => w.columnIndex !== undefined);
      if (leaf?.columnIndex !== undefined && found.length === 1) leaves.push({ extent, index: leaf.columnIndex });
      const hit = matchLabel(cell.text, set);
      const group = hit && !hit.fuzzy ? APPEAL_GROUPS.indexOf(hit.entry.id) : -1;
      if (group >= 0) groups.push({ extent, group });
    });
  }
}

export function readTables(sections: {
  readonly active?: readonly Line[];
  readonly applications?: readonly Line[];
  readonly appeals?: readonly Line[];
}): TableReading {
  const out = emptyReading();
  if (sections.active) readLabelledTable(sections.active, { ordinal: '二', sectionId: 'active', out });
  if (sections.applications)
    readLabelledTable(sections.applications, { ordinal: '三', sectionId: 'applications', out });
  if (sections.appeals) readAppeals(sections.appeals, { ordinal: '四', sectionId: 'appeals', out });
  return out;
}
