/**
 * `parse(text)`: one syntax tree for any input, never throws. The line reader of the common form of a report
 * first (`readCommon`, which also reads around the broken lines it knows), else js-yaml's event parser; on another
 * syntax error the `yaml` package parses the same text with recovery, so that the rest of a half-typed document
 * still has a tree.
 */
import { skipTrivia } from './geometry';
import { DEFAULT_MAX_LENGTH, MAX_DEPTH, MAX_ITEMS, RECOVER_MAX_LENGTH } from './limits';
import { readCommon } from './parseCommon';
import { parseFast } from './parseFast';
import type { FastResult } from './parseFast';
import { parseRecover } from './parseRecover';
import { scan } from './scan';
import { CORE_TAGS } from './resolveScalar';
import type { PairNode, ParsedDocument, SyntaxError, YamlNode } from './tree';

export { DEFAULT_MAX_LENGTH, RECOVER_MAX_LENGTH } from './limits';
export { scan } from './scan';
export type { Scan } from './scan';

export interface ParseOptions {
  readonly maxLength?: number;
}

/**
 * Estimated nesting depth (indentation of key or item lines, open brackets) without parsing: the recovering
 * parser and the tree builder recurse, so a pathological depth must be refused before they run. Lines of a
 * block scalar rarely look like `key:` or `- item`, so indented prose does not count.
 */
function roughDepth(text: string): number {
  let max = 0;
  let brackets = 0;
  for (const line of text.split('\n')) {
    const body = line.trimStart();
    const indent = line.length - body.length;
    if (indent / 2 > max && (body.startsWith('- ') || /:(?:\s|$)/.test(body))) max = indent / 2;
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) brackets++;
      else if ((c === 0x5d || c === 0x7d) && brackets > 0) brackets--;
      if (brackets > max) max = brackets;
    }
  }
  return max;
}

/** The first earlier non-empty scalar key with this text, among `items[0..i)`. */
function earlierKey(items: readonly PairNode[], i: number, text: string): YamlNode | undefined {
  for (let j = 0; j < i; j++) {
    const key = items[j].key;
    if (key.kind === 'scalar' && !key.empty && key.text === text) return key;
  }
  return undefined;
}

function aliasAndTagErrors(root: YamlNode | null, errors: SyntaxError[]): void {
  if (!root) return;
  const stack: YamlNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as YamlNode;
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      const [start, end] = node.tagRange ?? [node.start, node.end];
      errors.push({ kind: 'tag', start, end, detail: node.tag });
    }
    if (node.kind === 'alias') errors.push({ kind: 'alias', start: node.start, end: node.end, detail: node.name });
    if (node.kind === 'seq') for (const item of node.items) stack.push(item);
    if (node.kind === 'map') {
      // Most mappings of a report have a handful of keys: compare them directly, index only large ones.
      const seen = node.items.length > 12 ? new Map<string, YamlNode>() : undefined;
      for (let i = 0; i < node.items.length; i++) {
        const pair = node.items[i];
        if (pair.key.kind === 'scalar' && !pair.key.empty) {
          const first = seen ? seen.get(pair.key.text) : earlierKey(node.items, i, pair.key.text);
          if (first) {
            errors.push({
              kind: 'duplicateKey',
              start: pair.key.start,
              end: pair.key.end,
              detail: pair.key.text,
              key: pair.key.text,
              firstStart: first.start,
              firstEnd: first.end,
            });
          } else if (seen) {
            seen.set(pair.key.text, pair.key);
          }
        }
        stack.push(pair.key);
        if (pair.value) stack.push(pair.value);
      }
    }
  }
}

/** Where the line holding `offset` starts. */
function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The spaces a line starts with. */
function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 0x20) i++;
  return i - lineStart;
}

/** The start of the next line after `from` (a line start) with something other than spaces or a comment; -1 at the end. */
function nextContentLine(text: string, from: number): number {
  for (let pos = from; pos < text.length;) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? text.length : nl + 1;
    if (pos > from) {
      let i = pos;
      while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
      const c = text.charCodeAt(i);
      if (i < text.length && c !== 0x0a && c !== 0x23) return pos;
    }
    pos = next;
  }
  return -1;
}

/**
 * Whether js-yaml rejects the text at or after the line of `offset`, in the line reader's form of a report (the
 * text before that line read by it without error): js-yaml reads the top-level entry that holds the line, to the
 * line after the next one indented no deeper, and must fail before that last one. In that form the top-level entries are
 * independent (no anchors, tags or directives), so js-yaml judges the entry alone as it would in the whole text,
 * and one more line makes a failure of the cut text's end show as one. A few lines instead of the text up to the
 * error: a broken report costs about what a clean one does.
 */
function brokenThere(text: string, offset: number): boolean {
  const line = lineStartOf(text, offset);
  // The last top-level key line before it (a line at column 0 that is not a comment), else the text's start.
  let from = 0;
  for (let pos = line; pos > 0;) {
    pos = lineStartOf(text, pos - 1);
    const c = text.charCodeAt(pos);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x23 && pos < text.length) {
      from = pos;
      break;
    }
  }
  // js-yaml notices the broken line at the latest at the next line indented no deeper (the key after it): read to
  // that line and the one after it.
  const indent = indentOf(text, line);
  let stop = nextContentLine(text, line);
  while (stop >= 0 && indentOf(text, stop) > indent) stop = nextContentLine(text, stop);
  const last = stop < 0 ? -1 : nextContentLine(text, stop);
  let to = text.length;
  if (last >= 0) {
    const nl = text.indexOf('\n', last);
    to = nl < 0 ? text.length : nl + 1;
  }
  const fast = parseFast(text.slice(from, to));
  if (fast.ok || fast.reason !== 'syntax') return false;
  const at = from + fast.position;
  return at >= line && (last < 0 || at < last);
}

export function parse(text: string, options: ParseOptions = {}): ParsedDocument {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    return {
      text,
      root: null,
      parser: 'none',
      errors: [{ kind: 'tooLarge', start: 0, end: 0, detail: String(text.length) }],
    };
  }
  const scanned = scan(text);
  const unreadable = scanned.notText;
  if (unreadable) {
    return { text, root: null, parser: 'none', errors: [{ kind: 'binary', start: 0, end: 0, detail: unreadable }] };
  }
  const items = scanned.items;
  if (items > MAX_ITEMS) {
    return {
      text,
      root: null,
      parser: 'none',
      errors: [{ kind: 'tooManyItems', start: 0, end: 0, detail: String(items) }],
    };
  }
  try {
    // Most reports are written in a small part of YAML that a line reader takes in one pass, also around the broken
    // lines people write most (an unclosed row or quote, a missing colon, a wrong indentation); the rest (and the
    // other syntax errors) goes to js-yaml, and a text js-yaml rejects to the `yaml` package's recovery.
    const common = readCommon(text, scanned);
    let fast: FastResult | undefined;
    if (common !== undefined) {
      const errors = [...common.errors];
      if (errors.length === 0) {
        aliasAndTagErrors(common.root, errors);
        return { text, root: common.root, errors, parser: 'fast' };
      }
      // The reader's verdict on a broken line stands when js-yaml rejects the text there too.
      if (brokenThere(text, errors[0].start)) {
        aliasAndTagErrors(common.root, errors);
        return { text, root: common.root, errors, parser: 'recover' };
      }
    }
    fast ??= parseFast(text);
    if (fast.ok) {
      const errors: SyntaxError[] = [];
      aliasAndTagErrors(fast.root, errors);
      return { text, root: fast.root, errors, parser: 'fast' };
    }
    if (fast.reason === 'tooManyAliases') {
      const start = Math.min(fast.position, text.length);
      return {
        text,
        root: null,
        parser: 'none',
        errors: [
          {
            kind: 'tooManyAliases',
            start,
            end: Math.min(text.length, skipTrivia(text, start) + 1),
            detail: fast.detail,
          },
        ],
      };
    }
    if (fast.reason === 'tooDeep' || roughDepth(text) > MAX_DEPTH) {
      const start = Math.min(fast.position, text.length);
      return {
        text,
        root: null,
        parser: 'none',
        errors: [{ kind: 'tooDeep', start, end: start, detail: fast.detail }],
      };
    }
    if (text.length > RECOVER_MAX_LENGTH) {
      const start = Math.min(fast.position, text.length);
      const end = Math.min(text.length, skipTrivia(text, start) + 1);
      const kind = fast.reason === 'multiDocument' ? 'multiDocument' : 'syntax';
      return { text, root: null, parser: 'none', errors: [{ kind, start, end, detail: fast.detail }] };
    }
    const recovered = parseRecover(text);
    const errors = [...recovered.errors];
    if (errors.length === 0) {
      // The two parsers disagree about validity; js-yaml's verdict stands, at its position.
      const start = Math.min(fast.position, text.length);
      const kind = fast.reason === 'multiDocument' ? 'multiDocument' : 'syntax';
      errors.push({ kind, start, end: Math.min(text.length, skipTrivia(text, start) + 1), detail: fast.detail });
    }
    aliasAndTagErrors(recovered.root, errors);
    return { text, root: recovered.root, errors, parser: 'recover' };
  } catch (error) {
    // A parser bug must not take the editor down: report it as a syntax error on the whole text.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      text,
      root: null,
      parser: 'none',
      errors: [{ kind: 'syntax', start: 0, end: Math.min(text.length, 1), detail }],
    };
  }
}
