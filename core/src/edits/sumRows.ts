/**
 * A row written as the other edition's sub-rows (a 2019 report's （六）其他处理 split into 2021's three rows, with the
 * same columns): the row becomes their sum, cell by cell, and the sub-rows stay below it as comments. Offered
 * only when every sub-row is a row of numbers (or blanks, which count 0) of the row's length.
 */
import { fmt } from '../i18n/messages';
import { nodeAtPath as treeNodeAt } from '../syntax/navigate';
import type { ParsedDocument } from '../syntax/tree';
import type { YamlPath } from '../template/types';
import { commentOutRange } from './commentOut';
import type { TextEdit } from './textEdit';

export function sumRowsEdits(doc: ParsedDocument, path: YamlPath): TextEdit[] | undefined {
  const located = treeNodeAt(doc.root, path);
  const map = located?.node;
  const pair = located?.pair;
  if (!map || !pair || map.kind !== 'map' || map.flow || map.items.length === 0) return undefined;
  let sums: number[] | undefined;
  for (const item of map.items) {
    const row = item.value;
    if (!row || row.kind !== 'seq') return undefined;
    const values = row.items.map((cell) =>
      cell.kind !== 'scalar'
        ? undefined
        : cell.value === null
          ? 0
          : typeof cell.value === 'number'
            ? cell.value
            : undefined,
    );
    if (values.some((v) => v === undefined) || (sums && sums.length !== values.length)) return undefined;
    sums = (values as number[]).map((v, i) => Math.round(((sums?.[i] ?? 0) + v) * 1e6) / 1e6);
  }
  if (!sums) return undefined;
  const { text } = doc;
  // The sum goes right after the colon, before a comment on the key's line.
  const colon = text.indexOf(':', pair.key.end);
  if (colon < 0 || colon >= map.start) return undefined;
  const comments = commentOutRange(text, { start: map.items[0].key.start, end: map.end });
  if (!comments) return undefined;
  return [{ start: colon + 1, end: colon + 1, newText: ` [${sums.map(fmt).join(', ')}]` }, ...comments];
}
