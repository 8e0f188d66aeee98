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
      const found: PairNode | undefined = node.items.find((p) => offset >= p.start && offset <= p.end);
      if (!found || found.key.kind !== 'scalar') return { path, node, pair, onKey: false };
      path.push(found.key.text);
      pair = found;
      if (offset <= found.key.end) return { path, node: found.key, pair, onKey: true };
      if (!found.value || offset < found.value.start) return { path, node: found.value ?? undefined, pair, onKey: false };
      node = found.value;
    } else if (node.kind === 'seq') {
      const index: number = node.items.findIndex((item) => offset >= item.start && offset <= item.end);
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
