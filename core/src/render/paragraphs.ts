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

const LEVEL_1 = /^[一二三四五六七八九十]{1,3}、/;
const LEVEL_2 = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
/** Punctuation that ends a sentence or clause: a line holding one before its end is text, not a heading. */
const STOPS = /[。！？；!?;]/;
const MAX_HEADING = 30;
const MAX_LEAD = 25;

/**
 * How a narrative paragraph is set: a heading of the first (一、) or second (（一）) level when it is one short line
 * numbered so, with no sentence inside (`一、总体情况`, `（二）依申请公开`); else body text, whose opening sentence
 * is set as such a heading when it is one (`（一）主动公开。全年…`: `lead` is its length, the 。 included). Only the
 * look changes — 黑体 or 楷体 as GB/T 9704 sets the levels, kept with the next paragraph —, never the text.
 */
export interface ParagraphShape {
  readonly heading?: 1 | 2;
  readonly lead?: { readonly level: 1 | 2; readonly length: number };
}

export function paragraphShape(lines: readonly string[]): ParagraphShape {
  const first = lines[0] ?? '';
  const level = LEVEL_1.test(first) ? 1 : LEVEL_2.test(first) ? 2 : undefined;
  if (!level) return {};
  const trimmed = first.trim();
  if (lines.length === 1 && trimmed.length <= MAX_HEADING && !STOPS.test(trimmed.slice(0, -1)))
    return { heading: level };
  const stop = first.indexOf('。');
  if (stop > 0 && stop < MAX_LEAD && (stop < first.length - 1 || lines.length > 1))
    return { lead: { level, length: stop + 1 } };
  return {};
}
