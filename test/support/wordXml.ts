/**
 * A reader of the WordprocessingML the Word export writes, for tests: the text of runs, and each table as rows of
 * cells with the spans a reader sees (`w:gridSpan` across, a `w:vMerge` restart and its continuations down).
 */
export interface WordCell {
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
  readonly bold: boolean;
  readonly align: string | undefined;
}

export interface WordRow {
  /** `w:tblHeader`: repeated at the top of each page. */
  readonly header: boolean;
  readonly cantSplit: boolean;
  /** Every paragraph of the row has `w:keepNext`. */
  readonly keepNext: boolean;
  readonly cells: WordCell[];
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of the runs in a piece of WordprocessingML, line breaks as `\n`. */
export function runText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:t\/>/g))
    out += m[0] === '<w:br/>' ? '\n' : unescapeXml(m[1] ?? '');
  return out;
}

/** The `<w:p>` elements of a part, in order. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>.*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/gs)].map((m) => m[0]);
}

interface RawCell {
  readonly text: string;
  readonly colspan: number;
  readonly merge: 'restart' | 'continue' | undefined;
  readonly bold: boolean;
  readonly align: string | undefined;
}

export function wordTables(documentXml: string): WordRow[][] {
  const tables: WordRow[][] = [];
  for (const tbl of documentXml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)) {
    const raw: { row: Omit<WordRow, 'cells'>; cells: RawCell[] }[] = [];
    for (const tr of tbl[1].matchAll(/<w:tr(?:\s[^>]*)?>(.*?)<\/w:tr>/gs)) {
      const trPr = /<w:trPr>(.*?)<\/w:trPr>/s.exec(tr[1])?.[1] ?? '';
      const cells: RawCell[] = [];
      for (const tc of tr[1].matchAll(/<w:tc>(.*?)<\/w:tc>/gs)) {
        const span = /<w:gridSpan w:val="(\d+)"\/>/.exec(tc[1]);
        const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc[1]);
        cells.push({
          text: runText(tc[1]),
          colspan: span ? Number(span[1]) : 1,
          merge: merge ? (merge[1] === 'restart' ? 'restart' : 'continue') : undefined,
          bold: /<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/.test(tc[1]),
          align: /<w:jc w:val="(\w+)"\/>/.exec(tc[1])?.[1],
        });
      }
      const paragraphs = paragraphsOf(tr[1]);
      raw.push({
        row: {
          header: /<w:tblHeader\/>/.test(trPr),
          cantSplit: /<w:cantSplit\/>/.test(trPr),
          keepNext: paragraphs.length > 0 && paragraphs.every((p) => /<w:keepNext\/>/.test(p)),
        },
        cells,
      });
    }
    // Columns of each raw cell, then each restart's rowspan: the continuations below it in the same column.
    const columns = raw.map((r) => {
      let c = 0;
      return r.cells.map((cell) => {
        const at = c;
        c += cell.colspan;
        return at;
      });
    });
    tables.push(
      raw.map((r, i) => ({
        ...r.row,
        cells: r.cells.flatMap((cell, j) => {
          if (cell.merge === 'continue') return [];
          let rowspan = 1;
          if (cell.merge === 'restart')
            while (
              i + rowspan < raw.length &&
              raw[i + rowspan].cells.some((c, k) => c.merge === 'continue' && columns[i + rowspan][k] === columns[i][j])
            )
              rowspan++;
          return [{ text: cell.text, rowspan, colspan: cell.colspan, bold: cell.bold, align: cell.align }];
        }),
      })),
    );
  }
  return tables;
}
