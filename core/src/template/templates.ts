/** Access to the two template models and the indexes every feature needs. */
import { EDITION_2019 } from './edition2019';
import { EDITION_2021 } from './edition2021';
import type { Edition, GroupNode, RowNode, TemplateModel, TemplateNode } from './types';

export const TEMPLATES: Readonly<Record<Edition, TemplateModel>> = { 2019: EDITION_2019, 2021: EDITION_2021 };

export function templateFor(edition: Edition): TemplateModel {
  return TEMPLATES[edition];
}

export function isEdition(value: unknown): value is Edition {
  return value === 2019 || value === 2021;
}

/** The edition a report of `year` must use, or undefined for years before the 2019 template. */
export function editionForYear(year: number): Edition | undefined {
  if (!Number.isInteger(year) || year < EDITION_2019.years.from) return undefined;
  return year <= (EDITION_2019.years.to ?? year) ? 2019 : 2021;
}

/** A template node with its YAML path (keys from the root). */
export interface PlacedNode {
  readonly node: TemplateNode;
  readonly path: readonly string[];
  readonly parent: GroupNode;
}

export interface TemplateIndex {
  readonly model: TemplateModel;
  /** Every node below the root, depth first in template order. */
  readonly nodes: readonly PlacedNode[];
  readonly byId: ReadonlyMap<string, PlacedNode>;
  /** Keyed by the path joined with `\u0000`. */
  readonly byPath: ReadonlyMap<string, PlacedNode>;
  /** All rows in template order. */
  readonly rows: readonly (PlacedNode & { readonly node: RowNode })[];
}

const indexes = new Map<Edition, TemplateIndex>();

export function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u0000');
}

export function templateIndex(edition: Edition): TemplateIndex {
  const cached = indexes.get(edition);
  if (cached) return cached;
  const model = TEMPLATES[edition];
  const nodes: PlacedNode[] = [];
  const walk = (group: GroupNode, prefix: readonly string[]): void => {
    for (const child of group.children) {
      const path = [...prefix, child.key];
      nodes.push({ node: child, path, parent: group });
      if (child.kind === 'group') walk(child, path);
    }
  };
  walk(model.root, []);
  const index: TemplateIndex = {
    model,
    nodes,
    byId: new Map(nodes.map((n) => [n.node.id, n])),
    byPath: new Map(nodes.map((n) => [pathKey(n.path), n])),
    rows: nodes.filter((n): n is PlacedNode & { node: RowNode } => n.node.kind === 'row'),
  };
  indexes.set(edition, index);
  return index;
}

/** The template node at a YAML path (keys only), or undefined when the path is not part of the edition. */
export function nodeAtPath(edition: Edition, path: readonly (string | number)[]): PlacedNode | undefined {
  return templateIndex(edition).byPath.get(pathKey(path));
}

/** The printed label with its ordinal, as a reader sees it in the published table: `（三）不予公开`. */
export function displayLabel(node: TemplateNode): string {
  return `${node.ordinal}${node.printed}`;
}
