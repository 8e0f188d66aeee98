/**
 * The project's own YAML syntax tree. Both parsers (js-yaml events, `yaml` with recovery) build exactly this
 * shape, so nothing downstream knows which one ran.
 *
 * Ranges are UTF-16 offsets into the source, end-exclusive, and canonical:
 * - plain scalar: its text; quoted scalar: including the quotes;
 * - block scalar: from the `|`/`>` indicator to the end of its last non-blank content line
 *   (at least the header indicators);
 * - empty value (`key:` with nothing after it): zero length, right after the colon;
 * - empty key (`: value` in a block mapping): zero length, at the colon;
 * - flow collection: from the opening to after the closing bracket;
 * - block collection: from its first item to the end of its last item;
 * - alias: from the `*` to the end of its name.
 * Tags and anchors are not part of a node's range (the tag's own range is `tagRange`).
 */

import { derived } from '../derived';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/** A resolved scalar value under the YAML 1.2 core schema (only tags of the core schema are honoured). */
export type ScalarValue = string | number | boolean | null;

interface Base {
  readonly start: number;
  readonly end: number;
  /** Explicit tag as written, normalised to the `!!x` short form when it is a standard tag. */
  readonly tag?: string;
  /** Range of the explicit tag, when there is one. */
  readonly tagRange?: readonly [number, number];
  readonly anchor?: string;
}

export interface ScalarNode extends Base {
  readonly kind: 'scalar';
  readonly style: ScalarStyle;
  /** Decoded text (escapes processed, block folding applied), before type resolution. */
  readonly text: string;
  readonly value: ScalarValue;
  /** True for an absent value (`key:` with nothing after it). */
  readonly empty: boolean;
}

export interface PairNode {
  readonly key: YamlNode;
  /** Null only when the recovering parser found a key with no value node at all. */
  readonly value: YamlNode | null;
  readonly start: number;
  readonly end: number;
}

export interface MapNode extends Base {
  readonly kind: 'map';
  readonly flow: boolean;
  readonly items: readonly PairNode[];
}

export interface SeqNode extends Base {
  readonly kind: 'seq';
  readonly flow: boolean;
  readonly items: readonly YamlNode[];
}

export interface AliasNode extends Base {
  readonly kind: 'alias';
  readonly name: string;
}

export type YamlNode = ScalarNode | MapNode | SeqNode | AliasNode;

export type SyntaxErrorKind =
  | 'syntax'
  | 'duplicateKey'
  | 'tag'
  | 'alias'
  | 'multiDocument'
  | 'tooDeep'
  | 'tooLarge'
  | 'tooManyItems'
  | 'tooManyAliases'
  | 'binary';

export interface SyntaxError {
  readonly kind: SyntaxErrorKind;
  readonly start: number;
  readonly end: number;
  /** The parser's own wording (English), kept for the detail of `syntax` errors. */
  readonly detail: string;
  /** The recovering parser's error code (`TAB_AS_INDENT`, `MISSING_CHAR`, …), which the message is worded from. */
  readonly code?: string;
  /** For duplicate keys: the range of the first occurrence. */
  readonly firstStart?: number;
  readonly firstEnd?: number;
  readonly key?: string;
}

export interface ParsedDocument {
  readonly text: string;
  /** Null for an empty document (only comments or whitespace). */
  readonly root: YamlNode | null;
  readonly errors: readonly SyntaxError[];
  /**
   * Which parser produced the tree (`fast`: the common-form reader or js-yaml, for valid text; `recover`: a tree
   * read around syntax errors, by the line reader or the `yaml` package); for the tooling itself and benchmarks.
   */
  readonly parser: 'fast' | 'recover' | 'none';
}

/** The text of a scalar mapping key as written (`2021:` gives `2021`), undefined for a collection key. */
export function keyText(node: YamlNode): string | undefined {
  return node.kind === 'scalar' ? node.text : undefined;
}

/** Mappings up to this size are searched directly; larger ones (a pasted or generated file) get an index. */
const SMALL_MAP = 32;

/** Find the pair with the given key in a mapping (first occurrence). */
export function getPair(map: MapNode, key: string): PairNode | undefined {
  if (map.items.length <= SMALL_MAP) {
    for (const pair of map.items) if (keyText(pair.key) === key) return pair;
    return undefined;
  }
  return keyIndex(map).get(key);
}

/** The pairs of a mapping by key text (first occurrence of each key). */
export function keyIndex(map: MapNode): ReadonlyMap<string, PairNode> {
  return derived(map, 'keyIndex', () => {
    const built = new Map<string, PairNode>();
    for (const pair of map.items) {
      const k = keyText(pair.key);
      if (k !== undefined && !built.has(k)) built.set(k, pair);
    }
    return built;
  });
}
