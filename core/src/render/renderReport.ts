/**
 * `renderReport(analysis)`: a report as the HTML body of its published page — the title, the six sections in
 * template order, the narrative as paragraphs and the three tables exactly as the template prints them.
 *
 * Every label comes from the template model; from the report only values and narrative text are taken, always
 * escaped. With `annotate` (the preview) every section, paragraph and cell carries its YAML path and source
 * offsets (`data-path`, `data-start`, `data-end`), cells with problems carry a severity class and the messages
 * as a tooltip, and a summary of the problems opens the page.
 */
import type { Analysis } from '../analyze';
import type { Diagnostic, Lang, Range, Severity } from '../diagnostics/diagnostic';
import { localize } from '../diagnostics/diagnostic';
import type { BoundReport } from '../model/bindReport';
import { childrenOf } from '../model/bindReport';
import type { ScalarNode } from '../syntax/tree';
import type { PlacedNode, TemplateIndex } from '../template/templates';
import { displayLabel, pathKey } from '../template/templates';
import type { GroupNode, TextNode, YamlPath } from '../template/types';
import { cellContent, titleParts } from './cellText';
import { escapeHtml } from './escapeHtml';
import { spanAttributes, writeGridTable } from './gridTable';
import { paragraphShape, paragraphsOf } from './paragraphs';
import { renderStrings } from './renderStrings';
import { findingLines, sourceAttributes } from './sourceAttributes';
import type { GridCell, TableGrid } from './tableGrid';
import { tableGrid } from './tableGrid';

export type RenderInput = Pick<Analysis, 'doc' | 'report' | 'diagnostics'>;

export interface RenderOptions {
  /** Language of the problem summary and tooltips; the report itself is always in Chinese. */
  readonly lang?: Lang;
  /** Source mapping, problem marks and the summary, for the live preview. Off for a page to publish. */
  readonly annotate?: boolean;
  /** Most problems listed in the summary (the rest are counted). */
  readonly maxProblems?: number;
}

export interface RenderedReport {
  /** `<机关><年度>年政府信息公开工作年度报告` (placeholders for what is missing). */
  readonly title: string;
  /** The body: a single `<article>` element. */
  readonly html: string;
  readonly counts: Readonly<Record<Severity, number>>;
}

const META_IN_TITLE = ['meta.agency', 'meta.year'];
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information'];
const SEVERITY_CLASS: Readonly<Record<Severity, string>> = {
  error: 'nb-error',
  warning: 'nb-warning',
  information: 'nb-info',
};

const renderedPaths = new WeakMap<TemplateIndex, Set<string>>();

/** Paths that get an element of their own; a problem elsewhere is shown on the nearest of their ancestors. */
function pathsWithElements(index: TemplateIndex): Set<string> {
  let set = renderedPaths.get(index);
  if (set) return set;
  set = new Set();
  for (const placed of index.nodes) {
    const node = placed.node;
    if (node.kind === 'meta' && !META_IN_TITLE.includes(node.id)) continue;
    set.add(pathKey(placed.path));
    if (node.kind === 'row' && node.columns.length > 1)
      node.columns.forEach((_, i) => set!.add(pathKey([...placed.path, i])));
  }
  renderedPaths.set(index, set);
  return set;
}

class Writer {
  readonly out: string[] = [];
  readonly strings;
  private readonly byPath = new Map<string, Diagnostic[]>();
  private readonly byText = new Map<string, Diagnostic[]>();

  constructor(
    readonly input: RenderInput,
    readonly annotate: boolean,
    readonly lang: Lang,
  ) {
    this.strings = renderStrings(lang);
    if (!annotate) return;
    const { template } = input.report;
    const paths = pathsWithElements(template);
    for (const d of input.diagnostics) {
      const first = d.path[0];
      const placed = typeof first === 'string' ? template.byPath.get(pathKey([first])) : undefined;
      if (placed && placed.node.kind === 'text') {
        push(this.byText, placed.node.id, d);
        continue;
      }
      for (let n = d.path.length; n > 0; n--) {
        const key = pathKey(d.path.slice(0, n));
        if (paths.has(key)) {
          push(this.byPath, key, d);
          break;
        }
      }
    }
  }

  get report(): BoundReport {
    return this.input.report;
  }

  diagnosticsAt(path: YamlPath): readonly Diagnostic[] | undefined {
    return this.annotate ? this.byPath.get(pathKey(path)) : undefined;
  }

  textDiagnostics(id: string): readonly Diagnostic[] {
    return this.byText.get(id) ?? [];
  }

  /** ` class=… data-path=… data-start=… data-end=… title=…` */
  attrs(
    classes: string,
    path: YamlPath | undefined,
    range: Range | undefined,
    diagnostics?: readonly Diagnostic[],
    note?: string,
  ): string {
    let cls = classes;
    if (!this.annotate || !path) return cls ? ` class="${cls}"` : '';
    let title = note ?? '';
    if (diagnostics && diagnostics.length) {
      const worst = SEVERITY_ORDER.find((s) => diagnostics.some((d) => d.severity === s)) as Severity;
      cls = `${cls} nb-marked ${SEVERITY_CLASS[worst]}`;
      const messages = findingLines(diagnostics, this.lang);
      title = title ? `${title}\n${messages}` : messages;
    }
    let s = ` class="${cls}"${sourceAttributes(path, range)}`;
    if (title) s += ` title="${escapeHtml(title)}"`;
    return s;
  }

  /** Where a template node is in the text: its key, or the nearest ancestor's key when it is missing. */
  keyRange(placed: PlacedNode | undefined): Range | undefined {
    const { template, pairs } = this.report;
    for (let p = placed; p; p = template.byPath.get(pathKey(p.path.slice(0, -1)))) {
      const pair = pairs.get(p.node.id);
      if (pair) return { start: pair.key.start, end: pair.key.end };
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function renderTitle(w: Writer): string {
  const { report } = w;
  const { agency, year, suffix } = titleParts(report);
  const agencyMeta = report.meta.get('meta.agency');
  const yearMeta = report.meta.get('meta.year');
  const part = (id: string, text: string | undefined, placeholder: string, meta: typeof agencyMeta): string => {
    const placed = report.template.byId.get(id);
    const range = meta?.node
      ? { start: meta.node.start, end: meta.node.end }
      : meta
        ? { start: meta.pair.key.start, end: meta.pair.key.end }
        : undefined;
    const cls = text ? 'nb-meta' : 'nb-meta nb-placeholder';
    return `<span${w.attrs(cls, placed?.path, range, placed ? w.diagnosticsAt(placed.path) : undefined)}>${escapeHtml(text ?? placeholder)}</span>`;
  };
  w.out.push(
    '<h1 class="nb-title">',
    part('meta.agency', agency, w.strings.missingAgency, agencyMeta),
    part('meta.year', year, w.strings.missingYear, yearMeta),
    escapeHtml(suffix),
    '</h1>',
  );
  return `${agency ?? w.strings.missingAgency}${year ?? w.strings.missingYear}${suffix}`;
}

function renderSummary(w: Writer, counts: Record<Severity, number>, maxProblems: number): void {
  const s = w.strings;
  const { report } = w;
  const parts: string[] = [];
  if (counts.error) parts.push(`<span class="nb-count nb-error">${s.errors(counts.error)}</span>`);
  if (counts.warning) parts.push(`<span class="nb-count nb-warning">${s.warnings(counts.warning)}</span>`);
  if (counts.information) parts.push(`<span class="nb-count nb-info">${s.infos(counts.information)}</span>`);
  if (!parts.length) parts.push(`<span class="nb-count nb-clean">${s.clean}</span>`);
  const edition = escapeHtml(s.edition(report.edition, report.template.model.document, report.editionSource));
  w.out.push(
    `<aside class="nb-summary" aria-label="${escapeHtml(s.problems)}"><p class="nb-summary-head">${parts.join(' ')}<span class="nb-edition">${edition}</span></p>`,
  );
  const diagnostics = w.input.diagnostics;
  if (diagnostics.length) {
    w.out.push('<ol class="nb-problems">');
    for (const d of diagnostics.slice(0, maxProblems)) {
      w.out.push(
        `<li${w.attrs(`nb-problem ${SEVERITY_CLASS[d.severity]}`, d.path, d.range)}><span class="nb-code">${escapeHtml(d.code)}</span> ${escapeHtml(localize(d.message, w.lang))}</li>`,
      );
    }
    if (diagnostics.length > maxProblems)
      w.out.push(`<li class="nb-problem nb-more">${escapeHtml(s.more(diagnostics.length - maxProblems))}</li>`);
    w.out.push('</ol>');
  }
  w.out.push('</aside>');
}

function renderHeading(w: Writer, placed: PlacedNode): void {
  w.out.push(
    `<h2${w.attrs('nb-heading', placed.path, w.keyRange(placed), w.diagnosticsAt(placed.path))}>${escapeHtml(displayLabel(placed.node))}</h2>`,
  );
}

function renderText(w: Writer, placed: PlacedNode & { node: TextNode }): void {
  const bound = w.report.texts.get(placed.node.id);
  const diagnostics = w.textDiagnostics(placed.node.id);
  const node = bound?.node && bound.node.kind === 'scalar' ? (bound.node as ScalarNode) : undefined;
  const paragraphs = node && bound ? paragraphsOf(w.input.doc.text, node, bound.text) : [];
  // Problems inside the text go to the paragraph they point into; the others (a missing or non-text value)
  // to the heading.
  const onParagraph = new Set<Diagnostic>();
  const perParagraph = paragraphs.map((p) => {
    const here = diagnostics.filter(
      (d) => d.range.start >= p.range.start && d.range.start <= p.range.end && !onParagraph.has(d),
    );
    here.forEach((d) => onParagraph.add(d));
    return here;
  });
  w.out.push(`<section class="nb-section nb-text" data-section="${placed.node.id}">`);
  w.out.push(
    `<h2${w.attrs(
      'nb-heading',
      placed.path,
      w.keyRange(placed),
      diagnostics.filter((d) => !onParagraph.has(d)),
    )}>${escapeHtml(displayLabel(placed.node))}</h2>`,
  );
  paragraphs.forEach((p, i) => {
    const shape = paragraphShape(p.lines);
    const cls = shape.heading ? `nb-p nb-h${shape.heading}` : 'nb-p';
    const lines = p.lines.map(escapeHtml);
    if (shape.lead) {
      const first = p.lines[0];
      lines[0] =
        `<span class="nb-lead nb-lead-${shape.lead.level}">${escapeHtml(first.slice(0, shape.lead.length))}</span>` +
        escapeHtml(first.slice(shape.lead.length));
    }
    w.out.push(`<p${w.attrs(cls, placed.path, p.range, perParagraph[i])}>${lines.join('<br>')}</p>`);
  });
  w.out.push('</section>');
}

function renderGridCell(w: Writer, c: GridCell, tag: 'th' | 'td'): void {
  const span = spanAttributes(c);
  if (c.kind === 'value' && c.placed && c.column && c.columnIndex !== undefined) {
    const row = w.report.rows.get(c.placed.node.id);
    const bound = row?.cells[c.columnIndex];
    const path =
      c.placed.node.kind === 'row' && c.placed.node.columns.length > 1
        ? [...c.placed.path, c.columnIndex]
        : c.placed.path;
    const range = bound?.node
      ? { start: bound.node.start, end: bound.node.end }
      : row
        ? { start: row.pair.key.start, end: row.pair.key.end }
        : w.keyRange(c.placed);
    const { text, state } = cellContent(bound);
    let cls = c.column.kind === 'amount' ? 'nb-value nb-amount' : 'nb-value';
    if (state) cls += ` nb-${state}`;
    const note = c.column.unit && text && state === '' ? `${text} ${c.column.unit}` : undefined;
    w.out.push(`<td${w.attrs(cls, path, range, w.diagnosticsAt(path), note)}${span}>${escapeHtml(text)}</td>`);
    return;
  }
  if (c.kind === 'void') {
    w.out.push(`<td class="nb-void"${span}></td>`);
    return;
  }
  const cls = `nb-${c.kind}`;
  const scope = c.kind === 'label' ? ' scope="row"' : '';
  const placed = c.placed;
  const attrs = placed
    ? w.attrs(cls, placed.path, w.keyRange(placed), w.diagnosticsAt(placed.path))
    : ` class="${cls}"`;
  w.out.push(`<${tag}${attrs}${scope}${span}>${escapeHtml(c.text)}</${tag}>`);
}

function renderTable(w: Writer, grid: TableGrid): void {
  writeGridTable(w.out, grid, (c) => renderGridCell(w, c, c.kind === 'value' || c.kind === 'void' ? 'td' : 'th'));
}

function renderSection(w: Writer, placed: PlacedNode & { node: GroupNode }): void {
  w.out.push(`<section class="nb-section nb-table-section" data-section="${placed.node.id}">`);
  renderHeading(w, placed);
  if (placed.node.table) renderTable(w, tableGrid(w.report.template, placed));
  w.out.push('</section>');
}

export function renderReport(input: RenderInput, options: RenderOptions = {}): RenderedReport {
  const annotate = options.annotate ?? false;
  const w = new Writer(input, annotate, options.lang ?? 'zh');
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0 };
  for (const d of input.diagnostics) counts[d.severity]++;
  const { report } = input;
  w.out.push(`<article class="nb-report" data-edition="${report.edition}">`);
  if (annotate) renderSummary(w, counts, options.maxProblems ?? 200);
  const title = renderTitle(w);
  for (const placed of childrenOf(report.template, undefined)) {
    const node = placed.node;
    if (node.kind === 'text') renderText(w, placed as PlacedNode & { node: TextNode });
    else if (node.kind === 'group') renderSection(w, placed as PlacedNode & { node: GroupNode });
  }
  w.out.push('</article>');
  return { title, html: w.out.join(''), counts };
}
