/**
 * The fastest path: reports are written in a small part of YAML — block mappings of plain keys, one-line plain or
 * quoted scalars, one-line flow sequences of plain scalars (the table rows), literal block scalars (the narrative)
 * and comments. A text made only of that is read here, line by line, straight into the syntax tree, with the
 * canonical ranges of `tree.ts` and the values `parseFast` gives (a property test holds the two to the same tree).
 *
 * Anything else — and anything this reader is not sure of — returns undefined and goes to js-yaml: other
 * constructs (sequences of items, flow mappings, multi-line scalars, folded scalars, tags, anchors, aliases,
 * escapes, directives, several documents), tabs, CR line ends, characters YAML does not allow, and every kind of
 * syntax error. This reader never reports an error: its only verdicts are "this tree" or "ask js-yaml".
 */
import { blockScalarRange } from './geometry';
import { resolveScalar } from './resolveScalar';
import { scan } from './scan';
import type { MapNode, PairNode, ScalarNode, SeqNode, YamlNode } from './tree';

/** Nesting deeper than any report (its tables are four levels deep) is left to js-yaml and its depth limit. */
const MAX_LEVELS = 16;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;

/** Characters a plain scalar may not start with here (YAML indicators, quotes; `-` only when it starts `- `). */
function badPlainStart(c: number, next: number): boolean {
  switch (c) {
    case 0x2d: // -
      return next === SPACE || next !== next; // `- ` is a sequence item (NaN: end of the text)
    case 0x3f: // ?
    case 0x3a: // :
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x27: // '
    case 0x22: // "
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return true;
    default:
      return false;
  }
}

/**
 * A plain scalar on one line from `start` to `end` (already without trailing spaces): undefined when it is not
 * one this reader accepts (an indicator first, `: ` or ` #` inside, a flow bracket, a document marker).
 */
function plainScalar(text: string, start: number, end: number, flow = false): ScalarNode | undefined {
  if (end <= start) return undefined;
  if (badPlainStart(text.charCodeAt(start), text.charCodeAt(start + 1))) return undefined;
  // A short run of ASCII digits (most cells) is read as it is checked.
  let digits = end - start <= 15;
  let number = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      number = number * 10 + (c - 0x30);
      continue;
    }
    digits = false;
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) return undefined;
    // In a flow sequence a `#`, a `:` or a quote anywhere is left to js-yaml.
    if (c === COLON && (flow || i + 1 === end || text.charCodeAt(i + 1) === SPACE)) return undefined;
    if (c === HASH && (flow || text.charCodeAt(i - 1) === SPACE)) return undefined;
    if (flow && (c === 0x22 || c === 0x27)) return undefined;
  }
  const value = text.slice(start, end);
  return {
    kind: 'scalar',
    style: 'plain',
    text: value,
    value: digits ? number : resolveScalar(value, 'plain', undefined),
    empty: false,
    start,
    end,
  };
}

/** End of the content of a line part: before trailing spaces and a ` #` comment. */
function contentEnd(text: string, from: number, lineEnd: number): number {
  let end = lineEnd;
  for (let i = from + 1; i < lineEnd; i++) {
    if (text.charCodeAt(i) === HASH && text.charCodeAt(i - 1) === SPACE) {
      end = i;
      break;
    }
  }
  while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** Nothing but spaces, and perhaps a comment after at least one of them, from `from` to the end of the line. */
function onlyTrivia(text: string, from: number, lineEnd: number): boolean {
  let i = from;
  while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
  return i === lineEnd || (text.charCodeAt(i) === HASH && i > from);
}

/** A quoted scalar `'…'` or `"…"` closed on its line, without escapes; its end, or undefined. */
function quotedScalar(text: string, start: number, lineEnd: number): ScalarNode | undefined {
  const quote = text.charCodeAt(start);
  const close = text.indexOf(String.fromCharCode(quote), start + 1);
  if (close < 0 || close >= lineEnd) return undefined;
  if (quote === 0x27 && text.charCodeAt(close + 1) === 0x27) return undefined; // '' is an escaped quote
  const inner = text.slice(start + 1, close);
  if (quote === 0x22 && inner.includes('\\')) return undefined;
  if (!onlyTrivia(text, close + 1, lineEnd)) return undefined;
  const style = quote === 0x22 ? 'double' : 'single';
  return {
    kind: 'scalar',
    style,
    text: inner,
    value: resolveScalar(inner, style, undefined),
    empty: false,
    start,
    end: close + 1,
  };
}

/** `[a, b, c]` on one line, items plain scalars; undefined for anything else. */
function flowSequence(text: string, start: number, lineEnd: number): SeqNode | undefined {
  const close = text.indexOf(']', start + 1);
  if (close < 0 || close >= lineEnd || !onlyTrivia(text, close + 1, lineEnd)) return undefined;
  const items: YamlNode[] = [];
  let from = start + 1;
  while (from < close && text.charCodeAt(from) === SPACE) from++;
  if (from < close) {
    for (;;) {
      const comma = text.indexOf(',', from);
      const to = comma < 0 || comma > close ? close : comma;
      let end = to;
      while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
      const item = plainScalar(text, from, end, true);
      if (!item) return undefined;
      items.push(item);
      if (to === close) break;
      from = to + 1;
      while (from < close && text.charCodeAt(from) === SPACE) from++;
      if (from === close) return undefined; // a trailing comma
    }
  }
  return { kind: 'seq', flow: true, items, start, end: close + 1 };
}

interface Frame {
  readonly indent: number;
  readonly items: PairNode[];
  /** The key whose value this frame is (undefined for the root). */
  readonly key: ScalarNode | undefined;
}

/**
 * The tree of a text in the common form of a report, or undefined when the text needs js-yaml (see above).
 * An empty document (comments only) also goes to js-yaml.
 */
export function parseCommon(text: string, scanned?: { readonly unsupported: boolean }): YamlNode | undefined {
  // `scanned`: the caller already looked at every character (`parse` does, once, for all its checks).
  if ((scanned ?? scan(text)).unsupported) return undefined;
  const length = text.length;
  const stack: Frame[] = [];
  /** A key written as `key:` with nothing after it: its value is the mapping below it, or empty. */
  let open: { key: ScalarNode; colon: number; indent: number } | undefined;

  /** Ends the innermost mapping: it becomes the value of its key in the mapping around it (or is the root). */
  const closeFrame = (): MapNode => {
    const frame = stack.pop() as Frame;
    const map: MapNode = {
      kind: 'map',
      flow: false,
      items: frame.items,
      start: frame.items[0].start,
      end: frame.items[frame.items.length - 1].end,
    };
    const parent = stack[stack.length - 1];
    if (parent && frame.key) parent.items.push({ key: frame.key, value: map, start: frame.key.start, end: map.end });
    return map;
  };
  const emptyValue = (): void => {
    if (!open) return;
    const at = open.colon + 1;
    const value: ScalarNode = {
      kind: 'scalar',
      style: 'plain',
      text: '',
      value: null,
      empty: true,
      start: at,
      end: at,
    };
    stack[stack.length - 1].items.push({ key: open.key, value, start: open.key.start, end: at });
    open = undefined;
  };

  let pos = 0;
  while (pos < length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    let indent = 0;
    while (pos + indent < lineEnd && text.charCodeAt(pos + indent) === SPACE) indent++;
    const first = pos + indent;
    // Blank and comment lines.
    if (first === lineEnd || text.charCodeAt(first) === HASH) {
      pos = lineEnd + 1;
      continue;
    }
    // Document markers and directives at the start of a line.
    if (
      indent === 0 &&
      (text.startsWith('---', first) || text.startsWith('...', first) || text.charCodeAt(first) === 0x25)
    )
      return undefined;

    if (open) {
      if (indent > open.indent) {
        if (stack.length >= MAX_LEVELS) return undefined;
        stack.push({ indent, items: [], key: open.key });
        open = undefined;
      } else {
        emptyValue();
      }
    } else if (stack.length === 0) {
      if (indent !== 0) return undefined;
      stack.push({ indent: 0, items: [], key: undefined });
    } else if (indent > stack[stack.length - 1].indent) {
      return undefined; // indented under a key that already has its value
    }
    // The root is at indent 0, so a dedent always ends at a mapping still open.
    while (indent < stack[stack.length - 1].indent) closeFrame();
    if (indent !== stack[stack.length - 1].indent) return undefined;

    // `key:` — the first colon followed by a space or the end of the line.
    let colon = -1;
    for (let i = first; i < lineEnd; i++) {
      if (text.charCodeAt(i) === COLON && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) {
        colon = i;
        break;
      }
    }
    if (colon <= first || text.charCodeAt(colon - 1) === SPACE) return undefined;
    const key = plainScalar(text, first, colon);
    if (!key) return undefined;

    let v = colon + 1;
    while (v < lineEnd && text.charCodeAt(v) === SPACE) v++;
    if (v === lineEnd || (text.charCodeAt(v) === HASH && v > colon + 1)) {
      open = { key, colon, indent };
      pos = lineEnd + 1;
      continue;
    }
    const c = text.charCodeAt(v);
    let value: YamlNode | undefined;
    let next = lineEnd + 1;
    if (c === 0x5b) {
      value = flowSequence(text, v, lineEnd);
    } else if (c === 0x22 || c === 0x27) {
      value = quotedScalar(text, v, lineEnd);
    } else if (c === 0x7c) {
      const block = literalBlock(text, v, lineEnd, indent);
      if (block) [value, next] = block;
    } else {
      value = plainScalar(text, v, contentEnd(text, v, lineEnd));
    }
    if (!value) return undefined;
    stack[stack.length - 1].items.push({ key, value, start: key.start, end: value.end });
    pos = next;
  }
  if (stack.length === 0) return undefined; // nothing but comments: js-yaml says what that is
  emptyValue();
  let root = closeFrame();
  while (stack.length > 0) root = closeFrame();
  return root;
}

/**
 * A literal block scalar `|` or `|-` whose header is at `start` on a line ending at `lineEnd`, for a key at
 * `keyIndent`: the node and where the next line after it starts; undefined for what this reader leaves alone
 * (keep chomping, indentation indicators, content lines at an ambiguous indentation, spaces-only lines deeper
 * than the content).
 */
function literalBlock(
  text: string,
  start: number,
  lineEnd: number,
  keyIndent: number,
): [ScalarNode, number] | undefined {
  let h = start + 1;
  const strip = text.charCodeAt(h) === 0x2d;
  if (strip) h++;
  if (h < lineEnd && text.charCodeAt(h) !== SPACE) return undefined;
  if (!onlyTrivia(text, h, lineEnd)) return undefined;
  const length = text.length;
  const lines: string[] = [];
  let contentIndent = -1;
  /** Where the last non-blank content line ends, and the line start after the scalar. */
  let lastContentEnd = -1;
  let lastContentLine = -1;
  let pos = lineEnd + 1;
  let after = length + 1;
  while (pos <= length) {
    if (pos === length) {
      after = pos;
      break;
    }
    let end = text.indexOf('\n', pos);
    if (end < 0) end = length;
    let indent = 0;
    while (pos + indent < end && text.charCodeAt(pos + indent) === SPACE) indent++;
    if (pos + indent === end) {
      // A spaces-only line: an empty line of the scalar, unless deeper than its content (left to js-yaml).
      if (contentIndent >= 0 ? indent > contentIndent : indent > keyIndent) return undefined;
      lines.push('');
      pos = end + 1;
      continue;
    }
    if (contentIndent < 0) {
      if (indent <= keyIndent) {
        after = pos;
        break;
      }
      contentIndent = indent;
    } else if (indent < contentIndent) {
      if (indent > keyIndent) return undefined;
      after = pos;
      break;
    }
    lines.push(text.slice(pos + contentIndent, end));
    lastContentEnd = end;
    lastContentLine = lines.length;
    pos = end + 1;
  }
  if (pos > length) after = length;
  // The lines of the scalar end with its last non-blank one; one final line break is kept unless `|-` (js-yaml
  // adds it also when the text ends on that line).
  const content = lastContentLine < 0 ? [] : lines.slice(0, lastContentLine);
  let value = content.join('\n');
  if (!strip && content.length > 0) value += '\n';
  const [rangeStart, rangeEnd] = blockScalarRange(text, start, lastContentEnd < 0 ? lineEnd : lastContentEnd);
  const node: ScalarNode = {
    kind: 'scalar',
    style: 'literal',
    text: value,
    value,
    empty: false,
    start: rangeStart,
    end: rangeEnd,
  };
  return [node, after];
}
