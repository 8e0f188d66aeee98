/** A printed table grid as HTML — wrapper, column group, head and body rows — with each cell written by the caller. */
import type { GridCell, TableGrid } from './tableGrid';

/** ` rowspan="…" colspan="…"` as the grid cell needs. */
export function spanAttributes(c: GridCell): string {
  return `${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
}

export function writeGridTable(out: string[], grid: TableGrid, cell: (c: GridCell) => void): void {
  out.push(
    `<div class="nb-table-wrap"><table class="nb-table nb-${grid.layout.kind}" data-section="${grid.section.node.id}"><colgroup>`,
  );
  for (let i = 0; i < grid.width; i++)
    out.push(i < grid.labelColumns ? `<col class="nb-col-label nb-col-label-${i + 1}">` : '<col class="nb-col-value">');
  out.push('</colgroup>');
  let inHead = false;
  let inBody = false;
  for (const row of grid.rows) {
    if (row.head && !inHead) {
      out.push('<thead>');
      inHead = true;
    } else if (!row.head && !inBody) {
      if (inHead) out.push('</thead>');
      out.push('<tbody>');
      inBody = true;
    }
    // A heading, caption or header row is printed on the same page as the row after it.
    out.push(row.keepWithNext ? '<tr class="nb-keep">' : '<tr>');
    for (const c of row.cells) cell(c);
    out.push('</tr>');
  }
  out.push(inBody ? '</tbody>' : '</thead>', '</table></div>');
}
