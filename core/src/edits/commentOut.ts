/**
 * Commenting lines out (`# 备注: 无`): the fix for a key that belongs nowhere in the template (no official label
 * is near it, or only the other edition has it), for the later of two duplicate keys, for a key that is a list,
 * and for a second document in the file. Nothing is lost — the text stays in the file as a comment.
 */
import type { Range } from '../diagnostics/diagnostic';
import { nodeAtPath as treeNodeAt } from '../syntax/navigate';
import type { ParsedDocument, PairNode } from '../syntax/tree';
import type { YamlPath } from '../template/types';
import type { TextEdit } from './textEdit';

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** A line that opens a block scalar (`key: |`, `- >-`): the lines after it may be text that starts with `#`. */
const BLOCK_SCALAR_HEADER = /(?:^|[:\-]\s+)(?:[!&][^\s]*\s+)*[|>][-+0-9]*\s*(?:#.*)?$/;

/**
 * The edits that comment out every line from the line of `range.start` to the line of `range.end`; undefined
 * when the range does not own its lines (something else starts on the first line before it, or follows it on
 * the last line other than a comment). Lines that are already comments stay as they are, unless a block scalar
 * opens in the range (its text may start with `#`, and must then be commented out as well).
 */
export function commentOutRange(text: string, range: Range): TextEdit[] | undefined {
  const first = lineStart(text, range.start);
  if (text.slice(first, range.start).trim() !== '') return undefined;
  const lastEnd = lineEnd(text, Math.max(range.start, range.end - 1));
  const after = text.slice(range.end, lastEnd).trim();
  if (range.end <= lastEnd && after !== '' && !after.startsWith('#')) return undefined;
  const lines: { start: number; line: string }[] = [];
  for (let start = first; start <= lastEnd && start < text.length;) {
    const end = lineEnd(text, start);
    lines.push({ start, line: text.slice(start, end).replace(/\r$/, '') });
    start = end + 1;
  }
  const blockText = lines.some(({ line }) => !line.trimStart().startsWith('#') && BLOCK_SCALAR_HEADER.test(line));
  const edits: TextEdit[] = [];
  for (const { start, line } of lines) {
    const body = line.trimStart();
    if (body === '' || (body.startsWith('#') && !blockText)) continue;
    const at = start + line.length - body.length;
    edits.push({ start: at, end: at, newText: '# ' });
  }
  return edits.length ? edits : undefined;
}

/** The pair of a block mapping at `path` (its first occurrence). */
function pairAt(doc: ParsedDocument, path: YamlPath): PairNode | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = path.length === 1 ? doc.root : treeNodeAt(doc.root, path.slice(0, -1))?.node;
  if (!parent || parent.kind !== 'map' || parent.flow) return undefined;
  return parent.items.find((p) => p.key.kind === 'scalar' && p.key.text === key);
}

/**
 * The edits that comment out every line of the pair at `path`; undefined when the pair does not own its lines, or
 * when the document has syntax errors (a key that looks unknown in a recovered tree may only be misread).
 */
export function commentOutEdits(doc: ParsedDocument, path: YamlPath): TextEdit[] | undefined {
  if (doc.errors.some((e) => e.kind === 'syntax')) return undefined;
  const pair = pairAt(doc, path);
  if (!pair) return undefined;
  return commentOutRange(doc.text, { start: pair.key.start, end: Math.max(pair.end, pair.key.end) });
}
