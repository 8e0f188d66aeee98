/**
 * The arithmetic of the tables (invariants 1–4) as data: a target cell and the signed cells it must equal the
 * sum of. The sum rules, the blank-total rule, hovers and inlay hints all read these.
 */
import type { BoundCell, BoundReport, BoundRow } from '../model/bindReport';
import { derived } from '../derived';

export type SumCode = 'NB301' | 'NB302' | 'NB303' | 'NB304';

export interface SumTerm {
  readonly row: BoundRow;
  readonly cell: BoundCell;
  readonly sign: 1 | -1;
}

export interface SumRelation {
  readonly code: SumCode;
  readonly row: BoundRow;
  readonly cell: BoundCell;
  readonly terms: readonly SumTerm[];
}

function rowTotals(report: BoundReport, ids: readonly string[], code: SumCode, out: SumRelation[]): void {
  for (const id of ids) {
    const row = report.rows.get(id);
    if (!row) continue;
    const last = row.cells.length - 1;
    const terms: SumTerm[] = new Array(last);
    for (let i = 0; i < last; i++) terms[i] = { row, cell: row.cells[i], sign: 1 };
    out.push({ code, row, cell: row.cells[last], terms });
  }
}

interface RowPlan {
  /** Rows of 三 (each adds up across the applicant columns). */
  readonly applications: readonly string[];
  /** The numbered result rows that （七）总计 adds up. */
  readonly results: readonly string[];
  /** Rows of 四. */
  readonly appeals: readonly string[];
}

const plans = new WeakMap<BoundReport['template'], RowPlan>();

/** Which rows each invariant reads, from the template of the edition (made once per edition). */
function planOf(template: BoundReport['template']): RowPlan {
  let plan = plans.get(template);
  if (!plan) {
    const ids = template.rows.map((p) => p.node.id);
    plan = {
      applications: ids.filter((id) => id.startsWith('applications.')),
      results: ids.filter((id) => id.startsWith('applications.results.') && id !== 'applications.results.total'),
      appeals: ids.filter((id) => id.startsWith('appeals.')),
    };
    plans.set(template, plan);
  }
  return plan;
}

export function sumRelations(report: BoundReport): readonly SumRelation[] {
  return derived(report, 'sumRelations', () => relationsOf(report));
}

function relationsOf(report: BoundReport): readonly SumRelation[] {
  const out: SumRelation[] = [];
  const plan = planOf(report.template);
  const allPresent = (ids: readonly string[]): boolean => ids.every((id) => report.rows.has(id));

  // Invariant 3: every row of 三 adds up across the applicant columns.
  rowTotals(report, plan.applications, 'NB303', out);

  // Invariant 2: （七）总计 of each column is the sum of every numbered result row.
  const resultIds = plan.results;
  const total = report.rows.get('applications.results.total');
  if (total && allPresent(resultIds)) {
    const results = resultIds.map((id) => report.rows.get(id) as BoundRow);
    total.cells.forEach((cell, c) => {
      const terms: SumTerm[] = new Array(results.length);
      for (let r = 0; r < results.length; r++) terms[r] = { row: results[r], cell: results[r].cells[c], sign: 1 };
      out.push({ code: 'NB302', row: total, cell, terms });
    });
  }

  // Invariant 1, the printed rule: 一 + 二 = 三（七）总计 + 四, checked on 四 (what is left to carry forward).
  const received = report.rows.get('applications.newReceived');
  const carried = report.rows.get('applications.carriedOver');
  const forward = report.rows.get('applications.carriedForward');
  if (received && carried && total && forward) {
    forward.cells.forEach((cell, c) => {
      out.push({
        code: 'NB301',
        row: forward,
        cell,
        terms: [
          { row: received, cell: received.cells[c], sign: 1 },
          { row: carried, cell: carried.cells[c], sign: 1 },
          { row: total, cell: total.cells[c], sign: -1 },
        ],
      });
    });
  }

  // Invariant 4: each group of 四 adds up to its 总计.
  rowTotals(report, plan.appeals, 'NB304', out);

  return out;
}

/** The value a cell contributes to a sum: blank counts as 0, unreadable makes the sum unknown. */
export function termValue(cell: BoundCell): number | undefined {
  return cell.value === null ? 0 : cell.value;
}

/** How a term cell is read; `termValue` unless a caller knows better (a blank total read as its computed value). */
export type TermReader = (cell: BoundCell) => number | undefined;

/** The expected value of a relation's target, or undefined when a term is unreadable. */
export function expectedValue(relation: SumRelation, read: TermReader = termValue): number | undefined {
  let sum = 0;
  for (const term of relation.terms) {
    const v = read(term.cell);
    if (v === undefined) return undefined;
    sum += term.sign * v;
  }
  return sum;
}
