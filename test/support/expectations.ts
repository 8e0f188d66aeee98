/**
 * Expected diagnostics written in a fixture next to the line they mark.
 *
 *   予以公开: [38, 5, 0, 1, 1, 1, 47]   # expect: NB303 `应为 46（自然人 38 + 商业企业 5`
 *
 * - `# expect: CODE, CODE …` as a trailing comment: one diagnostic of each listed code starts on this line
 *   (list a code twice for two diagnostics).
 * - `# expect+N: …` / `# expect-N: …` on a line of its own: the diagnostics start N lines below / above the
 *   comment. For lines that cannot carry a comment: inside a block scalar or a multi-line string, or where a
 *   comment would change what is tested.
 * - A directive ends at the next ` #`, so that a line keeps its own comment after it.
 * - After a code, one or more `backtick-quoted` fragments that the diagnostic's Chinese message must contain
 *   (`en:` before a fragment checks the English message instead).
 *
 * The fixture test asserts exactly this set of (line, code) pairs: nothing more, nothing less.
 */

export interface Expectation {
  /** 1-based line where the diagnostic starts. */
  readonly line: number;
  readonly code: string;
  /** Fragments the message must contain, by language. */
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

const DIRECTIVE = /#\s*expect(?:([+-])(\d+))?:(.*)$/;
const ITEM = /(NB\d{3})((?:\s*(?:en:)?`[^`]*`)*)/g;
const FRAGMENT = /(en:)?`([^`]*)`/g;

export class ExpectationSyntaxError extends Error {}

export function readExpectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const offset = m[1] ? (m[1] === '+' ? 1 : -1) * Number(m[2]) : 0;
    const target = i + 1 + offset;
    if (target < 1 || target > lines.length) throw new ExpectationSyntaxError(`line ${i + 1}: expect${m[1] ?? ''}${m[2] ?? ''} points outside the file`);
    // A further comment after the directive (`# expect: NB202  # 本年处理决定数量`) is not part of it.
    const body = m[3].split(/\s#/)[0];
    const items = [...body.matchAll(ITEM)];
    // Everything in the directive must be a code or a fragment: a typo must not silently expect nothing.
    const rest = body.replace(ITEM, '').replace(/[\s,]/g, '');
    if (items.length === 0 || rest !== '') throw new ExpectationSyntaxError(`line ${i + 1}: cannot read "${line.trim()}"`);
    for (const item of items) {
      const zh: string[] = [];
      const en: string[] = [];
      for (const f of item[2].matchAll(FRAGMENT)) (f[1] ? en : zh).push(f[2]);
      out.push({ line: target, code: item[1], zh, en });
    }
  });
  return out;
}
