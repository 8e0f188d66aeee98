/**
 * Invariant 7 (2021 edition in both years): 现行有效件数(y) + 本年制发件数(y+1) − 本年废止件数(y+1) =
 * 现行有效件数(y+1), for 规章 and 行政规范性文件. A warning: a 清理 may re-baseline the stock. A 2020 report
 * (2019 edition) has no 现行有效件数, so 2020 → 2021 is not checked.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { M, arithmetic } from '../i18n/messages';
import { DOCUMENT_ROWS } from '../model/reportFacts';
import type { YearPairRule } from './crossRule';
import { factCell, fileOf, previousRelated, valueOf } from './crossRule';

export const nb307StockInForce: YearPairRule = {
  code: 'NB307',
  title: {
    zh: '跨年度（2021年版）：上年现行有效件数 + 本年制发件数 − 本年废止件数 = 本年现行有效件数',
    en: "Across years (2021 edition): last year's in force + issued − repealed = this year's in force",
  },
  severity: 'warning',
  check(previous, current) {
    if (previous.facts.edition !== 2021 || current.facts.edition !== 2021) return [];
    const out: Diagnostic[] = [];
    for (const rowId of DOCUMENT_ROWS) {
      const before = factCell(previous, rowId, 'inForce');
      const issued = factCell(current, rowId, 'issued');
      const repealed = factCell(current, rowId, 'repealed');
      const now = factCell(current, rowId, 'inForce');
      const values = [valueOf(before), valueOf(issued), valueOf(repealed), valueOf(now)];
      if (!before || !issued || !repealed || !now || values.some((v) => v === undefined)) continue;
      const [b, i, r, actual] = values as number[];
      const expected = b + i - r;
      if (expected === actual) continue;
      const terms = arithmetic([
        { label: `上年${before.name}`, value: b },
        { label: issued.name, value: i },
        { label: repealed.name, value: r, sign: -1 },
      ]);
      out.push({
        code: 'NB307',
        severity: 'warning',
        message: M.stockMismatch(now.name, expected, terms, previous.facts.year ?? 0, fileOf(previous), actual),
        range: now.range,
        path: now.path,
        related: [
          previousRelated(previous, before),
          {
            range: issued.range,
            path: issued.path,
            message: { zh: `${issued.name} = ${i}`, en: `${issued.name} = ${i}` },
          },
          {
            range: repealed.range,
            path: repealed.path,
            message: { zh: `${repealed.name} = ${r}`, en: `${repealed.name} = ${r}` },
          },
        ],
        ...(now.editable && expected >= 0
          ? { fix: { kind: 'setValue' as const, value: expected, range: now.range } }
          : {}),
      });
    }
    return out;
  },
};
