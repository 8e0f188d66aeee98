/**
 * `writeDocx(document)`: the core's `OfficialDocument` written out as the bytes of a .docx with the `docx` library
 * (OOXML parts, zipped). Nothing is decided here that the core has not decided: each paragraph style of
 * `gongwenFormat.ts` becomes a Word paragraph style (fonts with their East Asian names, sizes, exact line heights,
 * indents in characters, outline levels), each block a paragraph or a table, the page number a footer — odd pages
 * right, even pages left, as GB/T 9704 places it. The core cannot import `docx` itself: its type declarations bring
 * Node's along, which the core's project keeps out.
 *
 * Report text is only ever the text of a run (`w:t`, escaped by the library): no field, hyperlink or markup comes
 * from it. The one field in the document is the page number.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { IParagraphStyleOptions, IRunOptions } from 'docx';
import { gongwen } from '../../core/src/index';
import type { DocCell, DocParagraph, DocRow, DocRun, DocTable, OfficialDocument } from '../../core/src/index';
import { FONT_TABLE_PATH, fontTableXml } from './fontTable';

type StyleId = gongwen.ParagraphStyleId;

const STYLE_IDS: Readonly<Record<StyleId, string>> = {
  title: 'GongwenTitle',
  heading1: 'GongwenHeading1',
  heading2: 'GongwenHeading2',
  body: 'GongwenBody',
  tableText: 'GongwenTable',
  signature: 'GongwenSignature',
  pageNumber: 'GongwenPageNumber',
};

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

const LATIN = gongwen.FONTS.latin.name;
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

/** A style's font for every script: its East Asian face, and its Latin face (Times New Roman unless it says). */
function fonts(key: gongwen.FontKey, latinKey?: gongwen.FontKey): IRunOptions['font'] {
  const latin = latinKey ? gongwen.FONTS[latinKey].name : LATIN;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: gongwen.FONTS[key].name };
}

function paragraphStyle(id: StyleId): IParagraphStyleOptions {
  const s = gongwen.STYLES[id];
  return {
    id: STYLE_IDS[id],
    name: s.name,
    basedOn: 'Normal',
    next: id === 'title' || id.startsWith('heading') ? STYLE_IDS.body : STYLE_IDS[id],
    quickFormat: true,
    run: {
      font: fonts(s.font, s.latinFont),
      size: s.size * 2,
      sizeComplexScript: s.size * 2,
      ...(s.bold ? { bold: true } : {}),
    },
    paragraph: {
      alignment: ALIGN[s.align],
      // Word takes the indent in characters; LibreOffice before 24.2 reads only the same indent in twips.
      indent: s.firstLineChars
        ? { firstLineChars: s.firstLineChars, firstLine: (s.firstLineChars / 100) * s.size * gongwen.TWIPS_PER_PT }
        : undefined,
      spacing: { line: s.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      keepNext: s.keepNext,
      outlineLevel: s.outlineLevel,
    },
  };
}

/** A run's text line by line: `\n` becomes a line break within the paragraph. */
function runs(run: DocRun, extra: IRunOptions = {}): TextRun[] {
  const font = run.as ? { font: fonts(gongwen.STYLES[run.as].font) } : {};
  return run.text
    .split('\n')
    .map((line, i) => new TextRun({ ...extra, ...font, text: line, break: i > 0 ? 1 : undefined }));
}

function paragraph(p: DocParagraph): Paragraph {
  return new Paragraph({
    style: STYLE_IDS[p.style],
    indent: p.indentRight === undefined ? undefined : { right: p.indentRight },
    children: p.runs.flatMap((r) => runs(r)),
  });
}

/**
 * A table cell's paragraph: table text, aligned as the cell says, kept with the next row as the row says (a row is
 * kept with the next only when every paragraph in it is, vertically merged cells included).
 */
function cellParagraph(row: DocRow, cell?: DocCell): Paragraph {
  return new Paragraph({
    style: STYLE_IDS.tableText,
    alignment: ALIGN[cell?.align ?? 'center'],
    // Properties only where they say something: each one is an element of every cell's paragraph.
    keepNext: row.keepNext || undefined,
    children: cell?.text ? runs({ text: cell.text }, cell.bold ? { bold: true } : {}) : [],
  });
}

/**
 * Rows of cells on the grid. A cell spanning rows is a `vMerge` restart, and each row below it gets a continuation
 * cell in its place, written here rather than by the library so that it carries the row's paragraph properties.
 */
function table(t: DocTable): Table {
  const m = gongwen.CELL_MARGIN;
  /** Cells from rows above still covering a column: by first column, the cell and the rows it still covers. */
  const above = new Map<number, { cell: DocCell; rows: number }>();
  const rows = t.rows.map((row) => {
    const cells: TableCell[] = [];
    const own = [...row.cells];
    for (let column = 0; column < t.columns.length;) {
      const from = above.get(column);
      if (from) {
        cells.push(
          new TableCell({
            columnSpan: from.cell.colspan,
            width: { size: from.cell.width, type: WidthType.DXA },
            verticalMerge: VerticalMergeType.CONTINUE,
            verticalAlign: VerticalAlignTable.CENTER,
            children: [cellParagraph(row)],
          }),
        );
        if (--from.rows === 0) above.delete(column);
        column += from.cell.colspan;
        continue;
      }
      const cell = own.shift();
      if (!cell) break;
      cells.push(
        new TableCell({
          columnSpan: cell.colspan,
          width: { size: cell.width, type: WidthType.DXA },
          verticalMerge: cell.rowspan > 1 ? VerticalMergeType.RESTART : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          children: [cellParagraph(row, cell)],
        }),
      );
      if (cell.rowspan > 1) above.set(cell.column, { cell, rows: cell.rowspan - 1 });
      column = cell.column + cell.colspan;
    }
    return new TableRow({ tableHeader: row.header, cantSplit: true, children: cells });
  });
  return new Table({
    width: { size: gongwen.TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...t.columns],
    layout: TableLayoutType.FIXED,
    margins: { left: m.left, right: m.right, top: m.top, bottom: m.bottom },
    rows,
  });
}

/** "— 1 —", one character in from the outer edge: right on odd pages, left on even ones. */
function pageNumber(side: 'right' | 'left'): Footer {
  const inset = gongwen.charWidth('pageNumber');
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_IDS.pageNumber,
        alignment: ALIGN[side],
        indent: side === 'right' ? { right: inset } : { left: inset },
        children: [
          new TextRun({ children: [gongwen.PAGE_NUMBER.before, PageNumber.CURRENT, gongwen.PAGE_NUMBER.after] }),
        ],
      }),
    ],
  });
}

export function docxDocument(doc: OfficialDocument): Document {
  const body = gongwen.STYLES.body;
  return new Document({
    title: doc.title,
    creator: 'nianbao',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fonts(body.font), size: body.size * 2, sizeComplexScript: body.size * 2, language: LANGUAGE },
        },
      },
      paragraphStyles: (Object.keys(STYLE_IDS) as StyleId[]).map(paragraphStyle),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: gongwen.PAGE.width, height: gongwen.PAGE.height },
            margin: { ...gongwen.PAGE.margin, header: gongwen.PAGE.header, footer: gongwen.PAGE.footer },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: doc.blocks.map((b) => (b.kind === 'paragraph' ? paragraph(b) : table(b))),
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function writeDocx(doc: OfficialDocument): Promise<Uint8Array> {
  return Packer.pack(docxDocument(doc), 'uint8array', false, [{ path: FONT_TABLE_PATH, data: fontTableXml() }]);
}
