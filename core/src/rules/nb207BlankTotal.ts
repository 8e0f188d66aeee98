import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import type { Rule } from './rule';
import { blankTotals } from './blankTotals';
import { cellRange, relatedCell } from '../model/cellRange';
import { cellName } from '../model/names';
import { termsText } from './sumCheck';
import { expectedValue } from './sumRelations';

/** E8: a blank 总计 where the cells it sums are filled is an error; the fix writes the computed total. */
export const nb207BlankTotal: Rule = {
  code: 'NB207',
  title: { zh: '总计不能空白', en: 'Totals must not be blank' },
  check({ report }) {
    const out: Diagnostic[] = [];
    for (const [cell, relation] of blankTotals(report)) {
      const expected = expectedValue(relation);
      if (expected === undefined) continue;
      const range = cellRange(relation.row, cell);
      const empty = range.start === range.end;
      out.push({
        code: 'NB207',
        severity: 'error',
        message: M.blankTotal(cellName(relation.row, cell), expected, termsText(relation)),
        range: empty ? { start: relation.row.pair.key.start, end: relation.row.pair.key.end } : range,
        path: cell.path,
        related: relation.terms.map((t) => relatedCell(t.row, t.cell)),
        fix: empty
          ? { kind: 'replaceText', text: ` ${expected}`, range }
          : { kind: 'setValue', value: expected, range },
      });
    }
    return out;
  },
};
