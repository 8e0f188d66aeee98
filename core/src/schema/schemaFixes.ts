/**
 * Fix data for the schema's findings whose correction the text decides (see `valueFixes.ts` for the readings):
 * a meta value in another writing (NB208), a value of the wrong shape that holds exactly what the template asks
 * for (NB203), a row with a value typed twice or an empty row (NB204), a key left empty before a row that only
 * one missing item fits, and a key that is a list (NB201, kept as a comment).
 */
import type { Diagnostic, FixData, Range } from '../diagnostics/diagnostic';
import { yamlString } from '../format/writeReport';
import { M, fmt } from '../i18n/messages';
import { readCellText } from '../model/cellText';
import { childrenOf, layoutEdition } from '../model/bindReport';
import type { BoundReport } from '../model/bindReport';
import { locate, nodeAtPath as treeNodeAt } from '../syntax/navigate';
import { getPair, keyIndex } from '../syntax/tree';
import type { ParsedDocument, ScalarNode, YamlNode } from '../syntax/tree';
import { displayLabel, editionForYear, nodeAtPath, templateIndex } from '../template/templates';
import type { MetaNode, RowNode, TemplateNode, YamlPath } from '../template/types';
import {
  nearestEnumValue,
  readChineseCount,
  readDate,
  readEdition,
  readRowText,
  readYear,
  repeatedValue,
  saysNone,
} from './valueFixes';

function rangeOf(node: { start: number; end: number }): Range {
  return { start: node.start, end: node.end };
}

function placedNode(report: BoundReport, path: YamlPath): TemplateNode | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  return keys.length === path.length ? nodeAtPath(report.edition, keys)?.node : undefined;
}

/** The edition that the tables' layout and the year both point to (when neither contradicts the other). */
function evidentEdition(doc: ParsedDocument, report: BoundReport): 2019 | 2021 | undefined {
  const root = doc.root?.kind === 'map' ? doc.root : undefined;
  const yearNode = root ? getPair(root, '年度')?.value : undefined;
  const year = report.year ?? (yearNode?.kind === 'scalar' ? readYear(yearNode.text) : undefined);
  const evidence = [layoutEdition(root), year !== undefined ? editionForYear(year) : undefined].filter(
    (e) => e !== undefined,
  );
  return evidence.length > 0 && evidence.every((e) => e === evidence[0]) ? evidence[0] : undefined;
}

function metaFix(doc: ParsedDocument, report: BoundReport, meta: MetaNode, node: ScalarNode): FixData | undefined {
  const range = rangeOf(node);
  switch (meta.type) {
    case 'edition': {
      const edition = readEdition(node.text) ?? evidentEdition(doc, report);
      return edition ? { kind: 'setValue', value: edition, range } : undefined;
    }
    case 'year': {
      const year = readYear(node.text);
      return year !== undefined ? { kind: 'setValue', value: year, range } : undefined;
    }
    case 'date': {
      const date = readDate(node.text);
      return date ? { kind: 'replaceText', text: date, range } : undefined;
    }
    case 'agencyType': {
      const value = nearestEnumValue(node.text, (meta.values ?? []).map(String));
      return value ? { kind: 'replaceText', text: value, range } : undefined;
    }
    case 'string':
      return undefined;
  }
}

/** The numbers of a flow sequence of plain numbers, or undefined. */
function numbers(node: YamlNode): number[] | undefined {
  if (node.kind !== 'seq' || !node.flow) return undefined;
  const values = node.items.map((item) =>
    item.kind === 'scalar' && typeof item.value === 'number' ? item.value : undefined,
  );
  return values.every((v): v is number => v !== undefined) ? values : undefined;
}

function rowFix(doc: ParsedDocument, row: RowNode, node: YamlNode, isCell: boolean, code: string): FixData | undefined {
  const range = rangeOf(node);
  const single = isCell || row.columns.length === 1;
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    if (single) {
      // `—`, `/`, `无`: nothing happened, which the message asks to write as 0.
      if (readCellText(node.text)?.kind === 'placeholder') return { kind: 'setValue', value: 0, range };
      const count = readChineseCount(node.text);
      return count !== undefined ? { kind: 'setValue', value: count, range } : undefined;
    }
    const values = readRowText(node.text, row.columns);
    return values ? { kind: 'replaceText', text: `[${values.map(fmt).join(', ')}]`, range } : undefined;
  }
  if (node.kind !== 'seq' || !node.flow) return undefined;
  // A single value in brackets: the value itself.
  if (single && !isCell && node.items.length === 1 && node.items[0].kind === 'scalar') {
    const item = node.items[0];
    return { kind: 'replaceText', text: doc.text.slice(item.start, item.end), range };
  }
  if (code !== 'NB204' || single) return undefined;
  // An empty row is a blank row: as for `key:` with nothing after it, filled with zeros.
  if (node.items.length === 0)
    return { kind: 'replaceText', text: `[${row.columns.map(() => '0').join(', ')}]`, range };
  const values = numbers(node);
  const drop = values ? repeatedValue(values, row.columns) : undefined;
  if (drop === undefined) return undefined;
  const items = node.items;
  const cut =
    drop > 0 ? { start: items[drop - 1].end, end: items[drop].end } : { start: items[0].start, end: items[1].start };
  return { kind: 'replaceText', text: '', range: cut };
}

function valueFix(doc: ParsedDocument, report: BoundReport, d: Diagnostic): FixData | undefined {
  const node = treeNodeAt(doc.root, d.path)?.node;
  if (!node || node.start !== d.range.start || node.end !== d.range.end) return undefined;
  const isCell = typeof d.path[d.path.length - 1] === 'number';
  const placed = placedNode(report, isCell ? d.path.slice(0, -1) : d.path);
  if (!placed) return undefined;
  switch (placed.kind) {
    case 'row':
      return rowFix(doc, placed, node, isCell, d.code);
    case 'text': {
      // Text typed as a one-item list: the item.
      if (node.kind !== 'seq' || node.items.length !== 1 || node.items[0].kind !== 'scalar') return undefined;
      const item = node.items[0];
      if (typeof item.value !== 'string' || doc.text.slice(item.start, item.end).includes('\n')) return undefined;
      return {
        kind: 'replaceText',
        text: item.style === 'plain' ? yamlString(item.text) : doc.text.slice(item.start, item.end),
        range: rangeOf(node),
      };
    }
    case 'group':
      return node.kind === 'scalar' && saysNone(node.text)
        ? { kind: 'fillTable', range: rangeOf(node), path: d.path }
        : undefined;
    case 'meta':
      return node.kind === 'scalar' ? metaFix(doc, report, placed, node) : undefined;
  }
}

/** Whether `node` has the shape the template expects of `t` (a row of its length, a table, a text). */
function shapeFits(node: YamlNode | null, t: TemplateNode): boolean {
  if (!node) return false;
  switch (t.kind) {
    case 'row':
      return t.columns.length === 1
        ? node.kind === 'scalar' && typeof node.value === 'number'
        : node.kind === 'seq' && node.items.length === t.columns.length;
    case 'group':
      return node.kind === 'map';
    case 'text':
      return node.kind === 'scalar' && typeof node.value === 'string';
    case 'meta':
      return false;
  }
}

function keyFix(doc: ParsedDocument, report: BoundReport, d: Diagnostic): FixData | undefined {
  const hit = locate(doc.root, d.range.start);
  // A key left empty (`: [2, 1, 0, 1, 4]`): the one missing item whose shape the value has.
  if (d.path[d.path.length - 1] === '' && hit.pair && hit.pair.key.kind === 'scalar' && hit.pair.key.empty) {
    const parentPath = d.path.slice(0, -1);
    const parent = treeNodeAt(doc.root, parentPath)?.node;
    const keys = parentPath.filter((p): p is string => typeof p === 'string');
    if (!parent || parent.kind !== 'map' || keys.length !== parentPath.length) return undefined;
    const present = keyIndex(parent);
    const placedParent = keys.length ? nodeAtPath(report.edition, keys) : undefined;
    if (keys.length && !placedParent) return undefined;
    const value = hit.pair.value;
    const fits = childrenOf(templateIndex(report.edition), placedParent).filter(
      (c) => !present.has(c.node.key) && shapeFits(value, c.node),
    );
    return fits.length === 1 ? { kind: 'renameKey', key: fits[0].node.key, range: d.range } : undefined;
  }
  // A key that is a list or a mapping (`? [备注, 附件]`): no label can replace it; its lines become comments.
  const parent = treeNodeAt(doc.root, d.path)?.node;
  const pair =
    parent?.kind === 'map'
      ? parent.items.find((p) => p.key.start === d.range.start && (p.key.kind === 'seq' || p.key.kind === 'map'))
      : undefined;
  if (!pair) return undefined;
  const pairRange: Range = { start: pair.key.start, end: pair.end };
  // The explicit-key indicator `?` before it belongs to the pair too.
  const lineStart = doc.text.lastIndexOf('\n', pairRange.start - 1) + 1;
  const lead = doc.text.slice(lineStart, pairRange.start);
  const start = /^\s*\?\s*$/.test(lead) ? lineStart + lead.indexOf('?') : pairRange.start;
  return { kind: 'commentOut', range: { start, end: pairRange.end } };
}

/** `d` with the fix its correction allows, when the text decides one (and it has none yet). */
export function withSchemaFix(doc: ParsedDocument, report: BoundReport, d: Diagnostic): Diagnostic {
  if (d.fix) return d;
  let fix: FixData | undefined;
  try {
    if (d.code === 'NB201') fix = keyFix(doc, report, d);
    else if (d.code === 'NB203' || d.code === 'NB204' || d.code === 'NB208') fix = valueFix(doc, report, d);
  } catch {
    // A fix that cannot be worked out is simply not offered.
  }
  if (!fix) return d;
  // An empty key's message names the item its values fit, as an unknown key's names the nearest label.
  if (fix.kind === 'renameKey' && d.path[d.path.length - 1] === '') {
    const parent = placedNode(report, d.path.slice(0, -1));
    return { ...d, message: M.emptyKey(parent ? displayLabel(parent) : '年报', fix.key), fix };
  }
  return { ...d, fix };
}
