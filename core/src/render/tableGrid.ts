/**
 * The printed grid of a section's table, derived from the template model: which cell sits where, what it says,
 * and how many rows and columns it spans. Rendering fills the value cells from a report; the grid itself depends
 * only on the edition, so it is built once per section and cached.
 */
import type { PlacedNode, TemplateIndex } from '../template/templates';
import { displayLabel } from '../template/templates';
import type { Column, GroupNode, HeaderGroup, RowNode, TableLayout, TemplateNode } from '../template/types';

export type GridCellKind =
  /** A sub-table's caption row (section 二: `第二十条第（一）项`). */
  | 'caption'
  /** Section 三's top-left block with the printed rule. */
  | 'corner'
  /** A column header or a header over several columns. */
  | 'header'
  /** A row's or a row group's printed label. */
  | 'label'
  /** A value of the report. */
  | 'value'
  /** A cell the template prints empty (a sub-table narrower than the table). */
  | 'void';

export interface GridCell {
  readonly kind: GridCellKind;
  /** Printed text for captions, headers and labels; empty for values and voids. */
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
  /** The template node a caption, label or value belongs to (a header built from a row's label, too). */
  readonly placed?: PlacedNode;
  /** Value cells (and column headers): the column and its index in the row. */
  readonly column?: Column;
  readonly columnIndex?: number;
}

export interface GridRow {
  /** Header rows belong in `<thead>` (and are repeated at the top of every printed page the table runs onto). */
  readonly head: boolean;
  /**
   * Printed on the same page as the next row: header rows, and every row of a section 二 sub-table but its last, so
   * that a caption never ends a page and a sub-table is never split. Rows without it may end a page.
   */
  readonly keepWithNext: boolean;
  readonly cells: readonly GridCell[];
}

export interface TableGrid {
  readonly section: PlacedNode & { readonly node: GroupNode };
  readonly layout: TableLayout;
  /** Number of grid columns. */
  readonly width: number;
  /** Leading label columns (0 for a band). */
  readonly labelColumns: number;
  readonly rows: readonly GridRow[];
}

function cell(kind: GridCellKind, text: string, rowspan = 1, colspan = 1, extra: Partial<GridCell> = {}): GridCell {
  return { kind, text, rowspan, colspan, ...extra };
}

function isColumn(item: HeaderGroup | Column): item is Column {
  return 'id' in item;
}

function headerLeaves(item: HeaderGroup | Column): number {
  return isColumn(item) ? 1 : item.children.reduce((n, c) => n + headerLeaves(c), 0);
}

function headerDepth(item: HeaderGroup | Column): number {
  return isColumn(item) ? 1 : 1 + Math.max(...item.children.map(headerDepth));
}

/** Placed nodes below `parent`, in template order, with their depth below the section (children are 1). */
function below(index: TemplateIndex, parent: PlacedNode): { placed: PlacedNode; depth: number }[] {
  const base = parent.path.length;
  return index.nodes
    .filter((p) => p.path.length > base && parent.path.every((k, i) => p.path[i] === k))
    .map((placed) => ({ placed, depth: placed.path.length - base }));
}

function leafRows(index: TemplateIndex, placed: PlacedNode): number {
  if (placed.node.kind === 'row') return 1;
  return below(index, placed).filter((p) => p.placed.node.kind === 'row').length;
}

function valueCells(placed: PlacedNode, columns: readonly Column[]): GridCell[] {
  return columns.map((column, columnIndex) => cell('value', '', 1, 1, { placed, column, columnIndex }));
}

/** Section 二: caption row, header row and rows per sub-table; one value column spans the table's width. */
function captionedGrid(
  index: TemplateIndex,
  section: PlacedNode & { node: GroupNode },
  labelHeader: string,
): TableGrid {
  const groups = below(index, section).filter((p) => p.depth === 1);
  const valueWidth = Math.max(...groups.map((g) => (g.placed.node as GroupNode).columns?.length ?? 1));
  const width = 1 + valueWidth;
  const rows: GridRow[] = [];
  const fill = (cells: GridCell[], used: number, spanOne: boolean): GridCell[] => {
    if (used === 1 && spanOne) return [{ ...cells[0], colspan: valueWidth }];
    const voids = Array.from({ length: valueWidth - used }, () => cell('void', ''));
    return [...cells, ...voids];
  };
  for (const { placed } of groups) {
    const group = placed.node as GroupNode;
    const columns = group.columns ?? [];
    const sub: GridRow[] = [];
    sub.push({ head: false, keepWithNext: true, cells: [cell('caption', displayLabel(group), 1, width, { placed })] });
    const headers = columns.map((column, columnIndex) => cell('header', column.printed, 1, 1, { column, columnIndex }));
    sub.push({
      head: false,
      keepWithNext: true,
      cells: [cell('header', labelHeader), ...fill(headers, columns.length, true)],
    });
    for (const child of below(index, placed)) {
      if (child.placed.node.kind !== 'row') continue;
      const row = child.placed.node;
      sub.push({
        head: false,
        keepWithNext: true,
        cells: [
          cell('label', displayLabel(row), 1, 1, { placed: child.placed }),
          ...fill(valueCells(child.placed, row.columns), row.columns.length, true),
        ],
      });
    }
    sub[sub.length - 1] = { ...sub[sub.length - 1], keepWithNext: false };
    rows.push(...sub);
  }
  return { section, layout: section.node.table as TableLayout, width, labelColumns: 1, rows };
}

/**
 * Section 三: a corner block over the label columns, the column header tree, then one grid row per template
 * row. A group's label spans its rows; a row's label spans the label columns its depth leaves free.
 */
function matrixGrid(
  index: TemplateIndex,
  section: PlacedNode & { node: GroupNode },
  corner: string,
  header: HeaderGroup,
): TableGrid {
  const nodes = below(index, section);
  const labelColumns = Math.max(...nodes.map((n) => n.depth));
  const headRows = headerDepth(header);
  const width = labelColumns + headerLeaves(header);

  const head: GridCell[][] = Array.from({ length: headRows }, () => []);
  head[0].push(cell('corner', corner, headRows, labelColumns));
  let columnIndex = 0;
  const walk = (item: HeaderGroup | Column, level: number): void => {
    if (isColumn(item)) {
      head[level].push(cell('header', item.printed, headRows - level, 1, { column: item, columnIndex: columnIndex++ }));
    } else {
      head[level].push(cell('header', item.printed, 1, headerLeaves(item)));
      for (const child of item.children) walk(child, level + 1);
    }
  };
  walk(header, 0);

  const rows: GridRow[] = head.map((cells) => ({ head: true, keepWithNext: true, cells }));
  // Group labels open on their first row; `open` holds the groups whose label is still to be printed.
  const open: { placed: PlacedNode; depth: number }[] = [];
  for (const n of nodes) {
    if (n.placed.node.kind === 'group') {
      open.push(n);
      continue;
    }
    const row = n.placed.node as RowNode;
    const labels = open.map((g) =>
      cell('label', displayLabel(g.placed.node), leafRows(index, g.placed), 1, { placed: g.placed }),
    );
    open.length = 0;
    labels.push(cell('label', displayLabel(row), 1, labelColumns - n.depth + 1, { placed: n.placed }));
    rows.push({ head: false, keepWithNext: false, cells: [...labels, ...valueCells(n.placed, row.columns)] });
  }
  return { section, layout: section.node.table as TableLayout, width, labelColumns, rows };
}

/**
 * Section 四: one printed row holding every template row's values side by side. The headers are the labels of
 * the groups and rows above them, then the columns; a row higher up the tree gets column headers that reach
 * down to the last header row.
 */
function bandGrid(index: TemplateIndex, section: PlacedNode & { node: GroupNode }): TableGrid {
  const nodes = below(index, section);
  const rowDepth = Math.max(...nodes.filter((n) => n.placed.node.kind === 'row').map((n) => n.depth));
  const headRows = rowDepth + 1;
  const head: GridCell[][] = Array.from({ length: headRows }, () => []);
  const values: GridCell[] = [];
  for (const n of nodes) {
    const node: TemplateNode = n.placed.node;
    if (node.kind === 'group') {
      head[n.depth - 1].push(
        cell('header', displayLabel(node), 1, leafRows(index, n.placed) * (node.columns?.length ?? 1), {
          placed: n.placed,
        }),
      );
    } else if (node.kind === 'row') {
      head[n.depth - 1].push(cell('header', displayLabel(node), 1, node.columns.length, { placed: n.placed }));
      node.columns.forEach((column, columnIndex) => {
        head[n.depth].push(cell('header', column.printed, headRows - n.depth, 1, { column, columnIndex }));
      });
      values.push(...valueCells(n.placed, node.columns));
    }
  }
  const rows: GridRow[] = [
    ...head.map((cells) => ({ head: true, keepWithNext: true, cells })),
    { head: false, keepWithNext: false, cells: values },
  ];
  return { section, layout: section.node.table as TableLayout, width: values.length, labelColumns: 0, rows };
}

const grids = new WeakMap<TemplateIndex, Map<string, TableGrid>>();

/** The printed grid of a section that the template prints as a table (`table` set on its group). */
export function tableGrid(index: TemplateIndex, section: PlacedNode & { readonly node: GroupNode }): TableGrid {
  let bySection = grids.get(index);
  if (!bySection) grids.set(index, (bySection = new Map()));
  const cached = bySection.get(section.node.id);
  if (cached) return cached;
  const layout = section.node.table;
  if (!layout) throw new Error(`section ${section.node.id} is not printed as a table`);
  const grid =
    layout.kind === 'captioned'
      ? captionedGrid(index, section, layout.labelHeader.zh)
      : layout.kind === 'matrix'
        ? matrixGrid(index, section, layout.corner.zh, layout.header)
        : bandGrid(index, section);
  bySection.set(section.node.id, grid);
  return grid;
}

/**
 * How wide the label columns are printed, as shares of the table's width, by layout (the value columns share the
 * rest equally). The page style and the Word document both read them.
 */
export const LABEL_COLUMN_SHARES: Readonly<Record<TableLayout['kind'], readonly number[]>> = {
  captioned: [0.31],
  matrix: [0.09, 0.09, 0.26],
  band: [],
};

/** Every grid column's share of the table's width (summing to 1). */
export function columnShares(grid: TableGrid): number[] {
  const labels = LABEL_COLUMN_SHARES[grid.layout.kind];
  const fixed = labels.length === grid.labelColumns ? labels : [];
  const rest = (1 - fixed.reduce((a, b) => a + b, 0)) / (grid.width - fixed.length);
  return Array.from({ length: grid.width }, (_, i) => (i < fixed.length ? fixed[i] : rest));
}
