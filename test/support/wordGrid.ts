/**
 * A report's tables on the irregular grids Word makes when people draw and drag table borders: every physical grid
 * column is a boundary some row has. Value cells span two or three grid columns, a value sits in part of its column
 * with an empty cell beside it (so the header above spans columns over an empty cell), cell borders are misaligned
 * by a few pixels between rows, and optionally a group's label shares its first row's cell with that row's label
 * (（四）无法提供 1.本机关不掌握相关政府信息). The HTML (Word's "save as web page") and DOCX writers of the tests render
 * these grids; the importer must give back every value.
 */
import type { GridCell, GridCellKind, TableGrid } from '../../core/src/index';

export type WordCellKind = GridCellKind | 'empty';

export interface WordCell {
  readonly kind: WordCellKind;
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
  /** First physical grid column. */
  readonly column: number;
}

export interface WordTable {
  /** Widths of the physical grid columns in CSS pixels. */
  readonly widths: readonly number[];
  /** Each row's own cells, left to right (cells continued from a row above by rowspan are not repeated). */
  readonly rows: readonly (readonly WordCell[])[];
  /** Header rows at the top. */
  readonly headRows: number;
}

export interface WordGridOptions {
  /** Share of value cells split into a value part and an empty part. */
  readonly split?: number;
  /** Share of value-column borders moved a few pixels in a row. */
  readonly misalign?: number;
  /** Print each sub-row group's label in its first row's label cell (section 三). */
  readonly inlineGroups?: boolean;
}

/** A small seeded generator (mulberry32), so that a test's grids are reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Logical {
  readonly cell: GridCell;
  readonly row: number;
  readonly col: number;
}

/** Logical cells of a template grid with their row and first column. */
function logicalCells(grid: TableGrid): Logical[][] {
  const taken: boolean[][] = grid.rows.map(() => []);
  return grid.rows.map((row, r) => {
    let c = 0;
    return row.cells.map((cell) => {
      while (taken[r][c]) c++;
      for (let i = 0; i < cell.rowspan; i++) for (let j = 0; j < cell.colspan; j++) taken[r + i][c + j] = true;
      const placed = { cell, row: r, col: c };
      c += cell.colspan;
      return placed;
    });
  });
}

interface Piece {
  readonly kind: WordCellKind;
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly rowspan: number;
}

/**
 * The table of `grid` with `text(cell)` in each cell, on an irregular physical grid drawn with `random`.
 */
export function wordTable(
  grid: TableGrid,
  text: (cell: GridCell) => string,
  random: () => number,
  options: WordGridOptions = {},
): WordTable {
  const split = options.split ?? 0.3;
  const misalign = options.misalign ?? 0.3;
  const cells = logicalCells(grid);
  const headRows = grid.rows.filter((r) => r.head).length;
  // Logical column edges: label columns wide, value columns of varied widths.
  const labelWidths = grid.layout.kind === 'matrix' ? [46, 58, 170] : grid.layout.kind === 'captioned' ? [190] : [];
  // The table fits the page's text width (about 600 px on A4), as Word keeps it.
  const labels = labelWidths.slice(0, grid.labelColumns).reduce((a, b) => a + b, 0);
  const valueWidth = Math.max(
    30,
    Math.min(58, Math.floor((600 - labels) / Math.max(1, grid.width - grid.labelColumns))),
  );
  const edges = [0];
  for (let c = 0; c < grid.width; c++) {
    const w = c < grid.labelColumns ? (labelWidths[c] ?? 60) : valueWidth - 4 + Math.floor(random() * 9);
    edges.push(edges[c] + w);
  }
  const pieces: Piece[][] = grid.rows.map(() => []);
  cells.forEach((row, r) => {
    const head = grid.rows[r].head;
    // This row's borders between value columns, moved a few pixels now and then.
    const edge = edges.map((x, j) =>
      !head && j > grid.labelColumns && j < grid.width && random() < misalign ? x + (random() < 0.5 ? -4 : 4) : x,
    );
    for (const { cell, col } of row) {
      const x0 = edge[col];
      const x1 = edge[col + cell.colspan];
      const value = text(cell);
      // A value beside an empty part of its column, in columns wide enough that Word would not wrap the number.
      if (cell.kind === 'value' && cell.colspan === 1 && !head && x1 - x0 >= 44 && random() < split) {
        const valueFirst = random() < 0.5;
        const at = Math.round(x0 + (x1 - x0) * (valueFirst ? 0.7 : 0.3));
        pieces[r].push(
          { kind: valueFirst ? 'value' : 'empty', text: valueFirst ? value : '', x0, x1: at, rowspan: 1 },
          { kind: valueFirst ? 'empty' : 'value', text: valueFirst ? '' : value, x0: at, x1, rowspan: 1 },
        );
      } else {
        pieces[r].push({ kind: cell.kind, text: value, x0, x1, rowspan: cell.rowspan });
      }
    }
  });
  if (options.inlineGroups && grid.layout.kind === 'matrix') inlineGroups(pieces, cells, edges);
  const xs = [...new Set(pieces.flat().flatMap((p) => [p.x0, p.x1]))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const rows = pieces.map((row) =>
    row.map((p) => ({
      kind: p.kind,
      text: p.text,
      rowspan: p.rowspan,
      column: index.get(p.x0) as number,
      colspan: (index.get(p.x1) as number) - (index.get(p.x0) as number),
    })),
  );
  return { widths: xs.slice(1).map((x, i) => x - xs[i]), rows, headRows };
}

/**
 * A group's label moved into its first row's label cell (both label columns), the group's column below it left
 * as one empty merged cell.
 */
function inlineGroups(pieces: Piece[][], cells: Logical[][], edges: readonly number[]): void {
  cells.forEach((row, r) => {
    for (let k = 0; k + 1 < row.length; k++) {
      const group = row[k];
      const next = row[k + 1];
      if (group.cell.kind !== 'label' || group.cell.rowspan < 2 || next.cell.kind !== 'label') continue;
      if (next.col !== group.col + 1 || next.cell.colspan !== 1) continue;
      const i = pieces[r].findIndex((p) => p.x0 === edges[group.col] && p.kind === 'label');
      if (i < 0) continue;
      const first = pieces[r][i];
      const label = pieces[r][i + 1];
      pieces[r].splice(i, 2, {
        kind: 'label',
        text: `${first.text} ${label.text}`,
        x0: first.x0,
        x1: label.x1,
        rowspan: 1,
      });
      // The rows below: the group's column as one empty merged cell, before each row's own label.
      const below = pieces[r + 1];
      if (below && group.cell.rowspan > 1)
        below.unshift({ kind: 'empty', text: '', x0: first.x0, x1: first.x1, rowspan: group.cell.rowspan - 1 });
      break;
    }
  });
  // Keep each row's pieces in order across the table.
  for (const row of pieces) row.sort((a, b) => a.x0 - b.x0);
}
