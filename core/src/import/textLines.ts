/**
 * Plain text (copied from a page or a PDF) as lines. A tab separates the cells of a table row; a line without
 * tabs is a paragraph, which the table readers may still split into a label and a run of numbers.
 */
import type { Line, SourceDocument } from './sourceLines';
import { trimSpace } from './sourceLines';

export function textLines(text: string): SourceDocument {
  const lines: Line[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (trimSpace(raw) === '') continue;
    if (raw.includes('\t')) {
      lines.push({
        cells: raw.split('\t').map((t) => ({ text: trimSpace(t), inherited: false })),
        row: true,
        scope: [],
      });
    } else {
      lines.push({ cells: [{ text: trimSpace(raw), inherited: false }], row: false, scope: [] });
    }
  }
  return { lines, title: '', kind: 'text' };
}
