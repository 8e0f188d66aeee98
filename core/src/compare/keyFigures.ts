/**
 * The figures an evaluator looks at first, by report: one column each in `nianbao summary`, and the series of the
 * trend charts. Each is a table quantity of the narrative checks (`narrative/quantities.ts`) or a sum of them, so a
 * label and a computation exist once; both editions give every figure except the stocks of 规章 and 规范性文件
 * (现行有效件数, 2021 edition only) and the fee amount (2021 edition only).
 */
import type { ReportFacts } from '../model/reportFacts';
import type { Localized } from '../template/types';

export interface KeyFigure {
  readonly id: string;
  readonly label: Localized;
  /** Quantity ids whose sum the figure is. */
  readonly quantities: readonly string[];
  /** Money in 万元 (the others are counts). */
  readonly amount?: boolean;
}

const figure = (id: string, zh: string, en: string, quantities: readonly string[] = [id]): KeyFigure => ({
  id,
  label: { zh, en },
  quantities,
});

export const KEY_FIGURES: readonly KeyFigure[] = [
  figure('received', '本年新收申请', 'New requests'),
  figure('carriedOver', '上年结转', 'Carried over'),
  figure('handled', '办理结果总计', 'Handled'),
  figure('granted', '予以公开', 'Disclosed'),
  figure('partial', '部分公开', 'Partly disclosed'),
  figure('refused', '不予公开', 'Not disclosed'),
  figure('unable', '无法提供', 'Cannot be provided'),
  figure('notProcessed', '不予处理', 'Not processed'),
  figure('otherHandling', '其他处理', 'Other handling'),
  figure('carriedForward', '结转下年度', 'Carried forward'),
  figure('review', '行政复议', 'Administrative reviews'),
  figure('review.corrected', '复议纠正', 'Reviews: corrected'),
  figure('litigation', '行政诉讼', 'Lawsuits'),
  figure('litigation.corrected', '诉讼纠正', 'Lawsuits: corrected'),
  figure('rules.inForce', '现行有效规章', 'Rules in force'),
  figure('normative.inForce', '现行有效规范性文件', 'Normative documents in force'),
  figure('licensing.decisions', '行政许可决定', 'Licensing decisions'),
  figure('penalty.decisions', '行政处罚决定', 'Penalty decisions'),
  figure('enforcement.decisions', '行政强制决定', 'Enforcement decisions'),
  { ...figure('feeAmount', '行政事业性收费（万元）', 'Fees (10k yuan)'), amount: true },
];

export const KEY_FIGURE_BY_ID: ReadonlyMap<string, KeyFigure> = new Map(KEY_FIGURES.map((f) => [f.id, f]));

/** The figure in one report; undefined when its edition has no such cells or one is unreadable. */
export function figureValue(facts: ReportFacts, figure: KeyFigure): number | undefined {
  let sum = 0;
  for (const q of figure.quantities) {
    const v = facts.quantity(q);
    if (v === undefined) return undefined;
    sum += v;
  }
  return Math.round(sum * 1e6) / 1e6;
}
