/**
 * A table written as one word for "none" (`政府信息公开行政复议、行政诉讼情况: 无`): the word goes, the table's rows
 * follow with zeros, in the file's indentation, exactly as a new report writes them. A comment after the word stays
 * on the key's line.
 */
import type { Range } from '../diagnostics/diagnostic';
import { writeTemplateNode } from '../format/writeReport';
import { nodeAtPath as treeNodeAt } from '../syntax/navigate';
import type { ParsedDocument } from '../syntax/tree';
import { nodeAtPath, templateIndex } from '../template/templates';
import type { Edition, YamlPath } from '../template/types';
import { childrenOf } from '../model/bindReport';
import { indentStep } from './insertMissing';
import type { TextEdit } from './textEdit';

export function fillTableEdits(
  doc: ParsedDocument,
  edition: Edition,
  range: Range,
  path: YamlPath,
): TextEdit[] | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (keys.length !== path.length || keys.length === 0) return undefined;
  const placed = nodeAtPath(edition, keys);
  const located = treeNodeAt(doc.root, path);
  if (!placed || placed.node.kind !== 'group' || !located?.pair || located.node.kind !== 'scalar') return undefined;
  if (located.node.start !== range.start || located.node.end !== range.end) return undefined;
  const { text } = doc;
  const keyLine = text.lastIndexOf('\n', located.pair.key.start - 1) + 1;
  // The key must own its line for the rows to go under it.
  if (text.slice(keyLine, located.pair.key.start).trim() !== '' || text.slice(range.start, range.end).includes('\n'))
    return undefined;
  const column = located.pair.key.start - keyLine;
  const step = indentStep(doc);
  const group = placed.node;
  const lines = childrenOf(templateIndex(edition), placed).flatMap((child) =>
    writeTemplateNode(
      child.node,
      edition,
      keys.length,
      group.columns !== undefined,
      ' '.repeat(column + step),
      ' '.repeat(step),
    ),
  );
  let from = range.start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  const nl = text.indexOf('\n', range.end);
  const next = nl < 0 ? text.length : nl + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return [
    { start: from, end: range.end, newText: '' },
    { start: next, end: next, newText: (nl < 0 ? eol : '') + lines.join(eol) + eol },
  ];
}
