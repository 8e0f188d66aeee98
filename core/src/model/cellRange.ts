/** Where a diagnostic about a cell or a row sits in the text. */
import type { Range, RelatedInformation } from '../diagnostics/diagnostic';
import type { BoundCell, BoundRow } from './bindReport';
import { fmt } from '../i18n/messages';
import { cellName } from './names';

/** The cell's value node; when the row has no such value, the row's value (or its key). */
export function cellRange(row: BoundRow, cell: BoundCell): Range {
  const node = cell.node ?? row.pair.value ?? row.pair.key;
  return { start: node.start, end: node.end };
}

export function relatedCell(row: BoundRow, cell: BoundCell): RelatedInformation {
  const name = cellName(row, cell);
  const value = cell.value === null ? '空白' : cell.value === undefined ? '?' : fmt(cell.value);
  const valueEn = cell.value === null ? 'blank' : cell.value === undefined ? '?' : fmt(cell.value);
  return {
    range: cellRange(row, cell),
    path: cell.path,
    message: { zh: `${name} = ${value}`, en: `${name} = ${valueEn}` },
  };
}
