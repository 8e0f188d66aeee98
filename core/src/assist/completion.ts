/**
 * Completion candidates at a cursor: the template's keys still missing at that place (in template order, labelled
 * as printed with their ordinal, found by Chinese, pinyin initials or full pinyin), values of `格式`, `机关类型`,
 * `年度` and of a row, a whole table of zeros, and the report skeleton in an empty file. The server only maps
 * these to LSP items; the editor does the filtering with `filterText`.
 */
import type { Analysis } from '../analyze';
import { writeSkeleton, writeTemplateNode } from '../format/writeReport';
import { childrenOf } from '../model/bindReport';
import { PINYIN } from '../template/pinyin.generated';
import { EDITIONS } from '../template/types';
import type { Edition, Localized, MetaNode, RowNode } from '../template/types';
import { TEMPLATES, displayLabel, editionForYear, isEdition, nodeAtPath, templateIndex } from '../template/templates';
import type { PlacedNode } from '../template/templates';
import type { Range } from '../diagnostics/diagnostic';
import { cursorContext } from './cursorContext';
import type { CursorContext } from './cursorContext';
import { nodeDocumentation, shapeOf } from './describe';
import { escapeSnippet } from './snippet';

export type CandidateKind = 'section' | 'table' | 'group' | 'row' | 'text' | 'meta' | 'value' | 'snippet';

export interface CompletionCandidate {
  readonly label: Localized;
  /** Shown beside the label (e.g. "whole table, zeros" for a table snippet). */
  readonly labelDetail?: Localized;
  readonly kind: CandidateKind;
  readonly detail: Localized;
  /** Markdown. */
  readonly documentation?: Localized;
  /** What the editor matches the typed text against: pinyin initials, full pinyin, the key. */
  readonly filterText: string;
  /** Template order. */
  readonly sortText: string;
  /** Snippet syntax; lines after the first carry their full indentation (insert as is). */
  readonly insertText: string;
  readonly range: Range;
  /** The insertion ends on a fresh line where the next completion is useful (a new mapping's first key). */
  readonly retrigger: boolean;
}

export interface CompletionOptions {
  /** The calendar year now, for the suggested report year (last year). */
  readonly currentYear?: number;
}

const same = (s: string): Localized => ({ zh: s, en: s });

/**
 * `yygk 予以公开 yuyigongkai`: what the editor matches typed text against. Each part starts after a blank, which is
 * where VS Code (and nvim-cmp) let a match begin, so any part can be typed. The initials come first because some
 * editors take the typed text as a prefix of the whole filter text (Emacs's eglot 1.9 with the `basic` style): there
 * `yygk` still finds 予以公开 (test/server/emacs.test.ts).
 */
export function filterTextFor(key: string): string {
  const p = PINYIN[key];
  return p ? `${p[1]} ${key} ${p[0]}` : key;
}

/** The edition to complete for: as bound when the report says so, else `格式`/`年度` as typed, else the current one. */
export function completionEdition(analysis: Analysis): Edition {
  if (analysis.report.editionSource !== 'default') return analysis.report.edition;
  const text = analysis.doc.text;
  const declared = /^格式[ \t]*:[ \t]*["']?(\d{4})/m.exec(text);
  if (declared && isEdition(Number(declared[1]))) return Number(declared[1]) as Edition;
  const year = /^年度[ \t]*:[ \t]*(\d{4})/m.exec(text);
  return (year && editionForYear(Number(year[1]))) || 2021;
}

function kindOf(placed: PlacedNode): CandidateKind {
  const { node } = placed;
  if (node.kind !== 'group') return node.kind;
  if (placed.path.length === 1) return 'section';
  return node.columns && !placed.parent.columns ? 'table' : 'group';
}

function sortText(i: number): string {
  return String(i).padStart(4, '0');
}

function zeroRow(row: RowNode): string {
  return row.columns.length === 1 ? '${1:0}' : `[${row.columns.map((_, i) => `\${${i + 1}:0}`).join(', ')}]`;
}

function metaValueSnippet(node: MetaNode, edition: Edition, currentYear: number | undefined): string {
  switch (node.type) {
    case 'edition':
      return `\${1|${[edition, ...EDITIONS.filter((e) => e !== edition)].join(',')}|}`;
    case 'agencyType':
      return `\${1|${(node.values ?? []).join(',')}|}`;
    case 'year':
      return `\${1:${suggestedYear(edition, currentYear)}}`;
    case 'date':
      return '${1:YYYY-MM-DD}';
    case 'string':
      return '$1';
  }
}

function suggestedYear(edition: Edition, currentYear: number | undefined): number {
  const model = TEMPLATES[edition];
  const last = (currentYear ?? model.years.from + 1) - 1;
  return Math.min(Math.max(last, model.years.from), model.years.to ?? last);
}

function keyCandidates(ctx: CursorContext, edition: Edition, options: CompletionOptions): CompletionCandidate[] {
  const index = templateIndex(edition);
  const parent = ctx.parentPath.length ? nodeAtPath(edition, ctx.parentPath) : undefined;
  if (ctx.parentPath.length && parent?.node.kind !== 'group') return [];
  const parentColumns = parent?.node.kind === 'group' && parent.node.columns !== undefined;
  const inner = ' '.repeat(ctx.indent + ctx.step);
  const out: CompletionCandidate[] = [];
  childrenOf(index, parent).forEach((placed, i) => {
    const { node } = placed;
    if (ctx.present.has(node.key)) return;
    const key = escapeSnippet(node.key);
    let insertText = key;
    let retrigger = false;
    if (!ctx.keyOnly) {
      switch (node.kind) {
        case 'row':
          insertText = `${key}: ${zeroRow(node)}$0`;
          break;
        case 'meta':
          insertText = `${key}: ${metaValueSnippet(node, edition, options.currentYear)}$0`;
          break;
        case 'text':
          insertText = `${key}: |\n${inner}$0`;
          break;
        case 'group':
          insertText = `${key}:\n${inner}$0`;
          retrigger = true;
          break;
      }
    }
    const base = {
      label: same(node.kind === 'meta' ? node.key : displayLabel(node)),
      detail: shapeOf(node),
      documentation: nodeDocumentation(edition, placed),
      filterText: filterTextFor(node.key),
      range: ctx.replace,
    };
    out.push({ ...base, kind: kindOf(placed), sortText: sortText(i * 2), insertText, retrigger });
    if (node.kind === 'group' && !ctx.keyOnly) {
      // The whole table (or section) with zeros in one go.
      const lines = writeTemplateNode(
        node,
        edition,
        placed.path.length - 1,
        parentColumns,
        ' '.repeat(ctx.indent),
        ' '.repeat(ctx.step),
      );
      const body = lines
        .map((l, j) => (j === 0 ? l.trimStart() : l))
        .map(escapeSnippet)
        .join('\n');
      out.push({
        ...base,
        labelDetail: { zh: ' 整表（填 0）', en: ' whole table (zeros)' },
        kind: 'snippet',
        sortText: sortText(i * 2 + 1),
        insertText: `${body}$0`,
        retrigger: false,
      });
    }
  });
  return out;
}

const AGENCY = 'AGENCY\u2060PLACEHOLDER';
const YEAR = 9999;

/** The whole report of the edition, with placeholders for the agency and the year. */
export function skeletonSnippet(edition: Edition, year: number): string {
  const text = escapeSnippet(writeSkeleton(edition, YEAR, AGENCY));
  return text.replace(AGENCY, '${1:机关全称}').replace(`年度: ${YEAR}`, `年度: \${2:${year}}`);
}

function skeletonCandidates(ctx: CursorContext, options: CompletionOptions): CompletionCandidate[] {
  const current = editionForYear((options.currentYear ?? 2022) - 1) ?? 2021;
  const editions = [current, ...EDITIONS.filter((e) => e !== current)];
  return editions.map((edition, i) => {
    const model = TEMPLATES[edition];
    const years = model.years.to ? `${model.years.from}、${model.years.to}年度` : `${model.years.from}年度起`;
    const yearsEn = model.years.to
      ? `report years ${model.years.from}–${model.years.to}`
      : `report years from ${model.years.from}`;
    return {
      label: { zh: `年报框架（${edition}年版）`, en: `Report skeleton (${edition} template)` },
      kind: 'snippet' as const,
      detail: { zh: `${model.document}，${years}`, en: `${model.document}, ${yearsEn}` },
      documentation: {
        zh: `按${model.documentTitle}生成完整年报：各表填 0，文字部分留空。`,
        en: `A complete report following ${model.documentTitle}: every table filled with zeros, narrative left empty.`,
      },
      filterText: `nb nianbao 年报 nbkj nianbaokuangjia 年报框架 ${edition}`,
      sortText: `!${i}`,
      insertText: skeletonSnippet(edition, suggestedYear(edition, options.currentYear)),
      range: ctx.replace,
      retrigger: false,
    };
  });
}

function valueCandidates(ctx: CursorContext, edition: Edition, options: CompletionOptions): CompletionCandidate[] {
  const placed = nodeAtPath(edition, [...ctx.parentPath, ctx.key ?? '']);
  if (!placed) return [];
  const { node } = placed;
  const value = (
    v: string | number,
    i: number,
    detail: Localized,
    documentation?: Localized,
    filter?: string,
  ): CompletionCandidate => ({
    label: same(String(v)),
    kind: 'value',
    detail,
    ...(documentation ? { documentation } : {}),
    filterText: filter ?? String(v),
    sortText: sortText(i),
    insertText: escapeSnippet(String(v)),
    range: ctx.replace,
    retrigger: false,
  });
  if (node.kind === 'row') {
    if (ctx.typed.trim()) return [];
    return [
      {
        label: same(node.columns.length === 1 ? '0' : `[${node.columns.map(() => '0').join(', ')}]`),
        kind: 'value',
        detail: shapeOf(node),
        filterText: '0',
        sortText: sortText(0),
        insertText: `${zeroRow(node)}$0`,
        range: ctx.replace,
        retrigger: false,
      },
    ];
  }
  if (node.kind !== 'meta') return [];
  switch (node.type) {
    case 'edition': {
      const ordered = [edition, ...EDITIONS.filter((e) => e !== edition)];
      return ordered.map((e, i) => {
        const model = TEMPLATES[e];
        const years = model.years.to ? `${model.years.from}、${model.years.to}年度` : `${model.years.from}年度起`;
        return value(
          e,
          i,
          { zh: `${model.document}（${years}）`, en: `${model.document} (${years})` },
          same(model.documentTitle),
        );
      });
    }
    case 'agencyType':
      return (node.values ?? []).map((v, i) => value(v, i, shapeOf(node), undefined, filterTextFor(String(v))));
    case 'year': {
      const model = TEMPLATES[edition];
      const year = suggestedYear(edition, options.currentYear);
      const years = [year, year - 1].filter((y) => y >= model.years.from && y <= (model.years.to ?? y));
      return years.map((y, i) =>
        value(y, i, { zh: `${y}年度（${edition}年版）`, en: `Report year ${y} (${edition} template)` }),
      );
    }
    default:
      return [];
  }
}

export function completionsAt(
  analysis: Analysis,
  offset: number,
  options: CompletionOptions = {},
): CompletionCandidate[] {
  const ctx = cursorContext(analysis.doc.text, offset);
  if (ctx.kind === 'none') return [];
  const edition = completionEdition(analysis);
  if (ctx.kind === 'value') return valueCandidates(ctx, edition, options);
  const keys = keyCandidates(ctx, edition, options);
  return ctx.emptyDocument && ctx.parentPath.length === 0 && !ctx.keyOnly
    ? [...skeletonCandidates(ctx, options), ...keys]
    : keys;
}
