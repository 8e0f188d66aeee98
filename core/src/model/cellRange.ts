/** Where a diagnostic about a cell or a row sits in the text. */
import type { Range, RelatedInformation } from '../diagnostics/diagnostic';
import type { BoundCell, BoundRow } from './bindReport';
import { M, fmt } from '../i18n/messages';
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

/**
 * Related locations of the terms of a sum: only those that add something (a zero or blank term says nothing
 * about where the difference is), then one line saying how many zero terms were left out, at `where`.
 */
export function relatedTerms(
  terms: readonly { readonly row: BoundRow; readonly cell: BoundCell }[],
  where: { readonly range: Range; readonly path: RelatedInformation['path'] },
): RelatedInformation[] {
  const out: RelatedInformation[] = [];
  let zeros = 0;
  for (const t of terms) {
    if (t.cell.value === 0 || t.cell.value === null) zeros++;
    else out.push(relatedCell(t.row, t.cell));
  }
  if (zeros > 0) out.push({ range: where.range, path: where.path, message: M.zeroTermsLeftOut(zeros) });
  return out;
}
