/**
 * The fastest path: reports are written in a small part of YAML — block mappings of plain keys, one-line plain or
 * quoted scalars, one-line flow sequences of plain scalars (the table rows), literal block scalars (the narrative)
 * and comments. A text made only of that is read here, line by line, straight into the syntax tree, with the
 * canonical ranges of `tree.ts` and the values `parseFast` gives (a property test holds the two to the same tree).
 *
 * Anything else — and anything this reader is not sure of — returns undefined and goes to js-yaml: other
 * constructs (sequences of items, flow mappings, multi-line scalars, folded scalars, tags, anchors, aliases,
 * escapes, directives, several documents), tabs but in a broken line's indentation or a block scalar's text, CR
 * line ends, characters YAML does not allow, and the syntax errors it does not know (`readCommon` lists those it
 * does: a broken line of the common form is reported and read as its repair would be, and the rest of the
 * report is read as usual). Its verdicts are "this tree", "this tree around these broken lines", or "ask js-yaml".
 */
import { blockScalarRange } from './geometry';
import { resolveScalar } from './resolveScalar';
import { scan } from './scan';
import type { Scan } from './scan';
import type { MapNode, PairNode, ScalarNode, SeqNode, SyntaxError, YamlNode } from './tree';

/** Nesting deeper than any report (its tables are four levels deep) is left to js-yaml and its depth limit. */
const MAX_LEVELS = 16;

const SPACE = 0x20;
const HASH = 0x23;
const TAB = 0x09;
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

/** Numbers below this written without leading zeros share their text (`NUMBER_TEXT`). */
const SMALL_NUMBERS = 1000;
const NUMBER_TEXT: string[] = [];

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
  // Most cells are small numbers written plainly: one string each, shared, instead of a copy per cell.
  const value =
    digits && number < SMALL_NUMBERS && (end - start === 1 || text.charCodeAt(start) !== 0x30)
      ? (NUMBER_TEXT[number] ??= String(number))
      : text.slice(start, end);
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
  if (quote === 0x22 && text.lastIndexOf('\\', close) > start) return undefined;
  if (!onlyTrivia(text, close + 1, lineEnd)) return undefined;
  return quotedNode(text, start, close, close + 1);
}

/** The scalar of a quote at `start` whose text ends at `close` (the node ends at `end`). */
function quotedNode(text: string, start: number, close: number, end: number): ScalarNode {
  const inner = text.slice(start + 1, close);
  const style = text.charCodeAt(start) === 0x22 ? 'double' : 'single';
  return {
    kind: 'scalar',
    style,
    text: inner,
    value: resolveScalar(inner, style, undefined),
    empty: false,
    start,
    end,
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

/** What the line reader read: the tree, and the lines it found broken (empty for a text in the common form). */
export interface CommonRead {
  readonly root: YamlNode;
  readonly errors: readonly SyntaxError[];
}

/**
 * The tree of a text in the common form of a report, or undefined when the text needs js-yaml (see above).
 * An empty document (comments only) also goes to js-yaml. A text with a broken line is left to js-yaml too: see
 * `readCommon` for the reader that recovers from one.
 */
export function parseCommon(text: string, scanned?: Pick<Scan, 'unsupported' | 'tabs'>): YamlNode | undefined {
  const read = readCommon(text, scanned);
  return read && read.errors.length === 0 ? read.root : undefined;
}

const MISSING_COLON = 'Implicit map keys need to be followed by map values';
const TAB_INDENT = 'Tabs are not allowed as indentation';
const MISPLACED_KEY = 'All mapping items must start at the same column';
const MISPLACED_TEXT = 'Block scalar lines must not be less indented than their first line';
const UNCLOSED_FLOW = 'Flow sequence in block collection must be sufficiently indented and end with a ]';

/** Records a broken line's error: where the line is, where the error is, and the recovering parser's code and words. */
type Report = (lineStart: number, lineEnd: number, start: number, end: number, code: string, detail: string) => void;

/**
 * `parseCommon`, recovering from the mistakes people make in a report's lines — each reported on its line (with
 * the `yaml` package's code and wording, so that messages and repairs read them as before) and read as the
 * repair would make it, so that the rest of the report is still checked:
 *
 * - a row `[1, 2, 3` whose `]` is missing, followed by a line indented no deeper than its key (or by nothing):
 *   the values before the end of the line (a comment aside);
 * - a quoted value whose closing quote is missing, in the same place: the text to the end of the line;
 * - a key line without its colon where a key belongs (`key`, `key [1, 2]`, `key |`): the key, its row or text,
 *   or the mapping of the deeper lines below it;
 * - a key line deeper than its neighbours after a complete value, or between two levels: a key of the mapping
 *   it falls into;
 * - a key line indented with a tab: a key beside the line before it, or the first key under an open one;
 * - a line of a block of text (`|`) less indented than the block's first line, or indented with a tab: a line of
 *   the text.
 *
 * Each of these lines is broken whatever follows it, in YAML's grammar; `parse` still has js-yaml confirm that
 * the text is broken no later than the first of them. Anything else unusual leaves the text to js-yaml and the
 * `yaml` package, as before. Errors on a line right after one with an error are dropped as echoes, as the
 * recovering parser's are.
 */
export function readCommon(text: string, scanned?: Pick<Scan, 'unsupported' | 'tabs'>): CommonRead | undefined {
  // `scanned`: the caller already looked at every character (`parse` does, once, for all its checks).
  const { unsupported, tabs } = scanned ?? scan(text);
  if (unsupported) return undefined;
  const length = text.length;
  const stack: Frame[] = [];
  const errors: SyntaxError[] = [];
  /** A key written as `key:` with nothing after it (or without its colon): its value is the mapping below it, or empty. */
  let open: { key: ScalarNode; at: number; indent: number } | undefined;
  /** The line of the last error, and the line after it: errors there are echoes of it. */
  let errorLine = -1;
  let afterErrorLine = -1;
  const report: Report = (lineStart, lineEnd, start, end, code, detail) => {
    if (lineStart !== errorLine && lineStart !== afterErrorLine)
      errors.push({ kind: 'syntax', start, end, detail, code });
    errorLine = lineStart;
    afterErrorLine = lineEnd + 1;
  };

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
    const at = open.at;
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
    let first = pos + indent;
    /** Where a tab in the line's indentation is. */
    let tabAt = -1;
    if (tabs && first < lineEnd && text.charCodeAt(first) === TAB) {
      const f = afterWhitespace(text, first, lineEnd);
      // Whitespace alone, or a comment after a tab: separation YAML may allow; js-yaml decides.
      if (f === lineEnd || text.charCodeAt(f) === HASH) return undefined;
      tabAt = first;
      first = f;
    }
    // Blank and comment lines.
    if (first === lineEnd || text.charCodeAt(first) === HASH) {
      pos = lineEnd + 1;
      continue;
    }
    // A tab inside a line (before a comment, in a value) is left to js-yaml; only block scalars' text takes them here.
    if (tabs && tabWithin(text, first, lineEnd)) return undefined;
    // Document markers and directives at the start of a line.
    if (
      indent === 0 &&
      tabAt < 0 &&
      (text.startsWith('---', first) || text.startsWith('...', first) || text.charCodeAt(first) === 0x25)
    )
      return undefined;

    if (tabAt >= 0) {
      report(pos, lineEnd, tabAt, tabAt + 1, 'TAB_AS_INDENT', TAB_INDENT);
      // How wide the tab was meant to be is not in the text: beside the line before, or under the open key.
      indent = open ? childIndent(text, lineEnd + 1, open.indent) : stack.length ? stack[stack.length - 1].indent : 0;
    }
    /** This line starts a mapping: the document's, or the open key's above it. */
    let opened = false;
    /** Indented as no key of an open mapping is: deeper than its neighbours after a complete value, or between two levels. */
    let misplaced = false;
    if (open) {
      if (indent > open.indent) {
        if (stack.length >= MAX_LEVELS) return undefined;
        stack.push({ indent, items: [], key: open.key });
        open = undefined;
        opened = true;
      } else {
        emptyValue();
      }
    } else if (stack.length === 0) {
      if (indent !== 0) {
        // The document's mapping indented as a whole is YAML; its first key alone indented is not.
        const next = nextIndent(text, lineEnd + 1);
        if (next < 0 || next >= indent) return undefined;
        misplaced = true;
      }
      stack.push({ indent: 0, items: [], key: undefined });
      opened = true;
    }
    if (misplaced || (!opened && indent > stack[stack.length - 1].indent)) {
      misplaced = true;
    } else {
      // The root is at indent 0, so a dedent always ends at a mapping still open.
      while (indent < stack[stack.length - 1].indent) closeFrame();
      misplaced = indent !== stack[stack.length - 1].indent;
    }
    /** The indentation of the mapping the line's key goes into. */
    const level = stack[stack.length - 1].indent;

    // `key:` — the first colon followed by a space or the end of the line.
    const colon = keyColon(text, first, lineEnd);
    if (colon < 0) {
      // No colon: a plain value's next line, where a value may continue; where a key belongs, a key without its
      // colon (being typed, most often), read as if it had one. Right under an open key (or first in the
      // document) it is that key's value, unless a key line follows at its indentation or deeper (which no value
      // can hold).
      if (misplaced || (opened && !keyLineFollows(text, lineEnd + 1, indent))) return undefined;
      const end = contentEnd(text, first, lineEnd);
      const read = keyWithoutColon(text, first, end, lineEnd, level);
      if (!read) return undefined;
      report(pos, lineEnd, first, end, 'MISSING_CHAR', MISSING_COLON);
      if (read.value) {
        stack[stack.length - 1].items.push({
          key: read.key,
          value: read.value,
          start: read.key.start,
          end: read.value.end,
        });
        pos = read.next;
      } else {
        open = { key: read.key, at: end, indent };
        pos = lineEnd + 1;
      }
      continue;
    }
    if (colon <= first || text.charCodeAt(colon - 1) === SPACE) return undefined;
    const key = plainScalar(text, first, colon);
    if (!key) return undefined;
    if (misplaced) report(pos, lineEnd, key.start, key.end, 'BAD_INDENT', MISPLACED_KEY);

    let v = colon + 1;
    while (v < lineEnd && text.charCodeAt(v) === SPACE) v++;
    if (v === lineEnd || (text.charCodeAt(v) === HASH && v > colon + 1)) {
      open = { key, at: colon + 1, indent: misplaced ? level : indent };
      pos = lineEnd + 1;
      continue;
    }
    const c = text.charCodeAt(v);
    let value: YamlNode | undefined;
    let next = lineEnd + 1;
    if (c === 0x5b) {
      value = flowSequence(text, v, lineEnd);
      if (!value && unclosedHere(text, v, lineEnd, level, 0x5d)) {
        value = unclosedFlow(text, v, lineEnd);
        if (value) report(pos, lineEnd, v, trimEnd(text, v, lineEnd), 'BAD_INDENT', UNCLOSED_FLOW);
      }
    } else if (c === 0x22 || c === 0x27) {
      value = quotedScalar(text, v, lineEnd);
      if (!value && unclosedHere(text, v, lineEnd, level, c)) {
        value = unclosedQuote(text, v, lineEnd);
        if (value)
          report(pos, lineEnd, v, trimEnd(text, v, lineEnd), 'MISSING_CHAR', `Missing closing ${text[v]}quote`);
      }
    } else if (c === 0x7c) {
      const block = literalBlock(text, v, lineEnd, level, tabs, report);
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
  return { root, errors };
}

/**
 * The first colon followed by a space or the end of the line, between `from` and `lineEnd`, before a comment;
 * -1 when none.
 */
function keyColon(text: string, from: number, lineEnd: number): number {
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) return i;
    if (c === HASH && i > from && text.charCodeAt(i - 1) === SPACE) return -1;
  }
  return -1;
}

/**
 * A key line written without its colon, its content from `first` to `end`: `key [1, 2]` (a row), `key |` (a block
 * of text) or `key` alone (its value, if any, below it). Undefined when the key is not a plain scalar of this reader.
 */
function keyWithoutColon(
  text: string,
  first: number,
  end: number,
  lineEnd: number,
  level: number,
): { key: ScalarNode; value?: YamlNode; next: number } | undefined {
  const last = text.charCodeAt(end - 1);
  const bar = last === 0x7c ? end - 1 : last === 0x2d && text.charCodeAt(end - 2) === 0x7c ? end - 2 : -1;
  if (bar > first && text.charCodeAt(bar - 1) === SPACE) {
    const key = plainScalar(text, first, trimEnd(text, first, bar));
    const block = key && literalBlock(text, bar, lineEnd, level, false, undefined);
    return key && block ? { key, value: block[0], next: block[1] } : undefined;
  }
  if (last === 0x5d) {
    const bracket = text.indexOf('[', first);
    if (bracket > first && bracket < end && text.charCodeAt(bracket - 1) === SPACE) {
      const key = plainScalar(text, first, trimEnd(text, first, bracket));
      const row = key && flowSequence(text, bracket, lineEnd);
      return key && row ? { key, value: row, next: lineEnd + 1 } : undefined;
    }
  }
  const key = plainScalar(text, first, end);
  return key && { key, next: lineEnd + 1 };
}

/** After the spaces and tabs from `from`. */
function afterWhitespace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  return i;
}

/** A tab between `from` and `to`. */
function tabWithin(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === TAB) return true;
  return false;
}

/**
 * Indentation (spaces) of the next line from `from` that is neither blank nor a comment; -1 at the end of the
 * text, -2 for a line indented with a tab.
 */
function nextIndent(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    let i = pos;
    while (i < text.length && text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === TAB) return -2;
    if (i < text.length && c !== 0x0a && c !== HASH) return i - pos;
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    pos = nl + 1;
  }
  return -1;
}

/** The next line that is not blank or a comment is indented at least `indent` and holds a key's colon. */
function keyLineFollows(text: string, from: number, indent: number): boolean {
  const next = nextIndent(text, from);
  if (next < indent) return false;
  for (let pos = from; pos < text.length;) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    let i = pos;
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    if (i < lineEnd && text.charCodeAt(i) !== HASH) return keyColon(text, i, contentEnd(text, i, lineEnd)) > i;
    pos = lineEnd + 1;
  }
  return false;
}

/** The indentation of a line of tabs under a key open at `parent`: the next line's when it is deeper, else one more. */
function childIndent(text: string, from: number, parent: number): number {
  const next = nextIndent(text, from);
  return next > parent ? next : parent + 1;
}

/**
 * Whether a flow sequence or quoted scalar opened at `at` is left open on its line for good: its closing `close`
 * is not on the line, and the next line is indented no deeper than the key's mapping (or there is none) — where
 * YAML would need it deeper to go on.
 */
function unclosedHere(text: string, at: number, lineEnd: number, level: number, close: number): boolean {
  for (let i = at + 1; i < lineEnd; i++) if (text.charCodeAt(i) === close) return false;
  const next = nextIndent(text, lineEnd + 1);
  return next === -1 || (next >= 0 && next <= level);
}

/** `[a, b` left open (see `readCommon`): its plain values up to a comment or the end of the line, a last comma allowed. */
function unclosedFlow(text: string, start: number, lineEnd: number): SeqNode | undefined {
  let close = lineEnd;
  for (let i = start + 1; i < lineEnd; i++) {
    if (text.charCodeAt(i) === HASH && text.charCodeAt(i - 1) === SPACE) {
      close = i;
      break;
    }
  }
  const items: YamlNode[] = [];
  let from = start + 1;
  let last = start + 1;
  for (;;) {
    while (from < close && text.charCodeAt(from) === SPACE) from++;
    if (from >= close) break;
    const comma = text.indexOf(',', from);
    const to = comma < 0 || comma > close ? close : comma;
    let end = to;
    while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
    const item = plainScalar(text, from, end, true);
    if (!item) return undefined;
    items.push(item);
    last = to === close ? end : to + 1;
    if (to === close) break;
    from = to + 1;
  }
  return { kind: 'seq', flow: true, items, start, end: last };
}

/** A quoted value left open (see `readCommon`): the text to a comment or the end of the line, without escapes. */
function unclosedQuote(text: string, start: number, lineEnd: number): ScalarNode | undefined {
  const quote = text.charCodeAt(start);
  let close = lineEnd;
  for (let i = start + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && quote === 0x22) return undefined; // an escape: what it means is js-yaml's to say
    if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
      close = i;
      break;
    }
  }
  while (close > start + 1 && text.charCodeAt(close - 1) === SPACE) close--;
  return quotedNode(text, start, close, close);
}

/** The end of a line's content from `from`: before trailing spaces. */
function trimEnd(text: string, from: number, lineEnd: number): number {
  let end = lineEnd;
  while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/**
 * A literal block scalar `|` or `|-` whose header is at `start` on a line ending at `lineEnd`, for a key of the
 * mapping at `keyIndent`: the node and where the next line after it starts; undefined for what this reader leaves
 * alone (keep chomping, indentation indicators, a first content line indented more than the ones after it
 * without `report`, spaces-only lines deeper than the content). With `report`, a line of text less indented
 * than the first one (or, when `tabs`, indented with a tab), but not a key line, is reported and read as text.
 */
function literalBlock(
  text: string,
  start: number,
  lineEnd: number,
  keyIndent: number,
  tabs: boolean,
  report: Report | undefined,
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
    let from = pos + contentIndent;
    if (contentIndent >= 0 && indent < contentIndent) {
      // Less indented than the first line: the block ends, or (between the key and the text, or with a tab) a
      // line of text indented wrongly, or the next key indented wrongly (the caller reports that).
      const tab = tabs && text.charCodeAt(pos + indent) === TAB;
      if (!tab && indent <= keyIndent) {
        after = pos;
        break;
      }
      if (report === undefined) return undefined;
      const f = tab ? afterWhitespace(text, pos + indent, end) : pos + indent;
      if (f === end || text.charCodeAt(f) === HASH || keyColon(text, f, end) >= 0) {
        after = pos;
        break;
      }
      report(
        pos,
        end,
        pos + indent,
        pos + indent + 1,
        tab ? 'TAB_AS_INDENT' : 'BAD_INDENT',
        tab ? TAB_INDENT : MISPLACED_TEXT,
      );
      from = f;
    } else if (contentIndent < 0) {
      if (indent <= keyIndent) {
        // The first line of text indented with a tab (not a key): reported, and read as text.
        const f =
          tabs && report && text.charCodeAt(pos + indent) === TAB ? afterWhitespace(text, pos + indent, end) : -1;
        if (f < 0 || f === end || text.charCodeAt(f) === HASH || keyColon(text, f, end) >= 0) {
          after = pos;
          break;
        }
        report?.(pos, end, pos + indent, pos + indent + 1, 'TAB_AS_INDENT', TAB_INDENT);
        lines.push(text.slice(f, end));
        lastContentEnd = end;
        lastContentLine = lines.length;
        pos = end + 1;
        continue;
      }
      contentIndent = indent;
      from = pos + indent;
    }
    lines.push(text.slice(from, end));
    lastContentEnd = end;
    lastContentLine = lines.length;
    pos = end + 1;
  }
  if (pos > length) after = length;
  // The lines of the scalar end with its last non-blank one; one final line break is kept unless `|-` (js-yaml
  // adds it also when the text ends on that line).
  // One join, the final line break included: a string with it appended would be a rope that every later scan of
  // the narrative first copies into one piece (about 1 ms for 200 KB of text).
  const content = lastContentLine < 0 ? [] : lines.slice(0, lastContentLine);
  if (!strip && content.length > 0) content.push('');
  const value = content.join('\n');
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
