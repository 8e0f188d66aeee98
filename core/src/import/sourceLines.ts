/**
 * The common shape both input kinds are read into: a sequence of lines, each a list of cells. A paragraph is a
 * line of one cell; a table row (HTML `<tr>` with its merged cells resolved, or a tab-separated text line) has
 * one cell per printed cell. Everything after this step works on lines and never sees markup.
 */

export interface Cell {
  /** The cell's text: whitespace collapsed, hard line breaks kept as `\n`. */
  readonly text: string;
  /** The cell started in a row above (`rowspan`): context for this row, not one of its own cells. */
  readonly inherited: boolean;
  /** First grid column the cell covers, and how many (HTML and DOCX tables only: text has no grid to trust). */
  readonly column?: number;
  readonly span?: number;
  /**
   * Where the cell lies across its table, left and right, in the table's own unit (grid column widths of an HTML
   * or DOCX table, points on a PDF page): which template column a value belongs to is read from these.
   */
  readonly x0?: number;
  readonly x1?: number;
}

export interface Line {
  readonly cells: readonly Cell[];
  /** A table row rather than a paragraph. */
  readonly row: boolean;
  /**
   * Ids of the elements around the line, outermost first (HTML only; empty for text). The report's body is the
   * innermost element holding all its section headings; what lies outside it is page furniture.
   */
  readonly scope: readonly number[];
  /** Which table the row belongs to (rows of one grid, or of one PDF table, share it). */
  readonly table?: number;
  /** The cells' extents are where their text stands on a page (PDF), not the edges of grid cells. */
  readonly positioned?: boolean;
  /**
   * A PDF's number tied to no one row: the template labels of the rows it stands beside (two or more), or of the
   * rows above and below it when it stands beside none — so that its note names the rows it may belong to.
   */
  readonly near?: { readonly rows: readonly string[]; readonly beside: boolean };
}

export interface SourceDocument {
  readonly lines: readonly Line[];
  /** The HTML `<title>`, empty for text. */
  readonly title: string;
  readonly kind: SourceKind;
  /**
   * A section's table rows read again from its lines, when lines of text are not rows (a PDF: a row's values may
   * stand between the lines of its wrapped label). `section` is the section's id.
   */
  readonly tableLines?: (lines: readonly Line[], section: string) => Line[];
}

export type SourceKind = 'html' | 'text' | 'docx' | 'pdf';

/** The line's own cells (not those continued from above). */
export function ownCells(line: Line): readonly Cell[] {
  return line.cells.filter((c) => !c.inherited);
}

/** The line as narrative text: a paragraph's text, or a row's own non-empty cells separated by tabs. */
export function lineText(line: Line): string {
  return ownCells(line)
    .map((c) => c.text)
    .filter((t) => t !== '')
    .join('\t');
}

export function isBlankLine(line: Line): boolean {
  return line.cells.every((c) => c.inherited || c.text === '');
}

/** Trim ASCII, no-break and ideographic spaces. */
export function trimSpace(s: string): string {
  return s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}
