/**
 * Expected diagnostics written in a fixture next to the line they mark — one convention for every fixture test.
 *
 *   予以公开: [38, 5, 0, 1, 1, 1, 47]   # expect: NB303 `应为 46（自然人 38 + 商业企业 5`
 *   上年结转…: [2, 2, 0, 1, 0, 1, 6]      # expect: NB306 "·自然人 应为 1"; NB306 "·总计 应为 5"
 *
 * - `# expect: CODE …` as a trailing comment: one diagnostic of each listed code starts on this line (list a code
 *   twice for two diagnostics). Codes are separated by `,` or `;`.
 * - `# expect+N: …` / `# expect-N: …` on a line of its own: the diagnostics start N lines below / above the
 *   comment. For lines that cannot carry a comment: inside a block scalar or a multi-line string, or where a
 *   comment would change what is tested.
 * - After a code, fragments its Chinese message must contain, in backticks or double quotes (`en:` before a
 *   fragment checks the English message instead).
 * - A directive ends at the next ` #`, so that a line keeps its own comment after it.
 *
 * The fixture tests assert exactly this set of (line, code) pairs: nothing more, nothing less.
 */
import { LineIndex } from '../../core/src/index';
import type { Diagnostic } from '../../core/src/index';

export interface Expectation {
  /** 1-based line where the diagnostic starts. */
  readonly line: number;
  readonly code: string;
  /** Fragments the message must contain, by language. */
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

const DIRECTIVE = /#\s*expect(?:([+-])(\d+))?:(.*)$/;
/** A code and its fragments (`en:` optional, in backticks or double quotes). */
const ITEM = /(NB\d{3})((?:\s*(?:en:)?(?:`[^`]*`|"[^"]*"))*)/g;
const FRAGMENT = /(en:)?(?:`([^`]*)`|"([^"]*)")/g;

export class ExpectationSyntaxError extends Error {}

export function readExpectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const offset = m[1] ? (m[1] === '+' ? 1 : -1) * Number(m[2]) : 0;
    const target = i + 1 + offset;
    if (target < 1 || target > lines.length)
      throw new ExpectationSyntaxError(`line ${i + 1}: expect${m[1] ?? ''}${m[2] ?? ''} points outside the file`);
    // A further comment after the directive (`# expect: NB202  # 本年处理决定数量`) is not part of it.
    const body = m[3].split(/\s#/)[0];
    const items = [...body.matchAll(ITEM)];
    // Everything in the directive must be a code or a fragment: a typo must not silently expect nothing.
    const rest = body.replace(ITEM, '').replace(/[\s,;]/g, '');
    if (items.length === 0 || rest !== '')
      throw new ExpectationSyntaxError(`line ${i + 1}: cannot read "${line.trim()}"`);
    for (const item of items) {
      const zh: string[] = [];
      const en: string[] = [];
      for (const f of item[2].matchAll(FRAGMENT)) (f[1] ? en : zh).push(f[2] ?? f[3]);
      out.push({ line: target, code: item[1], zh, en });
    }
  });
  return out;
}

interface Actual {
  readonly line: number;
  readonly diagnostic: Diagnostic;
}

function describe(a: Actual): string {
  return `line ${a.line} ${a.diagnostic.code} ${a.diagnostic.message.zh}`;
}

/**
 * The differences between a fixture's expectations and the diagnostics, as readable lines (empty = as expected):
 * expected diagnostics that are missing (or whose message lacks a fragment), and unexpected ones.
 */
export function compareExpectations(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const index = new LineIndex(text);
  const free: Actual[] = diagnostics.map((d) => ({ line: index.positionAt(d.range.start).line + 1, diagnostic: d }));
  const problems: string[] = [];
  // Expectations with fragments pick first, so that a bare expectation does not take their diagnostic.
  const expected = [...readExpectations(text)].sort((a, b) => b.zh.length + b.en.length - (a.zh.length + a.en.length));
  for (const e of expected) {
    const i = free.findIndex(
      (a) =>
        a.line === e.line &&
        a.diagnostic.code === e.code &&
        e.zh.every((f) => a.diagnostic.message.zh.includes(f)) &&
        e.en.every((f) => a.diagnostic.message.en.includes(f)),
    );
    if (i >= 0) {
      free.splice(i, 1);
      continue;
    }
    const fragments = [...e.zh.map((f) => `"${f}"`), ...e.en.map((f) => `en:"${f}"`)].join(' ');
    problems.push(`missing: line ${e.line} ${e.code}${fragments ? ` ${fragments}` : ''}`);
  }
  for (const a of free) problems.push(`unexpected: ${describe(a)}`);
  return problems;
}
