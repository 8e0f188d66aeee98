/**
 * Which template column a printed value belongs to, read from where it stands across its table. A table's header
 * says where each template column lies (the header cell naming it: its grid columns in HTML and DOCX, the position
 * of its text on a PDF page); a value goes to the one column that holds most of it. A value that straddles two
 * columns, lies under none, or shares its column with another value is not placed: it is reported, never shifted
 * into a neighbour.
 */
import type { CellReading } from './readCell';

export interface Extent {
  readonly x0: number;
  readonly x1: number;
}

/** Template column index → where it lies. */
export type ColumnMap = ReadonlyMap<number, Extent>;

/** Share of a value's width that must lie inside one column for the value to be that column's. */
const HOLDS = 0.6;

function overlap(a: Extent, b: Extent): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}

/**
 * Column extents known only from the position of their header text (a PDF): each column reaches halfway to its
 * neighbours, the outer ones as far again outwards (values are centred, right- or left-aligned in cells wider than
 * their header's text).
 */
export function widenColumns(columns: ColumnMap): Map<number, Extent> {
  const sorted = [...columns].sort((a, b) => a[1].x0 + a[1].x1 - (b[1].x0 + b[1].x1));
  const centre = (e: Extent): number => (e.x0 + e.x1) / 2;
  const out = new Map<number, Extent>();
  sorted.forEach(([index, extent], i) => {
    const c = centre(extent);
    const left = i > 0 ? (centre(sorted[i - 1][1]) + c) / 2 : undefined;
    const right = i + 1 < sorted.length ? (centre(sorted[i + 1][1]) + c) / 2 : undefined;
    const half = Math.max(extent.x1 - extent.x0, 0) / 2;
    const x0 = left ?? (right !== undefined ? Math.min(extent.x0, c - (right - c)) : -Infinity);
    const x1 = right ?? (left !== undefined ? Math.max(extent.x1, c + (c - left)) : Infinity);
    out.set(index, { x0: Math.min(x0, c - half), x1: Math.max(x1, c + half) });
  });
  return out;
}

export type ColumnOf = { readonly column: number } | { readonly problem: 'none' | 'straddles' };

/** The column holding most of `cell`, if one holds enough of it. */
export function columnOf(columns: ColumnMap, cell: Extent): ColumnOf {
  const width = cell.x1 - cell.x0;
  let best: { column: number; share: number } | undefined;
  let touched = 0;
  for (const [index, extent] of columns) {
    const o = overlap(cell, extent);
    // A value with no width (a point) is held by the column it lies in.
    const share = width > 0 ? o / width : cell.x0 >= extent.x0 && cell.x0 < extent.x1 ? 1 : 0;
    if (share > 0) touched++;
    if (!best || share > best.share) best = { column: index, share };
  }
  if (best && best.share >= HOLDS) return { column: best.column };
  return { problem: touched > 0 ? 'straddles' : 'none' };
}

export interface PlacedValue {
  readonly extent: Extent;
  readonly reading: CellReading;
}

export interface ColumnPlacement {
  /** The value printed in each template column (the empty cells of a spanning column ignored). */
  readonly byColumn: ReadonlyMap<number, CellReading>;
  /** Printed values that could not be given a column of their own, as printed. */
  readonly unclear: readonly string[];
  /** Template columns no cell of the row reaches, not even an empty one (a row printed with a cell missing). */
  readonly uncovered: number;
}

function printed(reading: CellReading): string {
  return reading.kind === 'empty' ? '' : reading.printed;
}

/**
 * The row's values by template column. An empty cell says nothing (Word leaves empty cells beside a value that
 * spans its column); two values in one column, or a value in no single column, make the row unclear. On a grid
 * (HTML, DOCX) every row's cells reach across the whole table, so a column no cell reaches means a cell is missing
 * and the others may have moved left: the caller reports the row rather than trust where its values fell. A PDF
 * prints nothing for an empty cell, so there `grid` is false and nothing is counted.
 */
export function placeByColumns(values: readonly PlacedValue[], columns: ColumnMap, grid: boolean): ColumnPlacement {
  const byColumn = new Map<number, CellReading>();
  const unclear: string[] = [];
  const taken = new Map<number, string>();
  for (const value of values) {
    if (value.reading.kind === 'empty') continue;
    const where = columnOf(columns, value.extent);
    if ('problem' in where) {
      unclear.push(printed(value.reading));
      continue;
    }
    const before = taken.get(where.column);
    if (before !== undefined) {
      if (!unclear.includes(before)) unclear.push(before);
      unclear.push(printed(value.reading));
      byColumn.delete(where.column);
      continue;
    }
    taken.set(where.column, printed(value.reading));
    byColumn.set(where.column, value.reading);
  }
  let uncovered = 0;
  if (grid) for (const extent of columns.values()) if (!values.some((v) => overlap(v.extent, extent) > 0)) uncovered++;
  return { byColumn, unclear, uncovered };
}
