/** The document outline: sections, tables, row groups and rows as the report has them, named as printed. */
import type { Analysis } from '../analyze';
import type { Range } from '../diagnostics/diagnostic';
import type { MapNode, ParsedDocument, YamlNode } from '../syntax/tree';
import { displayLabel, nodeAtPath } from '../template/templates';
import type { Edition } from '../template/types';

export type OutlineKind = 'section' | 'table' | 'group' | 'row' | 'text' | 'meta' | 'other';

export interface OutlineItem {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** The whole pair. */
  readonly range: Range;
  /** The key. */
  readonly selectionRange: Range;
  readonly children: readonly OutlineItem[];
}

const DETAIL_LENGTH = 40;

function detailOf(doc: ParsedDocument, value: YamlNode | null): string {
  if (!value) return '';
  if (value.kind === 'scalar') {
    const text = value.text.replace(/\s+/g, ' ').trim();
    return text.length > DETAIL_LENGTH ? `${text.slice(0, DETAIL_LENGTH)}…` : text;
  }
  if (value.kind === 'seq' && value.flow) return doc.text.slice(value.start, value.end).replace(/\s+/g, ' ');
  return '';
}

function walk(doc: ParsedDocument, edition: Edition, map: MapNode, prefix: readonly string[]): OutlineItem[] {
  const out: OutlineItem[] = [];
  for (const pair of map.items) {
    if (pair.key.kind !== 'scalar') continue;
    const key = pair.key.text;
    const path = [...prefix, key];
    const placed = nodeAtPath(edition, path);
    const node = placed?.node;
    let kind: OutlineKind = 'other';
    if (node) {
      if (node.kind !== 'group') kind = node.kind;
      else if (path.length === 1) kind = 'section';
      else kind = node.columns && !placed.parent.columns ? 'table' : 'group';
    }
    const value = pair.value;
    const children = value && value.kind === 'map' ? walk(doc, edition, value, path) : [];
    out.push({
      name: node && node.kind !== 'meta' ? displayLabel(node) : key || '""',
      detail: children.length ? '' : detailOf(doc, value),
      kind,
      range: { start: pair.start, end: Math.max(pair.end, pair.key.end) },
      selectionRange: { start: pair.key.start, end: pair.key.end },
      children,
    });
  }
  return out;
}

export function outline(analysis: Pick<Analysis, 'doc' | 'report'>): OutlineItem[] {
  const root = analysis.doc.root;
  return root && root.kind === 'map' ? walk(analysis.doc, analysis.report.edition, root, []) : [];
}
