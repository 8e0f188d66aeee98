/**
 * The one cell that explains two mismatches. A number typed wrong inside the application table (E3) breaks its
 * row's 总计 and its column's total by the same amount; setting either total would only move the error on.
 * When exactly one row sum and one column sum disagree by the same amount and share exactly one cell, that cell
 * is offered instead: correcting it satisfies both.
 */
import type { Range } from '../diagnostics/diagnostic';
import type { Analysis } from '../analyze';
import type { BoundCell } from '../model/bindReport';
import { cellRange } from '../model/cellRange';
import { cellName } from '../model/names';
import { expectedValue, sumRelations, termValue } from '../rules/sumRelations';
import type { SumRelation } from '../rules/sumRelations';
import { judgeChange } from '../rules/sumVerdict';

export interface CulpritFix {
  /** The cell to change, by its printed name (`（六）其他处理·商业企业`). */
  readonly name: string;
  readonly from: number;
  readonly value: number;
  readonly range: Range;
  /** The two diagnostics it settles (their code and range, as the rules report them). */
  readonly explains: readonly { readonly code: string; readonly range: Range }[];
}

interface Mismatch {
  readonly relation: SumRelation;
  /** Actual minus expected. */
  readonly off: number;
}

const ROW_SUMS = new Set(['NB303', 'NB304']);
const COLUMN_SUMS = new Set(['NB302', 'NB301']);

function mismatches(relations: readonly SumRelation[], codes: ReadonlySet<string>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const relation of relations) {
    if (!codes.has(relation.code)) continue;
    const actual = relation.cell.value;
    const expected = expectedValue(relation);
    if (typeof actual !== 'number' || expected === undefined || actual === expected) continue;
    out.push({ relation, off: actual - expected });
  }
  return out;
}

function sharedCell(a: SumRelation, b: SumRelation): BoundCell | undefined {
  const shared = a.terms.filter((t) => t.sign === 1 && b.terms.some((u) => u.cell === t.cell && u.sign === 1));
  return shared.length === 1 ? shared[0].cell : undefined;
}

export function culpritCells(analysis: Pick<Analysis, 'report'>): CulpritFix[] {
  const relations = sumRelations(analysis.report);
  const rows = mismatches(relations, ROW_SUMS);
  const columns = mismatches(relations, COLUMN_SUMS);
  const out: CulpritFix[] = [];
  for (const row of rows) {
    const partners = columns.filter((c) => Math.abs(c.off - row.off) < 1e-9 && sharedCell(row.relation, c.relation));
    if (partners.length !== 1) continue;
    const column = partners[0];
    const rivals = rows.filter((r) => Math.abs(r.off - column.off) < 1e-9 && sharedCell(r.relation, column.relation));
    if (rivals.length !== 1) continue;
    const cell = sharedCell(row.relation, column.relation) as BoundCell;
    const from = termValue(cell);
    if (from === undefined || !cell.node || cell.node.kind !== 'scalar') continue;
    // The cell is counted once too often by `off` on both sides: take it off.
    const value = Math.round((from + row.off) * 1e6) / 1e6;
    if (value < 0 && cell.column.kind !== 'delta') continue;
    // Settling both must not unsettle a third relation the cell is in.
    if (!judgeChange(analysis.report, new Map([[cell, value]])).better) continue;
    const explains = [row, column].map((m) => ({
      code: m.relation.code,
      range: cellRange(m.relation.row, m.relation.cell),
    }));
    out.push({
      name: cellName(row.relation.row, cell),
      from,
      value,
      range: cellRange(row.relation.row, cell),
      explains,
    });
  }
  return out;
}
