/**
 * "Fill every blank cell with 0": the fixes of all NB206 findings of one table (or of the report) as one set of
 * edits. Only the blank values change; keys, comments and layout stay.
 */
import type { Analysis } from '../analyze';
import { blankCells, tableIdOf } from '../rules/nb206BlankCell';
import type { TextEdit } from './textEdit';

export function fillBlanksEdits(analysis: Pick<Analysis, 'report'>, table?: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const { row, fill } of blankCells(analysis.report)) {
    if (table !== undefined && tableIdOf(row) !== table) continue;
    const fix = fill.fix;
    const range = fix.kind === 'replaceText' || fix.kind === 'setValue' ? fix.range : undefined;
    if (!range) continue;
    edits.push({ start: range.start, end: range.end, newText: fix.kind === 'replaceText' ? fix.text : '0' });
  }
  return edits;
}
