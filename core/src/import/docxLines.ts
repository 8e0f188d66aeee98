/**
 * A Word document (.docx) as lines: `word/document.xml` read in document order — paragraphs, and tables on their
 * real grid (`w:tblGrid` widths, `w:gridSpan`, `w:vMerge` continuing a cell downwards, `w:gridBefore`/`w:gridAfter`
 * leaving grid columns empty). Untrusted input: the archive is read with caps on entries and inflated size
 * (`zipEntries.ts`), the XML with saxes, which expands no entity and reads no DTD (a document carrying one is
 * refused: Word never writes one). Deleted text (`w:del`), hidden text (`w:vanish`) and field codes are skipped;
 * drawings and text boxes are not read.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import type { Cell, Line, SourceDocument } from './sourceLines';
import { trimSpace } from './sourceLines';
import { ZipError, readEntry, zipEntries } from './zipEntries';

const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export type DocxProblem = 'notDocx' | 'dtd' | 'xml' | 'tooManyEntries' | 'damaged' | 'tooLarge' | 'encrypted';

export class DocxError extends Error {
  constructor(readonly problem: DocxProblem) {
    super(problem);
  }
}

interface TableCell {
  readonly column: number;
  readonly span: number;
  /** `w:vMerge` without `restart`: the cell above goes on here. */
  readonly continues: boolean;
  readonly text: string;
}

interface TableState {
  widths: number[];
  rows: TableCell[][];
  row: TableCell[] | undefined;
  /** The grid column the next cell of the current row starts at. */
  next: number;
  cell: { span: number; continues: boolean; paragraphs: string[] } | undefined;
  gridAfter: number;
}

/** Skipped with everything inside them. */
const SKIP = new Set([
  'del',
  'instrText',
  'delInstrText',
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  'footnoteReference',
]);

function documentXml(bytes: Uint8Array): Uint8Array {
  try {
    const entries = zipEntries(bytes);
    const main = entries.find((e) => e.name === 'word/document.xml');
    if (!main) throw new DocxError('notDocx');
    return readEntry(bytes, main);
  } catch (error) {
    if (error instanceof ZipError) {
      const problem = error.problem === 'notZip' || error.problem === 'method' ? 'damaged' : error.problem;
      throw new DocxError(problem);
    }
    throw error;
  }
}

/** Whether the zip holds a Word document (its main part). */
export function isDocx(bytes: Uint8Array): boolean {
  try {
    return zipEntries(bytes).some((e) => e.name === 'word/document.xml');
  } catch {
    return false;
  }
}

function gridLines(table: TableState, tableId: number): Line[] {
  const width = Math.max(
    table.widths.length,
    ...table.rows.map((r) => (r.length ? r[r.length - 1].column + r[r.length - 1].span : 0)),
  );
  // Columns without a declared width count one unit each, all of them if any is missing.
  const widths =
    table.widths.length === width && table.widths.every((w) => w > 0)
      ? table.widths
      : Array.from({ length: width }, () => 1);
  const edges = [0];
  for (const w of widths) edges.push(edges[edges.length - 1] + w);
  // A continuing cell shows the text of the cell that started the merge above it.
  const started: (string | undefined)[] = [];
  const lines: Line[] = [];
  for (const row of table.rows) {
    const cells: Cell[] = [];
    for (const cell of row) {
      let text = cell.text;
      if (cell.continues) text = started[cell.column] ?? '';
      else for (let c = cell.column; c < cell.column + cell.span; c++) started[c] = cell.text;
      cells.push({
        text,
        inherited: cell.continues,
        column: cell.column,
        span: cell.span,
        x0: edges[cell.column] ?? cell.column,
        x1: edges[Math.min(cell.column + cell.span, edges.length - 1)] ?? cell.column + cell.span,
      });
    }
    if (cells.length) lines.push({ cells, row: true, scope: [], table: tableId });
  }
  return lines;
}

function attribute(tag: SaxesTagPlain, prefix: string, name: string): string | undefined {
  return tag.attributes[`${prefix}:${name}`] as string | undefined;
}

/** The document's paragraphs and tables as lines, or a DocxError. */
export function docxLines(bytes: Uint8Array): SourceDocument {
  const xml = documentXml(bytes);
  const parser = new SaxesParser({ xmlns: false, position: false });
  const lines: Line[] = [];
  let prefix = 'w';
  const stack: string[] = [];
  let skipDepth = 0;
  let hiddenRun = false;
  let runText: string[] = [];
  let paragraph: string[] | undefined;
  const tables: TableState[] = [];
  let tableIds = 0;
  let inText = false;
  let failed: DocxError | undefined;

  const local = (name: string): string | undefined => {
    const colon = name.indexOf(':');
    return colon >= 0 && name.slice(0, colon) === prefix ? name.slice(colon + 1) : colon < 0 ? name : undefined;
  };
  const endParagraph = (): void => {
    if (!paragraph) return;
    const text = paragraph.join('');
    paragraph = undefined;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.paragraphs.push(text);
    else if (tables.length === 0) {
      for (const part of text.split('\n')) {
        const t = trimSpace(part.replace(/[\t\u00a0]+/g, ' '));
        if (t) lines.push({ cells: [{ text: t, inherited: false }], row: false, scope: [] });
      }
    }
  };

  parser.on('doctype', () => {
    failed ??= new DocxError('dtd');
  });
  parser.on('error', () => {
    failed ??= new DocxError('xml');
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (stack.length === 0) {
      for (const [key, value] of Object.entries(tag.attributes)) {
        if (key.startsWith('xmlns:') && value === MAIN) prefix = key.slice(6);
      }
    }
    stack.push(name);
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    const l = name.includes(':') ? (name.endsWith(':AlternateContent') ? 'AlternateContent' : local(name)) : name;
    if (l === undefined) return;
    if (SKIP.has(l)) {
      skipDepth = 1;
      return;
    }
    const table = tables[tables.length - 1];
    switch (l) {
      case 'p':
        if (paragraph) endParagraph();
        paragraph = [];
        break;
      case 'r':
        hiddenRun = false;
        runText = [];
        break;
      case 'vanish': {
        const v = attribute(tag as SaxesTagPlain, prefix, 'val');
        hiddenRun = v === undefined || !/^(?:0|false|off)$/i.test(v);
        break;
      }
      case 't':
        inText = true;
        break;
      case 'tab':
        if (stack[stack.length - 2]?.endsWith(':r')) runText.push('\t');
        break;
      case 'br':
      case 'cr':
        runText.push('\n');
        break;
      case 'tbl':
        if (paragraph) endParagraph();
        tables.push({ widths: [], rows: [], row: undefined, next: 0, cell: undefined, gridAfter: 0 });
        break;
      case 'gridCol':
        if (table && !table.row) table.widths.push(Number(attribute(tag as SaxesTagPlain, prefix, 'w') ?? 0) || 0);
        break;
      case 'tr':
        if (table) {
          table.row = [];
          table.next = 0;
          table.gridAfter = 0;
        }
        break;
      case 'gridBefore':
        if (table?.row && !table.cell)
          table.next += Math.max(0, Number(attribute(tag as SaxesTagPlain, prefix, 'val')) || 0);
        break;
      case 'gridAfter':
        if (table?.row && !table.cell)
          table.gridAfter = Math.max(0, Number(attribute(tag as SaxesTagPlain, prefix, 'val')) || 0);
        break;
      case 'tc':
        if (table?.row) table.cell = { span: 1, continues: false, paragraphs: [] };
        break;
      case 'gridSpan':
        if (table?.cell)
          table.cell.span = Math.min(100, Math.max(1, Number(attribute(tag as SaxesTagPlain, prefix, 'val')) || 1));
        break;
      case 'vMerge':
        if (table?.cell) table.cell.continues = attribute(tag as SaxesTagPlain, prefix, 'val') !== 'restart';
        break;
    }
  });
  parser.on('text', (text) => {
    if (skipDepth === 0 && inText) runText.push(text);
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    const l = local(tag.name);
    const table = tables[tables.length - 1];
    switch (l) {
      case 't':
        inText = false;
        break;
      case 'r':
        if (!hiddenRun && paragraph) paragraph.push(runText.join(''));
        runText = [];
        break;
      case 'p':
        // Text typed straight into a paragraph's hyperlink or field keeps its runs; a paragraph ends here.
        endParagraph();
        break;
      case 'tc':
        if (table?.row && table.cell) {
          const text = table.cell.paragraphs
            .map((p) => trimSpace(p.replace(/[\t\u00a0]+/g, ' ')))
            .filter((p) => p !== '')
            .join('\n');
          table.row.push({ column: table.next, span: table.cell.span, continues: table.cell.continues, text });
          table.next += table.cell.span;
          table.cell = undefined;
        }
        break;
      case 'tr':
        if (table?.row) {
          table.rows.push(table.row);
          table.row = undefined;
        }
        break;
      case 'tbl': {
        const done = tables.pop();
        if (!done) break;
        const outer = tables[tables.length - 1];
        if (outer?.cell) {
          // A table inside a cell: its text, row by row, becomes the cell's paragraphs.
          for (const row of done.rows)
            outer.cell.paragraphs.push(
              row
                .map((c) => c.text)
                .filter(Boolean)
                .join(' '),
            );
          break;
        }
        const width = Math.max(0, ...done.rows.map((r) => r.reduce((n, c) => Math.max(n, c.column + c.span), 0)));
        if (width > 1) lines.push(...gridLines(done, tableIds++));
        else
          for (const row of done.rows)
            for (const c of row)
              for (const part of c.text.split('\n'))
                if (part) lines.push({ cells: [{ text: part, inherited: false }], row: false, scope: [] });
        break;
      }
    }
  });

  const decoder = new (
    globalThis as unknown as {
      TextDecoder: new (label: string) => { decode(b: Uint8Array): string };
    }
  ).TextDecoder('utf-8');
  try {
    parser.write(decoder.decode(xml)).close();
  } catch {
    failed ??= new DocxError('xml');
  }
  if (failed) throw failed;
  return { lines, title: '', kind: 'docx' };
}
