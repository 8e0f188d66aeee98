/** The plain value of a syntax tree, for schema validation. Aliases are not expanded (they read as null). */
import type { YamlNode } from './tree';

export function toJson(node: YamlNode | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'alias':
      return null;
    case 'seq':
      return node.items.map(toJson);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (pair.key.kind !== 'scalar') continue;
        const key = pair.key.text;
        // First occurrence wins (duplicates are reported separately); defineProperty keeps `__proto__` a key (an
        // assignment would set the prototype instead).
        if (Object.prototype.hasOwnProperty.call(out, key)) continue;
        if (key === '__proto__') Object.defineProperty(out, key, { value: toJson(pair.value), enumerable: true, writable: true, configurable: true });
        else out[key] = toJson(pair.value);
      }
      return out;
    }
  }
}
