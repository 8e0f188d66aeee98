/**
 * The core in-process under the same edit sequences, many more of them than a server process can take in the same
 * time, lone CRs included: analysis, every editor assist at random offsets, rendering, next year's report, the
 * workspace index and every quick fix never throw; every range lies inside the text; every fix applies, keeps the
 * comments it does not touch, and leaves a text that still analyses.
 */
import fc from 'fast-check';
import {
  ReportIndex,
  analyze,
  applyEdits,
  columnHints,
  completionsAt,
  fixAllTotals,
  fixEdits,
  foldingRegions,
  hoverAt,
  nextYearReport,
  notRenderable,
  outline,
  renderPage,
  renderReport,
} from '../../../core/src/index';
import type { Analysis, TextEdit } from '../../../core/src/index';
import { applyEdits as applyFuzzEdits, baseReport, edit } from './mutations';
import type { Edit } from './mutations';
import type { FuzzTarget } from './runFuzz';

/** Comments of a text, with where they are. */
function comments(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(/(?<=^|[ \t])#[^\n\r]*/gm))
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** A fix's edits apply to `text`, and every comment they do not overlap is still there, where it was. */
export function checkFix(text: string, edits: readonly TextEdit[], what: string): string {
  for (const e of edits) {
    if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length))
      throw new Error(`${what}: edit ${e.start}-${e.end} outside the text (${text.length})`);
  }
  const fixed = applyEdits(text, edits);
  for (const c of comments(text)) {
    if (edits.some((e) => e.start < c.end && e.end > c.start)) continue;
    const shift = edits
      .filter((e) => e.end <= c.start && !(e.start === e.end && e.start === c.start))
      .reduce((sum, e) => sum + e.newText.length - (e.end - e.start), 0);
    const inserted = edits
      .filter((e) => e.start === e.end && e.start === c.start)
      .reduce((sum, e) => sum + e.newText.length, 0);
    const at = c.start + shift + inserted;
    if (fixed.slice(at, at + c.text.length) !== c.text)
      throw new Error(`${what}: the comment ${JSON.stringify(c.text)} is gone`);
  }
  return fixed;
}

function inText(analysis: Analysis, start: number, end: number, what: string): void {
  const n = analysis.doc.text.length;
  if (!(start >= 0 && start <= end && end <= n))
    throw new Error(`${what}: range ${start}-${end} outside the text (${n})`);
}

export function checkText(text: string, where: readonly number[]): void {
  const analysis = analyze(text);
  for (const d of analysis.diagnostics) {
    inText(analysis, d.range.start, d.range.end, d.code);
    if (!d.message.zh.trim() || !d.message.en.trim()) throw new Error(`${d.code} without a message`);
    for (const r of d.related ?? [])
      if (r.uri === undefined) inText(analysis, r.range.start, r.range.end, `${d.code} related`);
  }
  for (const f of where) {
    const offset = Math.floor(f * (text.length + 1));
    for (const c of completionsAt(analysis, offset, { currentYear: 2025 }))
      inText(analysis, c.range.start, c.range.end, `completion ${c.label.zh}`);
    const h = hoverAt(analysis, offset);
    if (h) inText(analysis, h.range.start, h.range.end, 'hover');
  }
  for (const h of columnHints(analysis.report)) inText(analysis, h.offset, h.offset, 'inlay hint');
  for (const item of outline(analysis)) inText(analysis, item.range.start, item.range.end, `outline ${item.name}`);
  for (const fold of foldingRegions(analysis.doc)) inText(analysis, fold.start, fold.end, 'fold');
  renderReport(analysis, { annotate: true, lang: 'en' });
  if (!notRenderable(analysis)) renderPage(analysis);
  const next = nextYearReport(analysis.report);
  if (next.ok) {
    const syntax = analyze(next.text).diagnostics.filter((d) => d.code < 'NB110');
    if (syntax.length)
      throw new Error(
        `next year's report is not well-formed: ${syntax.map((d) => `${d.code} ${d.message.en}`).join('; ')}\n${next.text.slice(0, 400)}`,
      );
  }
  for (const d of analysis.diagnostics) {
    if (!d.fix) continue;
    const edits = fixEdits(analysis, d.fix);
    if (edits) analyze(checkFix(text, edits, `fix of ${d.code}`));
  }
  analyze(checkFix(text, fixAllTotals(text, analysis), 'fix all totals'));
  // The workspace index with the text and a copy a year on (a carry-over pair, a duplicate).
  const index = new ReportIndex();
  index.set('a', text, analysis);
  index.set(
    'b',
    text.replace(/年度: *(\d{4})/, (_, y: string) => `年度: ${Number(y) + 1}`),
  );
  index.set('c', text);
  for (const key of ['a', 'b', 'c']) index.diagnostics(key);
  index.delete('a');
}

export class CoreFuzz implements FuzzTarget<[string, Edit[], number[]]> {
  readonly name = 'core';
  private texts = 0;

  async setup(): Promise<void> {}
  async teardown(): Promise<void> {}

  counters(): Record<string, number> {
    return { texts: this.texts };
  }

  readonly property = fc.asyncProperty(
    baseReport,
    fc.array(edit({ loneCr: true }), { minLength: 1, maxLength: 12 }),
    fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 6 }),
    async (base, edits, where) => {
      // Every text of the sequence, not only the last: each is what the editor had at some point.
      let text = base;
      for (let i = 0; i < edits.length; i++) {
        text = applyFuzzEdits(text, [edits[i]]);
        if (i % 3 === 2 || i === edits.length - 1) {
          this.texts++;
          checkText(text, where);
        }
      }
    },
  );
}
