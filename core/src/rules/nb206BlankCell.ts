import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import type { YamlNode } from '../syntax/tree';
import type { Rule } from './rule';
import { blankTotals } from './blankTotals';
import { cellRange } from '../model/cellRange';
import { cellName, rowTitle } from '../model/names';

/** E8: a blank cell (`null`, `~` or nothing) counts as 0 but is probably an omission: a warning, fix writes 0. */
export const nb206BlankCell: Rule = {
  code: 'NB206',
  title: { zh: '空白单元格按 0 计（建议填 0）', en: 'Blank cells count as 0 (write 0)' },
  severity: 'warning',
  check({ report }) {
    const out: Diagnostic[] = [];
    const totals = blankTotals(report);
    for (const row of report.rows.values()) {
      // Made only for a row with a blank cell (most rows have none).
      let reported: Set<YamlNode> | undefined;
      for (const cell of row.cells) {
        if (cell.value !== null || !cell.node || totals.has(cell) || reported?.has(cell.node)) continue;
        (reported ??= new Set()).add(cell.node);
        const range = cellRange(row, cell);
        const wholeRow = row.cells.length > 1 && cell.node === row.pair.value;
        if (wholeRow) {
          // `予以公开:` or `予以公开: null`: one warning for the row; the fix writes a row of zeros.
          const zeros = `[${row.cells.map(() => '0').join(', ')}]`;
          out.push({
            code: 'NB206',
            severity: 'warning',
            message: M.blankRow(rowTitle(row.placed)),
            range: range.start === range.end ? { start: row.pair.key.start, end: row.pair.key.end } : range,
            path: row.path,
            fix: { kind: 'replaceText', text: range.start === range.end ? ` ${zeros}` : zeros, range },
          });
        } else {
          out.push({
            code: 'NB206',
            severity: 'warning',
            message: M.blankCell(cellName(row, cell)),
            range: range.start === range.end ? { start: row.pair.key.start, end: row.pair.key.end } : range,
            path: cell.path,
            fix:
              range.start === range.end
                ? { kind: 'replaceText', text: ' 0', range }
                : { kind: 'setValue', value: 0, range },
          });
        }
      }
    }
    return out;
  },
};
