/** The rules between reports of one agency in consecutive years, and the duplicate check. */
import type { YearPairRule } from './crossRule';
import { nb306CarryOver, nb307StockInForce, nb308ItemsContinuity } from './yearPairRules';
import { nb314YearOnYear } from './nb314YearOnYear';

export { nb320DuplicateReport } from './nb320DuplicateReport';

export const YEAR_PAIR_RULES: readonly YearPairRule[] = [
  nb306CarryOver,
  nb307StockInForce,
  nb308ItemsContinuity,
  nb314YearOnYear,
];
