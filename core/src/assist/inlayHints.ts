/** Column names before the values of a positional row (`[自然人: 0, 商业企业: 0, …]`, or compact `[自: 0, 商: 0, …]`). */
import type { Range } from '../diagnostics/diagnostic';
import type { BoundReport } from '../model/bindReport';

/** `full`: the column's name; `short`: its one or two characters (`自` for 自然人), the name in the tooltip. */
export type ColumnHintStyle = 'full' | 'short';

export interface ColumnHint {
  /** Offset of the value the hint stands before. */
  readonly offset: number;
  readonly label: string;
  /** The column's full name (what a short label stands for). */
  readonly name: string;
}

/** Hints for the rows written as sequences, limited to `range` when given. */
export function columnHints(report: BoundReport, range?: Range, style: ColumnHintStyle = 'full'): ColumnHint[] {
  const out: ColumnHint[] = [];
  for (const row of report.rows.values()) {
    const value = row.pair.value;
    if (!value || value.kind !== 'seq' || row.cells.length < 2) continue;
    if (range && (value.end < range.start || value.start > range.end)) continue;
    for (const cell of row.cells) {
      if (!cell.node || cell.node === value) continue;
      if (range && (cell.node.start < range.start || cell.node.start > range.end)) continue;
      const { name, short } = cell.column;
      out.push({ offset: cell.node.start, label: `${style === 'short' ? short : name}:`, name });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
