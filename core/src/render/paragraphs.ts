/**
 * A narrative section as paragraphs, each with the source range it came from, so that a click on a paragraph in
 * the preview can move the editor there.
 */
import type { Range } from '../diagnostics/diagnostic';
import type { ScalarNode } from '../syntax/tree';

export interface Paragraph {
  /** Lines of the paragraph (a literal block keeps its line breaks). */
  readonly lines: readonly string[];
  readonly range: Range;
}

const BLANK_LINES = /\n(?:[ \t]*\n)+/;

/** Paragraphs of a decoded text: separated by blank lines, outer blank lines dropped. */
export function splitParagraphs(text: string): string[][] {
  return text
    .split(BLANK_LINES)
    .map((p) => p.split('\n').map((l) => l.replace(/\s+$/, '')))
    .map((lines) => {
      let a = 0;
      let b = lines.length;
      while (a < b && lines[a].trim() === '') a++;
      while (b > a && lines[b - 1].trim() === '') b--;
      return lines.slice(a, b);
    })
    .filter((lines) => lines.length > 0);
}

/**
 * Ranges of the runs of non-blank source lines inside a scalar (after a block scalar's header line). For
 * literal and folded blocks and multi-line flow scalars they correspond one to one with the paragraphs of the
 * decoded text; when they do not (escapes such as `\n\n` in a quoted string), every paragraph maps to the whole
 * scalar.
 */
function sourceRuns(source: string, node: ScalarNode): Range[] {
  const runs: Range[] = [];
  let pos = node.start;
  if (node.style === 'literal' || node.style === 'folded') {
    const nl = source.indexOf('\n', pos);
    if (nl < 0 || nl >= node.end) return runs;
    pos = nl + 1;
  }
  let current: { start: number; end: number } | undefined;
  while (pos < node.end) {
    let eol = source.indexOf('\n', pos);
    if (eol < 0 || eol > node.end) eol = node.end;
    const line = source.slice(pos, eol);
    const lead = line.length - line.trimStart().length;
    const content = line.trim();
    if (content === '') {
      if (current) runs.push(current);
      current = undefined;
    } else {
      const end = pos + line.trimEnd().length;
      if (current) current.end = end;
      else current = { start: pos + lead, end };
    }
    pos = eol + 1;
  }
  if (current) runs.push(current);
  return runs;
}

export function paragraphsOf(source: string, node: ScalarNode, text: string): Paragraph[] {
  const paragraphs = splitParagraphs(text);
  const runs = sourceRuns(source, node);
  const whole: Range = { start: node.start, end: node.end };
  return paragraphs.map((lines, i) => ({ lines, range: runs.length === paragraphs.length ? runs[i] : whole }));
}
