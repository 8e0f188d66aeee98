/**
 * Expected diagnostics written in a fixture next to the line they mark:
 *   行政复议: [2, 1, 0, 1, 4]     # expect: NB306 "应为 4"; NB304
 * A code, optionally followed by a fragment its Chinese message must contain; several separated by `;`.
 */
import { LineIndex } from '../../core/src/index';
import type { Diagnostic } from '../../core/src/index';

export interface Expected {
  readonly line: number;
  readonly code: string;
  readonly fragment?: string;
}

const EXPECT = /#\s*expect:\s*(.+)$/;
const ITEM = /^\s*(NB\d{3})(?:\s+"([^"]*)")?\s*$/;

export function expectationsOf(text: string): Expected[] {
  const out: Expected[] = [];
  text.split('\n').forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    for (const item of m[1].split(';')) {
      const parsed = ITEM.exec(item);
      if (!parsed) throw new Error(`line ${i + 1}: cannot read expectation "${item}"`);
      out.push({ line: i + 1, code: parsed[1], ...(parsed[2] !== undefined ? { fragment: parsed[2] } : {}) });
    }
  });
  return out;
}

/** Compare diagnostics with the fixture's expectations; returns the differences as readable lines (empty = ok). */
export function compareExpectations(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const index = new LineIndex(text);
  const expected = expectationsOf(text);
  const actual = diagnostics.map((d) => ({ line: index.positionAt(d.range.start).line + 1, code: d.code, message: d.message.zh }));
  const problems: string[] = [];
  const unmatched = [...actual];
  for (const e of expected) {
    const i = unmatched.findIndex((a) => a.line === e.line && a.code === e.code && (e.fragment === undefined || a.message.includes(e.fragment)));
    if (i < 0) problems.push(`missing: line ${e.line} ${e.code}${e.fragment ? ` "${e.fragment}"` : ''}`);
    else unmatched.splice(i, 1);
  }
  for (const a of unmatched) problems.push(`unexpected: line ${a.line} ${a.code} ${a.message}`);
  return problems;
}
