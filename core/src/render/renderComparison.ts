/**
 * A comparison of two reports as HTML: the tables in the official layout of the later report's edition with both
 * years' values in every cell and the change marked (up, down, same, blank, only one edition), the cells that only
 * the other edition prints in a table of their own below their section, the narrative sections 一/五/六 sentence
 * by sentence (kept, removed, added, rewritten with the words that changed), and the findings between the years,
 * each linked to the cell it is about (`data-target` → `data-cell`). Everything from the reports passes
 * `escapeHtml`; labels come from the template model.
 */
import type { CellComparison, Comparison } from '../compare/compareReports';
import type { SentenceChange } from '../compare/sentenceDiff';
import type { Diagnostic, Lang } from '../diagnostics/diagnostic';
import { localize } from '../diagnostics/diagnostic';
import { fmt } from '../i18n/messages';
import type { BoundReport } from '../model/bindReport';
import type { PlacedNode } from '../template/templates';
import { pathKey, templateIndex } from '../template/templates';
import type { GroupNode } from '../template/types';
import { escapeHtml } from './escapeHtml';
import { spanAttributes, writeGridTable } from './gridTable';
import { PAGE_TAIL, pageHead } from './renderPage';
import { PAGE_STYLE } from './pageStyle';
import { findingLines, sourceAttributes } from './sourceAttributes';
import type { GridCell, TableGrid } from './tableGrid';
import { tableGrid } from './tableGrid';

export interface ComparisonStrings {
  readonly title: (agency: string, from: string, to: string) => string;
  readonly sides: (from: string, to: string) => string;
  readonly edition: (edition: number) => string;
  readonly notSameAgency: string;
  readonly notConsecutive: string;
  readonly summary: (changed: number, up: number, down: number, only: number) => string;
  readonly findings: (n: number) => string;
  readonly noFindings: string;
  readonly blank: string;
  readonly absent: string;
  readonly unreadable: string;
  readonly missing: string;
  readonly onlyIn: (year: string, edition: number) => string;
  readonly item: string;
  readonly similarity: (percent: number) => string;
  readonly cellTitle: (from: string, to: string, change: string) => string;
  readonly up: (change: string, percent: string) => string;
  readonly down: (change: string, percent: string) => string;
  readonly same: string;
  readonly removed: string;
  readonly added: string;
  readonly empty: string;
}

const STRINGS: Readonly<Record<Lang, ComparisonStrings>> = {
  zh: {
    title: (agency, from, to) => `${agency}年报对比：${from} → ${to}`,
    sides: (from, to) => `上一年度：${from}；本年度：${to}`,
    edition: (edition) => `${edition}年版`,
    notSameAgency: '两份年报不是同一机关：只比较数字和文字，不检查跨年度衔接。',
    notConsecutive: '两份年报不是相邻年度：只比较数字和文字，不检查跨年度衔接。',
    summary: (changed, up, down, only) =>
      `${changed} 个单元格有变化（增加 ${up}，减少 ${down}）${only ? `；${only} 个单元格只有一种格式版本有` : ''}`,
    findings: (n) => `跨年度检查：${n} 个问题`,
    noFindings: '跨年度检查：没有发现问题',
    blank: '空白',
    absent: '无此项',
    unreadable: '无法识别',
    missing: '缺少',
    onlyIn: (year, edition) => `只有${year}（${edition}年版格式）有的项目`,
    item: '项目',
    similarity: (p) => `与上一年度相同的句子占 ${p}%`,
    cellTitle: (from, to, change) => `上一年度 ${from}，本年度 ${to}${change ? `，${change}` : ''}`,
    up: (c, p) => `增加 ${c}${p ? `（+${p}%）` : ''}`,
    down: (c, p) => `减少 ${c}${p ? `（−${p}%）` : ''}`,
    same: '没有变化',
    removed: '删去',
    added: '新增',
    empty: '（无内容）',
  },
  en: {
    title: (agency, from, to) => `${agency}: ${from} → ${to} compared`,
    sides: (from, to) => `Earlier: ${from}; later: ${to}`,
    edition: (edition) => `${edition} template`,
    notSameAgency: 'The reports are of different agencies: figures and text are compared, continuity is not checked.',
    notConsecutive:
      'The reports are not of consecutive years: figures and text are compared, continuity is not checked.',
    summary: (changed, up, down, only) =>
      `${changed} cell(s) changed (${up} up, ${down} down)${only ? `; ${only} cell(s) in one template only` : ''}`,
    findings: (n) => `Across the years: ${n} problem(s)`,
    noFindings: 'Across the years: no problems found',
    blank: 'blank',
    absent: 'n/a',
    unreadable: 'unreadable',
    missing: 'missing',
    onlyIn: (year, edition) => `Only in ${year} (${edition} template)`,
    item: 'Item',
    similarity: (p) => `${p}% of the sentences as last year`,
    cellTitle: (from, to, change) => `earlier ${from}, later ${to}${change ? `, ${change}` : ''}`,
    up: (c, p) => `up ${c}${p ? ` (+${p}%)` : ''}`,
    down: (c, p) => `down ${c}${p ? ` (−${p}%)` : ''}`,
    same: 'unchanged',
    removed: 'removed',
    added: 'added',
    empty: '(empty)',
  },
};

export interface ComparisonInput {
  readonly comparison: Comparison;
  /** The later report (`to`): its edition's grid is the layout; its findings' paths are its cells. */
  readonly to: BoundReport;
}

export interface RenderedComparison {
  readonly title: string;
  /** A single `<article class="nb-report nb-compare">`. */
  readonly html: string;
}

const cellKey = (rowId: string, columnId: string): string => `${rowId}#${columnId}`;

function valueText(c: CellComparison, side: 'from' | 'to', s: ComparisonStrings): string {
  const state = side === 'from' ? c.fromState : c.toState;
  const value = side === 'from' ? c.from : c.to;
  switch (state) {
    case 'number':
      return fmt(value as number);
    case 'blank':
      return s.blank;
    case 'absent':
      return s.absent;
    case 'unreadable':
      return s.unreadable;
    default:
      return s.missing;
  }
}

function changeText(c: CellComparison, s: ComparisonStrings): string {
  if (c.change === null) return '';
  if (c.change === 0) return s.same;
  const percent = c.ratio === null ? '' : fmt(Math.round(Math.abs(c.ratio - 1) * 1000) / 10);
  return c.change > 0 ? s.up(fmt(c.change), percent) : s.down(fmt(-c.change), percent);
}

function trend(c: CellComparison): string {
  if (c.only) return 'nb-only';
  if (c.change === null) return c.fromState === 'blank' || c.toState === 'blank' ? 'nb-blank' : 'nb-none';
  return c.change > 0 ? 'nb-up' : c.change < 0 ? 'nb-down' : 'nb-same';
}

class Writer {
  readonly out: string[] = [];
  readonly cells = new Map<string, { index: number; cell: CellComparison }>();
  /** Findings by the cell they sit on (its index), and those that sit elsewhere (a narrative). */
  readonly findingsAt = new Map<number, Diagnostic[]>();
  readonly findingTarget = new Map<Diagnostic, string>();

  constructor(
    readonly input: ComparisonInput,
    readonly s: ComparisonStrings,
    readonly lang: Lang,
    /** Source links (`data-path`, `data-start`, `data-end`) for the webview's clicks; a standalone page has none. */
    readonly annotate: boolean,
  ) {
    const byPath = new Map<string, number>();
    input.comparison.cells.forEach((cell, index) => {
      this.cells.set(cellKey(cell.rowId, cell.columnId), { index, cell });
      if (cell.only !== 'from') byPath.set(pathKey(cell.path), index);
    });
    for (const d of input.comparison.findings) {
      const at = byPath.get(pathKey(d.path));
      if (at !== undefined) {
        const list = this.findingsAt.get(at) ?? [];
        list.push(d);
        this.findingsAt.set(at, list);
        this.findingTarget.set(d, `c${at}`);
      } else if (typeof d.path[0] === 'string') {
        const placed = input.to.template.byPath.get(pathKey([d.path[0]]));
        if (placed) this.findingTarget.set(d, `s-${placed.node.id}`);
      }
    }
  }
}

function renderValueCell(w: Writer, g: GridCell, span: string): void {
  const found = g.placed && g.column ? w.cells.get(cellKey(g.placed.node.id, g.column.id)) : undefined;
  if (!found) {
    w.out.push(`<td class="nb-value nb-cmp nb-none"${span}></td>`);
    return;
  }
  const { index, cell } = found;
  const findings = w.findingsAt.get(index);
  const from = valueText(cell, 'from', w.s);
  const to = valueText(cell, 'to', w.s);
  const change = changeText(cell, w.s);
  let title = w.s.cellTitle(from, to, change);
  if (findings) title += `\n${findingLines(findings, w.lang)}`;
  const escaped = escapeHtml(title);
  const cls = `nb-value nb-cmp ${trend(cell)}${findings ? ` nb-marked nb-${findings.some((d) => d.severity === 'error') ? 'error' : 'warning'}` : ''}`;
  const data = w.annotate && cell.toRange ? sourceAttributes(cell.path, cell.toRange) : '';
  const delta =
    cell.change !== null && cell.change !== 0
      ? `<span class="nb-delta">${cell.change > 0 ? '+' : '−'}${escapeHtml(fmt(Math.abs(cell.change)))}</span>`
      : '';
  w.out.push(
    `<td class="${cls}" data-cell="c${index}"${data} title="${escaped}" aria-label="${escaped}"${span}>`,
    `<span class="nb-now">${escapeHtml(to)}</span><span class="nb-was">${escapeHtml(from)}</span>${delta}</td>`,
  );
}

function renderGrid(w: Writer, grid: TableGrid): void {
  writeGridTable(w.out, grid, (c) => {
    const span = spanAttributes(c);
    if (c.kind === 'value') renderValueCell(w, c, span);
    else if (c.kind === 'void') w.out.push(`<td class="nb-void"${span}></td>`);
    else {
      const scope = c.kind === 'label' ? ' scope="row"' : '';
      w.out.push(`<th class="nb-${c.kind}"${scope}${span}>${escapeHtml(c.text)}</th>`);
    }
  });
}

/** Cells of this section that only the earlier report's edition prints, as a two-column table. */
function renderOnlyFrom(w: Writer, section: string): void {
  const { comparison } = w.input;
  const rows = comparison.cells
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell }) => cell.only === 'from' && cell.section === section);
  if (rows.length === 0) return;
  const year = comparison.from.year === undefined ? '' : String(comparison.from.year);
  const caption = w.s.onlyIn(year, comparison.from.edition);
  w.out.push(
    `<div class="nb-table-wrap"><table class="nb-table nb-only-table"><thead><tr><th class="nb-caption" colspan="2">${escapeHtml(caption)}</th></tr></thead><tbody>`,
  );
  for (const { cell, index } of rows) {
    const from = valueText(cell, 'from', w.s);
    w.out.push(
      `<tr><th class="nb-label" scope="row">${escapeHtml(cell.name)}</th><td class="nb-value nb-cmp nb-only" data-cell="c${index}" title="${escapeHtml(w.s.cellTitle(from, w.s.absent, ''))}"><span class="nb-was">${escapeHtml(from)}</span></td></tr>`,
    );
  }
  w.out.push('</tbody></table></div>');
}

function renderSentence(change: SentenceChange, s: ComparisonStrings): string {
  switch (change.op) {
    case 'same':
      return `<li class="nb-same">${escapeHtml(change.to ?? '')}</li>`;
    case 'removed':
      return `<li class="nb-removed" title="${escapeHtml(s.removed)}"><del>${escapeHtml(change.from ?? '')}</del></li>`;
    case 'added':
      return `<li class="nb-added" title="${escapeHtml(s.added)}"><ins>${escapeHtml(change.to ?? '')}</ins></li>`;
    case 'changed':
      return `<li class="nb-changed">${(change.pieces ?? [])
        .map((p) =>
          p.op === 'same'
            ? escapeHtml(p.text)
            : p.op === 'removed'
              ? `<del>${escapeHtml(p.text)}</del>`
              : `<ins>${escapeHtml(p.text)}</ins>`,
        )
        .join('')}</li>`;
  }
}

function renderFindings(w: Writer): void {
  const { findings } = w.input.comparison;
  w.out.push(
    `<aside class="nb-summary nb-compare-findings"><p class="nb-summary-head">${escapeHtml(
      findings.length ? w.s.findings(findings.length) : w.s.noFindings,
    )}</p>`,
  );
  if (findings.length) {
    w.out.push('<ol class="nb-problems">');
    for (const d of findings) {
      const target = w.findingTarget.get(d);
      const data = `${target ? ` data-target="${target}"` : ''}${w.annotate ? sourceAttributes(d.path, d.range) : ''}`;
      w.out.push(
        `<li class="nb-problem nb-${d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info'}"${data}><span class="nb-code">${escapeHtml(d.code)}</span> ${escapeHtml(localize(d.message, w.lang))}</li>`,
      );
    }
    w.out.push('</ol>');
  }
  w.out.push('</aside>');
}

function sideName(agency: string | undefined, year: number | undefined, edition: number, s: ComparisonStrings): string {
  return `${agency ?? '〔机关〕'} ${year ?? '〔年度〕'}（${s.edition(edition)}）`;
}

export interface ComparisonOptions {
  readonly lang?: Lang;
  /** Source links on cells and findings (default true: the webview's); `renderComparisonPage` leaves them out. */
  readonly annotate?: boolean;
}

/** The comparison's title and its HTML in pieces, in order. */
function writeComparison(input: ComparisonInput, options: ComparisonOptions): { title: string; out: string[] } {
  const lang = options.lang ?? 'zh';
  const s = STRINGS[lang];
  const w = new Writer(input, s, lang, options.annotate ?? true);
  const { comparison: c, to } = input;
  const agency = c.to.agency ?? c.from.agency ?? '〔机关〕';
  const title = s.title(agency, String(c.from.year ?? '〔年度〕'), String(c.to.year ?? '〔年度〕'));
  const changed = c.cells.filter((x) => x.change !== null && x.change !== 0);
  w.out.push(`<article class="nb-report nb-compare" data-edition="${to.edition}">`);
  w.out.push(`<h1 class="nb-title">${escapeHtml(title)}</h1>`);
  w.out.push(
    `<p class="nb-compare-sides">${escapeHtml(
      s.sides(
        sideName(c.from.agency, c.from.year, c.from.edition, s),
        sideName(c.to.agency, c.to.year, c.to.edition, s),
      ),
    )}</p>`,
  );
  if (!c.sameAgency) w.out.push(`<p class="nb-compare-note">${escapeHtml(s.notSameAgency)}</p>`);
  else if (!c.consecutive) w.out.push(`<p class="nb-compare-note">${escapeHtml(s.notConsecutive)}</p>`);
  w.out.push(
    `<p class="nb-compare-summary">${escapeHtml(
      s.summary(
        changed.length,
        changed.filter((x) => (x.change as number) > 0).length,
        changed.filter((x) => (x.change as number) < 0).length,
        c.cells.filter((x) => x.only).length,
      ),
    )}</p>`,
  );
  if (c.consecutive) renderFindings(w);
  const template = templateIndex(to.edition);
  const sections = new Map(c.sections.map((x) => [x.id, x]));
  for (const placed of template.nodes) {
    if (placed.path.length !== 1) continue;
    const node = placed.node;
    if (node.kind === 'text') {
      const section = sections.get(node.id);
      if (!section) continue;
      const percent = Math.round(section.diff.similarity * 100);
      w.out.push(
        `<section class="nb-section nb-text nb-diff-section" data-section="${node.id}" data-cell="s-${node.id}">`,
        `<h2 class="nb-heading">${escapeHtml(section.label)}<span class="nb-similarity">${escapeHtml(s.similarity(percent))}</span></h2>`,
      );
      if (section.diff.changes.length === 0) w.out.push(`<p class="nb-p nb-placeholder">${escapeHtml(s.empty)}</p>`);
      else w.out.push(`<ol class="nb-diff">${section.diff.changes.map((x) => renderSentence(x, s)).join('')}</ol>`);
      w.out.push('</section>');
    } else if (node.kind === 'group' && node.table) {
      const group = placed as PlacedNode & { node: GroupNode };
      w.out.push(
        `<section class="nb-section nb-table-section" data-section="${node.id}"><h2 class="nb-heading">${escapeHtml(`${node.ordinal}${node.printed}`)}</h2>`,
      );
      renderGrid(w, tableGrid(template, group));
      renderOnlyFrom(w, node.id);
      w.out.push('</section>');
    }
  }
  w.out.push('</article>');
  return { title, out: w.out };
}

export function renderComparison(input: ComparisonInput, options: ComparisonOptions = {}): RenderedComparison {
  const { title, out } = writeComparison(input, options);
  return { title, html: out.join('') };
}

/** The style of a comparison on a standalone page (the webview has its own theme-aware sheet). */
export const COMPARISON_PAGE_STYLE = `
.nb-compare .nb-compare-sides, .nb-compare .nb-compare-note, .nb-compare .nb-compare-summary { margin: 0.2em 0; text-align: center; font-size: 14px; }
.nb-compare .nb-compare-note { color: #8a5a00; }
.nb-compare-findings { margin: 1em 0; padding: 0.4em 1em; border: 1px solid #999; font-size: 14px; }
.nb-compare-findings .nb-summary-head { margin: 0; font-weight: 700; }
.nb-compare-findings .nb-code { color: #555; }
.nb-cmp .nb-now { display: block; }
.nb-cmp .nb-was { display: block; color: #666; font-size: 12px; }
.nb-cmp .nb-was::before { content: "上年 "; }
.nb-cmp .nb-delta { display: block; font-size: 12px; font-weight: 700; }
.nb-cmp.nb-up .nb-delta { color: #0b5cad; }
.nb-cmp.nb-down .nb-delta { color: #b34700; }
.nb-cmp.nb-only { background: #f2f2f2; }
.nb-cmp.nb-marked { outline: 2px solid #bf8803; outline-offset: -2px; }
.nb-cmp.nb-marked.nb-error { outline-color: #e51400; }
.nb-similarity { margin-left: 1em; color: #666; font-size: 13px; }
.nb-diff { margin: 0 0 1em; padding-left: 1.6em; }
.nb-diff li { margin: 0.2em 0; }
.nb-diff .nb-same { color: #555; }
.nb-diff del { color: #b34700; text-decoration: line-through; }
.nb-diff ins { color: #0b5cad; text-decoration: underline; }
`;

/**
 * A standalone page of the comparison: UTF-8, the style embedded, no scripts, a CSP that loads nothing, and no
 * source links (nothing on the page follows them). Joined once: a page of Chinese text (two bytes a character) is
 * soon past V8's largest ordinary object (128 KB), and every copy of a string that large maps fresh memory.
 */
export function renderComparisonPage(
  input: ComparisonInput,
  options: { readonly lang?: Lang } = {},
): RenderedComparison {
  const { title, out } = writeComparison(input, { lang: options.lang, annotate: false });
  const head = pageHead(title, `${PAGE_STYLE}${COMPARISON_PAGE_STYLE}`, options.lang === 'en' ? 'en' : 'zh-CN');
  return { title, html: [head, ...out, PAGE_TAIL].join('') };
}
