/**
 * `officialDocument(analysis)`: a report laid out as an official document (公文, GB/T 9704-2012) — the title, the
 * six sections with their narrative paragraphs and the three tables, and an optional signature — as plain data that
 * `word/` writes out as a .docx with the `docx` library. Every decision is taken here: which style each paragraph
 * has, where its lines break, what each table cell says, which cells span, which rows repeat at the top of a page or
 * stay with the next; every measure comes from `gongwenFormat.ts`. The tables come from the same `tableGrid` as the
 * HTML page, their cells from the same `cellContent`, the paragraphs from the same `splitParagraphs`.
 *
 * Report text only ever becomes run text: nothing in a value or a narrative turns into a field, a hyperlink or
 * markup. Characters that XML 1.0 cannot carry (C0 controls, lone surrogates) are shown as U+FFFD.
 */
import { childrenOf } from '../model/bindReport';
import type { PlacedNode } from '../template/templates';
import { displayLabel } from '../template/templates';
import type { GroupNode, TextNode } from '../template/types';
import { cellContent, titleParts } from './cellText';
import type { ParagraphStyleId } from './gongwenFormat';
import { TEXT_WIDTH, charWidth } from './gongwenFormat';
import { paragraphShape, splitParagraphs } from './paragraphs';
import type { RenderInput } from './renderReport';
import { renderStrings } from './renderStrings';
import type { GridCell, TableGrid } from './tableGrid';
import { columnShares, tableGrid } from './tableGrid';

/** A stretch of text in one font; `\n` inside it is a line break within the paragraph. */
export interface DocRun {
  readonly text: string;
  /** A run set in another style's font (an opening sentence set as a heading). */
  readonly as?: ParagraphStyleId;
}

export interface DocParagraph {
  readonly kind: 'paragraph';
  readonly style: ParagraphStyleId;
  readonly runs: readonly DocRun[];
  /** Right indent, twips (the signature's lines). */
  readonly indentRight?: number;
}

export interface DocCell {
  readonly text: string;
  /** The first grid column the cell covers, and its width (the columns it spans), twips. */
  readonly column: number;
  readonly width: number;
  readonly rowspan: number;
  readonly colspan: number;
  readonly align: 'left' | 'center';
  readonly bold: boolean;
  /** The grid cell's kind, for readers of the model (tests, other writers). */
  readonly kind: GridCell['kind'];
}

export interface DocRow {
  /** Repeated at the top of each page the table runs onto (only leading rows can be). */
  readonly header: boolean;
  /** On the same page as the next row. */
  readonly keepNext: boolean;
  readonly cells: readonly DocCell[];
}

export interface DocTable {
  readonly kind: 'table';
  /** The template id of the section (`active`, `applications`, `appeals`). */
  readonly section: string;
  /** Column widths, twips, summing to the 版心's width. */
  readonly columns: readonly number[];
  readonly rows: readonly DocRow[];
}

export type DocBlock = DocParagraph | DocTable;

export interface OfficialDocument {
  /** `<机关><年度>年政府信息公开工作年度报告`, for the document's properties. */
  readonly title: string;
  readonly blocks: readonly DocBlock[];
}

export interface OfficialDocumentOptions {
  /**
   * End with the signature: the 机关 and, when the report gives its 发布日期, that date as 2025年3月20日 (GB/T 9704
   * 7.3.5.2, without a seal). Nothing is added for a report without a 机关.
   */
  readonly signature?: boolean;
}

/** XML 1.0 cannot carry C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF or lone surrogates. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

const paragraph = (style: ParagraphStyleId, runs: DocRun[], indentRight?: number): DocParagraph =>
  indentRight === undefined ? { kind: 'paragraph', style, runs } : { kind: 'paragraph', style, runs, indentRight };

/** Width of a text in characters of its font: CJK and full-width forms count one, everything else one half. */
function widthInChars(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u0000-\u1fff\uff61-\uffdc]/.test(ch) ? 0.5 : 1;
  return n;
}

/** Characters of the title's size on one line of the 版心. */
const TITLE_LINE = Math.floor(TEXT_WIDTH / charWidth('title'));

/**
 * The title, broken after the agency when it does not fit one line, so that each line stays a whole phrase
 * (回行时词意完整) instead of breaking wherever the line is full.
 */
function title(agency: string, rest: string): DocParagraph {
  const whole = `${agency}${rest}`;
  if (widthInChars(whole) <= TITLE_LINE || !agency) return paragraph('title', [{ text: xmlText(whole) }]);
  return paragraph('title', [{ text: xmlText(`${agency}\n${rest}`) }]);
}

function narrative(text: string): DocParagraph[] {
  return splitParagraphs(text).map((lines) => {
    const shape = paragraphShape(lines);
    const all = xmlText(lines.join('\n'));
    if (shape.heading) return paragraph(shape.heading === 1 ? 'heading1' : 'heading2', [{ text: all }]);
    if (shape.lead) {
      const length = shape.lead.length;
      return paragraph('body', [
        { text: all.slice(0, length), as: shape.lead.level === 1 ? 'heading1' : 'heading2' },
        { text: all.slice(length) },
      ]);
    }
    return paragraph('body', [{ text: all }]);
  });
}

function table(input: RenderInput, grid: TableGrid): DocTable {
  const shares = columnShares(grid);
  const columns = shares.map((s) => Math.floor(s * TEXT_WIDTH));
  // Whole twips that still add up to the 版心: the last column takes what rounding left over.
  columns[columns.length - 1] += TEXT_WIDTH - columns.reduce((a, b) => a + b, 0);
  // Grid rows still covered by a cell from a row above, per column (as a browser places HTML cells).
  const covered = new Array<number>(grid.width).fill(0);
  const rows: DocRow[] = grid.rows.map((row, i) => {
    let column = 0;
    const cells = row.cells.map((c): DocCell => {
      while (covered[column] > 0) column++;
      const start = column;
      for (let k = 0; k < c.colspan; k++) covered[column++] = c.rowspan;
      let text = c.text;
      if (c.kind === 'value' && c.placed && c.columnIndex !== undefined)
        text = cellContent(input.report.rows.get(c.placed.node.id)?.cells[c.columnIndex]).text;
      return {
        text: xmlText(text),
        column: start,
        width: columns.slice(start, start + c.colspan).reduce((a, b) => a + b, 0),
        rowspan: c.rowspan,
        colspan: c.colspan,
        align: c.kind === 'label' ? 'left' : 'center',
        bold: c.kind === 'caption' || c.kind === 'header',
        kind: c.kind,
      };
    });
    for (let k = 0; k < covered.length; k++) if (covered[k] > 0) covered[k]--;
    return { header: row.head && grid.rows.slice(0, i).every((r) => r.head), keepNext: row.keepWithNext, cells };
  });
  return { kind: 'table', section: grid.section.node.id, columns, rows };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-03-20` → `2025年3月20日` (GB/T 9704 7.3.5.1: Arabic numerals, the year in full, no leading zeros). */
export function chineseDate(value: string): string {
  const m = DATE.exec(value.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value.trim();
}

/**
 * 发文机关署名 two characters in from the right, 成文日期 on the next line starting two characters right of the
 * name's start — or, when the date is the longer, the date two characters in and the name moved left to match.
 */
function signature(agency: string, date: string | undefined): DocParagraph[] {
  const char = charWidth('signature');
  const nameWidth = widthInChars(agency);
  if (date === undefined) return [paragraph('body', []), paragraph('signature', [{ text: xmlText(agency) }], 2 * char)];
  const dateWidth = widthInChars(date);
  let nameRight = 2;
  let dateRight = nameRight + nameWidth - 2 - dateWidth;
  if (dateRight < 2) {
    dateRight = 2;
    nameRight = dateRight + dateWidth + 2 - nameWidth;
  }
  return [
    paragraph('body', []),
    paragraph('signature', [{ text: xmlText(agency) }], Math.round(nameRight * char)),
    paragraph('signature', [{ text: xmlText(date) }], Math.round(dateRight * char)),
  ];
}

export function officialDocument(input: RenderInput, options: OfficialDocumentOptions = {}): OfficialDocument {
  const { report } = input;
  const strings = renderStrings('zh');
  const parts = titleParts(report);
  const agency = parts.agency ?? strings.missingAgency;
  const rest = `${parts.year ?? strings.missingYear}${parts.suffix}`;
  // The title, then one empty line, then the text (GB/T 9704 7.3.2–7.3.3).
  const blocks: DocBlock[] = [title(agency, rest), paragraph('body', [])];
  for (const placed of childrenOf(report.template, undefined)) {
    const node = placed.node;
    if (node.kind !== 'text' && node.kind !== 'group') continue;
    blocks.push(paragraph('heading1', [{ text: displayLabel(node) }]));
    if (node.kind === 'text') {
      const bound = report.texts.get((node as TextNode).id);
      if (bound?.node && bound.node.kind === 'scalar') blocks.push(...narrative(bound.text));
    } else if ((node as GroupNode).table) {
      blocks.push(table(input, tableGrid(report.template, placed as PlacedNode & { node: GroupNode })));
    }
  }
  if (options.signature && parts.agency) {
    const published = report.meta.get('meta.published');
    const date = published?.node && typeof published.value === 'string' && published.value.trim();
    blocks.push(...signature(parts.agency, date ? chineseDate(date) : undefined));
  }
  return { title: `${agency}${rest}`, blocks };
}
