/**
 * One 机关's figures over the years, as the trend charts show them: 本年新收 by applicant type, the results mix,
 * 复议/诉讼 and how many were corrected, and the stocks (现行有效件数) of 规章 and 规范性文件. Read from the workspace
 * index's facts, so no report is read again; a figure a year's edition lacks is null (a gap, never 0).
 */
import type { ReportFacts } from '../model/reportFacts';
import { APPLICANT_COLUMNS } from '../template/parts';
import type { Localized } from '../template/types';
import { KEY_FIGURE_BY_ID, figureValue } from './keyFigures';

export interface TrendSeries {
  readonly id: string;
  readonly label: Localized;
  /** One per year of `Trends.years`; null where the year's report lacks the figure. */
  readonly values: readonly (number | null)[];
}

export interface TrendChart {
  readonly id: 'received' | 'results' | 'appeals' | 'stock';
  readonly title: Localized;
  /** Stacked bars add up to a whole (本年新收, 办理结果); lines are separate counts. */
  readonly kind: 'stacked' | 'line';
  readonly series: readonly TrendSeries[];
}

export interface Trends {
  readonly agency: string;
  readonly years: readonly number[];
  /** The report of each year. */
  readonly uris: readonly string[];
  readonly charts: readonly TrendChart[];
}

export interface YearReport {
  readonly uri: string;
  readonly facts: ReportFacts;
}

const TITLES: Readonly<Record<TrendChart['id'], Localized>> = {
  received: { zh: '本年新收政府信息公开申请（按申请人）', en: 'New requests by applicant' },
  results: { zh: '本年度办理结果', en: 'Results' },
  appeals: { zh: '行政复议、行政诉讼及纠正', en: 'Reviews, lawsuits and corrections' },
  stock: { zh: '现行有效件数', en: 'Documents in force' },
};

function figureSeries(reports: readonly YearReport[], id: string): TrendSeries {
  const figure = KEY_FIGURE_BY_ID.get(id);
  if (!figure) throw new Error(`no key figure ${id}`);
  return { id, label: figure.label, values: reports.map((r) => figureValue(r.facts, figure) ?? null) };
}

/** The trends of the reports given (one per year, in any order; the agency's name from the latest). */
export function trendsOf(reports: readonly YearReport[]): Trends {
  const sorted = reports
    .filter((r) => r.facts.year !== undefined)
    .sort((a, b) => (a.facts.year as number) - (b.facts.year as number));
  const received: TrendSeries[] = APPLICANT_COLUMNS.filter((c) => c.id !== 'total').map((column) => ({
    id: `received.${column.id}`,
    label: { zh: column.name, en: column.en },
    values: sorted.map((r) => {
      const value = r.facts.cell('applications.newReceived', column.id)?.value;
      return typeof value === 'number' ? value : null;
    }),
  }));
  const series = (ids: readonly string[]): TrendSeries[] => ids.map((id) => figureSeries(sorted, id));
  return {
    agency: sorted.at(-1)?.facts.agency ?? '',
    years: sorted.map((r) => r.facts.year as number),
    uris: sorted.map((r) => r.uri),
    charts: [
      { id: 'received', title: TITLES.received, kind: 'stacked', series: received },
      {
        id: 'results',
        title: TITLES.results,
        kind: 'stacked',
        series: series(['granted', 'partial', 'refused', 'unable', 'notProcessed', 'otherHandling']),
      },
      {
        id: 'appeals',
        title: TITLES.appeals,
        kind: 'line',
        series: series(['review', 'review.corrected', 'litigation', 'litigation.corrected']),
      },
      { id: 'stock', title: TITLES.stock, kind: 'line', series: series(['rules.inForce', 'normative.inForce']) },
    ],
  };
}
