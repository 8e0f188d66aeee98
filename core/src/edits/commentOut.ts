/**
 * Commenting a pair out (`# 备注: 无`): the fix for a key that belongs nowhere in the template (no official label
 * is near it, or only the other edition has it). Nothing is lost — the text stays in the file as a comment.
 */
import { nodeAtPath as treeNodeAt } from '../syntax/navigate';
import type { ParsedDocument, PairNode } from '../syntax/tree';
import type { YamlPath } from '../template/types';
import type { TextEdit } from './textEdit';

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The edits that comment out every line of the pair at `path`; undefined when the pair does not own its lines, or
 * when the document has syntax errors (a key that looks unknown in a recovered tree may only be misread).
 */
export function commentOutEdits(doc: ParsedDocument, path: YamlPath): TextEdit[] | undefined {
  if (doc.errors.some((e) => e.kind === 'syntax')) return undefined;
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = path.length === 1 ? doc.root : treeNodeAt(doc.root, path.slice(0, -1))?.node;
  if (!parent || parent.kind !== 'map' || parent.flow) return undefined;
  const pair: PairNode | undefined = parent.items.find((p) => p.key.kind === 'scalar' && p.key.text === key);
  if (!pair) return undefined;
  const text = doc.text;
  const first = lineStart(text, pair.key.start);
  // Only a pair that starts its line can be commented out without touching a neighbour.
  if (text.slice(first, pair.key.start).trim() !== '') return undefined;
  const end = Math.max(pair.end, pair.key.end);
  const edits: TextEdit[] = [];
  for (let start = first; start <= end && start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(start, lineEnd);
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) edits.push({ start: start + indent, end: start + indent, newText: '# ' });
    if (nl < 0) break;
    start = nl + 1;
  }
  return edits;
}
