/**
 * What the fuzzers do to a valid report: edit sequences as a person (or a broken tool) makes them — inserts,
 * deletes and replacements at random offsets, inside keys and numbers, between the two halves of a surrogate pair
 * and of a CRLF; line ends switched between LF and CRLF over a range; tabs for indentation; a byte-order mark;
 * lone surrogates; fragments of YAML syntax and of the template's own labels. An edit is stated relative to the
 * text it applies to (a fraction of its length, or the n-th key), so every sequence applies to any text.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayLabel, templateIndex, writeReport } from '../../../core/src/index';
import type { Edition } from '../../../core/src/index';
import { EXAMPLES } from '../paths';
import { consistentReport } from '../reportArbitrary';

/** Where an edit lands. */
export type Anchor =
  | { readonly at: 'offset'; readonly fraction: number }
  /** Inside the n-th key (modulo the keys there are), `within` of the way through it. */
  | { readonly at: 'key'; readonly n: number; readonly within: number }
  /** Inside the n-th number. */
  | { readonly at: 'number'; readonly n: number; readonly within: number }
  | { readonly at: 'lineStart'; readonly n: number }
  | { readonly at: 'lineEnd'; readonly n: number };

export type Edit =
  | { readonly kind: 'insert'; readonly anchor: Anchor; readonly text: string }
  | { readonly kind: 'delete'; readonly anchor: Anchor; readonly length: number }
  | { readonly kind: 'replace'; readonly anchor: Anchor; readonly length: number; readonly text: string }
  /** Line ends over a stretch: LF → CRLF, CRLF → LF, or a lone CR. */
  | { readonly kind: 'eol'; readonly anchor: Anchor; readonly length: number; readonly to: 'crlf' | 'lf' | 'cr' }
  /** Leading spaces of a stretch of lines as tabs. */
  | { readonly kind: 'tabs'; readonly anchor: Anchor; readonly length: number }
  | { readonly kind: 'bom' }
  /** The whole text anew (a full-document change): the text so far, cut at a point. */
  | { readonly kind: 'truncate'; readonly fraction: number };

/** A change of `[start, end)` to `text`: what an edit means for one given text. */
export interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Sent as a whole-document change (no range). */
  readonly full?: boolean;
}

const KEY = /^[ \t]*(?:- )?([^\s#:'"[\]{}-][^#:\n]*?):(?=\s|$)/gm;
const NUMBER = /-?\d+(?:\.\d+)?/g;

function spans(text: string, re: RegExp, group = 0): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = m.index + m[0].indexOf(m[group]);
    out.push([start, start + m[group].length]);
  }
  return out;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** The offset an anchor names in `text` (always within 0..text.length). */
export function resolveAnchor(text: string, anchor: Anchor): number {
  const clamp = (n: number): number => Math.max(0, Math.min(text.length, n));
  switch (anchor.at) {
    case 'offset':
      return clamp(Math.floor(anchor.fraction * (text.length + 1)));
    case 'key':
    case 'number': {
      const found = anchor.at === 'key' ? spans(text, KEY, 1) : spans(text, NUMBER);
      if (found.length === 0) return clamp(Math.floor(anchor.within * (text.length + 1)));
      const [start, end] = found[anchor.n % found.length];
      return clamp(start + Math.floor(anchor.within * (end - start + 1)));
    }
    case 'lineStart':
    case 'lineEnd': {
      const starts = lineStarts(text);
      const line = anchor.n % starts.length;
      if (anchor.at === 'lineStart') return starts[line];
      const next = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
      // Before a CR of a CRLF too: the end of the line's content.
      return next > 0 && text[next - 1] === '\r' ? next - 1 : next;
    }
  }
}

/** What `edit` does to `text`. */
export function changeOf(text: string, edit: Edit): Change {
  switch (edit.kind) {
    case 'insert': {
      const at = resolveAnchor(text, edit.anchor);
      return { start: at, end: at, text: edit.text };
    }
    case 'delete':
    case 'replace': {
      const at = resolveAnchor(text, edit.anchor);
      return {
        start: at,
        end: Math.min(text.length, at + edit.length),
        text: edit.kind === 'replace' ? edit.text : '',
      };
    }
    case 'eol': {
      const at = resolveAnchor(text, edit.anchor);
      const end = Math.min(text.length, at + edit.length);
      const stretch = text
        .slice(at, end)
        .replace(/\r\n|\r|\n/g, edit.to === 'crlf' ? '\r\n' : edit.to === 'cr' ? '\r' : '\n');
      return { start: at, end, text: stretch };
    }
    case 'tabs': {
      const at = resolveAnchor(text, edit.anchor);
      const end = Math.min(text.length, at + edit.length);
      return { start: at, end, text: text.slice(at, end).replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2)) };
    }
    case 'bom':
      return { start: 0, end: 0, text: '\ufeff' };
    case 'truncate': {
      let at = Math.floor(edit.fraction * (text.length + 1));
      // Not between the CR and LF of a line end: no edit of an editor leaves a CR alone.
      if (at > 0 && text[at - 1] === '\r' && text[at] === '\n') at--;
      return { start: 0, end: text.length, text: text.slice(0, at), full: true };
    }
  }
}

export function applyChange(text: string, change: Change): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce((t, e) => applyChange(t, changeOf(t, e)), text);
}

/** Labels of both editions as printed and as keys: half-typed keys are made of these. */
const LABELS: readonly string[] = [
  ...new Set(
    ([2019, 2021] as const).flatMap((edition) =>
      templateIndex(edition).nodes.flatMap(({ node: n }) =>
        [n.key, displayLabel(n)].filter((s): s is string => typeof s === 'string' && s.length > 0),
      ),
    ),
  ),
];

const SYNTAX = [
  ':',
  ': ',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ', ',
  ',',
  '"',
  "'",
  '|',
  '|-',
  '>',
  '#',
  ' # 注',
  '&a ',
  '*a',
  '!!binary ',
  '!!js/function ',
  '!x ',
  '---\n',
  '...\n',
  '? ',
  '%YAML 1.2\n',
  '\\',
  '\\u',
  '~',
  'null',
  '.inf',
  '0x1F',
  '1e400',
  '-0',
  '007',
  '1_000',
  '3,020.782',
  '１２',
];
const WHITESPACE = [' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', '\u3000', '\u2028', '\u00a0'];
const ODD = ['\ufeff', '\ud800', '\udfff', '\udc00\ud800', '𠀀', '😀', '\u0000', '\u0007', '\ufffd', '\u202e'];
const NUMBERS = ['0', '1', '12', '-3', '0.5', '101', '99999999999999999999', '十七', '一百零一'];

export interface MutationOptions {
  /**
   * Lone CR line ends (old Mac text). YAML and LSP both count them as line breaks, but no editor keeps them (VS
   * Code normalizes a document's line ends), and the core's cursor reading works on LF-separated lines; the server
   * fuzzer leaves them out, the CLI and core fuzzers keep them.
   */
  readonly loneCr: boolean;
}

function pieces(options: MutationOptions): fc.Arbitrary<string> {
  const whitespace = options.loneCr ? WHITESPACE : WHITESPACE.filter((w) => w !== '\r');
  const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
    { weight: 3, arbitrary: fc.constantFrom(...whitespace) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
    // Any UTF-16 code unit, lone surrogates included.
    { weight: 2, arbitrary: options.loneCr ? unit : unit.map((c) => (c === '\r' ? '\n' : c)) },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 6 }).map((t) => (options.loneCr ? t : t.replace(/\r(?!\n)/g, '\n'))),
    },
  );
}

/** Text an edit inserts: a few pieces. */
export function insertion(options: MutationOptions): fc.Arbitrary<string> {
  // A CR inserted right before an LF-less point would still be lone: pieces are joined, then lone CRs dropped.
  return fc
    .array(pieces(options), { minLength: 1, maxLength: 5 })
    .map((parts) => parts.join(''))
    .map((t) => (options.loneCr ? t : t.replace(/\r(?!\n)/g, '')));
}

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const anchor: fc.Arbitrary<Anchor> = fc.oneof(
  { weight: 4, arbitrary: fraction.map((f) => ({ at: 'offset' as const, fraction: f })) },
  { weight: 3, arbitrary: fc.record({ at: fc.constant('key' as const), n: fc.nat(400), within: fraction }) },
  { weight: 2, arbitrary: fc.record({ at: fc.constant('number' as const), n: fc.nat(400), within: fraction }) },
  { weight: 1, arbitrary: fc.record({ at: fc.constant('lineStart' as const), n: fc.nat(400) }) },
  { weight: 1, arbitrary: fc.record({ at: fc.constant('lineEnd' as const), n: fc.nat(400) }) },
);

const length = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 80 }) },
  { weight: 1, arbitrary: fc.integer({ min: 81, max: 3000 }) },
);

export function edit(options: MutationOptions): fc.Arbitrary<Edit> {
  const text = insertion(options);
  const ends = options.loneCr ? (['crlf', 'lf', 'cr'] as const) : (['crlf', 'lf'] as const);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), anchor, text }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), anchor, length }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), anchor, length, text }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('eol' as const), anchor, length, to: fc.constantFrom(...ends) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('tabs' as const), anchor, length }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), fraction }) },
  );
}

const EXAMPLE_TEXTS = ['caozhen-2020.nianbao.yaml', 'shifan-2024.nianbao.yaml'].map((name) =>
  readFileSync(join(EXAMPLES, name), 'utf8'),
);

/** A valid report to start from: one of the examples, or a random consistent report of either edition. */
export const baseReport: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EXAMPLE_TEXTS),
  fc
    .constantFrom<Edition>(2019, 2021)
    .chain((edition) => consistentReport(edition))
    .map((data) => writeReport(data)),
);

/** Printable summary of a change for failure messages. */
export function showChange(c: Change): string {
  return `${c.full ? 'full ' : ''}[${c.start},${c.end}) → ${JSON.stringify(c.text)}`;
}
