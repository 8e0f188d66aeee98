/**
 * Where a printed report's pages end, judged on the PDF read back: no page but the last may end on a section
 * heading, a 第二十条 caption or a table's header row (the reader would find the table on the next page without
 * them), and none may be nearly empty. The texts that must not end a page come from the template model, as the
 * renderers' own do.
 */
import { childrenOf, displayLabel, tableGrid, templateIndex } from '../../core/src/index';
import type { Edition, GroupNode, PlacedNode } from '../../core/src/index';
import type { PdfPage } from './pdfText';
import { lastLine } from './pdfText';

/**
 * Texts that open something the page must not end on: the section headings, the 第二十条 captions, and the first
 * cell of every header row that opens a table or a sub-table (信息内容, the 勾稽 rule block, 行政复议).
 */
export function textsKeptWithNext(edition: Edition): string[] {
  const index = templateIndex(edition);
  const out = new Set<string>();
  for (const placed of childrenOf(index, undefined)) {
    const node = placed.node;
    if (node.kind !== 'text' && node.kind !== 'group') continue;
    out.add(displayLabel(node));
    if (node.kind !== 'group' || !node.table) continue;
    const grid = tableGrid(index, placed as PlacedNode & { node: GroupNode });
    grid.rows.forEach((row, i) => {
      const first = row.cells[0];
      const opens = i === 0 || grid.rows[i - 1].cells[0].kind === 'caption';
      if (first.kind === 'caption' || (opens && (first.kind === 'header' || first.kind === 'corner')))
        out.add(first.text);
    });
  }
  return [...out];
}

/**
 * What is wrong with the page ends: a page (not the last) whose last line starts with a text kept with the next
 * one, or whose content ends above `minFill` of the page height.
 */
export function badPageEnds(pages: readonly PdfPage[], edition: Edition, minFill = 0.6): string[] {
  const kept = textsKeptWithNext(edition);
  const problems: string[] = [];
  pages.slice(0, -1).forEach((page, i) => {
    const { text, bottom } = lastLine(page);
    const starts = kept.find((k) => text.startsWith(k) || (text.length >= 4 && k.startsWith(text)));
    if (starts) problems.push(`page ${i + 1} ends on 「${text}」`);
    if (bottom < minFill)
      problems.push(`page ${i + 1} is nearly empty: its text ends at ${Math.round(bottom * 100)} %`);
  });
  return problems;
}

/** The report with `n` more short paragraphs at the end of 总体情况: every table moves down the pages. */
export function withLongerNarrative(text: string, n: number): string {
  const extra = Array.from({ length: n }, (_, i) => `  补充说明第${i + 1}段。\n\n`).join('');
  return text.replace(/^(总体情况: \|\n)/m, `$1${extra}`);
}
