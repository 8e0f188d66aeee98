/**
 * The sum rules (NB301–NB304): each checks the relations of its code in `sumRelations` (where the table arithmetic
 * is stated once, for these rules, hovers and hints), a target cell against the signed sum of its terms.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { M, arithmetic, fmt } from '../i18n/messages';
import type { Localized } from '../template/types';
import type { Rule, RuleContext } from './rule';
import { cellRange, relatedTerms } from '../model/cellRange';
import { cellName, rowName, rowTitle } from '../model/names';
import { expectedValue, sumRelations, termValue } from './sumRelations';
import type { SumCode, SumRelation, TermReader } from './sumRelations';
import { filledValue } from './blankTotals';
import { judgeChange } from './sumVerdict';

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

/** `四、结转下年度继续办理·总计 5 = 一、本年新收… 31 − （七）总计 26`: a relation with the values as printed. */
export function relationText(relation: SumRelation, read: TermReader = termValue): string {
  return `${cellName(relation.row, relation.cell)} ${fmt(read(relation.cell) ?? 0)} = ${termsText(relation, read)}`;
}

/** How a relation that holds is named: the printed rule with its four values, any other with its arithmetic. */
function heldText(relation: SumRelation, read: TermReader): Localized {
  if (relation.code === 'NB301') {
    const [received, carried, total] = relation.terms.map((t) => fmt(read(t.cell) ?? 0));
    return M.flowIdentity(received, carried, total, fmt(read(relation.cell) ?? 0));
  }
  const text = relationText(relation, read);
  return { zh: text, en: text };
}

function checkSums(context: RuleContext, code: SumCode, message: typeof M.sumMismatch): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { report } = context;
  const read = filledValue(report);
  for (const relation of sumRelations(report)) {
    if (relation.code !== code) continue;
    const actual = relation.cell.value;
    // A blank target is NB207's; an unreadable one the schema's.
    if (actual === null || actual === undefined) continue;
    const expected = expectedValue(relation, read);
    if (expected === undefined || expected === actual) continue;
    const name = cellName(relation.row, relation.cell);
    let text: Localized = message(name, expected, termsText(relation, read), actual);
    const range = cellRange(relation.row, relation.cell);
    // The total is changed only when that leaves fewer relations failing and breaks none that holds.
    const verdict =
      expected >= 0 && relation.cell.node ? judgeChange(report, new Map([[relation.cell, expected]])) : undefined;
    if (verdict && verdict.broken.length > 0) {
      // The flow identity, when it is among them, is the one to name: it is the rule printed on the table.
      const held = verdict.broken.find((r) => r.code === 'NB301') ?? verdict.broken[0];
      const clause = M.sumHeld(name, heldText(held, read));
      text = { zh: text.zh + clause.zh, en: text.en + clause.en };
    }
    out.push({
      code,
      severity: 'error',
      message: text,
      range,
      path: relation.cell.path,
      related: relatedTerms(relation.terms, { range, path: relation.cell.path }),
      ...(verdict?.better ? { fix: { kind: 'setValue' as const, value: expected, range } } : {}),
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
