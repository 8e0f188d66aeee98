/**
 * Values derived from one analysed object (a bound report, a large mapping) and computed once for it: the sum
 * relations, the blank totals, the narrative's quantities, a mapping's key index. They are kept on the object
 * itself, under a symbol and not enumerable (comparisons and JSON do not see them), rather than in a WeakMap: a
 * WeakMap keyed by objects that live for one analysis makes V8's young-generation collector keep its values and
 * promote them, which cost more than the analysis itself.
 */
const SLOTS = Symbol('derived');

type Slots = Record<string, unknown>;

/** The value `make` computes for `owner`, made on first use and kept on `owner` under `key`. */
export function derived<T>(owner: object, key: string, make: () => T): T {
  let slots = (owner as { [SLOTS]?: Slots })[SLOTS];
  if (!slots) {
    slots = {};
    Object.defineProperty(owner, SLOTS, { value: slots, enumerable: false });
  }
  if (key in slots) return slots[key] as T;
  const value = make();
  slots[key] = value;
  return value;
}
