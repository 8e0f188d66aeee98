/**
 * The sum rules (NB301–NB304): each checks the relations of its code in `sumRelations` (where the table arithmetic
 * is stated once, for these rules, hovers and hints), a target cell against the signed sum of its terms.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { M, arithmetic } from '../i18n/messages';
import type { Localized } from '../template/types';
import type { Rule, RuleContext } from './rule';
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

function checkSums(context: RuleContext, code: SumCode, message: typeof M.sumMismatch): Diagnostic[] {
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

/** A sum rule: its code, what it checks, and how its message reads. */
function sumRule(code: SumCode, title: Localized, message: typeof M.sumMismatch): Rule {
  return { code, title, check: (context) => checkSums(context, code, message) };
}

/** Invariant 1, the rule printed in section 三: 一 + 二 = 三（七）总计 + 四, in every column. */
export const nb301Balance = sumRule(
  'NB301',
  {
    zh: '三、每列：本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理',
    en: 'Section 三, every column: new + carried over = total handled + carried forward',
  },
  M.balanceMismatch,
);

/** Invariant 2: in every column, （七）总计 is the sum of all numbered result rows （一）…（六）. */
export const nb302ResultTotal = sumRule(
  'NB302',
  {
    zh: '三、每列：（一）至（六）各项之和 = （七）总计',
    en: 'Section 三, every column: the result rows (1)–(6) add up to (7) total',
  },
  M.sumMismatch,
);

/** Invariant 3: every row of section 三 adds up across the six applicant columns to its 总计. */
export const nb303RowTotal = sumRule(
  'NB303',
  {
    zh: '三、每行：自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 总计',
    en: 'Section 三, every row: the six applicant columns add up to 总计',
  },
  M.sumMismatch,
);

/** Invariant 4: in section 四, each group's 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
export const nb304AppealTotal = sumRule(
  'NB304',
  {
    zh: '四、行政复议、未经复议直接起诉、复议后起诉：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
    en: 'Section 四, each group: upheld + corrected + other + pending = total',
  },
  M.sumMismatch,
);
