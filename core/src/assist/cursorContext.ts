/**
 * Where the cursor is in a report that is being typed and may not parse: the mapping a key on this line would go
 * into, the keys already there, and the text to replace. Read from the lines' indentation (the way a person reads
 * YAML), not from the syntax tree, so that a half-typed line such as `    yygk` still has a place.
 */

export interface KeyLine {
  readonly line: number;
  readonly indent: number;
  readonly key: string;
  /** Keys from the root down to and including this one. */
  readonly path: readonly string[];
}

export type CursorKind = 'key' | 'value' | 'none';

export interface CursorContext {
  readonly kind: CursorKind;
  /** Key context: the mapping the key goes into. Value context: the mapping holding `key`. */
  readonly parentPath: readonly string[];
  /** Value context: the key whose value is being typed. */
  readonly key?: string;
  /** Column of the key being typed (key context) or of the key whose value is typed. */
  readonly indent: number;
  /** Keys already present in the mapping at `parentPath` (other lines than the cursor's). */
  readonly present: ReadonlySet<string>;
  /** Offsets of the text a completion replaces. */
  readonly replace: { readonly start: number; readonly end: number };
  /** What has been typed from `replace.start` to the cursor. */
  readonly typed: string;
  /** Key context with a value already after the cursor on this line: complete the key alone. */
  readonly keyOnly: boolean;
  /** Apart from the cursor's line, the document has nothing but blanks and comments. */
  readonly emptyDocument: boolean;
  /** The file's indentation step (spaces per level), 2 when it has no nested mapping yet. */
  readonly step: number;
}

const KEY_LINE = /^(?:"([^"\\]*)"|'([^']*)'|([^\s#'"[\]{}|>,&*!%@`-][^]*?))[ \t]*:(?=[ \t]|$)([^]*)$/;

interface Line {
  readonly text: string;
  readonly start: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

/** The part of a value before a `#` comment (a `#` after a blank, outside quotes). */
export function stripComment(value: string): string {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(value[i - 1]))) {
      return value.slice(0, i);
    }
  }
  return value;
}

function bracketDepth(value: string, depth: number): number {
  let d = depth;
  let quote = '';
  for (const c of value) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') d++;
    else if ((c === ']' || c === '}') && d > 0) d--;
  }
  return d;
}

interface ScanState {
  stack: { indent: number; key: string }[];
  /** Indentation of the key that opened the block scalar the scan is in. */
  block: number | undefined;
  /** Open brackets of a flow collection continued on the next lines, and the indentation of its key. */
  flow: number;
  flowIndent: number;
}

/** Advance the scan over one line; returns the key line it holds, if any. */
function step(state: ScanState, line: Line, index: number): KeyLine | undefined {
  const body = line.text.trimStart();
  const indent = line.text.length - body.length;
  if (state.block !== undefined) {
    if (body === '' || indent > state.block) return undefined;
    state.block = undefined;
  }
  if (state.flow > 0) {
    // A flow collection continues only on lines indented past its key; anything else means it was left open.
    if (body !== '' && indent <= state.flowIndent) {
      state.flow = 0;
    } else {
      state.flow = bracketDepth(stripComment(body), state.flow);
      return undefined;
    }
  }
  if (body === '' || body.startsWith('#') || (indent === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(body))) return undefined;
  const m = KEY_LINE.exec(body);
  if (!m) return undefined;
  const key = (m[1] ?? m[2] ?? m[3]).trim();
  while (state.stack.length && state.stack[state.stack.length - 1].indent >= indent) state.stack.pop();
  const path = [...state.stack.map((s) => s.key), key];
  state.stack.push({ indent, key });
  const value = stripComment(m[4]).trim();
  if (/^[|>]/.test(value)) state.block = indent;
  else if (/^[[{]/.test(value)) {
    state.flow = bracketDepth(value, 0);
    state.flowIndent = indent;
  }
  return { line: index, indent, key, path };
}

/** Every key line of the text (except line `skip`), with its path as the indentation gives it. */
export function keyLines(text: string, skip = -1): KeyLine[] {
  const state: ScanState = { stack: [], block: undefined, flow: 0, flowIndent: 0 };
  const out: KeyLine[] = [];
  splitLines(text).forEach((line, i) => {
    if (i === skip) return;
    const k = step(state, line, i);
    if (k) out.push(k);
  });
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const NONE = (emptyDocument: boolean, step: number): CursorContext => ({
  kind: 'none',
  parentPath: [],
  indent: 0,
  present: new Set(),
  replace: { start: 0, end: 0 },
  typed: '',
  keyOnly: false,
  emptyDocument,
  step,
});

/** The indentation step: the first key indented past the key above it that opened a mapping. */
function indentStepOf(lines: readonly KeyLine[]): number {
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const cur = lines[i];
    if (cur.path.length === prev.path.length + 1 && cur.indent > prev.indent) return cur.indent - prev.indent;
  }
  return 2;
}

export function cursorContext(text: string, offset: number): CursorContext {
  const lines = splitLines(text);
  let cursorLine = lines.length - 1;
  while (cursorLine > 0 && lines[cursorLine].start > offset) cursorLine--;
  const line = lines[cursorLine];
  const before = line.text.slice(0, offset - line.start);
  const after = line.text.slice(offset - line.start);
  // The line being typed does not count: `nb` typed into an empty file still asks for the skeleton.
  const emptyDocument = lines.every(
    (l, i) => i === cursorLine || l.text.trim() === '' || l.text.trimStart().startsWith('#'),
  );
  const others = keyLines(text, cursorLine);
  const stepSize = indentStepOf(others);

  // The structure above the cursor line: open mappings, and whether the line continues a block scalar.
  const state: ScanState = { stack: [], block: undefined, flow: 0, flowIndent: 0 };
  for (let i = 0; i < cursorLine; i++) step(state, lines[i], i);
  const body = before.trimStart();
  const indent = before.length - body.length;
  // A line indented past the key of an open block scalar is narrative text.
  if (state.block !== undefined && indent > state.block) return NONE(emptyDocument, stepSize);
  if (state.flow > 0 && indent > state.flowIndent) return NONE(emptyDocument, stepSize);
  if (/(?:^|\s)#/.test(before)) return NONE(emptyDocument, stepSize);
  const parents = state.stack.filter((s) => s.indent < indent).map((s) => s.key);

  const m = KEY_LINE.exec(body);
  if (m) {
    // `key: value…` — completing the value.
    const key = (m[1] ?? m[2] ?? m[3]).trim();
    const typed = m[4].replace(/^[ \t]+/, '');
    if (/^[[{|>"']/.test(typed)) return NONE(emptyDocument, stepSize);
    const start = offset - typed.length;
    const rest = /^[^\s#]*/.exec(after)?.[0] ?? '';
    return {
      kind: 'value',
      parentPath: parents,
      key,
      indent,
      present: new Set(),
      replace: { start, end: offset + rest.length },
      typed,
      keyOnly: false,
      emptyDocument,
      step: stepSize,
    };
  }
  if (/^[-#[{]/.test(body)) return NONE(emptyDocument, stepSize);
  const colon = stripComment(after).search(/[ \t]*:(?:[ \t]|$)/);
  const keyOnly = colon >= 0;
  const end = keyOnly ? offset + colon : offset + (/^[^\s#]*/.exec(after)?.[0].length ?? 0);
  const present = new Set(others.filter((k) => sameList(k.path.slice(0, -1), parents)).map((k) => k.key));
  return {
    kind: 'key',
    parentPath: parents,
    indent,
    present,
    replace: { start: line.start + indent, end },
    typed: body,
    keyOnly,
    emptyDocument,
    step: stepSize,
  };
}
