/**
 * A reader of the renderer's own table markup for tests: rows of cells with their spans, classes, attributes
 * and text. The renderer writes regular markup (no nesting inside cells), which is all this handles.
 */
export interface ParsedCell {
  readonly tag: 'th' | 'td';
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
  readonly classes: readonly string[];
  readonly attrs: ReadonlyMap<string, string>;
}

export interface ParsedTable {
  readonly head: ParsedCell[][];
  readonly body: ParsedCell[][];
}

export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseAttrs(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(/([a-z-]+)="([^"]*)"/g)) attrs.set(m[1], unescapeHtml(m[2]));
  return attrs;
}

function parseRows(section: string): ParsedCell[][] {
  const rows: ParsedCell[][] = [];
  for (const tr of section.matchAll(/<tr(?:\s[^>]*)?>(.*?)<\/tr>/gs)) {
    const cells: ParsedCell[] = [];
    for (const m of tr[1].matchAll(/<(th|td)((?:\s[^>]*)?)>(.*?)<\/\1>/gs)) {
      const attrs = parseAttrs(m[2]);
      cells.push({
        tag: m[1] as 'th' | 'td',
        text: unescapeHtml(m[3].replace(/<[^>]*>/g, '')),
        rowspan: Number(attrs.get('rowspan') ?? 1),
        colspan: Number(attrs.get('colspan') ?? 1),
        classes: (attrs.get('class') ?? '').split(/\s+/).filter(Boolean),
        attrs,
      });
    }
    rows.push(cells);
  }
  return rows;
}

/** The table of the section with the given template id (`active`, `applications`, `appeals`). */
export function tableOf(html: string, section: string): ParsedTable {
  const m = new RegExp(`<table class="[^"]*" data-section="${section}">(.*?)</table>`, 's').exec(html);
  if (!m) throw new Error(`no table for section ${section}`);
  const head = /<thead>(.*?)<\/thead>/s.exec(m[1]);
  const body = /<tbody>(.*?)<\/tbody>/s.exec(m[1]);
  return { head: head ? parseRows(head[1]) : [], body: body ? parseRows(body[1]) : [] };
}

/**
 * Place every cell on the grid the way a browser does (rowspans carry down) and return, per grid row, the
 * number of columns filled; throws on overlapping cells.
 */
export function occupancy(rows: readonly (readonly ParsedCell[])[]): number[] {
  const taken: boolean[][] = [];
  rows.forEach((cells, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r][c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) {
          if (taken[r + dr][c + dc]) throw new Error(`cells overlap at row ${r + dr}, column ${c + dc}`);
          taken[r + dr][c + dc] = true;
        }
      }
      c += cell.colspan;
    }
  });
  return taken.slice(0, rows.length).map((row) => row.filter(Boolean).length);
}
