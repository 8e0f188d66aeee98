/**
 * What a change of cell values does to the table arithmetic (invariants 1–4 and blank totals), worked out on the
 * bound report without re-parsing: which relations fail now, which would fail with the change. A value fix is
 * offered only when it leaves strictly fewer of them failing and breaks none that holds — a total that agrees
 * with the flow identity (一 + 二 = 三（七）+ 四) is not "fixed" into disagreeing with it.
 */
import type { Range } from '../diagnostics/diagnostic';
import type { BoundCell, BoundReport, BoundRow } from '../model/bindReport';
import { derived } from '../derived';
import { blankTotals } from './blankTotals';
import { cellRange } from '../model/cellRange';
import { expectedValue, sumRelations, termValue } from './sumRelations';
import type { SumRelation, TermReader } from './sumRelations';

/** Cells read as other values than the ones printed: the change a fix would make. */
export type CellOverrides = ReadonlyMap<BoundCell, number>;

const NONE: CellOverrides = new Map();

/**
 * How the sum rules read a term under `overrides`: an overridden cell as its new value, a blank total (NB207's)
 * as the value its own terms give, anything else as printed (blank = 0, unreadable = unknown).
 */
export function overriddenReader(report: BoundReport, overrides: CellOverrides): TermReader {
  const totals = blankTotals(report);
  const plain: TermReader = (cell) => overrides.get(cell) ?? termValue(cell);
  return (cell) => {
    const own = overrides.get(cell);
    if (own !== undefined) return own;
    const relation = cell.value === null ? totals.get(cell) : undefined;
    return relation ? expectedValue(relation, plain) : termValue(cell);
  };
}

/** A failure of the arithmetic: a relation whose target disagrees, or a blank total (NB207). */
export type SumFailure = SumRelation | BoundCell;

/** The relations (and blank totals) that fail when the cells read as `overrides` say. */
export function sumFailures(report: BoundReport, overrides: CellOverrides = NONE): Set<SumFailure> {
  const out = new Set<SumFailure>();
  const read = overriddenReader(report, overrides);
  for (const relation of sumRelations(report)) {
    const actual = overrides.get(relation.cell) ?? relation.cell.value;
    // A blank target is NB207's (counted below), an unreadable one the schema's.
    if (actual === null || actual === undefined) continue;
    const expected = expectedValue(relation, read);
    if (expected !== undefined && expected !== actual) out.add(relation);
  }
  for (const [cell, relation] of blankTotals(report)) {
    if (overrides.has(cell)) continue;
    if (expectedValue(relation) !== undefined) out.add(cell);
  }
  return out;
}

export interface SumVerdict {
  /** Strictly fewer failures, none of them new. */
  readonly better: boolean;
  /** A new failure, or more of them: never offered. */
  readonly worse: boolean;
  /** Relations that hold now and would fail with the change. */
  readonly broken: readonly SumRelation[];
}

/** The change `overrides` judged against the report as printed (or as `base` overrides already change it). */
export function judgeChange(report: BoundReport, overrides: CellOverrides, base: CellOverrides = NONE): SumVerdict {
  const before = base === NONE ? currentFailures(report) : sumFailures(report, base);
  const merged = base === NONE ? overrides : new Map([...base, ...overrides]);
  const after = sumFailures(report, merged);
  const broken: SumRelation[] = [];
  for (const f of after) if (!before.has(f) && !isCell(f)) broken.push(f);
  let added = broken.length;
  for (const f of after) if (!before.has(f) && isCell(f)) added++;
  return { better: added === 0 && after.size < before.size, worse: added > 0 || after.size > before.size, broken };
}

function isCell(f: SumFailure): f is BoundCell {
  return !('terms' in f);
}

function currentFailures(report: BoundReport): Set<SumFailure> {
  return derived(report, 'sumFailures', () => sumFailures(report));
}

export interface LocatedCell {
  readonly row: BoundRow;
  readonly cell: BoundCell;
}

/** The table cell whose value sits exactly at `range` (a fix's target), if any. */
export function cellAtRange(report: BoundReport, range: Range): LocatedCell | undefined {
  const byStart = derived(report, 'cellsByStart', () => {
    const map = new Map<number, LocatedCell[]>();
    for (const row of report.rows.values()) {
      for (const cell of row.cells) {
        if (!cell.node) continue;
        const r = cellRange(row, cell);
        const list = map.get(r.start);
        if (list) list.push({ row, cell });
        else map.set(r.start, [{ row, cell }]);
      }
    }
    return map;
  });
  return byStart.get(range.start)?.find((c) => cellRange(c.row, c.cell).end === range.end);
}

/**
 * Whether setting the cell at `range` to `value` keeps the arithmetic from getting worse. Cells outside the tables,
 * and unreadable ones (a number written in another form: reading it may reveal a real mismatch), are not judged.
 */
export function valueChangeAllowed(report: BoundReport, range: Range, value: number): boolean {
  const located = cellAtRange(report, range);
  if (!located || located.cell.value === undefined || located.cell.value === value) return true;
  return !judgeChange(report, new Map([[located.cell, value]])).worse;
}
