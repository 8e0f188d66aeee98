import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import type { Rule } from './rule';
import { cellRange } from '../model/cellRange';
import { cellName } from '../model/names';

/** Invariant 5: counts are non-negative integers, 本年增/减 is an integer, amounts are non-negative. */
export const nb305Values: Rule = {
  code: 'NB305',
  title: {
    zh: '件数为非负整数（本年增/减可为负），金额为非负数',
    en: 'Counts are non-negative integers (本年增/减 may be negative); amounts are non-negative',
  },
  check({ report }) {
    const out: Diagnostic[] = [];
    for (const row of report.rows.values()) {
      for (const cell of row.cells) {
        const v = cell.value;
        if (typeof v !== 'number') continue;
        const { kind } = cell.column;
        const negative = kind !== 'delta' && v < 0;
        if (!negative && (kind === 'amount' || Number.isInteger(v))) continue;
        const name = cellName(row, cell);
        const message = negative ? M.negative(name, v) : M.notInteger(name, v);
        out.push({ code: 'NB305', severity: 'error', message, range: cellRange(row, cell), path: cell.path });
      }
    }
    return out;
  },
};
