/**
 * What the cross-report checks need from one report, kept instead of the whole analysis: its key (机关, 年度),
 * its edition, and the carry-over and stock cells with their values and ranges. A province holds thousands of
 * reports; the index keeps these small records, not syntax trees.
 */
import type { Range } from '../diagnostics/diagnostic';
import type { BoundReport } from '../model/bindReport';
import { cellRange } from '../rules/cellRange';
import { cellName } from '../rules/names';
import type { Edition, YamlPath } from '../template/types';
import { agencyKey } from './agencyKey';

export interface FactCell {
  readonly value: number | null | undefined;
  readonly range: Range;
  readonly path: YamlPath;
  /** `结转下年度继续办理·自然人`, as messages name it. */
  readonly name: string;
  /** The cell has a value node that a fix may replace. */
  readonly editable: boolean;
}

export interface ReportFacts {
  readonly edition: Edition;
  readonly agency: string | undefined;
  readonly agencyKey: string | undefined;
  readonly year: number | undefined;
  /** Where the 机关 value is (duplicate-report findings sit there). */
  readonly agencyRange: Range | undefined;
  /** Cells by `rowId#columnId`. */
  readonly cells: ReadonlyMap<string, FactCell>;
  /** Everything above as one string: equal signatures mean the neighbours need no re-check. */
  readonly signature: string;
}

/** Rows whose cells continue from one year to the next (invariants 6–8). */
const CROSS_ROWS = [
  'applications.carriedOver',
  'applications.carriedForward',
  'active.art20_1.rules',
  'active.art20_1.normative',
  'active.art20_5.licensing',
  'active.art20_5.otherServices',
  'active.art20_6.penalty',
  'active.art20_6.enforcement',
  'active.art20_8.fees',
];

export function cellKey(rowId: string, columnId: string): string {
  return `${rowId}#${columnId}`;
}

export function reportFacts(report: BoundReport): ReportFacts {
  const cells = new Map<string, FactCell>();
  const parts: string[] = [String(report.edition), report.agency ?? '', String(report.year ?? '')];
  for (const rowId of CROSS_ROWS) {
    const row = report.rows.get(rowId);
    if (!row) continue;
    for (const cell of row.cells) {
      const own = cellRange(row, cell);
      // A cell with nothing written (`key:`) is pointed at by its row's key.
      const range = own.start === own.end ? { start: row.pair.key.start, end: row.pair.key.end } : own;
      const editable = cell.node?.kind === 'scalar' && own.start !== own.end && (row.cells.length === 1 || cell.node !== row.pair.value);
      cells.set(cellKey(rowId, cell.column.id), { value: cell.value, range, path: cell.path, name: cellName(row, cell), editable });
      parts.push(`${rowId}#${cell.column.id}=${String(cell.value)}@${range.start}-${range.end}`);
    }
  }
  const agencyNode = report.meta.get('meta.agency')?.node;
  const agencyRange = agencyNode ? { start: agencyNode.start, end: agencyNode.end } : undefined;
  if (agencyRange) parts.push(`agency@${agencyRange.start}-${agencyRange.end}`);
  const agency = report.agency?.trim() || undefined;
  return {
    edition: report.edition,
    agency,
    agencyKey: agency ? agencyKey(agency) : undefined,
    year: report.year,
    agencyRange,
    cells,
    signature: parts.join('|'),
  };
}
