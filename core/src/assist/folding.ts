/** Foldable regions: every multi-line mapping value and block scalar, and runs of comment lines. */
import type { ParsedDocument, YamlNode } from '../syntax/tree';

export interface FoldRegion {
  /** Offset on the first line (the key). */
  readonly start: number;
  /** Offset on the last line. */
  readonly end: number;
  readonly kind?: 'comment';
}

export function foldingRegions(doc: ParsedDocument): FoldRegion[] {
  const out: FoldRegion[] = [];
  const text = doc.text;
  const visit = (node: YamlNode | null): void => {
    if (!node) return;
    if (node.kind === 'map') {
      for (const pair of node.items) {
        const v = pair.value;
        if (
          v &&
          ((v.kind === 'map' && !v.flow) || (v.kind === 'scalar' && (v.style === 'literal' || v.style === 'folded')))
        ) {
          if (text.slice(pair.key.start, v.end).includes('\n')) out.push({ start: pair.key.start, end: v.end });
        }
        visit(v);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.root);
  // Runs of two or more comment lines (a file header, notes above a table).
  let runStart = -1;
  let runEnd = -1;
  let runLines = 0;
  let pos = 0;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('#')) {
      if (runLines === 0) runStart = pos;
      runEnd = pos + line.length;
      runLines++;
    } else {
      if (runLines >= 2) out.push({ start: runStart, end: runEnd, kind: 'comment' });
      runLines = 0;
    }
    pos += line.length + 1;
  }
  if (runLines >= 2) out.push({ start: runStart, end: runEnd, kind: 'comment' });
  return out.sort((a, b) => a.start - b.start);
}
