/**
 * Invariant 8 (2019 edition in both years, i.e. 2019 → 2020): 上一年项目数量(y) + 本年增/减(y) =
 * 上一年项目数量(y+1) for the item rows of 第二十条第（五）（六）（八）项, and 对外公开总数量 continues:
 * 对外公开总数量(y) + 本年新公开数量(y+1) = 对外公开总数量(y+1) for 规章 and 规范性文件. Warnings.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { M, arithmetic } from '../i18n/messages';
import { DOCUMENT_ROWS, ITEM_ROWS } from '../model/reportFacts';
import type { IndexedReport, YearPairRule } from './crossRule';
import { factCell, fileOf, previousRelated, valueOf } from './crossRule';

function items(previous: IndexedReport, current: IndexedReport, rowId: string): Diagnostic | undefined {
  const before = factCell(previous, rowId, 'previousItems');
  const change = factCell(previous, rowId, 'change');
  const now = factCell(current, rowId, 'previousItems');
  const b = valueOf(before);
  const c = valueOf(change);
  const actual = valueOf(now);
  if (!before || !change || !now || b === undefined || c === undefined || actual === undefined) return undefined;
  const expected = b + c;
  if (expected === actual) return undefined;
  const terms = arithmetic([
    { label: before.name, value: b },
    { label: change.name, value: Math.abs(c), sign: c < 0 ? -1 : 1 },
  ]);
  return {
    code: 'NB308',
    severity: 'warning',
    message: M.itemsMismatch(now.name, expected, terms, previous.facts.year ?? 0, fileOf(previous), actual),
    range: now.range,
    path: now.path,
    related: [previousRelated(previous, before), previousRelated(previous, change)],
    ...(now.editable && expected >= 0 ? { fix: { kind: 'setValue' as const, value: expected, range: now.range } } : {}),
  };
}

function published(previous: IndexedReport, current: IndexedReport, rowId: string): Diagnostic | undefined {
  const before = factCell(previous, rowId, 'totalPublished');
  const added = factCell(current, rowId, 'published');
  const now = factCell(current, rowId, 'totalPublished');
  const b = valueOf(before);
  const a = valueOf(added);
  const actual = valueOf(now);
  if (!before || !added || !now || b === undefined || a === undefined || actual === undefined) return undefined;
  const expected = b + a;
  if (expected === actual) return undefined;
  const terms = arithmetic([
    { label: `上年${before.name}`, value: b },
    { label: `本年${added.name}`, value: a },
  ]);
  return {
    code: 'NB308',
    severity: 'warning',
    message: M.stockMismatch(now.name, expected, terms, previous.facts.year ?? 0, fileOf(previous), actual),
    range: now.range,
    path: now.path,
    related: [
      previousRelated(previous, before),
      { range: added.range, path: added.path, message: { zh: `${added.name} = ${a}`, en: `${added.name} = ${a}` } },
    ],
    ...(now.editable ? { fix: { kind: 'setValue' as const, value: expected, range: now.range } } : {}),
  };
}

export const nb308ItemsContinuity: YearPairRule = {
  code: 'NB308',
  title: {
    zh: '跨年度（2019年版）：上年上一年项目数量 + 上年本年增/减 = 本年上一年项目数量；对外公开总数量连续',
    en: "Across years (2019 edition): last year's items + change = this year's items; 对外公开总数量 continues",
  },
  severity: 'warning',
  check(previous, current) {
    if (previous.facts.edition !== 2019 || current.facts.edition !== 2019) return [];
    const out: Diagnostic[] = [];
    for (const rowId of ITEM_ROWS) {
      const d = items(previous, current, rowId);
      if (d) out.push(d);
    }
    for (const rowId of DOCUMENT_ROWS) {
      const d = published(previous, current, rowId);
      if (d) out.push(d);
    }
    return out;
  },
};
