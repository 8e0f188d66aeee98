/**
 * The text edits that insert missing template keys (rows, sub-tables, sections, `格式`) with zeros into a block
 * mapping: each at its template position (after the nearest present sibling that precedes it, else before the
 * nearest that follows), indented like its siblings. Nothing else in the file moves.
 */
import { writeTemplateNode } from '../format/writeReport';
import { childrenOf } from '../model/bindReport';
import { nodeAtPath as treeNodeAt } from '../syntax/navigate';
import type { MapNode, PairNode, ParsedDocument, YamlNode } from '../syntax/tree';
import { nodeAtPath } from '../template/templates';
import { templateIndex } from '../template/templates';
import type { Edition, TemplateNode, YamlPath } from '../template/types';
import type { TextEdit } from './textEdit';

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the start of the line after the one holding `offset` (the text end when there is none). */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** A tab before `offset` on its line: a key indented so says nothing of the step in spaces. */
function tabIndented(text: string, offset: number): boolean {
  const start = lineStartOf(text, offset);
  return text.slice(start, offset).includes('\t');
}

/** The file's indentation step: how far the first nested block mapping is indented past its key (in spaces). */
export function indentStep(doc: ParsedDocument): number {
  const visit = (node: YamlNode | null): number | undefined => {
    if (!node || node.kind !== 'map' || node.flow) return undefined;
    for (const pair of node.items) {
      const value = pair.value;
      if (
        value?.kind === 'map' &&
        !value.flow &&
        value.items.length &&
        !tabIndented(doc.text, pair.key.start) &&
        !tabIndented(doc.text, value.items[0].key.start)
      ) {
        const step = column(doc.text, value.items[0].key.start) - column(doc.text, pair.key.start);
        if (step > 0) return step;
      }
      const deeper = visit(value);
      if (deeper) return deeper;
    }
    return undefined;
  };
  return visit(doc.root) ?? 2;
}

/** Meta fields other than `格式` have no value that could be filled in for the user (机关类型: when chosen). */
export function insertable(node: TemplateNode, agencyType?: string): boolean {
  return node.kind !== 'meta' || node.id === 'meta.edition' || (node.id === 'meta.agencyType' && !!agencyType);
}

export function insertMissingEdits(
  doc: ParsedDocument,
  edition: Edition,
  path: YamlPath,
  ids: readonly string[],
  agencyType?: string,
): TextEdit[] | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (keys.length !== path.length) return undefined;
  const target = path.length === 0 ? doc.root : treeNodeAt(doc.root, path)?.node;
  if (!target || target.kind !== 'map' || target.flow || target.items.length === 0) return undefined;
  const map: MapNode = target;
  const index = templateIndex(edition);
  const parent = path.length ? nodeAtPath(edition, keys) : undefined;
  if (path.length && !parent) return undefined;
  const siblings = childrenOf(index, parent);
  const present = new Map<string, PairNode>();
  for (const pair of map.items)
    if (pair.key.kind === 'scalar' && !present.has(pair.key.text)) present.set(pair.key.text, pair);
  const wanted = new Set(ids);
  const missing = siblings.filter(
    (s) => wanted.has(s.node.id) && !present.has(s.node.key) && insertable(s.node, agencyType),
  );
  if (missing.length === 0) return undefined;

  const text = doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const base = column(text, map.items[0].key.start);
  const step = indentStep(doc);
  const parentColumns = parent?.node.kind === 'group' && parent.node.columns !== undefined;
  const last = map.items[map.items.length - 1];
  const at = new Map<number, string[]>();
  for (const node of missing) {
    const i = siblings.indexOf(node);
    const prev = siblings
      .slice(0, i)
      .reverse()
      .find((s) => present.has(s.node.key));
    const next = siblings.slice(i + 1).find((s) => present.has(s.node.key));
    const offset = prev
      ? nextLineStart(text, (present.get(prev.node.key) as PairNode).end)
      : next
        ? lineStartOf(text, (present.get(next.node.key) as PairNode).key.start)
        : nextLineStart(text, last.end);
    const lines = writeTemplateNode(
      node.node,
      edition,
      path.length,
      parentColumns,
      ' '.repeat(base),
      ' '.repeat(step),
      {
        agencyType,
      },
    );
    at.set(offset, [...(at.get(offset) ?? []), ...lines]);
  }
  return [...at.entries()].map(([offset, lines]) => {
    const body = lines.join(eol) + eol;
    const needsBreak = offset === text.length && text.length > 0 && !text.endsWith('\n');
    return { start: offset, end: offset, newText: needsBreak ? eol + body : body };
  });
}
