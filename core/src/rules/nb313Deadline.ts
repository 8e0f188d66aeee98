/**
 * Invariant 13 (E1): published by the 第四十九条 deadline of the following year: 1月31日 for 部门, 3月31日 for
 * a 人民政府 (its report is published by its 主管部门 by then). The agency type comes from 机关类型, else the name.
 */
import { M } from '../i18n/messages';
import type { Rule } from './rule';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  // 2025-02-30 is not a date; the schema's pattern lets it through.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return t / 86400000;
}

export const nb313Deadline: Rule = {
  code: 'NB313',
  title: {
    zh: '发布日期不晚于《条例》第四十九条规定的期限（部门：次年1月31日；人民政府：次年3月31日）',
    en: "Published by the 条例 art. 49 deadline (departments: 31 January; people's governments: 31 March of the next year)",
  },
  severity: 'warning',
  check({ report }) {
    const published = report.meta.get('meta.published');
    const year = report.year;
    if (!published?.node || typeof published.value !== 'string' || year === undefined) return [];
    const m = DATE.exec(published.value.trim());
    if (!m) return [];
    const day = utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day === undefined) return [];
    const declared = report.meta.get('meta.agencyType')?.value;
    const inferred = declared !== '人民政府' && declared !== '部门';
    const kind =
      declared === '人民政府' || declared === '部门'
        ? declared
        : /人民政府/.test(report.agency ?? '')
          ? '人民政府'
          : '部门';
    const month = kind === '人民政府' ? 3 : 1;
    const deadline = utcDay(year + 1, month, 31) as number;
    if (day <= deadline) return [];
    const node = published.node;
    return [
      {
        code: 'NB313',
        severity: 'warning',
        message: M.lateReport(published.value.trim(), year + 1, month, kind, day - deadline, inferred),
        range: { start: node.start, end: node.end },
        path: ['发布日期'],
      },
    ];
  },
};
