/** The summary that ends `nianbao check` over several reports: what was checked and the findings by rule. */
import { RULES, YEAR_PAIR_RULES, nb320DuplicateReport } from '../../core/src/index';
import type { Diagnostic, IndexStats, Lang, Severity } from '../../core/src/index';
import { displayWidth } from './formatHuman';
import { strings } from './strings';

export interface CodeCounts {
  error: number;
  warning: number;
  information: number;
}

export interface Summary {
  readonly reports: number;
  readonly agencies: number;
  readonly years: readonly number[];
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  /** Findings by code, codes in ascending order. */
  readonly byCode: Readonly<Record<string, CodeCounts>>;
}

export function summarise(stats: IndexStats, files: number, diagnostics: Iterable<Diagnostic>): Summary {
  const byCode = new Map<string, CodeCounts>();
  const totals: Record<Severity, number> = { error: 0, warning: 0, information: 0 };
  for (const d of diagnostics) {
    let counts = byCode.get(d.code);
    if (!counts) byCode.set(d.code, (counts = { error: 0, warning: 0, information: 0 }));
    counts[d.severity]++;
    totals[d.severity]++;
  }
  return {
    reports: files,
    agencies: stats.agencies,
    years: stats.years,
    errors: totals.error,
    warnings: totals.warning,
    information: totals.information,
    byCode: Object.fromEntries([...byCode.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}

function titleOf(code: string, lang: Lang): string {
  const rule = [...RULES, ...YEAR_PAIR_RULES, nb320DuplicateReport].find((r) => r.code === code);
  if (rule) return rule.title[lang];
  return strings(lang).genericTitles[code.slice(0, 3)] ?? '';
}

/** Contiguous years as ranges: 2019–2023, 2025. */
function yearsText(years: readonly number[], lang: Lang): string {
  if (years.length === 0) return strings(lang).summaryNoYears;
  const parts: string[] = [];
  let start = years[0];
  let prev = years[0];
  for (const y of [...years.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return parts.join(lang === 'zh' ? '、' : ', ');
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

export function formatSummaryHuman(summary: Summary, lang: Lang): string {
  const s = strings(lang);
  const lines = [
    s.summaryTitle(summary.reports, summary.agencies, yearsText(summary.years, lang), summary.years.length),
  ];
  const codes = Object.keys(summary.byCode);
  if (codes.length === 0) return `${lines.join('\n')}\n`;
  // The notes column only when there are notes.
  const keep = summary.information > 0 ? [0, 1, 2, 3, 4] : [0, 1, 2, 4];
  const pick = (r: readonly string[]): string[] => keep.map((i) => r[i]);
  const header = pick(s.summaryHeader);
  const rows = codes.map((code) => {
    const c = summary.byCode[code];
    return pick([code, String(c.error), String(c.warning), String(c.information), titleOf(code, lang)]);
  });
  const total = pick([
    s.summaryTotal,
    String(summary.errors),
    String(summary.warnings),
    String(summary.information),
    '',
  ]);
  const all = [header, ...rows, total];
  const last = keep.length - 1;
  const widths = keep.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i]))));
  const line = (r: readonly string[]): string =>
    `  ${r.map((cell, i) => (i === last ? cell : pad(cell, widths[i], i > 0))).join('  ')}`.trimEnd();
  lines.push(line(header), ...rows.map(line), line(total));
  return `${lines.join('\n')}\n`;
}
