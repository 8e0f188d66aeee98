/**
 * The cross-year rules NB306–NB308: one engine runs the relations of `model/yearRelations.ts` (where they are
 * stated) between last year's report and this year's, and reports each one that does not hold on this year's cell.
 */
import type { Diagnostic, RelatedInformation, Severity } from '../diagnostics/diagnostic';
import { M, arithmetic } from '../i18n/messages';
import type { FactCell } from '../model/reportFacts';
import { YEAR_RELATIONS } from '../model/yearRelations';
import type { YearCode, YearRelation } from '../model/yearRelations';
import type { Localized } from '../template/types';
import type { IndexedReport, YearPairRule } from './crossRule';
import { factCell, fileOf, previousRelated, valueOf } from './crossRule';

/** What a finding says: this year's cell, the value it should have, the arithmetic, where last year's is. */
interface Finding {
  readonly cell: string;
  readonly expected: number;
  readonly terms: string;
  readonly year: number;
  readonly file: string;
  readonly actual: number;
  /** The name of last year's cell the figure continues. */
  readonly previousCell: string;
}

const MESSAGES: Readonly<Record<YearRelation['message'], (f: Finding) => Localized>> = {
  carryOver: (f) => M.carryOverMismatch(f.cell, f.expected, f.year, f.file, f.previousCell, f.actual),
  stock: (f) => M.stockMismatch(f.cell, f.expected, f.terms, f.year, f.file, f.actual),
  items: (f) => M.itemsMismatch(f.cell, f.expected, f.terms, f.year, f.file, f.actual),
};

function check(
  relation: YearRelation,
  severity: Severity,
  previous: IndexedReport,
  current: IndexedReport,
): Diagnostic | undefined {
  if (relation.edition && (previous.facts.edition !== relation.edition || current.facts.edition !== relation.edition))
    return undefined;
  const now = factCell(current, relation.target.row, relation.target.column);
  const actual = valueOf(now);
  if (!now || actual === undefined) return undefined;
  const cells: FactCell[] = [];
  const values: number[] = [];
  let expected = 0;
  for (const term of relation.terms) {
    const cell = factCell(term.year === 'previous' ? previous : current, term.row, term.column);
    const value = valueOf(cell);
    if (!cell || value === undefined) return undefined;
    cells.push(cell);
    values.push(value);
    expected += term.sign === -1 ? -value : value;
  }
  if (expected === actual) return undefined;
  const terms = arithmetic(
    relation.terms.map((term, i) =>
      term.signed
        ? { label: cells[i].name, value: Math.abs(values[i]), sign: values[i] < 0 ? -1 : 1 }
        : { label: `${term.prefix ?? ''}${cells[i].name}`, value: values[i], sign: term.sign },
    ),
  );
  const related = relation.terms.map((term, i): RelatedInformation =>
    term.year === 'previous'
      ? previousRelated(previous, cells[i])
      : {
          range: cells[i].range,
          path: cells[i].path,
          message: { zh: `${cells[i].name} = ${values[i]}`, en: `${cells[i].name} = ${values[i]}` },
        },
  );
  const message = MESSAGES[relation.message]({
    cell: now.name,
    expected,
    terms,
    year: previous.facts.year ?? 0,
    file: fileOf(previous),
    actual,
    previousCell: cells[0].name,
  });
  return {
    code: relation.code,
    severity,
    message,
    range: now.range,
    path: now.path,
    related,
    // A count is never negative: no fix then (last year's figure is wrong too).
    ...(now.editable && expected >= 0 ? { fix: { kind: 'setValue' as const, value: expected, range: now.range } } : {}),
  };
}

function yearPairRule(code: YearCode, title: Localized, severity: Severity): YearPairRule {
  const relations = YEAR_RELATIONS.filter((r) => r.code === code);
  return {
    code,
    title,
    severity,
    check(previous, current) {
      const out: Diagnostic[] = [];
      for (const relation of relations) {
        const d = check(relation, severity, previous, current);
        if (d) out.push(d);
      }
      return out;
    },
  };
}

export const nb306CarryOver = yearPairRule(
  'NB306',
  {
    zh: '跨年度：上年「结转下年度继续办理」= 本年「上年结转政府信息公开申请数量」（每一列）',
    en: "Across years: last year's carried-forward requests = this year's carried-over requests (every column)",
  },
  'error',
);

/** A warning: a 清理 may re-baseline the stock. */
export const nb307StockInForce = yearPairRule(
  'NB307',
  {
    zh: '跨年度（2021年版）：上年现行有效件数 + 本年制发件数 − 本年废止件数 = 本年现行有效件数',
    en: "Across years (2021 edition): last year's in force + issued − repealed = this year's in force",
  },
  'warning',
);

export const nb308ItemsContinuity = yearPairRule(
  'NB308',
  {
    zh: '跨年度（2019年版）：上年上一年项目数量 + 上年本年增/减 = 本年上一年项目数量；对外公开总数量连续',
    en: "Across years (2019 edition): last year's items + change = this year's items; 对外公开总数量 continues",
  },
  'warning',
);
