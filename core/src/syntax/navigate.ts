/** Moving between YAML paths and syntax nodes. */
import type { YamlPath } from '../template/types';
import { getPair } from './tree';
import type { PairNode, YamlNode } from './tree';

export interface Located {
  readonly node: YamlNode;
  /** The pair whose value is `node`, when `node` is a mapping value. */
  readonly pair?: PairNode;
}

/** The node at a path of keys and sequence indexes, or undefined when the path leaves the tree. */
export function nodeAtPath(root: YamlNode | null, path: YamlPath): Located | undefined {
  if (!root) return undefined;
  let current: Located = { node: root };
  for (const step of path) {
    const node = current.node;
    if (node.kind === 'map' && typeof step === 'string') {
      const pair = getPair(node, step);
      if (!pair || !pair.value) return undefined;
      current = { node: pair.value, pair };
    } else if (node.kind === 'seq' && typeof step === 'number' && step < node.items.length) {
      current = { node: node.items[step] };
    } else {
      return undefined;
    }
  }
  return current;
}

export interface Hit {
  /** YAML path of the innermost node containing the offset (keys and sequence indexes). */
  readonly path: (string | number)[];
  /** That node; for an offset on a key, the key scalar. */
  readonly node: YamlNode | undefined;
  /** The mapping pair the path ends in, when it ends in a key. */
  readonly pair: PairNode | undefined;
  readonly onKey: boolean;
}

interface Ranged {
  readonly start: number;
  readonly end: number;
}

/** Collections whose items are in document order without overlap (so that a binary search finds the first hit). */
const ordered = new WeakMap<readonly Ranged[], boolean>();

function inOrder(items: readonly Ranged[]): boolean {
  let known = ordered.get(items);
  if (known === undefined) {
    known = true;
    for (let i = 0; i < items.length && known; i++) {
      if (items[i].start > items[i].end || (i > 0 && items[i - 1].end > items[i].start)) known = false;
    }
    ordered.set(items, known);
  }
  return known;
}

/**
 * The index of the first item whose range (ends inclusive) contains `offset`, or -1. A binary search on ordered
 * items: a diagnostic is located per finding, and a collection of a million aliases or duplicate keys would
 * otherwise make that quadratic. A recovered tree whose items are out of order is searched item by item.
 */
function firstContaining(items: readonly Ranged[], offset: number): number {
  if (items.length < 16 || !inOrder(items))
    return items.findIndex((item) => offset >= item.start && offset <= item.end);
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < items.length && items[lo].start <= offset ? lo : -1;
}

/**
 * What is at `offset`: the innermost node whose range contains it (ends inclusive, so that a cursor right
 * after a value still finds it) and its YAML path.
 */
export function locate(root: YamlNode | null, offset: number): Hit {
  const path: (string | number)[] = [];
  let node: YamlNode | null = root;
  let pair: PairNode | undefined;
  while (node) {
    if (node.kind === 'map') {
      const at = firstContaining(node.items, offset);
      const found: PairNode | undefined = at < 0 ? undefined : node.items[at];
      if (!found || found.key.kind !== 'scalar') return { path, node, pair, onKey: false };
      path.push(found.key.text);
      pair = found;
      if (offset <= found.key.end) return { path, node: found.key, pair, onKey: true };
      if (!found.value || offset < found.value.start)
        return { path, node: found.value ?? undefined, pair, onKey: false };
      node = found.value;
    } else if (node.kind === 'seq') {
      const index = firstContaining(node.items, offset);
      if (index < 0) return { path, node, pair, onKey: false };
      path.push(index);
      pair = undefined;
      node = node.items[index];
    } else {
      return { path, node, pair, onKey: false };
    }
  }
  return { path, node: undefined, pair, onKey: false };
}
