/**
 * A report as a .docx in the shapes Word writes, made with the `docx` package: the same blocks as the Word page
 * (`wordPage.ts`), tables on the irregular grid with `w:tblGrid` widths, `w:gridSpan` for cells across grid columns
 * and `w:vMerge` restart/continue for cells down rows (the continuing cells written in every row they cover, as Word
 * does).
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { ReportData } from '../../core/src/index';
import type { WordCell, WordTable } from './wordGrid';
import type { WordPageOptions } from './wordPage';
import { wordBlocks } from './wordPage';

/** CSS pixels to twips. */
const TWIPS = 15;

function runs(text: string, size: number, bold = false): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, size, bold, font: '仿宋_GB2312', break: i > 0 ? 1 : 0 }));
}

function cell(c: WordCell, widths: readonly number[], merge?: 'restart' | 'continue'): TableCell {
  const width = widths.slice(c.column, c.column + c.colspan).reduce((a, b) => a + b, 0) * TWIPS;
  const center = c.kind !== 'label';
  return new TableCell({
    children: [
      new Paragraph({
        alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: merge === 'continue' ? [] : runs(c.text, 20, c.kind === 'header' || c.kind === 'caption'),
      }),
    ],
    width: { size: width, type: WidthType.DXA },
    ...(c.colspan > 1 ? { columnSpan: c.colspan } : {}),
    ...(merge ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

function table(t: WordTable): Table {
  // Rows hold their own cells and, for each cell merged down from above, a continuing cell at its place.
  const rows: { c: WordCell; merge?: 'restart' | 'continue' }[][] = t.rows.map((row) =>
    row.map((c) => ({ c, ...(c.rowspan > 1 ? { merge: 'restart' as const } : {}) })),
  );
  t.rows.forEach((row, r) => {
    for (const c of row)
      for (let k = 1; k < c.rowspan && r + k < rows.length; k++) rows[r + k].push({ c, merge: 'continue' });
  });
  for (const row of rows) row.sort((a, b) => a.c.column - b.c.column);
  return new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: t.widths.map((w) => w * TWIPS),
    rows: rows.map((row) => new TableRow({ children: row.map(({ c, merge }) => cell(c, t.widths, merge)) })),
  });
}

/** The .docx bytes of `report`, its tables on irregular grids drawn by `random`. */
export async function wordDocx(
  report: ReportData,
  random: () => number,
  options: WordPageOptions = {},
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of wordBlocks(report, random, options)) {
    switch (block.kind) {
      case 'title':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: runs(block.text, 44, true) }));
        break;
      case 'heading':
        children.push(new Paragraph({ children: runs(`${block.ordinal ?? ''}${block.text}`, 32, true) }));
        break;
      case 'paragraph':
        children.push(
          new Paragraph({
            alignment:
              block.align === 'right'
                ? AlignmentType.RIGHT
                : block.align === 'center'
                  ? AlignmentType.CENTER
                  : AlignmentType.BOTH,
            indent: block.align ? undefined : { firstLine: 640 },
            children: runs(block.text, 32),
          }),
        );
        break;
      case 'blank':
        children.push(new Paragraph({ children: [] }));
        break;
      case 'table':
        children.push(table(block.table));
        break;
    }
  }
  const doc = new Document({ creator: '政务公开办', sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
