/**
 * Binding: the syntax tree read through the template of its edition. Every feature after parsing (invariants,
 * hovers, inlay hints, rendering, cross-year checks) works on this view instead of walking YAML again.
 */
import { CORE_TAGS } from '../syntax/resolveScalar';
import { getPair } from '../syntax/tree';
import type { MapNode, PairNode, ParsedDocument, ScalarNode, YamlNode } from '../syntax/tree';
import { YEARS } from '../template/parts';
import { editionForYear, isEdition, templateIndex } from '../template/templates';
import type { PlacedNode, TemplateIndex } from '../template/templates';
import type { Column, Edition, RowNode, YamlPath } from '../template/types';
import { parseNumberText } from './parseNumberText';

/** A table cell: its column, its node and its numeric reading. */
export interface BoundCell {
  readonly column: Column;
  readonly index: number;
  /** The value node; undefined when the row has fewer values than columns. */
  readonly node: YamlNode | undefined;
  /**
   * number: the value (for a number written as text, the number it denotes); null: blank as printed (counts
   * as 0); undefined: missing, unreadable, or in a row with the wrong number of values (invariants that need it
   * are skipped, the schema reports it).
   */
  readonly value: number | null | undefined;
  /** True when the number was written as text (`"3,020.782"`). */
  readonly fromText: boolean;
  readonly path: YamlPath;
}

export interface BoundRow {
  readonly placed: PlacedNode & { readonly node: RowNode };
  readonly pair: PairNode;
  readonly cells: readonly BoundCell[];
  readonly path: YamlPath;
}

export interface BoundText {
  readonly pair: PairNode;
  readonly node: YamlNode | null;
  /** The narrative, empty when blank. */
  readonly text: string;
}

export interface BoundMeta {
  readonly pair: PairNode;
  readonly node: YamlNode | null;
  readonly value: unknown;
}

/**
 * Where the edition the report is checked against comes from: `格式`, or — when `格式` is missing, invalid,
 * or contradicts both the year and the tables' layout — the layout, the year, or the current edition.
 */
export type EditionSource = 'declared' | 'year' | 'layout' | 'default';

export interface BoundReport {
  readonly edition: Edition;
  readonly editionSource: EditionSource;
  readonly template: TemplateIndex;
  readonly root: MapNode | undefined;
  /** Pairs found for template nodes, by template id (first occurrence). */
  readonly pairs: ReadonlyMap<string, PairNode>;
  readonly rows: ReadonlyMap<string, BoundRow>;
  readonly texts: ReadonlyMap<string, BoundText>;
  readonly meta: ReadonlyMap<string, BoundMeta>;
  readonly agency: string | undefined;
  readonly year: number | undefined;
}

function readCell(column: Column, index: number, node: YamlNode | undefined, path: YamlPath): BoundCell {
  if (!node) return { column, index, node, value: undefined, fromText: false, path };
  // Under a custom tag (NB103) the value means whatever the tag says: unreadable here.
  if (node.kind === 'scalar' && (node.tag === undefined || CORE_TAGS.has(node.tag))) {
    if (typeof node.value === 'number' && Number.isFinite(node.value)) {
      return { column, index, node, value: node.value, fromText: false, path };
    }
    if (node.value === null) return { column, index, node, value: null, fromText: false, path };
    if (typeof node.value === 'string') {
      const parsed = parseNumberText(node.value);
      if (parsed !== undefined) return { column, index, node, value: parsed, fromText: true, path };
    }
  }
  return { column, index, node, value: undefined, fromText: false, path };
}

const cellPathCache = new WeakMap<PlacedNode, readonly YamlPath[]>();

/** The path of each cell of a row (`[...row path, column index]`), made once per template row and shared. */
function cellPaths(placed: PlacedNode & { node: RowNode }): readonly YamlPath[] {
  let paths = cellPathCache.get(placed);
  if (!paths) {
    paths = placed.node.columns.map((_, i) => Object.freeze([...placed.path, i]));
    cellPathCache.set(placed, paths);
  }
  return paths;
}

function bindRow(placed: PlacedNode & { node: RowNode }, pair: PairNode): BoundRow {
  const { columns } = placed.node;
  const value = pair.value;
  const path = placed.path;
  const paths = cellPaths(placed);
  const cells: BoundCell[] = new Array(columns.length);
  if (columns.length === 1) {
    cells[0] = readCell(columns[0], 0, value ?? undefined, path);
  } else if (value && value.kind === 'seq' && value.items.length === columns.length) {
    for (let i = 0; i < columns.length; i++) cells[i] = readCell(columns[i], i, value.items[i], paths[i]);
  } else if (value && value.kind === 'seq') {
    // Too few or too many values (NB204): which value belongs to which column is unknown, so none is read;
    // otherwise every sum through this row would report the misalignment again.
    for (let i = 0; i < columns.length; i++)
      cells[i] = {
        column: columns[i],
        index: i,
        node: value.items[i],
        value: undefined,
        fromText: false,
        path: paths[i],
      };
  } else if (value && value.kind === 'scalar' && value.value === null) {
    // A whole row left blank reads as blank cells.
    for (let i = 0; i < columns.length; i++)
      cells[i] = { column: columns[i], index: i, node: value, value: null, fromText: false, path };
  } else {
    for (let i = 0; i < columns.length; i++)
      cells[i] = { column: columns[i], index: i, node: undefined, value: undefined, fromText: false, path: paths[i] };
  }
  return { placed, pair, cells, path };
}

/** Keys that only the other edition has at a path: the evidence of a report's actual layout. */
export function layoutEdition(root: MapNode | undefined): Edition | undefined {
  if (!root) return undefined;
  const active = getPair(root, '主动公开政府信息情况')?.value;
  if (active?.kind === 'map') {
    if (getPair(active, '第二十条第（九）项')) return 2019;
    const art1 = getPair(active, '第二十条第（一）项')?.value;
    if (art1?.kind === 'map') {
      if (getPair(art1, '规范性文件')) return 2019;
      if (getPair(art1, '行政规范性文件')) return 2021;
    }
  }
  return undefined;
}

function scalarValue(node: YamlNode | null): unknown {
  return node && node.kind === 'scalar' ? node.value : undefined;
}

export function bindReport(doc: ParsedDocument): BoundReport {
  const root = doc.root && doc.root.kind === 'map' ? doc.root : undefined;
  const declared = root ? scalarValue(getPair(root, '格式')?.value ?? null) : undefined;
  const yearValue = root ? scalarValue(getPair(root, '年度')?.value ?? null) : undefined;
  // A year out of range (NB208) is no year: 2.0e23 − 1 is 2.0e23, and a slip like 20244 has no deadline or neighbours.
  const year =
    typeof yearValue === 'number' && Number.isInteger(yearValue) && yearValue >= YEARS.min && yearValue <= YEARS.max
      ? yearValue
      : undefined;
  let edition: Edition;
  let editionSource: EditionSource;
  const declaredEdition = typeof declared === 'string' ? Number(declared) : declared;
  const fromYear = year !== undefined ? editionForYear(year) : undefined;
  const fromLayout = layoutEdition(root);
  if (isEdition(declaredEdition) && !(fromYear && fromLayout === fromYear && fromYear !== declaredEdition)) {
    edition = declaredEdition;
    editionSource = 'declared';
  } else if (fromLayout) {
    edition = fromLayout;
    editionSource = 'layout';
  } else if (fromYear) {
    edition = fromYear;
    editionSource = 'year';
  } else {
    edition = 2021;
    editionSource = 'default';
  }

  const template = templateIndex(edition);
  const pairs = new Map<string, PairNode>();
  const rows = new Map<string, BoundRow>();
  const texts = new Map<string, BoundText>();
  const meta = new Map<string, BoundMeta>();

  const walk = (map: MapNode, nodes: readonly PlacedNode[]): void => {
    for (const placed of nodes) {
      const pair = getPair(map, placed.node.key);
      if (!pair) continue;
      pairs.set(placed.node.id, pair);
      const node = placed.node;
      if (node.kind === 'row') {
        rows.set(node.id, bindRow(placed as PlacedNode & { node: RowNode }, pair));
      } else if (node.kind === 'text') {
        const v = pair.value;
        const text = v && v.kind === 'scalar' && typeof v.value === 'string' ? v.value : '';
        texts.set(node.id, { pair, node: v, text });
      } else if (node.kind === 'meta') {
        meta.set(node.id, { pair, node: pair.value, value: scalarValue(pair.value) });
      } else if (pair.value && pair.value.kind === 'map') {
        walk(pair.value, childrenOf(template, placed));
      }
    }
  };
  if (root) walk(root, childrenOf(template, undefined));

  const agencyValue = meta.get('meta.agency')?.value;
  return {
    edition,
    editionSource,
    template,
    root,
    pairs,
    rows,
    texts,
    meta,
    agency:
      typeof agencyValue === 'string'
        ? agencyValue
        : agencyValue === undefined || agencyValue === null
          ? undefined
          : String(agencyValue),
    year,
  };
}

interface Children {
  readonly top: readonly PlacedNode[];
  readonly byParent: ReadonlyMap<PlacedNode, readonly PlacedNode[]>;
}

const childCache = new WeakMap<TemplateIndex, Children>();
const NO_CHILDREN: readonly PlacedNode[] = [];

/** Direct children of a placed node (or of the root) in template order. */
export function childrenOf(index: TemplateIndex, parent: PlacedNode | undefined): readonly PlacedNode[] {
  let children = childCache.get(index);
  if (!children) {
    const byKey = new Map<string, PlacedNode[]>();
    for (const placed of index.nodes) {
      const parentKey = placed.path.slice(0, -1).join('\u0000');
      const list = byKey.get(parentKey) ?? [];
      list.push(placed);
      byKey.set(parentKey, list);
    }
    const byParent = new Map<PlacedNode, readonly PlacedNode[]>();
    for (const placed of index.nodes) byParent.set(placed, byKey.get(placed.path.join('\u0000')) ?? NO_CHILDREN);
    children = { top: byKey.get('') ?? NO_CHILDREN, byParent };
    childCache.set(index, children);
  }
  if (!parent) return children.top;
  // A placed node of this edition's index is found directly; one from elsewhere (the other edition) by its path.
  const direct = children.byParent.get(parent);
  if (direct) return direct;
  const same = index.byPath.get(parent.path.join('\u0000'));
  return same ? (children.byParent.get(same) ?? NO_CHILDREN) : NO_CHILDREN;
}

/** A scalar cell node, for fixes that replace a value. */
export function cellScalar(cell: BoundCell): ScalarNode | undefined {
  return cell.node && cell.node.kind === 'scalar' ? cell.node : undefined;
}
