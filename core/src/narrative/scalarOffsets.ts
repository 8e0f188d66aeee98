/**
 * Where a character of a scalar's decoded text sits in the document. Narrative findings point at a number inside
 * a block scalar, whose decoded text has lost the indentation (and, for quoted or folded scalars, line breaks
 * and escapes); this aligns the two so that the squiggle lands on the digits the reader typed.
 */
import type { ScalarNode } from '../syntax/tree';
import type { Range } from '../diagnostics/diagnostic';

/** How far ahead the alignment looks for a character before giving up on it (an escape, a folded break). */
const LOOKAHEAD = 24;

/** Offsets into the document for each index of `node.text` (length text.length + 1), aligned greedily. */
export function scalarOffsets(source: string, node: ScalarNode): Int32Array {
  const text = node.text;
  const map = new Int32Array(text.length + 1);
  let start = node.start;
  // Block scalars: the decoded text begins on the line after the header.
  if (node.style === 'literal' || node.style === 'folded') {
    const nl = source.indexOf('\n', node.start);
    start = nl < 0 ? node.end : nl + 1;
  } else if (node.style === 'single' || node.style === 'double') {
    start = node.start + 1;
  }
  const limit = Math.max(node.end, start);
  let p = start;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let q = p;
    const stop = Math.min(limit, p + LOOKAHEAD);
    while (q < stop && source[q] !== c) q++;
    if (q < stop) {
      map[i] = q;
      p = q + 1;
    } else {
      map[i] = p;
    }
  }
  map[text.length] = p;
  return map;
}

/**
 * The document range of `text.slice(start, end)`, when the document shows exactly those characters there;
 * otherwise undefined (the caller falls back to the whole scalar and offers no edit).
 */
export function sourceRange(
  source: string,
  node: ScalarNode,
  offsets: Int32Array,
  start: number,
  end: number,
): Range | undefined {
  const from = offsets[start];
  const to = end > start ? offsets[end - 1] + 1 : from;
  return source.slice(from, to) === node.text.slice(start, end) ? { start: from, end: to } : undefined;
}
