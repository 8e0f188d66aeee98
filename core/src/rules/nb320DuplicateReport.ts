/** Two files claiming the same 机关 (after normalisation) and 年度: an error on each, pointing at the others. */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import type { IndexedReport } from './crossRule';
import { fileOf } from './crossRule';

export const nb320DuplicateReport = {
  code: 'NB320',
  title: {
    zh: '同一机关同一年度只有一份年报（机关名称忽略空白和全角半角差异）',
    en: 'One report per agency and year (names compared ignoring whitespace and full/half width)',
  },
  check(report: IndexedReport, others: readonly IndexedReport[]): Diagnostic[] {
    const { agencyRange, agency, year } = report.facts;
    if (others.length === 0 || !agencyRange || agency === undefined || year === undefined) return [];
    return [
      {
        code: 'NB320',
        severity: 'error',
        message: M.duplicateReport(agency, year, others.map(fileOf)),
        range: agencyRange,
        path: ['机关'],
        related: others
          .filter((o) => o.facts.agencyRange)
          .map((o) => ({
            uri: o.uri,
            range: o.facts.agencyRange as { start: number; end: number },
            path: ['机关'],
            message: M.duplicateReportOther(fileOf(o)),
          })),
      },
    ];
  },
};
