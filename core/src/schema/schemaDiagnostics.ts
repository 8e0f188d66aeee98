/**
 * Schema validation with diagnostics on the node at fault: an unknown key on the key (with the nearest official
 * label), missing keys on the parent key (one diagnostic per mapping), a wrong type or length on the value.
 * Ajv's keyword errors are translated, never shown raw; value-level rules (sign, integrality, numbers written
 * as text) are left to the invariant rules so that each problem is reported once.
 */
import type { Diagnostic, Range } from '../diagnostics/diagnostic';
import { M, fmt } from '../i18n/messages';
import type { BoundReport } from '../model/bindReport';
import { readCellText } from '../model/cellText';
import { parseNumberText } from '../model/parseNumberText';
import { nodeAtPath as treeNodeAt } from '../syntax/navigate';
import { CORE_TAGS } from '../syntax/resolveScalar';
import { toJson } from '../syntax/toJson';
import { keyIndex } from '../syntax/tree';
import type { ParsedDocument, YamlNode } from '../syntax/tree';
import { nearestLabel } from '../template/nearestLabel';
import { displayLabel, nodeAtPath, pathKey, templateIndex } from '../template/templates';
import type { PlacedNode } from '../template/templates';
import type { Column, TemplateNode, YamlPath } from '../template/types';
import { childrenOf } from '../model/bindReport';
import { conformsToSchema } from './conforms';
import { withSchemaFix } from './schemaFixes';
import { schemaErrors } from './validators';
import type { SchemaError } from './validators';

function decodePointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function rangeOf(node: { start: number; end: number }): Range {
  return { start: node.start, end: node.end };
}

interface Context {
  readonly doc: ParsedDocument;
  readonly report: BoundReport;
}

/** The key of the pair at `path` (the parent key for missing children), or the document start for the root. */
function keyRange(ctx: Context, path: YamlPath): Range {
  const located = treeNodeAt(ctx.doc.root, path);
  if (located?.pair) return rangeOf(located.pair.key);
  if (path.length === 0 && ctx.doc.root?.kind === 'map' && ctx.doc.root.items[0])
    return rangeOf(ctx.doc.root.items[0].key);
  return { start: 0, end: 0 };
}

function placedAt(ctx: Context, path: YamlPath): PlacedNode | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  return keys.length === path.length ? nodeAtPath(ctx.report.edition, keys) : undefined;
}

function labelOf(ctx: Context, path: YamlPath): string {
  const placed = placedAt(ctx, path);
  return placed ? displayLabel(placed.node) : path.length ? String(path[path.length - 1]) : '年报';
}

function missing(ctx: Context, path: YamlPath, keys: readonly string[]): Diagnostic {
  const index = templateIndex(ctx.report.edition);
  const parent = path.length ? placedAt(ctx, path) : undefined;
  const children = childrenOf(index, parent);
  const nodes = keys.map((k) => children.find((c) => c.node.key === k)).filter((c): c is PlacedNode => !!c);
  const listed = M.missingKeys(
    path.length ? labelOf(ctx, path) : '年报',
    nodes.map((n) => displayLabel(n.node)),
  );
  // Without 格式 the reader should know which edition the rest was checked against.
  const inferred = path.length === 0 && keys.includes('格式') ? M.editionInferred(ctx.report.edition) : undefined;
  return {
    code: 'NB202',
    severity: 'error',
    message: inferred ? { zh: `${listed.zh}；${inferred.zh}`, en: `${listed.en}; ${inferred.en}` } : listed,
    range: keyRange(ctx, path),
    path,
    fix: { kind: 'insertMissing', path, ids: nodes.map((n) => n.node.id) },
  };
}

function unknown(ctx: Context, path: YamlPath, key: string): Diagnostic | undefined {
  const located = treeNodeAt(ctx.doc.root, path);
  if (!located || located.node.kind !== 'map') return undefined;
  const keys = keyIndex(located.node);
  const pair = keys.get(key);
  if (!pair) return undefined;
  const parent = path.length ? placedAt(ctx, path) : undefined;
  const candidates = childrenOf(templateIndex(ctx.report.edition), parent).filter((c) => !keys.has(c.node.key));
  const match = nearestLabel(key, candidates, (c) => [c.node.key, c.node.printed, displayLabel(c.node)]);
  const suggestion = match?.item.node.key;
  const range = rangeOf(pair.key);
  return {
    code: 'NB201',
    severity: 'error',
    message:
      key === ''
        ? M.emptyKey(path.length ? labelOf(ctx, path) : '年报')
        : M.unknownKey(key, path.length ? labelOf(ctx, path) : '年报', suggestion),
    range,
    path: [...path, key],
    ...(suggestion ? { fix: { kind: 'renameKey' as const, key: suggestion, range } } : {}),
  };
}

function metaMessage(node: TemplateNode, value: unknown) {
  if (node.kind !== 'meta') return undefined;
  switch (node.type) {
    case 'edition':
      return typeof value === 'string' && (value.trim() === '2019' || value.trim() === '2021')
        ? M.editionQuoted(value.trim())
        : M.badEdition();
    case 'year':
      return M.badYear();
    case 'date':
      return M.badDate();
    case 'agencyType':
      return M.badAgencyType();
    case 'string':
      return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
        ? M.emptyAgency()
        : M.agencyNotText();
  }
}

/** A cell written as a placeholder or with its unit: what to write instead, and the number when there is one. */
function wordedCell(label: string, text: string, column: Column, range: Range): Omit<Diagnostic, 'path'> | undefined {
  const read = readCellText(text);
  if (!read) return undefined;
  if (read.kind === 'placeholder')
    return { code: 'NB203', severity: 'error', message: M.placeholderCell(label, text.trim()), range };
  // The YAML holds amounts in the column's unit (万元); an amount printed in 元 is converted.
  const converted = read.unit === '元' && column.unit === '万元';
  const value = converted ? read.value / 10000 : read.value;
  return {
    code: 'NB203',
    severity: 'error',
    message: M.cellWithUnit(label, text.trim(), value, column.unit, converted ? read.value : undefined),
    range,
    fix: { kind: 'setValue', value: Number(fmt(value)), range },
  };
}

/** A wrong type, length or value at `path`, worded by what the template expects there. */
function wrongValue(ctx: Context, path: YamlPath, error: SchemaError): Diagnostic | undefined {
  const located = treeNodeAt(ctx.doc.root, path);
  const node: YamlNode | undefined = located?.node;
  // An alias is NB104's, a value under a custom tag NB103's: the value they stand for is unknown here.
  if (node?.kind === 'alias' || (node?.tag !== undefined && !CORE_TAGS.has(node.tag))) return undefined;
  const value = node?.kind === 'scalar' ? node.value : undefined;
  const isCell = typeof path[path.length - 1] === 'number';
  const placed = placedAt(ctx, isCell ? path.slice(0, -1) : path);
  const singleValue = placed?.node.kind === 'row' && (isCell || placed.node.columns.length === 1);
  // Sign and integrality of a value are NB305's; a number written as text is NB205's. A number where a whole
  // row of several values belongs is a shape error and stays here.
  if (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (error.keyword === 'minimum' || error.keyword === 'type') &&
    singleValue
  )
    return undefined;
  if (typeof value === 'string' && parseNumberText(value) !== undefined && singleValue) return undefined;
  const range = node ? rangeOf(node) : keyRange(ctx, path);
  const at = (message: ReturnType<typeof M.expectedNumber>, code = 'NB203'): Diagnostic => ({
    code,
    severity: 'error',
    message,
    range,
    path,
  });
  if (!placed) return path.length === 0 ? at(M.notMapping()) : undefined;
  const t = placed.node;
  const label = displayLabel(t);
  switch (t.kind) {
    case 'meta':
      return at(
        metaMessage(t, node?.kind === 'scalar' ? node.value : node ? node.kind : undefined) ?? M.expectedText(label),
        'NB208',
      );
    case 'text':
      return at(M.expectedText(label));
    case 'group':
      return at(M.expectedMapping(label, t.children.length));
    case 'row': {
      const columns = t.columns.map((c) => c.name);
      const column = isCell
        ? t.columns[Number(path[path.length - 1])]
        : t.columns.length === 1
          ? t.columns[0]
          : undefined;
      const cellLabel = isCell ? `${label}·${column?.name ?? ''}` : label;
      if (column && node?.kind === 'scalar' && typeof value === 'string') {
        const words = wordedCell(cellLabel, node.text, column, range);
        if (words) return { ...words, path };
      }
      if (isCell) return at(M.expectedNumber(cellLabel));
      if (error.keyword === 'minItems' || error.keyword === 'maxItems') {
        const length = node?.kind === 'seq' ? node.items.length : 0;
        return at(M.rowLength(label, columns, length), 'NB204');
      }
      // A blank whole row is NB206's.
      if (node?.kind === 'scalar' && node.value === null) return undefined;
      return at(columns.length === 1 ? M.expectedNumber(label) : M.expectedRow(label, columns));
    }
  }
}

/**
 * Keys that are not text (`? [a, b]`, `{a: 1}: 2`): JSON has no place for them, so the validator never sees
 * them; they are reported here, on the key. Aliases as keys are NB104's.
 */
function collectionKeys(root: YamlNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One path, extended and shortened as the walk goes; copied only for a finding (there rarely is one).
  const path: (string | number)[] = [];
  const walk = (node: YamlNode): void => {
    if (node.kind === 'seq') {
      for (let i = 0; i < node.items.length; i++) {
        path.push(i);
        walk(node.items[i]);
        path.pop();
      }
    }
    if (node.kind !== 'map') return;
    for (const pair of node.items) {
      if (pair.key.kind === 'map' || pair.key.kind === 'seq') {
        out.push({
          code: 'NB201',
          severity: 'error',
          message: M.keyNotText(),
          range: rangeOf(pair.key),
          path: [...path],
        });
      } else if (pair.key.kind === 'scalar' && pair.value && (pair.value.kind === 'map' || pair.value.kind === 'seq')) {
        path.push(pair.key.text);
        walk(pair.value);
        path.pop();
      }
    }
  };
  walk(root);
  return out;
}

/** Unknown keys listed one by one in a mapping; the rest are counted in one more finding. */
export const MAX_UNKNOWN_LISTED = 50;

/** `explained`: paths (see `pathKey`) that another finding already covers; nothing is reported there. */
export function schemaDiagnostics(
  doc: ParsedDocument,
  report: BoundReport,
  explained: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  const ctx: Context = { doc, report };
  // Most reports are valid against their schema, which the template tells directly: nothing to convert or validate.
  if (!doc.root || conformsToSchema(report)) return [];
  const notes = { collectionKey: false };
  const errors = schemaErrors(report.edition, toJson(doc.root, notes));
  // The walk for keys that are collections only when the conversion may have met one (it visits the mappings too).
  const out: Diagnostic[] = notes.collectionKey ? collectionKeys(doc.root) : [];
  const missingByPath = new Map<string, { path: YamlPath; keys: string[] }>();
  const unknownByPath = new Map<string, { path: YamlPath; count: number; firstUnlisted?: string }>();
  const seen = new Set<string>();
  for (const error of errors) {
    const path = decodePointer(error.instancePath);
    if (error.keyword === 'required') {
      const key = String(error.params.missingProperty);
      if (explained.has(pathKey([...path, key]))) continue;
      const k = pathKey(path);
      const entry = missingByPath.get(k) ?? { path, keys: [] };
      entry.keys.push(key);
      missingByPath.set(k, entry);
      continue;
    }
    if (error.keyword === 'if') continue;
    const target = error.keyword === 'additionalProperties' ? [...path, String(error.params.additionalProperty)] : path;
    if (explained.has(pathKey(target))) continue;
    const once = `${pathKey(path)}\u0001${error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : ''}`;
    if (seen.has(once)) continue;
    seen.add(once);
    if (error.keyword === 'additionalProperties') {
      // A pasted or generated file can hold thousands of foreign keys: list the first ones, count the rest.
      const tally = unknownByPath.get(pathKey(path)) ?? { path, count: 0 };
      tally.count++;
      unknownByPath.set(pathKey(path), tally);
      if (tally.count > MAX_UNKNOWN_LISTED) {
        tally.firstUnlisted ??= String(error.params.additionalProperty);
        continue;
      }
    }
    const diagnostic =
      error.keyword === 'additionalProperties'
        ? unknown(ctx, path, String(error.params.additionalProperty))
        : wrongValue(ctx, path, error);
    if (diagnostic) out.push(diagnostic);
  }
  for (const { path, count, firstUnlisted } of unknownByPath.values()) {
    if (firstUnlisted === undefined) continue;
    const located = treeNodeAt(doc.root, path);
    const pair = located?.node.kind === 'map' ? keyIndex(located.node).get(firstUnlisted) : undefined;
    if (!pair) continue;
    out.push({
      code: 'NB201',
      severity: 'error',
      message: M.moreUnknownKeys(path.length ? labelOf(ctx, path) : '年报', count - MAX_UNKNOWN_LISTED, firstUnlisted),
      range: rangeOf(pair.key),
      path: [...path, firstUnlisted],
    });
  }
  for (let i = 0; i < out.length; i++) out[i] = withSchemaFix(doc, report, out[i]);
  // A key that an unknown key's fix renames to is not reported as missing as well.
  const renamedTo = new Set(
    out.flatMap((d) => (d.fix?.kind === 'renameKey' ? [pathKey([...d.path.slice(0, -1), d.fix.key])] : [])),
  );
  for (const { path, keys } of missingByPath.values()) {
    const left = keys.filter((k) => !renamedTo.has(pathKey([...path, k])));
    if (left.length) out.push(missing(ctx, path, left));
  }
  return out;
}
