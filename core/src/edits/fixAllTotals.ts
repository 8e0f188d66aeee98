/**
 * "Fix all totals in this file": totals (invariants 1–4 and blank totals) set to the value their parts give — but
 * only as far as each change makes the arithmetic better. Totals depend on each other (a row's 总计 enters
 * （七）总计, which enters 四), so the changes are chosen one at a time, innermost first, each judged with the
 * ones before it (`judgeChange`); a total that agrees with another relation it is in is left for the author. The
 * result is checked once more by analysing the edited text: it is returned only with strictly fewer errors and no
 * new one.
 */
import { analyze } from '../analyze';
import type { Analysis } from '../analyze';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { BoundCell, BoundReport } from '../model/bindReport';
import { blankTotals } from '../rules/blankTotals';
import { cellRange } from '../model/cellRange';
import { expectedValue } from '../rules/sumRelations';
import type { SumRelation } from '../rules/sumRelations';
import { judgeChange, overriddenReader, sumFailures } from '../rules/sumVerdict';
import { valueEdit } from './fixEdits';
import { applyEdits, diffEdits } from './textEdit';
import type { TextEdit } from './textEdit';

/** Dependency order of the sum rules: a lower rank is fixed first. */
const RANK: Readonly<Record<string, number>> = { NB303: 0, NB304: 0, NB207: 0, NB302: 1, NB301: 2 };
const MAX_ROUNDS = 8;

export function isTotalFix(d: Diagnostic): boolean {
  return isSumFinding(d) && d.fix !== undefined && (d.fix.kind === 'setValue' || d.fix.kind === 'replaceText');
}

/** A finding of the table arithmetic (NB301–NB304, NB207), which "fix all totals" may settle. */
export function isSumFinding(d: Diagnostic): boolean {
  return d.code in RANK;
}

interface Candidate {
  readonly cell: BoundCell;
  readonly relation: SumRelation;
  readonly value: number;
  readonly rank: number;
}

/** The totals that could be set next, innermost first, then in document order. */
function candidates(report: BoundReport, overrides: ReadonlyMap<BoundCell, number>, again: boolean): Candidate[] {
  const read = overriddenReader(report, overrides);
  const totals = blankTotals(report);
  const out: Candidate[] = [];
  const claims = new Map<BoundCell, Set<number>>();
  for (const failure of sumFailures(report, overrides)) {
    const blank = !('terms' in failure);
    const relation = blank ? totals.get(failure) : failure;
    if (!relation) continue;
    const cell = relation.cell;
    const value = expectedValue(relation, read);
    if (value === undefined || value < 0 || !cell.node || (!again && overrides.has(cell))) continue;
    const claimed = claims.get(cell) ?? new Set<number>();
    claimed.add(value);
    claims.set(cell, claimed);
    out.push({ cell, relation, value, rank: blank ? RANK.NB207 : RANK[relation.code] });
  }
  // A total two failing relations claim with different values is a part's mistake: neither is taken.
  return out
    .filter((c) => (claims.get(c.cell)?.size ?? 0) === 1)
    .sort((a, b) => a.rank - b.rank || (a.cell.node?.start ?? 0) - (b.cell.node?.start ?? 0));
}

function errorKeys(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${JSON.stringify(d.path)}`);
}

/** Strictly fewer errors after than before, and none that was not there before. */
export function fewerErrors(before: readonly Diagnostic[], after: readonly Diagnostic[]): boolean {
  const was = errorKeys(before);
  const now = errorKeys(after);
  const known = new Set(was);
  return now.length < was.length && now.every((k) => known.has(k));
}

type Overrides = Map<BoundCell, number>;

/**
 * Every total recomputed from its parts, in rounds, innermost first (the parts taken as right): a set of changes
 * that is only worth offering as a whole, when it leaves fewer failures than the report has.
 */
function recomputeAll(report: BoundReport): Overrides {
  const overrides: Overrides = new Map();
  // 四、结转下年度 is a count the agency reports, not a printed total: it is recomputed only where the balance
  // failed to begin with, never to absorb a change of （七）总计 that agreed with it.
  const failing = sumFailures(report);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = candidates(report, overrides, true).filter(
      (c) => c.relation.code !== 'NB301' || failing.has(c.relation),
    );
    if (next.length === 0) break;
    const rank = next[0].rank;
    for (const c of next) if (c.rank === rank) overrides.set(c.cell, c.value);
  }
  return overrides;
}

/** One total at a time, each change strictly better with the ones before it and breaking nothing. */
function stepByStep(report: BoundReport): Overrides {
  const overrides: Overrides = new Map();
  for (;;) {
    const next = candidates(report, overrides, false).find(
      (c) => judgeChange(report, new Map([[c.cell, c.value]]), overrides).better,
    );
    if (!next) return overrides;
    overrides.set(next.cell, next.value);
  }
}

/**
 * The text with the totals fixed, as minimal edits of the original (empty when nothing is to fix). `analysis`:
 * the text's analysis when the caller has it already.
 */
export function fixAllTotals(text: string, analysis0?: Analysis): TextEdit[] {
  const analysis = analysis0 && analysis0.doc.text === text ? analysis0 : analyze(text);
  const { report } = analysis;
  // Of the two ways, the one that leaves fewest failures among those that make the arithmetic strictly better.
  let best: Overrides | undefined;
  let left = Infinity;
  for (const overrides of [recomputeAll(report), stepByStep(report)]) {
    if (overrides.size === 0 || !judgeChange(report, overrides).better) continue;
    const failures = sumFailures(report, overrides).size;
    if (failures < left) {
      best = overrides;
      left = failures;
    }
  }
  if (!best) return [];
  const edits: TextEdit[] = [];
  for (const row of report.rows.values()) {
    for (const cell of row.cells) {
      const value = best.get(cell);
      if (value !== undefined) edits.push(...valueEdit(analysis.doc, cellRange(row, cell), value));
    }
  }
  const fixed = applyEdits(text, edits);
  // One edit per changed line, as the editor shows them.
  return fewerErrors(analysis.diagnostics, analyze(fixed).diagnostics) ? diffEdits(text, fixed) : [];
}
