/**
 * Source-text rules that put both parsers' nodes on the same canonical ranges (see `tree.ts`). Each function
 * reads only the source, so the two tree builders agree by construction.
 */

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Skip spaces, line breaks and `#` comments from `pos`. */
export function skipTrivia(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 0x23 /* # */ && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else {
      break;
    }
  }
  return i;
}

/** Offset right after the indicator `ch` (`:` or `-`) found at or after `from` past trivia, or `from`. */
export function afterIndicator(text: string, from: number, ch: ':' | '-'): number {
  const i = skipTrivia(text, from);
  return text[i] === ch ? i + 1 : from;
}

/** Position of the `|`/`>` header of a block scalar, searched from `from` (after the key, dash, tag or anchor). */
export function blockIndicator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '|' || c === '>') return i;
    if (c === '\n') break;
  }
  return from;
}

/**
 * Canonical range of a block scalar: from its indicator to the end of its last non-blank content line, or to
 * the end of the header indicators (`|+2`) when it has no content.
 */
export function blockScalarRange(text: string, indicator: number, rawEnd: number): [number, number] {
  let headerEnd = indicator + 1;
  while (headerEnd < text.length && headerEnd < indicator + 3 && /[-+1-9]/.test(text[headerEnd])) headerEnd++;
  const newline = text.indexOf('\n', indicator);
  const contentStart = newline < 0 ? text.length : newline + 1;
  let end = Math.min(rawEnd, text.length);
  while (end > contentStart && isSpace(text.charCodeAt(end - 1))) end--;
  return [indicator, end > contentStart ? end : headerEnd];
}

/** End of a flow collection: after its closing bracket, searched from the end of its last item. */
export function flowEnd(text: string, from: number, close: ']' | '}'): number {
  let i = from;
  while (i < text.length) {
    i = skipTrivia(text, i);
    const c = text[i];
    if (c === close) return i + 1;
    if (c === ',') {
      i++;
      continue;
    }
    break;
  }
  return from;
}

/** Trim trailing whitespace of a range end (never below `start`). */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}
