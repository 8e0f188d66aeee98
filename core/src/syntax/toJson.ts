/** The plain value of a syntax tree, for schema validation. Aliases are not expanded (they read as null). */
import type { YamlNode } from './tree';

/**
 * What `toJson` noticed on the way: a mapping key that is a mapping or a sequence (JSON has no place for it), or
 * a repeated key, whose value it does not visit (so it cannot tell what keys are in there).
 */
export interface JsonNotes {
  collectionKey: boolean;
}

export function toJson(node: YamlNode | null, notes?: JsonNotes): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'alias':
      return null;
    case 'seq':
      return node.items.map((item) => toJson(item, notes));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (pair.key.kind !== 'scalar') {
          if (notes && (pair.key.kind === 'map' || pair.key.kind === 'seq')) notes.collectionKey = true;
          continue;
        }
        const key = pair.key.text;
        // First occurrence wins (duplicates are reported separately); defineProperty keeps `__proto__` a key (an
        // assignment would set the prototype instead).
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          if (notes) notes.collectionKey = true;
          continue;
        }
        if (key === '__proto__')
          Object.defineProperty(out, key, {
            value: toJson(pair.value, notes),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else out[key] = toJson(pair.value, notes);
      }
      return out;
    }
  }
}
