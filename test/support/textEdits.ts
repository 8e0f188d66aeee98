/** A text of a list with a few characters inserted, deleted or replaced at a random place: a typing slip. */
import fc from 'fast-check';

export function editedText(texts: readonly string[], insertions: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: texts.length - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom('insert', 'delete', 'replace'),
      fc.constantFrom(...insertions),
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([which, where, how, what, width]) => {
      const text = texts[which];
      const at = Math.floor(where * text.length);
      return how === 'insert'
        ? text.slice(0, at) + what + text.slice(at)
        : how === 'delete'
          ? text.slice(0, at) + text.slice(at + width)
          : text.slice(0, at) + what + text.slice(at + width);
    });
}
