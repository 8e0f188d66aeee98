/**
 * An alias (`*zero`) written out: replaced by the text of the node its anchor (`&zero`) marks, re-indented to its
 * new place when it spans lines, and the anchor dropped when nothing else refers to it. Offered only when the
 * re-parsed text holds, at the alias's place, exactly the value the anchor marked.
 */
import type { Range } from '../diagnostics/diagnostic';
import { locate, nodeAtPath } from '../syntax/navigate';
import { parse } from '../syntax/parse';
import { toJson } from '../syntax/toJson';
import type { AliasNode, PairNode, ParsedDocument, YamlNode } from '../syntax/tree';
import { applyEdits } from './textEdit';
import type { TextEdit } from './textEdit';

interface Placed {
  readonly node: YamlNode;
  /** The pair whose value the node is, if any. */
  readonly pair?: PairNode;
}

function walk(node: YamlNode | null, pair: PairNode | undefined, visit: (p: Placed) => void): void {
  if (!node) return;
  visit({ node, pair });
  if (node.kind === 'seq') for (const item of node.items) walk(item, undefined, visit);
  if (node.kind === 'map') {
    for (const p of node.items) {
      walk(p.key, undefined, visit);
      walk(p.value, p, visit);
    }
  }
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** Lines moved `delta` columns (right when positive); undefined when a line has too little indentation. */
function shift(lines: readonly string[], delta: number): string[] | undefined {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') out.push(line);
    else if (delta >= 0) out.push(' '.repeat(delta) + line);
    else if ((/^ */.exec(line)?.[0].length ?? 0) >= -delta) out.push(line.slice(-delta));
    else return undefined;
  }
  return out;
}

/** The edit that removes `&name` with the spaces that separate it from what follows (or precedes) it. */
function anchorRemoval(text: string, node: YamlNode, name: string): TextEdit | undefined {
  const before = Math.min(node.start, node.tagRange?.[0] ?? node.start);
  const at = text.lastIndexOf(`&${name}`, before);
  if (at < 0) return undefined;
  const after = at + name.length + 1;
  if (!/^(?:\s|![^\s]*)*$/.test(text.slice(after, before)) || !/\s/.test(text[after] ?? '\n')) return undefined;
  let end = after;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (end < text.length && !/[\r\n#]/.test(text[end])) return { start: at, end, newText: '' };
  let start = at;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: after, newText: '' };
}

/** The edits that write the anchored node's text in place of the alias (see above). */
function writeOut(doc: ParsedDocument, alias: Placed & { node: AliasNode }, anchored: Placed): TextEdit[] | undefined {
  const { text } = doc;
  const node = anchored.node;
  const start = Math.min(node.start, node.tagRange?.[0] ?? node.start);
  const own = text.slice(start, node.end);
  if (!own.includes('\n')) return [{ start: alias.node.start, end: alias.node.end, newText: own }];
  // A value over several lines moves with its layout relative to its key: only between two mapping values.
  if (!anchored.pair || !alias.pair || alias.pair.value !== alias.node) return undefined;
  const delta =
    alias.pair.key.start -
    lineStart(text, alias.pair.key.start) -
    (anchored.pair.key.start - lineStart(text, anchored.pair.key.start));
  // What stays on the alias's line (`|`, `[1, 2,`), and the lines that follow it there.
  const onKeyLine = lineStart(text, start) === lineStart(text, anchored.pair.key.start);
  const headEnd = onKeyLine ? lineEnd(text, start) : start;
  const head = onKeyLine
    ? text
        .slice(start, headEnd)
        .replace(/\s+#.*$/, '')
        .trimEnd()
    : '';
  const bodyStart = onKeyLine ? headEnd + 1 : lineStart(text, start);
  const body = shift(text.slice(bodyStart, node.end).replace(/\r/g, '').split('\n'), delta);
  if (!body) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const aliasLineEnd = lineEnd(text, alias.node.end);
  const next = aliasLineEnd < text.length ? aliasLineEnd + 1 : text.length;
  const edits: TextEdit[] = [];
  if (head) {
    edits.push({ start: alias.node.start, end: alias.node.end, newText: head });
  } else {
    let from = alias.node.start;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    edits.push({ start: from, end: alias.node.end, newText: '' });
  }
  edits.push({
    start: next,
    end: next,
    newText: (next === text.length && !text.endsWith('\n') ? eol : '') + body.join(eol) + eol,
  });
  return edits;
}

export function expandAliasEdits(doc: ParsedDocument, range: Range, name: string): TextEdit[] | undefined {
  const hit = locate(doc.root, range.start);
  let alias: (Placed & { node: AliasNode }) | undefined;
  const anchors: Placed[] = [];
  const aliases: AliasNode[] = [];
  walk(doc.root, undefined, (p) => {
    if (p.node.kind === 'alias' && p.node.start === range.start) alias = { node: p.node, pair: p.pair };
    if (p.node.kind === 'alias') aliases.push(p.node);
    if (p.node.anchor === name && p.node.start < range.start) anchors.push(p);
  });
  if (!alias || alias.node.name !== name) return undefined;
  // The node the anchor marks last before the alias (an anchor may be defined again).
  const anchored = anchors.sort((a, b) => a.node.start - b.node.start)[anchors.length - 1];
  if (!anchored) return undefined;
  // Written out once, the value must not carry anchors or aliases of its own.
  let nested = false;
  walk(anchored.node, undefined, (p) => {
    if (p.node !== anchored.node && (p.node.kind === 'alias' || p.node.anchor !== undefined)) nested = true;
  });
  if (nested) return undefined;
  const edits = writeOut(doc, alias, anchored);
  if (!edits) return undefined;
  // The anchor goes too when this was the only alias that refers to it.
  const others = aliases.filter((a) => a !== alias?.node && a.name === name && a.start > anchored.node.start);
  if (others.length === 0) {
    const removal = anchorRemoval(doc.text, anchored.node, name);
    if (removal) edits.push(removal);
  }
  // The text must read back with the value in the alias's place.
  const after = parse(applyEdits(doc.text, edits));
  const syntax = (d: ParsedDocument): number => d.errors.filter((e) => e.kind === 'syntax').length;
  if (syntax(after) > syntax(doc)) return undefined;
  const written = nodeAtPath(after.root, hit.path)?.node;
  if (!written || JSON.stringify(toJson(written)) !== JSON.stringify(toJson(anchored.node))) return undefined;
  return edits;
}
