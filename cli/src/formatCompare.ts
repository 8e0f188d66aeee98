/**
 * A comparison for the terminal and as JSON. JSON keeps the documented shape:
 * `{"version":1,"from":{"file","机关","年度","格式"},"to":{…},"cells":[{"path","from","to","change","ratio"}],
 * "findings":[…]}` — a cell only one edition prints also carries `"only":"from"|"to"`; the findings are `check`'s
 * JSON diagnostics, in TO's lines and columns.
 */
import type { CellComparison, Comparison, Lang, SentenceChange, SideInfo } from '../../core/src/index';
import { displayWidth, formatFileHuman } from './formatHuman';
import { toJsonFile } from './formatJson';
import type { JsonDiagnostic } from './formatJson';
import { strings } from './strings';

export interface ComparisonJsonSide {
  readonly file: string;
  readonly 机关: string | null;
  readonly 年度: number | null;
  readonly 格式: number;
}

export interface ComparisonJsonCell {
  readonly path: readonly (string | number)[];
  readonly from: number | null;
  readonly to: number | null;
  readonly change: number | null;
  readonly ratio: number | null;
  readonly only?: 'from' | 'to';
}

export interface ComparisonJson {
  readonly version: 1;
  readonly from: ComparisonJsonSide;
  readonly to: ComparisonJsonSide;
  readonly cells: readonly ComparisonJsonCell[];
  readonly findings: readonly JsonDiagnostic[];
}

function jsonSide(side: SideInfo): ComparisonJsonSide {
  return { file: side.uri, 机关: side.agency ?? null, 年度: side.year ?? null, 格式: side.edition };
}

export function comparisonJson(comparison: Comparison, toText: string, lang: Lang): ComparisonJson {
  return {
    version: 1,
    from: jsonSide(comparison.from),
    to: jsonSide(comparison.to),
    cells: comparison.cells.map((c) => ({
      path: [...c.path],
      from: c.from,
      to: c.to,
      change: c.change,
      ratio: c.ratio,
      ...(c.only ? { only: c.only } : {}),
    })),
    findings: toJsonFile(comparison.to.uri, toText, comparison.findings, lang).diagnostics,
  };
}

const SECTION_TITLES: Readonly<Record<string, string>> = {
  active: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
};

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function value(c: CellComparison, side: 'from' | 'to', lang: Lang): string {
  const s = strings(lang);
  const state = side === 'from' ? c.fromState : c.toState;
  const v = side === 'from' ? c.from : c.to;
  return state === 'number' ? String(v) : s.compareState[state];
}

function percent(c: CellComparison): string {
  if (c.ratio === null) return '';
  const p = Math.round((c.ratio - 1) * 1000) / 10;
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p)}%`;
}

function sentenceLine(change: SentenceChange): string {
  switch (change.op) {
    case 'removed':
      return `    - ${change.from}`;
    case 'added':
      return `    + ${change.to}`;
    case 'changed':
      return `    ~ ${(change.pieces ?? [])
        .map((p) => (p.op === 'same' ? p.text : p.op === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`))
        .join('')}`;
    default:
      return '';
  }
}

export function formatComparisonHuman(comparison: Comparison, toText: string, lang: Lang, color: boolean): string {
  const s = strings(lang);
  const c = comparison;
  const side = (x: SideInfo): string => s.compareSide(x.agency ?? '〔机关〕', x.year, x.edition, x.uri);
  const out: string[] = [s.compareHeader(side(c.from), side(c.to))];
  if (!c.sameAgency) out.push(s.compareNotSameAgency);
  else if (!c.consecutive) out.push(s.compareNotConsecutive);
  const changed = c.cells.filter((x) => x.change !== null && x.change !== 0);
  const stateChanged = c.cells.filter((x) => !x.only && x.change === null && x.fromState !== x.toState);
  out.push(
    s.compareCells(
      c.cells.length,
      changed.length,
      changed.filter((x) => (x.change as number) > 0).length,
      changed.filter((x) => (x.change as number) < 0).length,
      c.cells.filter((x) => x.only).length,
    ),
  );
  const listed = [...changed, ...stateChanged].sort((a, b) => c.cells.indexOf(a) - c.cells.indexOf(b));
  // Long row names (其他处理 1. and 2.) push their own line only.
  const width = Math.min(40, Math.max(0, ...listed.map((x) => displayWidth(x.name))));
  let section = '';
  for (const x of listed) {
    if (x.section !== section) {
      section = x.section;
      out.push(`  ${SECTION_TITLES[section] ?? section}`);
    }
    const delta = x.change === null ? '' : `${x.change > 0 ? '+' : '−'}${Math.abs(x.change)}`;
    out.push(
      `    ${pad(x.name, width)}  ${pad(value(x, 'from', lang), 8, true)} → ${pad(value(x, 'to', lang), 8)} ${pad(delta, 7, true)} ${percent(x)}`.trimEnd(),
    );
  }
  for (const which of ['from', 'to'] as const) {
    const only = c.cells.filter((x) => x.only === which);
    if (only.length === 0) continue;
    const info = which === 'from' ? c.from : c.to;
    out.push(`  ${s.compareOnly(info.year, info.edition)}`);
    const w = Math.min(40, Math.max(...only.map((x) => displayWidth(x.name))));
    for (const x of only) out.push(`    ${pad(x.name, w)}  ${value(x, which, lang)}`);
  }
  out.push(s.compareText);
  for (const sec of c.sections) {
    const percentSame = Math.round(sec.diff.similarity * 100);
    out.push(`  ${sec.label}：${s.compareSimilarity(percentSame)}`);
    for (const change of sec.diff.changes) if (change.op !== 'same') out.push(sentenceLine(change));
  }
  if (c.consecutive) {
    out.push(c.findings.length ? s.compareFindings(c.findings.length) : s.compareNoFindings);
    if (c.findings.length) {
      const text = formatFileHuman(c.to.uri, toText, c.findings, lang, color);
      out.push(
        ...text
          .trimEnd()
          .split('\n')
          .map((l) => (l ? `  ${l}` : l)),
      );
    }
  }
  return `${out.join('\n')}\n`;
}
