/**
 * Recovery path: the `yaml` package parses any text, builds what it can around syntax errors and reports
 * them; we convert its document to the same syntax tree as `parseFast` builds.
 */
import { Parser, Composer, isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node as YNode, Pair as YPair, Scalar as YScalar, YAMLError } from 'yaml';
import { afterIndicator, blockScalarRange, skipTrivia, trimEnd } from './geometry';
import { MAX_ALIASES, MAX_DEPTH } from './limits';
import { normaliseTag, resolveScalar } from './resolveScalar';
import type { MapNode, PairNode, ScalarNode, ScalarStyle, SeqNode, SyntaxError, YamlNode } from './tree';

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/** yaml codes that the tree builder reports itself (tags, duplicates) or that do not concern reports. */
const IGNORED_CODES = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', 'BAD_ALIAS', 'MULTIPLE_DOCS']);

export interface RecoverResult {
  readonly root: YamlNode | null;
  readonly errors: readonly SyntaxError[];
}

function tagOf(node: YNode, builder: Builder, start: number): { tag?: string; tagRange?: [number, number] } {
  if (!node.tag) return {};
  const tagRange = builder.tagRange(start);
  return tagRange ? { tag: normaliseTag(node.tag), tagRange } : { tag: normaliseTag(node.tag) };
}

function anchorOf(node: YNode): { anchor?: string } {
  return node.anchor ? { anchor: node.anchor } : {};
}

class Builder {
  /** Alias nodes built so far, and where the first one past `MAX_ALIASES` is. */
  aliases = 0;
  aliasOverflow: number | undefined;

  constructor(private readonly text: string) {}

  /** `from`: where an empty scalar's indicator search starts; `indicator`: which indicator introduced it. */
  node(n: unknown, from: number, indicator: ':' | '-' | null, depth: number): YamlNode {
    if (depth > MAX_DEPTH) return this.emptyAt(from);
    if (isScalar(n)) return this.scalar(n, from, indicator);
    if (isMap(n)) {
      const items: PairNode[] = [];
      for (const item of n.items) {
        const pair = this.pair(item, depth, n.flow === true);
        if (pair) items.push(pair);
      }
      const [start, end] = this.collectionRange(
        n,
        n.flow === true,
        items.length ? items[items.length - 1].end : undefined,
      );
      const map: MapNode = {
        kind: 'map',
        flow: n.flow === true,
        items,
        start,
        end,
        ...tagOf(n, this, start),
        ...anchorOf(n),
      };
      return map;
    }
    if (isSeq(n)) {
      const items: YamlNode[] = [];
      let prev = n.range ? n.range[0] : from;
      for (const item of n.items) {
        const child = this.node(item, prev, n.flow ? null : '-', depth + 1);
        items.push(child);
        prev = child.end;
      }
      const [start, end] = this.collectionRange(
        n,
        n.flow === true,
        items.length ? items[items.length - 1].end : undefined,
      );
      const seq: SeqNode = {
        kind: 'seq',
        flow: n.flow === true,
        items,
        start,
        end,
        ...tagOf(n, this, start),
        ...anchorOf(n),
      };
      return seq;
    }
    if (isAlias(n)) {
      const [start, end] = n.range ?? [from, from];
      if (++this.aliases > MAX_ALIASES && this.aliasOverflow === undefined) this.aliasOverflow = start;
      return { kind: 'alias', name: n.source, start, end: trimEnd(this.text, start, end) };
    }
    return this.emptyAt(indicator ? afterIndicator(this.text, from, indicator) : from);
  }

  private pair(item: unknown, depth: number, flow: boolean): PairNode | null {
    if (!isPair(item)) return null;
    const p = item as YPair<unknown, unknown>;
    let key = p.key === null || p.key === undefined ? null : this.node(p.key, 0, null, depth + 1);
    if (key?.kind === 'scalar' && key.empty && !flow && key.tag === undefined && key.anchor === undefined) {
      // An absent key in a block mapping sits at its colon (the yaml package may put it before a comment line).
      const at = skipTrivia(this.text, key.start);
      key = { ...key, start: at, end: at };
    }
    if (!key) {
      // `: value` without a key; keep the value so that nothing under it is lost.
      if (p.value === null || p.value === undefined) return null;
      const value = this.node(p.value, 0, null, depth + 1);
      const emptyKey = this.emptyAt(value.start);
      return { key: emptyKey, value, start: value.start, end: value.end };
    }
    const value = p.value === null || p.value === undefined ? null : this.node(p.value, key.end, ':', depth + 1);
    const end = value ? value.end : afterIndicator(this.text, key.end, ':');
    return { key, value: value ?? this.emptyAt(end), start: key.start, end };
  }

  private scalar(n: YScalar, from: number, indicator: ':' | '-' | null): ScalarNode {
    const style = STYLES[n.type ?? 'PLAIN'] ?? 'plain';
    // The decoded source, not the value a tag resolved it to (`!!binary` would give bytes).
    const text =
      typeof n.source === 'string'
        ? n.source
        : typeof n.value === 'string'
          ? n.value
          : n.value === null || n.value === undefined
            ? ''
            : String(n.value);
    const tag = n.tag ? normaliseTag(n.tag) : undefined;
    const range = n.range ?? [from, from, from];
    let start = range[0];
    let end = range[1];
    let empty = false;
    if (style === 'literal' || style === 'folded') {
      [start, end] = blockScalarRange(this.text, start, end);
    } else if (start === end && style === 'plain' && text === '') {
      empty = true;
      if (tag === undefined && !n.anchor) start = end = indicator ? afterIndicator(this.text, from, indicator) : start;
    } else {
      end = trimEnd(this.text, start, end);
    }
    const tagRange = tag ? this.tagRange(start) : undefined;
    return {
      kind: 'scalar',
      style,
      text,
      value: resolveScalar(text, style, tag),
      empty,
      start,
      end,
      ...(tag ? { tag, tagRange } : {}),
      ...anchorOf(n),
    };
  }

  /** The explicit tag written before the node starting at `start` (the last `!` token on the way back). */
  tagRange(start: number): [number, number] | undefined {
    const before = this.text.slice(Math.max(0, start - 256), start);
    // The tag, then perhaps an anchor and comments, then the node.
    const m = /(![^\s,[\]{}]*)(?:\s+&[^\s,[\]{}]+)?(?:\s+#[^\n]*)*\s+$/.exec(before);
    if (!m) return undefined;
    const tagStart = start - before.length + m.index;
    return [tagStart, tagStart + m[1].length];
  }

  private collectionRange(n: YNode, flow: boolean, lastEnd: number | undefined): [number, number] {
    const range = n.range ?? [0, 0, 0];
    if (flow) return [range[0], trimEnd(this.text, range[0], range[1])];
    return [range[0], lastEnd ?? range[0]];
  }

  emptyAt(pos: number): ScalarNode {
    return { kind: 'scalar', style: 'plain', text: '', value: null, empty: true, start: pos, end: pos };
  }
}

/**
 * Where an unclosed quote or flow collection was opened. The yaml package reports these where it noticed them
 * (the next line, or the end of the file); the reader needs the line with the missing `"` or `]`.
 */
function openedAt(doc: Document.Parsed, error: YAMLError, message: string): number | undefined {
  const quote = error.code === 'MISSING_CHAR' && /quote/i.test(message);
  const flow =
    /flow (?:sequence|map|collection)/i.test(message) || (error.code === 'MISSING_CHAR' && /[\]}]/.test(message));
  if (!quote && !flow) return undefined;
  const at = error.pos[0];
  let best: number | undefined;
  const consider = (range: readonly number[] | null | undefined): void => {
    if (!range || range[0] >= at || range[1] < at) return;
    if (best === undefined || range[0] > best) best = range[0];
  };
  visit(doc, {
    Scalar(_, node) {
      if (quote && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) consider(node.range);
    },
    Seq(_, node) {
      if (flow && node.flow) consider(node.range);
    },
    Map(_, node) {
      if (flow && node.flow) consider(node.range);
    },
  });
  return best;
}

function toSyntaxError(error: YAMLError, text: string, doc: Document.Parsed): SyntaxError | null {
  if (IGNORED_CODES.has(error.code)) return null;
  const detail = error.message.split('\n')[0];
  const opened = openedAt(doc, error, detail);
  if (opened !== undefined) {
    // From the opening quote or bracket to the end of its line.
    const newline = text.indexOf('\n', opened);
    const end = trimEnd(text, opened, newline < 0 ? text.length : newline);
    return { kind: 'syntax', start: opened, end: Math.max(end, opened + 1), detail, code: error.code };
  }
  const start = Math.min(error.pos[0], text.length);
  const end = Math.max(start, Math.min(error.pos[1], text.length));
  return { kind: 'syntax', start, end, detail, code: error.code };
}

/** Line numbers of offsets asked for mostly in increasing order (the parser's errors), without rescanning. */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 0;
  return (offset) => {
    if (offset < pos) {
      pos = 0;
      line = 0;
    }
    for (let i = text.indexOf('\n', pos); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      pos = i + 1;
    }
    return line;
  };
}

export function parseRecover(text: string): RecoverResult {
  const docs: Document.Parsed[] = [];
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false, strict: false, keepSourceTokens: false });
  for (const doc of composer.compose(new Parser().parse(text), true, text.length)) docs.push(doc);
  const errors: SyntaxError[] = [];
  const first = docs[0];
  if (!first) return { root: null, errors };
  const lineOf = lineCounter(text);
  let lastLine = -2;
  for (const e of first.errors) {
    const err = toSyntaxError(e, text, first);
    if (!err) continue;
    // After an error the parser is often confused for a line (a tab indent, then "items must start at the same
    // column"): an error on the same or the next line as the previous one repeats it.
    const line = lineOf(err.start);
    if (line - lastLine > 1) errors.push(err);
    lastLine = line;
  }
  for (const doc of docs.slice(1)) {
    const start = doc.range ? doc.range[0] : text.length;
    errors.push({ kind: 'multiDocument', start, end: Math.min(text.length, start + 3), detail: 'several documents' });
  }
  const contents = first.contents;
  if (
    contents === null ||
    (isScalar(contents) && contents.value === null && (contents.range?.[0] ?? 0) === (contents.range?.[1] ?? 0))
  ) {
    return { root: null, errors };
  }
  const builder = new Builder(text);
  const root = builder.node(contents, 0, null, 0);
  if (builder.aliasOverflow !== undefined) {
    // As in the fast path: past MAX_ALIASES the document is refused with one finding, not one per alias.
    const start = builder.aliasOverflow;
    return {
      root: null,
      errors: [
        ...errors,
        { kind: 'tooManyAliases', start, end: Math.min(text.length, start + 1), detail: String(builder.aliases) },
      ],
    };
  }
  return { root, errors };
}
