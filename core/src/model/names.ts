/** How cells and rows are named in messages: the labels a reader finds in the printed table. */
import type { BoundCell, BoundRow } from './bindReport';
import type { PlacedNode } from '../template/templates';
import type { Column, RowNode } from '../template/types';

/** Keys that are ambiguous on their own get their parent's key: `其他处理·其他`. */
const AMBIGUOUS = new Set(['其他', '总计']);

export function rowName(placed: PlacedNode): string {
  const { node, parent } = placed;
  if (AMBIGUOUS.has(node.key) && parent.ordinal.startsWith('（')) return `${parent.key}·${node.key}`;
  if (placed.path[0] === '政府信息公开行政复议、行政诉讼情况' && placed.path.length === 3)
    return `${parent.key}（${node.key}）`;
  return node.key;
}

/** Row name with its printed ordinal where the template prints one before it (`（七）总计`, `四、结转…`). */
export function rowTitle(placed: PlacedNode): string {
  const { ordinal } = placed.node;
  const name = rowName(placed);
  return ordinal && !/^\d/.test(ordinal) && !name.includes('·') ? `${ordinal}${name}` : name;
}

/** `（七）总计·自然人`; a single-value row is named by the row alone. */
export function cellName(row: BoundRow, cell: BoundCell): string {
  return cellNameOf(row.placed, cell.column);
}

const nameCache = new WeakMap<PlacedNode, Map<Column, string>>();

/** The same from the template alone (for facts kept without their syntax tree); made once per template cell. */
export function cellNameOf(placed: PlacedNode & { readonly node: RowNode }, column: Column): string {
  let names = nameCache.get(placed);
  if (!names) nameCache.set(placed, (names = new Map()));
  let name = names.get(column);
  if (name === undefined) {
    const title = rowTitle(placed);
    name = placed.node.columns.length === 1 ? title : `${title}·${column.name}`;
    names.set(column, name);
  }
  return name;
}
