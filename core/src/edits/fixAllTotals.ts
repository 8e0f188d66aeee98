/**
 * "Fix all totals in this file": every total (invariants 1–4 and blank totals) set to the value its parts give.
 * Totals depend on each other — a row's 总计 enters （七）总计, which enters 四 — so the fixes are applied in
 * rounds, innermost first (row totals, then column totals, then the balance), re-checking after each round.
 */
import { analyze } from '../analyze';
import type { Analysis } from '../analyze';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { fixEdits } from './fixEdits';
import { applyEdits, diffEdits } from './textEdit';
import type { TextEdit } from './textEdit';

/** Dependency order of the sum rules: a lower rank is fixed first. */
const RANK: Readonly<Record<string, number>> = { NB303: 0, NB304: 0, NB207: 0, NB302: 1, NB301: 2 };
const MAX_ROUNDS = 8;

export function isTotalFix(d: Diagnostic): boolean {
  return d.code in RANK && d.fix !== undefined && (d.fix.kind === 'setValue' || d.fix.kind === 'replaceText');
}

/**
 * The text with every total fixed, as minimal edits of the original (empty when nothing is to fix). `analysis`:
 * the text's analysis when the caller has it already.
 */
export function fixAllTotals(text: string, analysis0?: Analysis): TextEdit[] {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const analysis = round === 0 && analysis0 && analysis0.doc.text === text ? analysis0 : analyze(current);
    const fixable = analysis.diagnostics.filter(isTotalFix);
    if (fixable.length === 0) break;
    const rank = Math.min(...fixable.map((d) => RANK[d.code]));
    const edits: TextEdit[] = [];
    const taken = new Set<string>();
    for (const d of fixable) {
      if (RANK[d.code] !== rank || !d.fix) continue;
      for (const edit of fixEdits(analysis, d.fix) ?? []) {
        const key = `${edit.start}:${edit.end}`;
        if (taken.has(key)) continue;
        taken.add(key);
        edits.push(edit);
      }
    }
    current = applyEdits(current, edits);
  }
  return diffEdits(text, current);
}
