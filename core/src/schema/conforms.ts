/**
 * Whether a report is valid against its edition's schema, told from the template model the schema is generated
 * from, for the common case of a report that is: then neither the report's conversion to JSON nor the generated
 * validator need run. True only when every mapping holds template keys alone (each once) and every required one,
 * every row the count of cells its columns have and each cell of its column's kind, every meta field and text a
 * value of its type — what the schema states (`generateSchema.ts`), read as `toJson` reads the tree (an alias is
 * null). Anything else is left to the validator, which says what is wrong; a test holds the two together on
 * random, broken and fixture reports.
 */
import { childrenOf } from '../model/bindReport';
import type { BoundReport } from '../model/bindReport';
import type { YamlNode } from '../syntax/tree';
import type { PlacedNode } from '../template/templates';
import type { Column, MetaNode, TemplateNode } from '../template/types';
import { YEARS } from '../template/parts';

/** The value `toJson` gives a node that is not a collection (an alias reads as null); undefined for a collection. */
function plain(node: YamlNode | null | undefined): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'alias') return null;
  return undefined;
}

function integer(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function cellConforms(column: Column, node: YamlNode | null | undefined): boolean {
  const v = plain(node);
  if (v === null) return true;
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  switch (column.kind) {
    case 'count':
      return Number.isInteger(v) && v >= 0;
    case 'delta':
      return Number.isInteger(v);
    case 'amount':
      return v >= 0;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const NOT_BLANK = /\S/u;

function metaConforms(node: MetaNode, value: YamlNode | null): boolean {
  const v = plain(value);
  switch (node.type) {
    case 'edition':
      return v === 2019 || v === 2021;
    case 'string':
      return typeof v === 'string' && NOT_BLANK.test(v);
    case 'year':
      return integer(v) && v >= YEARS.min && v <= YEARS.max;
    case 'date':
      return typeof v === 'string' && DATE.test(v);
    case 'agencyType':
      return v === '人民政府' || v === '部门';
  }
}

function required(node: TemplateNode): boolean {
  return node.kind !== 'meta' || node.required;
}

export function conformsToSchema(report: BoundReport): boolean {
  const { template, pairs } = report;
  const mapConforms = (map: YamlNode | null, children: readonly PlacedNode[]): boolean => {
    if (!map || map.kind !== 'map') return false;
    let found = 0;
    for (const placed of children) {
      const pair = pairs.get(placed.node.id);
      if (!pair) {
        if (required(placed.node)) return false;
        continue;
      }
      found++;
      const node = placed.node;
      const value = pair.value;
      switch (node.kind) {
        case 'row': {
          const { columns } = node;
          if (columns.length === 1) {
            if (!cellConforms(columns[0], value)) return false;
          } else {
            if (!value || value.kind !== 'seq' || value.items.length !== columns.length) return false;
            for (let i = 0; i < columns.length; i++) if (!cellConforms(columns[i], value.items[i])) return false;
          }
          break;
        }
        case 'meta':
          if (!metaConforms(node, value)) return false;
          break;
        case 'text': {
          const v = plain(value);
          if (v !== null && typeof v !== 'string') return false;
          break;
        }
        case 'group':
          if (!mapConforms(value, childrenOf(template, placed))) return false;
          break;
      }
    }
    // Every key a template key found here, each once: no unknown, empty, repeated or collection key.
    return found === map.items.length;
  };
  return mapConforms(report.root ?? null, childrenOf(template, undefined));
}
