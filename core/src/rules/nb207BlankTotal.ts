import type { Diagnostic } from '../diagnostics/diagnostic';
import { M, fmt } from '../i18n/messages';
import type { Rule } from './rule';
import { blankTotals } from './blankTotals';
import { cellRange, relatedTerms } from '../model/cellRange';
import { cellName, rowTitle } from '../model/names';
import { termsText } from './sumRules';
import { expectedValue } from './sumRelations';

/** E8: a blank 总计 where the cells it sums are filled is an error; the fix writes the computed total. */
export const nb207BlankTotal: Rule = {
  code: 'NB207',
  title: { zh: '总计不能空白', en: 'Totals must not be blank' },
  check({ report }) {
    const out: Diagnostic[] = [];
    const totals = blankTotals(report);
    for (const [cell, relation] of totals) {
      const expected = expectedValue(relation);
      if (expected === undefined) continue;
      const range = cellRange(relation.row, cell);
      const empty = range.start === range.end;
      const at = empty ? { start: relation.row.pair.key.start, end: relation.row.pair.key.end } : range;
      const row = relation.row;
      if (row.cells.length > 1 && cell.node === row.pair.value) {
        // `总计:` with no row at all: one finding for the row, whose fix writes every cell (totals computed).
        if (row.cells.find((c) => totals.has(c)) !== cell) continue;
        const values = row.cells.map((c) => {
          const r = totals.get(c);
          return r ? (expectedValue(r) ?? 0) : 0;
        });
        const text = `[${values.map(fmt).join(', ')}]`;
        // The arithmetic of its last total (the 总计 column), as the other sum findings show theirs.
        const last = [...row.cells].reverse().find((c) => totals.has(c)) as typeof cell;
        const lastRelation = totals.get(last) as typeof relation;
        out.push({
          code: 'NB207',
          severity: 'error',
          message: M.blankTotalRow(rowTitle(row.placed), text, cellName(row, last), termsText(lastRelation)),
          range: at,
          path: row.path,
          fix: { kind: 'replaceText', text: empty ? ` ${text}` : text, range },
        });
        continue;
      }
      out.push({
        code: 'NB207',
        severity: 'error',
        message: M.blankTotal(cellName(relation.row, cell), expected, termsText(relation)),
        range: at,
        path: cell.path,
        related: relatedTerms(relation.terms, { range: at, path: cell.path }),
        fix: empty
          ? { kind: 'replaceText', text: ` ${expected}`, range }
          : { kind: 'setValue', value: expected, range },
      });
    }
    return out;
  },
};
