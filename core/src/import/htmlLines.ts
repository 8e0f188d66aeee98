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

/** The table's real grid: every slot points at the printed cell covering it. */
function buildGrid(rows: readonly Element[]): (GridCell | undefined)[][] {
  const grid: (GridCell | undefined)[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of tr.childNodes) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th') || hidden(td)) continue;
      while (grid[r][c] !== undefined) c++;
      const rowspan = span(td, 'rowspan', rows.length - r);
      const colspan = span(td, 'colspan', 100);
      const parts: string[] = [];
      for (const child of td.childNodes) collectText(child, parts);
      const cell: GridCell = { text: textLinesOf(parts.join('')).join('\n'), row: r };
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) grid[r + i][c + j] = cell;
      c += colspan;
    }
  });
  return grid;
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

  rows(grid: readonly (GridCell | undefined)[][]): void {
    const table = this.nextId++;
    grid.forEach((slots, r) => {
      const cells: { text: string; inherited: boolean; column: number; span: number }[] = [];
      let previous: GridCell | undefined;
      slots.forEach((slot, c) => {
        // A colspan covers several slots of one row: the printed cell counts once.
        if (slot === undefined) return;
        if (slot === previous) {
          cells[cells.length - 1].span++;
          return;
        }
        previous = slot;
        cells.push({ text: slot.text, inherited: slot.row < r, column: c, span: 1 });
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
    const grid = buildGrid(rows);
    const width = Math.max(0, ...grid.map((r) => r.length));
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
