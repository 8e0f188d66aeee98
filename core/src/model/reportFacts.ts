/**
 * What the cross-report checks need from one report, kept instead of the whole analysis: its key (机关, 年度),
 * its edition, and the carry-over and stock cells with their values and ranges. A province holds ten thousand
 * reports, so the cells live in typed arrays laid out once per edition; `FactCell` objects are made on demand.
 */
import type { Range } from '../diagnostics/diagnostic';
import type { BoundReport } from './bindReport';
import { cellRange } from './cellRange';
import type { ChangeFact } from './changeStatement';
import { cellNameOf } from './names';
import { templateIndex } from '../template/templates';
import type { PlacedNode } from '../template/templates';
import type { Column, Edition, RowNode, YamlPath } from '../template/types';
import { agencyKey } from './agencyKey';
import { YEAR_RELATION_ROWS } from './yearRelations';

export interface FactCell {
  /** number: the value; null: blank (counts as 0); undefined: missing or unreadable. */
  readonly value: number | null | undefined;
  readonly range: Range;
  readonly path: YamlPath;
  /** `四、结转下年度继续办理·自然人`, as messages name it. */
  readonly name: string;
  /** The cell has its own value node that a fix may replace. */
  readonly editable: boolean;
}

export type { ChangeFact } from './changeStatement';

/**
 * What the narrative adds to a report's facts (`narrative/narrativeFacts.ts` reads it; the model only keeps it):
 * every narrative quantity's value by the ids' order (NaN: no value) and the 同比 statements.
 */
export interface NarrativeFacts {
  /** The quantity ids, one array shared by every report. */
  readonly quantityIds: readonly string[];
  readonly quantities: Float64Array;
  readonly changes: readonly ChangeFact[];
}

export interface ReportFacts {
  readonly edition: Edition;
  readonly agency: string | undefined;
  readonly agencyKey: string | undefined;
  readonly year: number | undefined;
  /** Where the 机关 value is (duplicate-report findings sit there). */
  readonly agencyRange: Range | undefined;
  /** A hash of everything above and every cell's value and place: equal means the neighbours need no re-check. */
  readonly signature: string;
  cell(rowId: string, columnId: string): FactCell | undefined;
  /**
   * A table quantity of the narrative checks (`received`, `granted`, `review.corrected`, …: ids of
   * `narrative/quantities.ts`); undefined when the edition has no such cells or one of them is unreadable.
   */
  quantity(id: string): number | undefined;
  /** The narrative's statements of change against last year, checked against last year's facts (NB314). */
  readonly changes: readonly ChangeFact[];
}

const NO_QUANTITIES = new Float64Array(0);
const NO_CHANGES: readonly ChangeFact[] = [];
const NO_IDS: readonly string[] = [];
const quantityIndexes = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

function quantityIndex(ids: readonly string[]): ReadonlyMap<string, number> {
  let index = quantityIndexes.get(ids);
  if (!index) quantityIndexes.set(ids, (index = new Map(ids.map((id, i) => [id, i]))));
  return index;
}

/**
 * The rows kept: every row a cross-year relation reads (invariants 6–8), and 本年新收 by applicant (the trends of
 * `compare/trends.ts`, which reads facts only).
 */
const FACT_ROWS: readonly string[] = [...new Set([...YEAR_RELATION_ROWS, 'applications.newReceived'])];

interface Slot {
  readonly placed: PlacedNode & { readonly node: RowNode };
  readonly column: Column;
  readonly index: number;
}

interface Layout {
  readonly slots: readonly Slot[];
  readonly byKey: ReadonlyMap<string, number>;
}

const layouts = new Map<Edition, Layout>();

function layoutOf(edition: Edition): Layout {
  const cached = layouts.get(edition);
  if (cached) return cached;
  const template = templateIndex(edition);
  const slots: Slot[] = [];
  const byKey = new Map<string, number>();
  for (const rowId of FACT_ROWS) {
    const placed = template.byId.get(rowId);
    if (!placed || placed.node.kind !== 'row') continue;
    const row = placed as PlacedNode & { node: RowNode };
    row.node.columns.forEach((column, index) => {
      byKey.set(`${rowId}#${column.id}`, slots.length);
      slots.push({ placed: row, column, index });
    });
  }
  const layout = { slots, byKey };
  layouts.set(edition, layout);
  return layout;
}

const ABSENT = 0;
const NUMBER = 1;
const BLANK = 2;
const UNREADABLE = 3;
const EDITABLE = 4;

/**
 * A report's facts as plain data (strings, numbers and typed arrays): what a worker thread sends back for the
 * thread that holds the index (`factsData`, `factsFromData`).
 */
export interface FactsData {
  readonly edition: Edition;
  readonly written: string;
  readonly agency: string | undefined;
  readonly agencyKey: string | undefined;
  readonly year: number | undefined;
  readonly agencyRange: Range | undefined;
  readonly values: Float64Array;
  readonly ranges: Int32Array;
  readonly kinds: Uint8Array;
  readonly quantities: Float64Array;
  readonly quantityIds: readonly string[];
  readonly changes: readonly ChangeFact[];
}

class CompactFacts implements ReportFacts {
  private hashed: string | undefined;

  constructor(
    readonly edition: Edition,
    /** The 机关 as written (untrimmed): the signature hashes it so. */
    readonly written: string,
    readonly agency: string | undefined,
    readonly agencyKey: string | undefined,
    readonly year: number | undefined,
    readonly agencyRange: Range | undefined,
    readonly values: Float64Array,
    readonly ranges: Int32Array,
    readonly kinds: Uint8Array,
    /**
     * The narrative's facts, or how to make them when first asked for: an editor's document is replaced at every
     * keystroke, and unless a report of the same agency in a neighbouring year reads them (or the signature is
     * compared), they are never needed.
     */
    private narrative: NarrativeFacts | (() => NarrativeFacts) | undefined,
  ) {}

  private get narrativeFacts(): NarrativeFacts | undefined {
    if (typeof this.narrative === 'function') this.narrative = this.narrative();
    return this.narrative;
  }

  /** By `quantityIds`' order; NaN where the quantity has no value. */
  get quantities(): Float64Array {
    return this.narrativeFacts?.quantities ?? NO_QUANTITIES;
  }

  get quantityIds(): readonly string[] {
    return this.narrativeFacts?.quantityIds ?? NO_IDS;
  }

  get changes(): readonly ChangeFact[] {
    return this.narrativeFacts?.changes ?? NO_CHANGES;
  }

  quantity(id: string): number | undefined {
    const i = quantityIndex(this.quantityIds).get(id);
    if (i === undefined) return undefined;
    const v = this.quantities[i];
    return Number.isNaN(v) ? undefined : v;
  }

  /**
   * Made from the fields above when first asked for: only a report replaced in the index compares signatures,
   * so a batch of files read once never builds one.
   */
  get signature(): string {
    if (this.hashed !== undefined) return this.hashed;
    const parts: string[] = [String(this.edition), this.written, String(this.year ?? '')];
    for (let i = 0; i < this.kinds.length; i++) {
      const kind = this.kinds[i] & 3;
      if (kind === ABSENT) continue;
      const value = kind === NUMBER ? this.values[i] : kind === BLANK ? null : undefined;
      parts.push(`${i}:${this.kinds[i]}:${String(value)}@${this.ranges[2 * i]}-${this.ranges[2 * i + 1]}`);
    }
    if (this.agencyRange) parts.push(`agency@${this.agencyRange.start}-${this.agencyRange.end}`);
    // Next year's 同比 statements read these; this year's own statements are checked against last year's.
    parts.push(Array.from(this.quantities, String).join(','));
    for (const c of this.changes)
      parts.push(
        `${c.range.start}-${c.range.end}:${c.kind}${c.direction}${c.value}.${c.decimals}${c.unit}=${c.terms.join('+')}@${c.stated ?? ''}/${c.share?.value ?? ''}.${c.share?.decimals ?? ''}`,
      );
    return (this.hashed = hash(parts.join('|')));
  }

  cell(rowId: string, columnId: string): FactCell | undefined {
    const layout = layoutOf(this.edition);
    const i = layout.byKey.get(`${rowId}#${columnId}`);
    if (i === undefined) return undefined;
    const kind = this.kinds[i] & 3;
    if (kind === ABSENT) return undefined;
    const { placed, column, index } = layout.slots[i];
    return {
      value: kind === NUMBER ? this.values[i] : kind === BLANK ? null : undefined,
      range: { start: this.ranges[2 * i], end: this.ranges[2 * i + 1] },
      path: placed.node.columns.length === 1 ? placed.path : [...placed.path, index],
      name: cellNameOf(placed, column),
      editable: (this.kinds[i] & EDITABLE) !== 0,
    };
  }
}

/** FNV-1a of a string, two ways, as one key: cheap, and collisions would only skip a re-check of neighbours. */
function hash(parts: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < parts.length; i++) {
    const c = parts.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${parts.length}`;
}

/**
 * A string that holds no reference to the text it was read from. V8 makes a substring of 13 or more characters
 * a view into its parent, so an agency name kept as read would keep the whole report's text alive for as long
 * as the index holds its facts.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * `narrative`: the quantities and 同比 statements (without it, none: the checks that need them say nothing), or a
 * function that makes them when they are first needed (it is kept until then, with what it refers to).
 */
export function reportFacts(report: BoundReport, narrative?: NarrativeFacts | (() => NarrativeFacts)): ReportFacts {
  const layout = layoutOf(report.edition);
  const n = layout.slots.length;
  const values = new Float64Array(n);
  const ranges = new Int32Array(2 * n);
  const kinds = new Uint8Array(n);
  layout.slots.forEach((slot, i) => {
    const row = report.rows.get(slot.placed.node.id);
    const cell = row?.cells[slot.index];
    if (!row || !cell) return;
    const own = cellRange(row, cell);
    // A cell with nothing written (`key:`) is pointed at by its row's key.
    const range = own.start === own.end ? { start: row.pair.key.start, end: row.pair.key.end } : own;
    const editable =
      cell.node?.kind === 'scalar' && own.start !== own.end && (row.cells.length === 1 || cell.node !== row.pair.value);
    kinds[i] =
      (typeof cell.value === 'number' ? NUMBER : cell.value === null ? BLANK : UNREADABLE) | (editable ? EDITABLE : 0);
    if (typeof cell.value === 'number') values[i] = cell.value;
    ranges[2 * i] = range.start;
    ranges[2 * i + 1] = range.end;
  });
  const agencyNode = report.meta.get('meta.agency')?.node;
  const agencyRange = agencyNode ? { start: agencyNode.start, end: agencyNode.end } : undefined;
  const written = detached(report.agency ?? '');
  const agency = written.trim() || undefined;
  return new CompactFacts(
    report.edition,
    written,
    agency,
    agency ? agencyKey(agency) : undefined,
    report.year,
    agencyRange,
    values,
    ranges,
    kinds,
    narrative,
  );
}

/** The facts as plain data, to be sent to another thread. */
export function factsData(facts: ReportFacts): FactsData {
  const f = facts as CompactFacts;
  return {
    edition: f.edition,
    written: f.written,
    agency: f.agency,
    agencyKey: f.agencyKey,
    year: f.year,
    agencyRange: f.agencyRange,
    values: f.values,
    ranges: f.ranges,
    kinds: f.kinds,
    quantities: f.quantities,
    quantityIds: f.quantityIds,
    changes: f.changes,
  };
}

/** The quantity ids met so far: every report's facts from another thread share one array, as those made here do. */
const knownIds: (readonly string[])[] = [];

function sharedIds(ids: readonly string[]): readonly string[] {
  for (const known of knownIds) if (known.length === ids.length && known.every((id, i) => id === ids[i])) return known;
  knownIds.push(ids);
  return ids;
}

/** The facts again, from their data: the same answers as the facts the data was made of. */
export function factsFromData(d: FactsData): ReportFacts {
  return new CompactFacts(
    d.edition,
    d.written,
    d.agency,
    d.agencyKey,
    d.year,
    d.agencyRange,
    d.values,
    d.ranges,
    d.kinds,
    { quantities: d.quantities, quantityIds: sharedIds(d.quantityIds), changes: d.changes },
  );
}
