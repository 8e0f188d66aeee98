/**
 * Invariant 13 (E1): published by the 第四十九条 deadline of the following year: 1月31日 for 部门, 3月31日 for
 * a 人民政府 (its report is published by its 主管部门 by then). The agency type comes from 机关类型, else from the
 * name where the name decides it (`agencyKind.ts`); when nothing decides it, a date between the two deadlines is
 * only a note. Two quick fixes say which it is (机关类型 inserted at its template place).
 */
import { M } from '../i18n/messages';
import type { FixData } from '../diagnostics/diagnostic';
import type { BoundReport } from '../model/bindReport';
import { agencyKindOf } from './agencyKind';
import type { Rule } from './rule';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  // 2025-02-30 is not a date; the schema's pattern lets it through.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return t / 86400000;
}

/** "This is a government's report" / "a department's": 机关类型 inserted at its template place. */
function agencyTypeFixes(report: BoundReport): FixData[] {
  if (report.meta.get('meta.agencyType')) return [];
  return (['人民政府', '部门'] as const).map((value) => ({
    kind: 'insertMissing' as const,
    path: [],
    ids: ['meta.agencyType'],
    agencyType: value,
  }));
}

export const nb313Deadline: Rule = {
  code: 'NB313',
  title: {
    zh: '发布日期不晚于《条例》第四十九条规定的期限（部门：次年1月31日；人民政府：次年3月31日）',
    en: "Published by the 条例 art. 49 deadline (departments: 31 January; people's governments: 31 March of the next year)",
  },
  severity: 'warning',
  alsoInformation: true,
  check({ report }) {
    const published = report.meta.get('meta.published');
    const year = report.year;
    if (!published?.node || typeof published.value !== 'string' || year === undefined) return [];
    const m = DATE.exec(published.value.trim());
    if (!m) return [];
    const day = utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day === undefined) return [];
    const { kind, declared } = agencyKindOf(report);
    const node = published.node;
    const date = published.value.trim();
    const range = { start: node.start, end: node.end };
    const [fix, ...fixes] = agencyTypeFixes(report);
    const offers = fix ? { fix, fixes } : {};
    if (kind === undefined) {
      // The name does not say which deadline applies: late past both is a warning, between them only a note.
      const department = utcDay(year + 1, 1, 31) as number;
      const government = utcDay(year + 1, 3, 31) as number;
      if (day <= department) return [];
      const late = day > government;
      return [
        {
          code: 'NB313',
          severity: late ? 'warning' : 'information',
          message: late
            ? M.lateEither(date, year + 1, day - government)
            : M.lateIfDepartment(date, year + 1, day - department),
          range,
          path: ['发布日期'],
          ...offers,
        },
      ];
    }
    const month = kind === '人民政府' ? 3 : 1;
    const deadline = utcDay(year + 1, month, 31) as number;
    if (day <= deadline) return [];
    return [
      {
        code: 'NB313',
        severity: 'warning',
        message: M.lateReport(date, year + 1, month, kind, day - deadline, !declared),
        range,
        path: ['发布日期'],
        ...offers,
      },
    ];
  },
};
