/** The shared check of the sum rules (NB301–NB304): a target cell against the signed sum of its terms. */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { arithmetic } from '../i18n/messages';
import type { M } from '../i18n/messages';
import type { Localized } from '../template/types';
import type { RuleContext } from './rule';
import { cellRange, relatedCell } from '../model/cellRange';
import { cellName, rowName, rowTitle } from '../model/names';
import { expectedValue, sumRelations, termValue } from './sumRelations';
import type { SumCode, SumRelation, TermReader } from './sumRelations';
import { filledValue } from './blankTotals';

/** `自然人 2 + 商业企业 1` within a row, `予以公开 5 + 部分公开 3` down a column. */
export function termsText(relation: SumRelation, read: TermReader = termValue): string {
  const sameRow = relation.terms.every((t) => t.row === relation.row);
  const withOrdinal = relation.code === 'NB301';
  return arithmetic(
    relation.terms.map((t) => ({
      label: sameRow ? t.cell.column.name : withOrdinal ? rowTitle(t.row.placed) : rowName(t.row.placed),
      value: read(t.cell) ?? 0,
      sign: t.sign,
    })),
  );
}

export function checkSums(context: RuleContext, code: SumCode, message: typeof M.sumMismatch): Diagnostic[] {
  const out: Diagnostic[] = [];
  const read = filledValue(context.report);
  for (const relation of sumRelations(context.report)) {
    if (relation.code !== code) continue;
    const actual = relation.cell.value;
    // A blank target is NB207's; an unreadable one is the schema's.
    if (actual === null || actual === undefined) continue;
    const expected = expectedValue(relation, read);
    if (expected === undefined || expected === actual) continue;
    const text: Localized = message(cellName(relation.row, relation.cell), expected, termsText(relation, read), actual);
    out.push({
      code,
      severity: 'error',
      message: text,
      range: cellRange(relation.row, relation.cell),
      path: relation.cell.path,
      related: relation.terms.map((t) => relatedCell(t.row, t.cell)),
      ...(expected >= 0 && relation.cell.node
        ? { fix: { kind: 'setValue' as const, value: expected, range: cellRange(relation.row, relation.cell) } }
        : {}),
    });
  }
  return out;
}
