import type { Diagnostic, FixData, Range } from '../diagnostics/diagnostic';
import { M, fmt } from '../i18n/messages';
import type { BoundCell, BoundReport, BoundRow } from '../model/bindReport';
import type { YamlNode } from '../syntax/tree';
import { displayLabel } from '../template/templates';
import type { Rule } from './rule';
import { blankTotals, filledValue } from './blankTotals';
import { cellRange } from '../model/cellRange';
import { cellName, rowTitle } from '../model/names';
import { expectedValue, sumRelations } from './sumRelations';
import { judgeChange } from './sumVerdict';

/** The table a row belongs to, by template id: a sub-table of 二 (`active.art20_1`), 三 or 四. */
export function tableIdOf(row: BoundRow): string {
  const parts = row.placed.node.id.split('.');
  return parts[0] === 'active' ? parts.slice(0, 2).join('.') : parts[0];
}

/** Where a blank cell's warning sits and what writes 0 there: the whole row (`予以公开:`) or one cell. */
export interface BlankFill {
  readonly wholeRow: boolean;
  /** The finding's place (the key when the value is empty). */
  readonly at: Range;
  /**
   * What writes the cell: 0, or — for a blank 四、结转下年度 that the balance gives another value — that value;
   * none when writing it would break a relation that holds.
   */
  readonly fix: FixData | undefined;
  /** The balance's value when that is what the fix writes. */
  readonly balance?: number;
}

function written(value: number, range: Range): FixData {
  return range.start === range.end
    ? { kind: 'replaceText', text: ` ${fmt(value)}`, range }
    : { kind: 'setValue', value, range };
}

export function blankFill(report: BoundReport, row: BoundRow, cell: BoundCell): BlankFill {
  const range = cellRange(row, cell);
  const empty = range.start === range.end;
  const at = empty ? { start: row.pair.key.start, end: row.pair.key.end } : range;
  if (row.cells.length > 1 && cell.node === row.pair.value) {
    // `予以公开:` or `予以公开: null`: the fix writes a row of zeros.
    const zeros = `[${row.cells.map(() => '0').join(', ')}]`;
    const worse = judgeChange(report, new Map(row.cells.map((c) => [c, 0]))).worse;
    return {
      wholeRow: true,
      at,
      fix: worse ? undefined : { kind: 'replaceText', text: empty ? ` ${zeros}` : zeros, range },
    };
  }
  if (!judgeChange(report, new Map([[cell, 0]])).worse) return { wholeRow: false, at, fix: written(0, range) };
  // A blank target of the balance (四) is not read as 0 by it: writing 0 would make it fail. Its value then.
  const balance = sumRelations(report).find((r) => r.code === 'NB301' && r.cell === cell);
  const value = balance ? expectedValue(balance, filledValue(report)) : undefined;
  if (value !== undefined && value >= 0 && !judgeChange(report, new Map([[cell, value]])).worse)
    return { wholeRow: false, at, fix: written(value, range), balance: value };
  return { wholeRow: false, at, fix: undefined };
}

/** Each blank cell NB206 reports (blank totals are NB207's), once per value node, with its fill. */
export function blankCells(report: BoundReport): { row: BoundRow; cell: BoundCell; fill: BlankFill }[] {
  const out: { row: BoundRow; cell: BoundCell; fill: BlankFill }[] = [];
  const totals = blankTotals(report);
  for (const row of report.rows.values()) {
    // Made only for a row with a blank cell (most rows have none).
    let reported: Set<YamlNode> | undefined;
    for (const cell of row.cells) {
      if (cell.value !== null || !cell.node || totals.has(cell) || reported?.has(cell.node)) continue;
      (reported ??= new Set()).add(cell.node);
      out.push({ row, cell, fill: blankFill(report, row, cell) });
    }
  }
  return out;
}

/** Every cell of every table blank: a skeleton not filled in yet. */
function allBlank(report: BoundReport): boolean {
  let cells = 0;
  for (const row of report.rows.values())
    for (const cell of row.cells) {
      if (cell.value !== null) return false;
      cells++;
    }
  return cells > 0;
}

/**
 * E8: a blank cell (`null`, `~` or nothing) counts as 0 but is probably an omission: a warning, the fix writes 0
 * (or every blank cell of its table at once). A report whose every cell is blank gets one finding per table.
 */
export const nb206BlankCell: Rule = {
  code: 'NB206',
  title: { zh: '空白单元格按 0 计（建议填 0）', en: 'Blank cells count as 0 (write 0)' },
  severity: 'warning',
  check({ report }) {
    const out: Diagnostic[] = [];
    const blanks = blankCells(report);
    if (blanks.length === 0) return out;
    if (allBlank(report)) {
      const counts = new Map<string, { row: BoundRow; cells: number }>();
      for (const { row } of blanks) {
        const id = tableIdOf(row);
        const entry = counts.get(id);
        if (entry) entry.cells += row.cells.length;
        else counts.set(id, { row, cells: row.cells.length });
      }
      for (const [id, { row, cells }] of counts) {
        const pair = report.pairs.get(id);
        const placed = report.template.byId.get(id);
        const key = pair?.key ?? row.pair.key;
        out.push({
          code: 'NB206',
          severity: 'warning',
          message: M.blankTable(placed ? displayLabel(placed.node) : id, cells),
          range: { start: key.start, end: key.end },
          path: placed ? [...placed.path] : row.path,
          fix: { kind: 'fillBlanks', table: id },
        });
      }
      return out;
    }
    for (const { row, cell, fill } of blanks) {
      // The table's fill skips a cell whose 0 is wrong: offered only beside a finding it settles.
      const table: FixData = { kind: 'fillBlanks', table: tableIdOf(row) };
      const name = cellName(row, cell);
      out.push({
        code: 'NB206',
        severity: 'warning',
        message: fill.wholeRow
          ? M.blankRow(rowTitle(row.placed))
          : fill.balance !== undefined
            ? M.blankBalance(name, fill.balance)
            : M.blankCell(name),
        range: fill.at,
        path: fill.wholeRow ? row.path : cell.path,
        ...(fill.fix ? { fix: fill.fix, ...(fill.balance === undefined ? { fixes: [table] } : {}) } : {}),
      });
    }
    return out;
  },
};
