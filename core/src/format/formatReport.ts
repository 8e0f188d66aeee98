/**
 * Formatting: a report rewritten in the layout `writeReport` writes — keys in template order, two spaces per level,
 * each row one flow sequence `[a, b, c]`, trailing comments aligned at the comment column — without changing a
 * value. Comments move with the key they stand above (or stay at the end of the mapping they close), a blank line
 * between keys stays one blank line, narrative blocks keep their text line for line, and whatever the formatter
 * does not recognise is kept as written, only re-indented.
 *
 * It works only on a document that parses without a syntax error (with one, where a key belongs is a guess), and
 * it checks its own result: the text it returns reads back as the same values, with the same comments, or the
 * document is left as it is.
 */
import type { Range } from '../diagnostics/diagnostic';
import type { Edition } from '../template/types';
import { parse } from '../syntax/parse';
import { toJson } from '../syntax/toJson';
import type { MapNode, PairNode, ParsedDocument, ScalarNode, SeqNode, YamlNode } from '../syntax/tree';
import { TEMPLATES, pathKey, templateIndex } from '../template/templates';
import type { GroupNode } from '../template/types';
import { alignComment } from './writeReport';

/** Why a document was left as it is. */
export type FormatRefusal =
  /** A syntax error (or a tag, alias, several documents…): where a key belongs is not certain. */
  | 'syntax'
  /** Not a mapping of keys (empty, a list, a scalar), or written in a form the formatter does not take apart. */
  | 'shape'
  /** The formatted text would not have read back as the same values and comments (a bug; nothing is changed). */
  | 'unsafe';

export type FormatResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: FormatRefusal };

export interface FormatOptions {
  /**
   * Format only the top-level sections this range of offsets touches (range formatting); the order of the
   * sections is then left alone. The whole document when absent.
   */
  readonly range?: Range;
  /** The edition whose key order applies (the bound report's); 2021 when absent. */
  readonly edition?: Edition;
}

/** Two spaces per level, as `writeReport` indents. */
const UNIT = '  ';
/** What may stand after a value on its line: nothing, or a comment. */
const LINE_REST = /^[ \t]*(#.*)?$/;

class Refused extends Error {
  constructor(readonly reason: FormatRefusal) {
    super(reason);
  }
}

/** The text as lines (without their breaks), with the offset each starts at. */
class Lines {
  readonly lines: string[];
  readonly starts: number[];
  readonly eol: string;

  constructor(
    readonly text: string,
    /** Length of a leading BOM, which is kept out of the first line. */
    readonly bom: number,
  ) {
    const lines: string[] = [];
    const starts: number[] = [];
    let crlf = 0;
    let lf = 0;
    let start = bom;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      const cr = end > start && text.charCodeAt(end - 1) === 0x0d;
      if (nl >= 0) {
        if (cr) crlf++;
        else lf++;
      }
      const line = text.slice(start, cr && nl >= 0 ? end - 1 : end);
      // A lone CR ends a line for YAML but not here: leave such a text alone.
      if (line.includes('\r')) throw new Refused('shape');
      lines.push(line);
      starts.push(start);
      if (nl < 0) break;
      start = nl + 1;
    }
    // The text's last line break ends the last line; no empty line after it.
    if (lines.length > 1 && lines[lines.length - 1] === '') {
      lines.pop();
      starts.pop();
    }
    this.lines = lines;
    this.starts = starts;
    this.eol = crlf > lf ? '\r\n' : '\n';
  }

  get count(): number {
    return this.lines.length;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  column(offset: number): number {
    return offset - this.starts[this.lineOf(offset)];
  }

  /** Leading spaces of a line. */
  indent(line: number): number {
    const s = this.lines[line];
    let i = 0;
    while (i < s.length && s.charCodeAt(i) === 0x20) i++;
    return i;
  }

  blank(line: number): boolean {
    return this.lines[line].trim() === '';
  }

  comment(line: number): boolean {
    return this.lines[line].trimStart().startsWith('#');
  }
}

/** One key of a block mapping and the lines it spans, from its key to the end of its value. */
interface Span {
  readonly pair: PairNode;
  readonly key: ScalarNode;
  readonly keyLine: number;
  readonly lastLine: number;
  readonly indent: number;
}

function isSingleLineScalar(src: Lines, node: YamlNode): node is ScalarNode {
  return (
    node.kind === 'scalar' &&
    node.style !== 'literal' &&
    node.style !== 'folded' &&
    node.tag === undefined &&
    node.anchor === undefined &&
    !node.empty &&
    src.lineOf(node.start) === src.lineOf(Math.max(node.start, node.end - 1))
  );
}

function isBlockScalar(node: YamlNode | null): node is ScalarNode {
  return node?.kind === 'scalar' && (node.style === 'literal' || node.style === 'folded');
}

/** The last line of a value: a kept (`|+`) block's trailing blank lines are part of it. */
function lastLineOf(src: Lines, pair: PairNode, keyLine: number): number {
  const value = pair.value;
  if (!value || (value.kind === 'scalar' && value.empty)) return keyLine;
  let last = src.lineOf(Math.max(value.start, value.end - 1));
  if (isBlockScalar(value) && /^[|>][0-9]?\+/.test(src.text.slice(value.start, value.start + 3))) {
    while (last + 1 < src.count && src.blank(last + 1)) last++;
  }
  return Math.max(last, keyLine);
}

function spanOf(src: Lines, pair: PairNode): Span {
  const key = pair.key;
  if (key.kind !== 'scalar' || key.empty || key.tag !== undefined || key.anchor !== undefined)
    throw new Refused('shape');
  const keyLine = src.lineOf(key.start);
  const indent = src.column(key.start);
  // The key opens its line (no `? ` complex key, nothing before it) and is written on one line.
  if (src.indent(keyLine) !== indent || src.lineOf(Math.max(key.start, key.end - 1)) !== keyLine)
    throw new Refused('shape');
  return { pair, key, keyLine, lastLine: lastLineOf(src, pair, keyLine), indent };
}

/** The key's order among its siblings: the template's, the other edition's keys after their predecessor there. */
function keyOrder(path: readonly string[] | undefined, edition: Edition): ReadonlyMap<string, number> | undefined {
  if (!path) return undefined;
  const childrenIn = (e: Edition): readonly string[] | undefined => {
    const group =
      path.length === 0 ? TEMPLATES[e].root : (templateIndex(e).byPath.get(pathKey(path))?.node as GroupNode);
    return group?.kind === 'group' ? group.children.map((c) => c.key) : undefined;
  };
  const own = childrenIn(edition);
  const other = childrenIn(edition === 2021 ? 2019 : 2021);
  if (!own && !other) return undefined;
  const merged = [...(own ?? [])];
  for (const [i, key] of (other ?? []).entries()) {
    if (merged.includes(key)) continue;
    const before = i > 0 ? merged.indexOf((other as string[])[i - 1]) : -1;
    merged.splice(before + 1, 0, key);
  }
  return new Map(merged.map((k, i) => [k, i]));
}

class Formatter {
  constructor(
    private readonly src: Lines,
    private readonly edition: Edition,
  ) {}

  /** The comment on a line after `column`, or refusal when anything else follows there. */
  private restOf(line: number, column: number): string | undefined {
    const m = LINE_REST.exec(this.src.lines[line].slice(column));
    if (!m) throw new Refused('shape');
    return m[1]?.trimEnd();
  }

  private withRest(head: string, comment: string | undefined): string {
    return comment ? alignComment(head, comment) : head;
  }

  /** Lines between two offsets hold nothing but white space (no comment that rewriting would drop). */
  private onlySpace(from: number, to: number): boolean {
    return /^\s*$/.test(this.src.text.slice(from, to));
  }

  /** Comment and blank lines, comments at `indent`, runs of blank lines as one. */
  private gap(from: number, to: number, indent: string, dropLeadingBlank: boolean): string[] {
    const out: string[] = [];
    for (let line = from; line <= to; line++) {
      if (this.src.blank(line)) {
        if (out.length === 0 ? dropLeadingBlank : out[out.length - 1] === '') continue;
        out.push('');
      } else if (this.src.comment(line)) {
        out.push(`${indent}${this.src.lines[line].trim()}`);
      } else {
        throw new Refused('shape');
      }
    }
    return out;
  }

  /** Lines as written, shifted right or left by `delta` columns (empty lines stay empty). */
  private shifted(from: number, to: number, delta: number): string[] {
    const out: string[] = [];
    for (let line = from; line <= to; line++) {
      const s = this.src.lines[line];
      if (s === '') out.push('');
      else if (delta >= 0) out.push(' '.repeat(delta) + s);
      else out.push(s.slice(Math.min(-delta, this.src.indent(line))));
    }
    return out;
  }

  /**
   * The mapping's keys from `leadStart` (the line after its parent's key: comments there go with the first key;
   * the first key line when absent) to `endLine`, at `indent`. `path`: its YAML path when the template
   * knows where it is (keys in template order), else undefined (order kept). `only`: format just these pairs
   * and keep the others, and the order, as written.
   */
  mapping(
    map: MapNode,
    indent: string,
    leadStart: number | undefined,
    endLine: number,
    path: readonly string[] | undefined,
    only?: ReadonlySet<number>,
  ): { lines: string[]; first: number } {
    if (map.flow || map.items.length === 0) throw new Refused('shape');
    const spans = map.items.map((pair) => spanOf(this.src, pair));
    for (let i = 1; i < spans.length; i++) {
      if (spans[i].indent !== spans[0].indent || spans[i].keyLine <= spans[i - 1].lastLine) throw new Refused('shape');
    }
    const keyIndent = spans[0].indent;
    // Each key's part: its leading comments and blank lines, its own lines, and the comments after it that are
    // indented deeper than the next key (they close its value).
    interface Part {
      readonly span: Span;
      readonly index: number;
      readonly leadFrom: number;
      readonly end: number;
    }
    const parts: Part[] = [];
    let leadFrom = leadStart ?? spans[0].keyLine;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const limit = i + 1 < spans.length ? spans[i + 1].keyLine - 1 : endLine;
      const nextIndent = i + 1 < spans.length ? spans[i + 1].indent : keyIndent;
      let end = span.lastLine;
      for (let line = span.lastLine + 1; line <= limit; line++) {
        if (!this.src.blank(line) && this.src.comment(line) && this.src.indent(line) > nextIndent) end = line;
      }
      parts.push({ span, index: i, leadFrom, end });
      leadFrom = end + 1;
    }
    // What follows the last key at this mapping's own level: comments closing the mapping.
    const tailFrom = leadFrom;

    const order = only ? undefined : keyOrder(path, this.edition);
    let ordered = parts;
    if (order) {
      let rank = -1;
      const ranks = parts.map((p) => (rank = order.get(p.span.key.text) ?? rank));
      ordered = parts
        .map((p, i) => ({ p, r: ranks[i] }))
        .sort((a, b) => a.r - b.r || a.p.index - b.p.index)
        .map((x) => x.p);
    }

    const out: string[] = [];
    for (const [n, part] of ordered.entries()) {
      if (only && !only.has(part.index)) {
        out.push(...this.src.lines.slice(part.leadFrom, part.end + 1));
        continue;
      }
      out.push(...this.gap(part.leadFrom, part.span.keyLine - 1, indent, n === 0));
      out.push(...this.pair(part.span, indent, part.end, path));
    }
    if (only) out.push(...this.src.lines.slice(tailFrom, endLine + 1));
    else {
      const tail = this.gap(tailFrom, endLine, indent, false);
      // The file ends with its last line: no blank lines after it (a kept block's own are part of its value).
      if (leadStart === undefined) while (tail.length > 0 && tail[tail.length - 1] === '') tail.pop();
      out.push(...tail);
    }
    return { lines: out, first: spans[0].keyLine };
  }

  /** One key with its value, at `indent`; its part ends at `endLine` (comments closing its value included). */
  private pair(span: Span, indent: string, endLine: number, parentPath: readonly string[] | undefined): string[] {
    const { src } = this;
    const { pair, key, keyLine } = span;
    const value = pair.value;
    const head = `${indent}${src.text.slice(key.start, key.end)}:`;
    const keyLineText = src.lines[keyLine];
    const colon = keyLineText.indexOf(':', src.column(key.end));
    if (colon < 0 || keyLineText.slice(src.column(key.end), colon).trim() !== '') throw new Refused('shape');
    const afterColon = src.starts[keyLine] + colon + 1;
    const inner = `${indent}${UNIT}`;
    const closing = (from: number): string[] => this.gap(from, endLine, inner, false);

    // Nothing after the colon.
    if (!value || (value.kind === 'scalar' && value.empty)) {
      return [this.withRest(head, this.restOf(keyLine, colon + 1)), ...closing(span.lastLine + 1)];
    }
    // A nested mapping: its keys one level deeper.
    if (value.kind === 'map' && !value.flow && value.tag === undefined && value.anchor === undefined) {
      const comment = this.restOf(keyLine, colon + 1);
      const path = parentPath ? [...parentPath, key.text] : undefined;
      return [this.withRest(head, comment), ...this.mapping(value, inner, keyLine + 1, endLine, path).lines];
    }
    const valueLine = src.lineOf(value.start);
    const last = src.lineOf(Math.max(value.start, value.end - 1));
    // A value on one line (or moved up from the next): `key: value  # comment`.
    if (isSingleLineScalar(src, value) && this.onlySpace(afterColon, value.start)) {
      const comment = this.restOf(last, src.column(value.end));
      return [
        this.withRest(`${head} ${src.text.slice(value.start, value.end)}`, comment),
        ...closing(span.lastLine + 1),
      ];
    }
    const row = value.kind === 'seq' && value.tag === undefined && value.anchor === undefined ? this.row(value) : null;
    if (row !== null && this.onlySpace(afterColon, value.start)) {
      const comment = this.restOf(last, src.column(value.end));
      return [this.withRest(`${head} ${row}`, comment), ...closing(span.lastLine + 1)];
    }
    // A narrative block: its header after the key, its text as written (shifted only when its key moves).
    if (isBlockScalar(value) && valueLine === keyLine && this.onlySpace(afterColon, value.start)) {
      const header = keyLineText.slice(src.column(value.start)).trimEnd();
      return [
        `${head} ${header}`,
        ...this.shifted(keyLine + 1, span.lastLine, indent.length - span.indent),
        ...closing(span.lastLine + 1),
      ];
    }
    // Anything else as written, re-indented with its key.
    return [
      `${indent}${keyLineText.slice(span.indent).trimEnd()}`,
      ...this.shifted(keyLine + 1, span.lastLine, indent.length - span.indent),
      ...closing(span.lastLine + 1),
    ];
  }

  /** A sequence of one-line scalars as `[a, b, c]`, or null when it holds anything a flow row cannot say. */
  private row(seq: SeqNode): string | null {
    const { src } = this;
    const items: string[] = [];
    let between = src.text.slice(seq.start, seq.end);
    let cut = 0;
    for (const item of seq.items) {
      if (!isSingleLineScalar(src, item)) return null;
      const text = src.text.slice(item.start, item.end);
      // In a block sequence a plain `3,020` or `a: b` is one string; in a flow sequence it would not be.
      if (!seq.flow && item.style === 'plain' && /[,[\]{}#:]/.test(text)) return null;
      items.push(text);
      between = between.slice(0, item.start - seq.start - cut) + between.slice(item.end - seq.start - cut);
      cut += item.end - item.start;
    }
    // Between the items only brackets, commas, dashes and white space: no comment to lose.
    if (seq.flow ? !/^\[[\s,]*\]$/.test(between) : !/^[\s-]*$/.test(between)) return null;
    if (!seq.flow && (between.match(/-/g) ?? []).length !== items.length) return null;
    return `[${items.join(', ')}]`;
  }

  /** The whole document. */
  document(doc: ParsedDocument, range: Range | undefined): string[] {
    const root = doc.root;
    if (!root || root.kind !== 'map' || root.flow || root.tag !== undefined || root.anchor !== undefined)
      throw new Refused('shape');
    const last = this.src.count - 1;
    let only: Set<number> | undefined;
    if (range) {
      const from = this.src.lineOf(range.start);
      const to = this.src.lineOf(Math.max(range.start, range.end - (range.end > range.start ? 1 : 0)));
      only = new Set();
      root.items.forEach((pair, i) => {
        const start = this.src.lineOf(pair.key.start);
        const end = i + 1 < root.items.length ? this.src.lineOf(root.items[i + 1].key.start) - 1 : last;
        if (start <= to && end >= from) only?.add(i);
      });
    }
    const body = this.mapping(root, '', undefined, last, [], only);
    // Before the first key: the file's own comments (and a `---` or directive line, kept as written).
    const header: string[] = [];
    for (let line = 0; line < body.first; line++) {
      const text = this.src.lines[line];
      if (only) header.push(text);
      else if (this.src.blank(line)) {
        if (header.length > 0 && header[header.length - 1] !== '') header.push('');
      } else if (this.src.comment(line)) header.push(text.trim());
      else if (/^(---|%)/.test(text)) header.push(text.trimEnd());
      else throw new Refused('shape');
    }
    return [...header, ...body.lines];
  }
}

/** Values equal, mapping keys in any order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(ob, k) && sameValue((a as Record<string, unknown>)[k], ob[k]),
  );
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * The report in the canonical layout (`range`: only the sections it touches). `doc` is the document's parse when
 * the caller has it (the editor's analysis); it must be the parse of `text`.
 */
export function formatReport(text: string, options: FormatOptions = {}, doc?: ParsedDocument): FormatResult {
  const parsed = doc ?? parse(text);
  if (parsed.errors.length > 0) return { ok: false, reason: 'syntax' };
  let out: string;
  try {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const src = new Lines(text, bom);
    const lines = new Formatter(src, options.edition ?? 2021).document(parsed, options.range);
    const trailing = options.range && !/\n$/.test(text) ? '' : src.eol;
    out = `${text.slice(0, bom)}${lines.join(src.eol)}${lines.length > 0 ? trailing : ''}`;
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
  if (out === text) return { ok: true, text };
  // The result must read back as the same values with as many comment marks (a `#` in a value is in both).
  const again = parse(out);
  if (
    again.errors.length > 0 ||
    !sameValue(toJson(parsed.root), toJson(again.root)) ||
    count(out, '#') !== count(text, '#')
  )
    return { ok: false, reason: 'unsafe' };
  return { ok: true, text: out };
}
