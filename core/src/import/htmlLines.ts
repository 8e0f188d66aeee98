/**
 * An HTML page as lines, read with a real HTML parser (parse5): block elements and `<br>` end lines, data tables
 * become rows on their real grid (`rowspan`/`colspan` resolved, a merged cell appearing once per row it covers),
 * tables that only lay out the page are read as the blocks they hold. Word's markup (`<o:p>`, conditional
 * comments, `mso-` styles, `&nbsp;` padding) needs nothing special once the tree is built.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Line, SourceDocument } from './sourceLines';
import { trimSpace } from './sourceLines';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Elements whose content is not text of the page. */
const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'select',
  'textarea',
  'button',
  'input',
  'canvas',
  'video',
  'audio',
  'map',
  'xml',
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** A hard line break inside collected text (from `<br>` or a block boundary), kept apart from source newlines. */
const BREAK = '\u2028';

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function hidden(element: Element): boolean {
  if (attr(element, 'hidden') !== undefined) return true;
  const style = attr(element, 'style');
  return style !== undefined && /display\s*:\s*none/i.test(style);
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * HTML whitespace collapsing: runs of spaces become one space, except that a source line break between two
 * Chinese characters disappears (Word wraps its HTML mid-sentence; the reader never saw a space there).
 */
function collapse(raw: string): string {
  const s = raw.replace(/\u00a0/g, ' ');
  return s.replace(/[ \t\n\r\f]+/g, (run, offset: number) => {
    if (/[\n\r]/.test(run)) {
      const before = s[offset - 1];
      const after = s[offset + run.length];
      if (before !== undefined && after !== undefined && WIDE.test(before) && WIDE.test(after)) return '';
    }
    return ' ';
  });
}

/** Collected text as trimmed, non-empty lines. */
function textLinesOf(raw: string): string[] {
  return collapse(raw)
    .split(BREAK)
    .map(trimSpace)
    .filter((t) => t !== '');
}

function collectText(node: Node, out: string[]): void {
  if (node.nodeName === '#text') {
    out.push((node as DefaultTreeAdapterMap['textNode']).value);
    return;
  }
  if (!isElement(node)) return;
  if (SKIP.has(node.tagName) || hidden(node)) return;
  if (node.tagName === 'br') {
    out.push(BREAK);
    return;
  }
  const block = BLOCK.has(node.tagName);
  if (block) out.push(BREAK);
  for (const child of childrenOf(node)) collectText(child, out);
  if (block) out.push(BREAK);
}

function childrenOf(node: ParentNode): readonly Node[] {
  return node.nodeName === 'template'
    ? (node as DefaultTreeAdapterMap['template']).content.childNodes
    : node.childNodes;
}

function containsTable(element: Element): boolean {
  for (const child of element.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'table' || containsTable(child)) return true;
  }
  return false;
}

/** The rows of a table, not those of tables nested in it. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (element: Element): void => {
    for (const child of element.childNodes) {
      if (!isElement(child) || hidden(child)) continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function span(element: Element, name: string, max: number): number {
  const n = Number.parseInt(attr(element, name) ?? '1', 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n === 0) return name === 'rowspan' ? max : 1;
  return Math.min(n, max);
}

interface GridCell {
  readonly text: string;
  readonly row: number;
}

interface PlacedCell {
  readonly column: number;
  readonly colspan: number;
  /** The width the cell declares, in CSS pixels (Word writes `width=` on every cell). */
  readonly width?: number;
}

interface Grid {
  readonly slots: (GridCell | undefined)[][];
  /** Left edge of each grid column and the right edge of the last, in CSS pixels or, without widths, in columns. */
  readonly edges: readonly number[];
}

/** A cell's declared width in CSS pixels: `width=98`, or `style='width:73.6pt'`; percentages say nothing. */
function declaredWidth(element: Element): number | undefined {
  const style = /(?:^|;)\s*width\s*:\s*([\d.]+)\s*(pt|px|cm|mm|in)?/i.exec(attr(element, 'style') ?? '');
  if (style) {
    const n = Number(style[1]);
    const unit = (style[2] ?? 'px').toLowerCase();
    const px =
      unit === 'pt'
        ? (n * 4) / 3
        : unit === 'cm'
          ? (n * 96) / 2.54
          : unit === 'mm'
            ? (n * 96) / 25.4
            : unit === 'in'
              ? n * 96
              : n;
    if (Number.isFinite(px) && px > 0) return px;
  }
  const plain = /^\s*([\d.]+)\s*$/.exec(attr(element, 'width') ?? '');
  const n = plain ? Number(plain[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function cellsOf(tr: Element): Element[] {
  return tr.childNodes.filter(
    (td): td is Element => isElement(td) && (td.tagName === 'td' || td.tagName === 'th') && !hidden(td),
  );
}

/**
 * Word's spacer row (`<![if !supportMisalignedColumns]>` around a row of empty cells, one per grid column, or
 * Excel's hidden one): the widths of the grid columns when the other rows' cells do not line up.
 */
function spacerWidths(table: Element): number[] | undefined {
  let found: number[] | undefined;
  const visit = (element: Element): void => {
    for (const child of element.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child);
      if (child.tagName !== 'tr') continue;
      const tds = child.childNodes.filter((td): td is Element => isElement(td) && td.tagName === 'td');
      if (tds.length < 2 || tds.some((td) => (attr(td, 'colspan') ?? '1') !== '1')) continue;
      const parts: string[] = [];
      for (const td of tds) for (const c of td.childNodes) collectText(c, parts);
      if (textLinesOf(parts.join('')).length > 0) continue;
      const widths = tds.map(declaredWidth);
      if (widths.every((w) => w !== undefined)) found = widths as number[];
    }
  };
  visit(table);
  return found;
}

/**
 * Widths of the grid columns: the spacer row's, else solved from the cells' declared widths (a cell spanning
 * columns whose widths are known but one gives that one); undefined when some column stays unknown.
 */
function columnWidths(cells: readonly PlacedCell[], width: number, spacer: number[] | undefined): number[] | undefined {
  if (spacer && spacer.length === width) return spacer;
  const known: (number | undefined)[] = Array.from({ length: width }, () => undefined);
  for (let progress = true; progress;) {
    progress = false;
    for (const cell of cells) {
      if (cell.width === undefined) continue;
      let unknown = -1;
      let sum = 0;
      let count = 0;
      for (let c = cell.column; c < cell.column + cell.colspan && c < width; c++) {
        const w = known[c];
        if (w === undefined) {
          unknown = c;
          count++;
        } else sum += w;
      }
      if (count === 1 && cell.width - sum > 0) {
        known[unknown] = cell.width - sum;
        progress = true;
      }
    }
  }
  return known.every((w) => w !== undefined) ? (known as number[]) : undefined;
}

/** The table's real grid: every slot points at the printed cell covering it; the columns' edges across the table. */
function buildGrid(rows: readonly Element[], spacer: number[] | undefined): Grid {
  const slots: (GridCell | undefined)[][] = rows.map(() => []);
  const placed: PlacedCell[] = [];
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of cellsOf(tr)) {
      while (slots[r][c] !== undefined) c++;
      const rowspan = span(td, 'rowspan', rows.length - r);
      const colspan = span(td, 'colspan', 100);
      const parts: string[] = [];
      for (const child of td.childNodes) collectText(child, parts);
      const cell: GridCell = { text: textLinesOf(parts.join('')).join('\n'), row: r };
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) slots[r + i][c + j] = cell;
      const width = declaredWidth(td);
      placed.push({ column: c, colspan, ...(width !== undefined ? { width } : {}) });
      c += colspan;
    }
  });
  const width = Math.max(0, ...slots.map((r) => r.length));
  const widths = columnWidths(placed, width, spacer) ?? Array.from({ length: width }, () => 1);
  const edges = [0];
  for (const w of widths) edges.push(edges[edges.length - 1] + w);
  return { slots, edges };
}

class LineBuilder {
  readonly lines: Line[] = [];
  private buffer: string[] = [];
  private readonly scope: number[] = [];
  private nextId = 0;

  text(value: string): void {
    this.buffer.push(value);
  }

  lineBreak(): void {
    this.buffer.push(BREAK);
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const raw = this.buffer.join('');
    this.buffer = [];
    for (const text of textLinesOf(raw))
      this.lines.push({ cells: [{ text, inherited: false }], row: false, scope: [...this.scope] });
  }

  enter(): void {
    this.scope.push(this.nextId++);
  }

  leave(): void {
    this.scope.pop();
  }

  rows(grid: Grid): void {
    const table = this.nextId++;
    const edges = grid.edges;
    grid.slots.forEach((slots, r) => {
      const cells: { text: string; inherited: boolean; column: number; span: number; x0: number; x1: number }[] = [];
      let previous: GridCell | undefined;
      slots.forEach((slot, c) => {
        // A colspan covers several slots of one row: the printed cell counts once.
        if (slot === undefined) return;
        if (slot === previous) {
          const last = cells[cells.length - 1];
          last.span++;
          last.x1 = edges[c + 1] ?? last.x1;
          return;
        }
        previous = slot;
        cells.push({
          text: slot.text,
          inherited: slot.row < r,
          column: c,
          span: 1,
          x0: edges[c] ?? c,
          x1: edges[c + 1] ?? c + 1,
        });
      });
      if (cells.length > 0) this.lines.push({ cells, row: true, scope: [...this.scope], table });
    });
  }
}

function walk(node: Node, out: LineBuilder): void {
  if (node.nodeName === '#text') {
    out.text((node as DefaultTreeAdapterMap['textNode']).value);
    return;
  }
  if (!isElement(node)) {
    if (node.nodeName === '#document' || node.nodeName === '#document-fragment')
      for (const child of childrenOf(node)) walk(child, out);
    return;
  }
  const tag = node.tagName;
  if (SKIP.has(tag) || hidden(node)) return;
  if (tag === 'br') {
    out.lineBreak();
    return;
  }
  if (tag === 'table' && !containsTable(node)) {
    const rows = tableRows(node);
    const grid = buildGrid(rows, spacerWidths(node));
    const width = grid.edges.length - 1;
    // A one-column table only frames the page: read what it holds as paragraphs.
    if (width > 1) {
      out.flush();
      out.enter();
      for (const child of node.childNodes) if (isElement(child) && child.tagName === 'caption') walk(child, out);
      out.flush();
      out.rows(grid);
      out.leave();
      return;
    }
  }
  if (!BLOCK.has(tag)) {
    for (const child of childrenOf(node)) walk(child, out);
    return;
  }
  out.flush();
  out.enter();
  for (const child of childrenOf(node)) walk(child, out);
  out.flush();
  out.leave();
}

function findTitle(node: ParentNode): string {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (child.tagName === 'title') {
      const parts: string[] = [];
      for (const c of child.childNodes) collectText(c, parts);
      return textLinesOf(parts.join('')).join(' ');
    }
    if (child.tagName === 'body') continue;
    const inner = findTitle(child);
    if (inner) return inner;
  }
  return '';
}

type Document = DefaultTreeAdapterMap['document'];

/** Elements the parser creates for any input, markup or not. */
const IMPLIED = new Set(['html', 'head', 'body']);

function hasMarkup(node: ParentNode): boolean {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (!IMPLIED.has(child.tagName) || hasMarkup(child)) return true;
  }
  return false;
}

/** The parsed page when the text is HTML (has elements of its own), undefined for plain text. */
export function parseHtml(text: string): Document | undefined {
  const document = parse(text);
  return hasMarkup(document) ? document : undefined;
}

export function htmlLines(document: Document): SourceDocument {
  const out = new LineBuilder();
  walk(document, out);
  out.flush();
  return { lines: out.lines, title: findTitle(document), kind: 'html' };
}
