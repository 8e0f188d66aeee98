/** Total cells left blank while what they sum is not (E8): NB207 reports them, NB206 leaves them alone. */
import type { BoundCell, BoundReport } from '../model/bindReport';
import { derived } from '../derived';
import { expectedValue, sumRelations, termValue } from './sumRelations';
import type { SumRelation } from './sumRelations';

export function blankTotals(report: BoundReport): ReadonlyMap<BoundCell, SumRelation> {
  return derived(report, 'blankTotals', () => findBlankTotals(report));
}

function findBlankTotals(report: BoundReport): ReadonlyMap<BoundCell, SumRelation> {
  const out = new Map<BoundCell, SumRelation>();
  for (const relation of sumRelations(report)) {
    // The balance rule's target (四) is a carried-forward count, not a printed total.
    if (relation.code === 'NB301') continue;
    if (relation.cell.value !== null || out.has(relation.cell)) continue;
    if (relation.terms.some((t) => t.cell.value !== null && t.cell.value !== undefined))
      out.set(relation.cell, relation);
  }
  return out;
}

/**
 * A term's value for the other sums: a blank total (reported once, by NB207) counts as the total it should
 * be, so that it does not make every sum through it fail again.
 */
export function filledValue(report: BoundReport): (cell: BoundCell) => number | undefined {
  const totals = blankTotals(report);
  return (cell) => {
    const relation = cell.value === null ? totals.get(cell) : undefined;
    return relation ? expectedValue(relation) : termValue(cell);
  };
}
