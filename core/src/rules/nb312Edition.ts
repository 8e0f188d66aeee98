import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import { childrenOf, layoutEdition } from '../model/bindReport';
import { getPair } from '../syntax/tree';
import type { MapNode, PairNode, YamlNode } from '../syntax/tree';
import { TEMPLATES, editionForYear, isEdition, nodeAtPath, templateIndex } from '../template/templates';
import type { PlacedNode, TemplateIndex } from '../template/templates';
import type { Edition } from '../template/types';
import type { Rule, RuleContext } from './rule';

function yearAgreement({ report }: RuleContext): Diagnostic[] {
  const year = report.year;
  const yearMeta = report.meta.get('meta.year');
  if (year === undefined || !yearMeta?.node) return [];
  const expected = editionForYear(year);
  if (expected === undefined) {
    return [{ code: 'NB312', severity: 'error', message: M.yearTooEarly(year), range: yearMeta.node, path: ['年度'] }];
  }
  const editionMeta = report.meta.get('meta.edition');
  const declared = editionMeta?.value;
  if (!isEdition(declared) || expected === declared || !editionMeta?.node) return [];
  const node = editionMeta.node;
  // Offer to correct 格式 only when the tables do not follow the declared edition's layout.
  const fixable = layoutEdition(report.root) !== declared;
  return [
    {
      code: 'NB312',
      severity: 'error',
      message: M.editionYear(year, declared, expected, TEMPLATES[expected].document),
      range: { start: node.start, end: node.end },
      path: ['格式'],
      ...(fixable
        ? { fix: { kind: 'replaceText' as const, text: String(expected), range: { start: node.start, end: node.end } } }
        : {}),
    },
  ];
}

function shapeOf(node: YamlNode | null): { kind: 'seq'; length: number } | { kind: 'map' } | undefined {
  if (!node) return undefined;
  if (node.kind === 'seq') return { kind: 'seq', length: node.items.length };
  if (node.kind === 'map') return { kind: 'map' };
  return undefined;
}

const keyed = new WeakMap<TemplateIndex, Map<PlacedNode | undefined, ReadonlyMap<string, PlacedNode>>>();

/** The children of a placed node (or of the root) by key, made once per template node. */
function childrenByKey(index: TemplateIndex, parent: PlacedNode | undefined): ReadonlyMap<string, PlacedNode> {
  let byParent = keyed.get(index);
  if (!byParent) keyed.set(index, (byParent = new Map()));
  let children = byParent.get(parent);
  if (!children) {
    const map = new Map<string, PlacedNode>();
    // The first of equal keys, as a search in template order finds it.
    for (const c of childrenOf(index, parent)) if (!map.has(c.node.key)) map.set(c.node.key, c);
    byParent.set(parent, (children = map));
  }
  return children;
}

const counterparts = new WeakMap<
  PlacedNode,
  { readonly index: TemplateIndex; readonly node: PlacedNode | undefined }
>();

/** The node at the same path in the other edition's template. */
function counterpart(own: PlacedNode, otherIndex: TemplateIndex): PlacedNode | undefined {
  const cached = counterparts.get(own);
  if (cached && cached.index === otherIndex) return cached.node;
  const node = otherIndex.byPath.get(own.path.join('\u0000'));
  counterparts.set(own, { index: otherIndex, node });
  return node;
}

/** Keys and row shapes that belong to the other edition (E7: mixed layouts). */
function mixedLayout({ report }: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const edition = report.edition;
  const other: Edition = edition === 2019 ? 2021 : 2019;
  const index = templateIndex(edition);
  const otherIndex = templateIndex(other);

  const visit = (map: MapNode, parent: PlacedNode | undefined): void => {
    const children = childrenByKey(index, parent);
    const prefix = parent ? parent.path : [];
    for (const pair of map.items) {
      if (pair.key.kind !== 'scalar') continue;
      const key = pair.key.text;
      const own = children.get(key);
      if (!own) {
        const foreign = nodeAtPath(other, [...prefix, key]);
        if (!foreign) continue;
        const counterpart = index.byId.get(foreign.node.id);
        const sameParent = counterpart && counterpart.path.slice(0, -1).join('\u0000') === prefix.join('\u0000');
        const target =
          sameParent && counterpart && !getPair(map, counterpart.node.key) ? counterpart.node.key : undefined;
        out.push({
          code: 'NB312',
          severity: 'error',
          message: M.foreignKey(key, edition, other, target),
          range: { start: pair.key.start, end: pair.key.end },
          path: [...prefix, key],
          ...(target
            ? { fix: { kind: 'renameKey' as const, key: target, range: { start: pair.key.start, end: pair.key.end } } }
            : {}),
        });
        continue;
      }
      const foreign = counterpart(own, otherIndex);
      const shape = shapeOf(pair.value);
      if (own.node.kind === 'group') {
        if (pair.value?.kind === 'map') visit(pair.value, own);
        else if (
          shape?.kind === 'seq' &&
          foreign?.node.kind === 'row' &&
          foreign.node.columns.length === shape.length
        ) {
          out.push(shapeDiagnostic(own, pair, edition, other));
        }
      } else if (own.node.kind === 'row' && foreign) {
        const cols = own.node.columns.length;
        const foreignMatches =
          (shape?.kind === 'seq' &&
            foreign.node.kind === 'row' &&
            foreign.node.columns.length === shape.length &&
            shape.length !== cols) ||
          (shape?.kind === 'map' && foreign.node.kind === 'group') ||
          (pair.value?.kind === 'scalar' &&
            typeof pair.value.value === 'number' &&
            cols > 1 &&
            foreign.node.kind === 'row' &&
            foreign.node.columns.length === 1);
        if (!foreignMatches) continue;
        const diagnostic = shapeDiagnostic(own, pair, edition, other);
        // The other edition's sub-rows of this row, with its columns: their sum is the row.
        const subRows =
          foreign.node.kind === 'group' &&
          foreign.node.children.every((c) => c.kind === 'row' && c.columns.length === cols);
        out.push(
          subRows && shape?.kind === 'map' ? { ...diagnostic, fix: { kind: 'sumRows', path: own.path } } : diagnostic,
        );
      }
    }
  };
  if (report.root) visit(report.root, undefined);
  return out;
}

function shapeDiagnostic(own: PlacedNode, pair: PairNode, edition: Edition, other: Edition): Diagnostic {
  const value = pair.value as YamlNode;
  const columns =
    own.node.kind === 'row'
      ? own.node.columns.map((c) => c.name)
      : own.node.kind === 'group'
        ? own.node.children.map((c) => c.key)
        : [];
  return {
    code: 'NB312',
    severity: 'error',
    message: M.foreignShape(own.node.key, edition, other, columns),
    // A block mapping spans lines: the key says it better.
    range:
      value.kind === 'map' && !value.flow
        ? { start: pair.key.start, end: pair.key.end }
        : { start: value.start, end: value.end },
    path: own.path,
  };
}

/** Invariant 12: the report year and the template edition agree, and the tables follow that one edition. */
export const nb312Edition: Rule = {
  code: 'NB312',
  title: {
    zh: '年度与格式一致（2019、2020年度用2019年版，2021年度起用2021年版），不混用两版格式',
    en: 'Year and edition agree (2019–2020: 2019 template; 2021 on: 2021 template); no mixing of layouts',
  },
  check: (context) => [...yearAgreement(context), ...mixedLayout(context)],
};
