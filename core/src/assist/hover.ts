/**
 * Hover content: on a key, the printed label, its place in the template, what it holds and its statutory basis;
 * on a number in a row, its column and every invariant it enters with the value it is checked against.
 */
import type { Analysis } from '../analyze';
import type { Range } from '../diagnostics/diagnostic';
import { fmt } from '../i18n/messages';
import type { BoundCell, BoundRow } from '../model/bindReport';
import { cellName } from '../model/names';
import { termsText } from '../rules/sumRules';
import { expectedValue, sumRelations } from '../rules/sumRelations';
import type { SumCode, SumRelation } from '../rules/sumRelations';
import { locate } from '../syntax/navigate';
import { displayLabel, nodeAtPath } from '../template/templates';
import type { PlacedNode } from '../template/templates';
import type { Column, Edition, Localized } from '../template/types';
import { breadcrumb, nodeDocumentation } from './describe';

export interface HoverInfo {
  readonly range: Range;
  /** Markdown. */
  readonly contents: Localized;
}

const RULE: Readonly<Record<SumCode, Localized>> = {
  NB301: {
    zh: '勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
    en: 'The printed rule: items 1 + 2 = items 3 + 4',
  },
  NB302: { zh: '（七）总计 = 各项办理结果之和', en: '（七）总计 = the sum of all result rows' },
  NB303: { zh: '总计 = 各类申请人之和', en: '总计 = the sum of the applicant columns' },
  NB304: {
    zh: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
    en: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  },
};

function kindText(column: Column): Localized {
  switch (column.kind) {
    case 'count':
      return { zh: '件数：非负整数', en: 'A count: non-negative whole number' };
    case 'delta':
      return { zh: '增减数：整数，可为负数', en: 'A change: whole number, may be negative' };
    case 'amount':
      return {
        zh: `金额：非负数（单位：${column.unit ?? '万元'}）`,
        en: `An amount: non-negative (unit: ${column.unit ?? '万元'})`,
      };
  }
}

function keyHover(edition: Edition, placed: PlacedNode): Localized {
  const { node } = placed;
  const title = node.kind === 'meta' ? node.key : displayLabel(node);
  const doc = nodeDocumentation(edition, placed);
  return { zh: `**${title}**\n\n${doc.zh}`, en: `**${title}** — ${node.en}\n\n${doc.en}` };
}

function shown(value: number | null | undefined, lang: 'zh' | 'en'): string {
  if (value === null) return lang === 'zh' ? '空白' : 'blank';
  if (value === undefined) return '?';
  return fmt(value);
}

function status(expected: number | undefined, actual: number | null | undefined): Localized {
  if (expected === undefined) return { zh: '（有数无法读取，未计算）', en: '(a value is unreadable; not computed)' };
  const a = actual === null ? 0 : actual;
  if (a === expected && actual !== null) return { zh: '✓', en: '✓' };
  return { zh: `✗ 表中为 ${shown(actual, 'zh')}`, en: `✗ the table says ${shown(actual, 'en')}` };
}

function relationLines(relations: readonly SumRelation[], cell: BoundCell): Localized[] {
  const out: Localized[] = [];
  for (const r of relations) {
    const expected = expectedValue(r);
    const terms = termsText(r);
    const rule = RULE[r.code];
    if (r.cell === cell) {
      const s = status(expected, cell.value);
      out.push({
        zh: `- 本格应为 ${expected === undefined ? '?' : fmt(expected)}（${terms}）${s.zh}　${rule.zh}`,
        en: `- This cell should be ${expected === undefined ? '?' : fmt(expected)} (${terms}) ${s.en}  ${rule.en}`,
      });
    } else if (r.terms.some((t) => t.cell === cell)) {
      const target = cellName(r.row, r.cell);
      const s = status(expected, r.cell.value);
      out.push({
        zh: `- 计入 ${target}：应为 ${expected === undefined ? '?' : fmt(expected)}（${terms}）${s.zh}　${rule.zh}`,
        en: `- Enters ${target}: should be ${expected === undefined ? '?' : fmt(expected)} (${terms}) ${s.en}  ${rule.en}`,
      });
    }
  }
  return out;
}

function cellHover(analysis: Analysis, row: BoundRow, cell: BoundCell): Localized {
  const { report } = analysis;
  const columns = row.cells.length;
  const place = `${breadcrumb(report.edition, row.placed.path)} › ${displayLabel(row.placed.node)}`;
  const kind = kindText(cell.column);
  const position: Localized =
    columns > 1
      ? { zh: `（第 ${cell.index + 1} 列，共 ${columns} 列）`, en: ` (column ${cell.index + 1} of ${columns})` }
      : { zh: '', en: '' };
  const lines = relationLines(sumRelations(report), cell);
  const zh = [
    `**${cell.column.printed}**${position.zh}`,
    place,
    kind.zh,
    ...(lines.length ? ['勾稽关系：', lines.map((l) => l.zh).join('\n')] : []),
  ];
  const en = [
    `**${cell.column.printed}** — ${cell.column.en}${position.en}`,
    place,
    kind.en,
    ...(lines.length ? ['Invariants:', lines.map((l) => l.en).join('\n')] : []),
  ];
  return { zh: zh.join('\n\n'), en: en.join('\n\n') };
}

export function hoverAt(analysis: Analysis, offset: number): HoverInfo | undefined {
  const { doc, report } = analysis;
  const hit = locate(doc.root, offset);
  const node = hit.node;
  if (!node) return undefined;
  if (hit.onKey) {
    const keys = hit.path.filter((p): p is string => typeof p === 'string');
    if (keys.length !== hit.path.length) return undefined;
    const placed = nodeAtPath(report.edition, keys);
    if (!placed) return undefined;
    return { range: { start: node.start, end: node.end }, contents: keyHover(report.edition, placed) };
  }
  if (node.kind !== 'scalar') return undefined;
  for (const row of report.rows.values()) {
    // A whole row left blank is one node shared by every cell: no single column to describe.
    if (row.cells.length > 1 && node === row.pair.value) continue;
    const cell = row.cells.find((c) => c.node === node);
    if (cell) return { range: { start: node.start, end: node.end }, contents: cellHover(analysis, row, cell) };
  }
  return undefined;
}
