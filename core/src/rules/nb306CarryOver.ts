/** Invariant 6: 四、结转下年度继续办理 of year y = 二、上年结转 of year y+1, every column (both editions, and across them). */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import { APPLICANT_COLUMNS } from '../template/parts';
import type { YearPairRule } from './crossRule';
import { factCell, fileOf, previousRelated, valueOf } from './crossRule';

export const nb306CarryOver: YearPairRule = {
  code: 'NB306',
  title: {
    zh: '跨年度：上年「结转下年度继续办理」= 本年「上年结转政府信息公开申请数量」（每一列）',
    en: "Across years: last year's carried-forward requests = this year's carried-over requests (every column)",
  },
  severity: 'error',
  check(previous, current) {
    const out: Diagnostic[] = [];
    for (const column of APPLICANT_COLUMNS) {
      const before = factCell(previous, 'applications.carriedForward', column.id);
      const now = factCell(current, 'applications.carriedOver', column.id);
      const expected = valueOf(before);
      const actual = valueOf(now);
      if (!before || !now || expected === undefined || actual === undefined || expected === actual) continue;
      out.push({
        code: 'NB306',
        severity: 'error',
        message: M.carryOverMismatch(
          now.name,
          expected,
          previous.facts.year ?? 0,
          fileOf(previous),
          before.name,
          actual,
        ),
        range: now.range,
        path: now.path,
        related: [previousRelated(previous, before)],
        ...(now.editable ? { fix: { kind: 'setValue' as const, value: expected, range: now.range } } : {}),
      });
    }
    return out;
  },
};
