import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import type { Rule } from './rule';
import { cellRange } from '../model/cellRange';
import { cellName } from '../model/names';

/** E11: numbers pasted as text (`"3,020.782"`, `"12"`) are errors; the fix writes the number. */
export const nb205NumberAsText: Rule = {
  code: 'NB205',
  title: { zh: '数字不能写成文字（如 "3,020.782"）', en: 'Numbers must not be written as text (e.g. "3,020.782")' },
  check({ report }) {
    const out: Diagnostic[] = [];
    for (const row of report.rows.values()) {
      for (const cell of row.cells) {
        if (
          !cell.fromText ||
          cell.value === null ||
          cell.value === undefined ||
          !cell.node ||
          cell.node.kind !== 'scalar'
        )
          continue;
        const range = cellRange(row, cell);
        out.push({
          code: 'NB205',
          severity: 'error',
          message: M.numberAsText(cellName(row, cell), cell.node.text, cell.value),
          range,
          path: cell.path,
          fix: { kind: 'setValue', value: cell.value, range },
        });
      }
    }
    return out;
  },
};
