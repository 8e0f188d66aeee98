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
    // Only the cells whose 0 is right: a blank 四 that the balance gives another value keeps its own finding.
    const fix = fill.fix;
    if (!fix || fill.balance !== undefined) continue;
    if (fix.kind === 'replaceText') edits.push({ start: fix.range.start, end: fix.range.end, newText: fix.text });
    else if (fix.kind === 'setValue') edits.push({ start: fix.range.start, end: fix.range.end, newText: '0' });
  }
  return edits;
}
