/**
 * A custom tag dropped, the value kept (`!!binary |` → `|`, `!number 1523` → `1523`): offered when the value
 * then reads as the template expects, so that the fix never trades one finding for another at that place.
 */
import { analyze } from '../analyze';
import type { Range } from '../diagnostics/diagnostic';
import { parse } from '../syntax/parse';
import type { ParsedDocument } from '../syntax/tree';
import type { YamlPath } from '../template/types';
import { applyEdits } from './textEdit';
import type { TextEdit } from './textEdit';

function within(path: YamlPath, prefix: YamlPath): boolean {
  return path.length >= prefix.length && prefix.every((p, i) => path[i] === p);
}

/** The edit that removes the tag at `range` with the spaces that separate it from the value. */
function removal(text: string, range: Range): TextEdit {
  let end = range.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  // The value follows on this line: the tag goes with the spaces after it.
  if (end < text.length && !/[\r\n#]/.test(text[end])) return { start: range.start, end, newText: '' };
  // Nothing (or a comment) follows: the tag goes with the spaces before it.
  let start = range.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: range.end, newText: '' };
}

export function dropTagEdits(text: string, range: Range, path: YamlPath): TextEdit[] | undefined {
  if (!/^!/.test(text.slice(range.start, range.end))) return undefined;
  const edit = removal(text, range);
  const after = analyze(applyEdits(text, [edit]));
  const syntax = (doc: ParsedDocument): number => doc.errors.filter((e) => e.kind === 'syntax').length;
  if (syntax(after.doc) > syntax(parse(text))) return undefined;
  // How the value reads (syntax, keys, types, lengths, meta values); the sums it enters are another matter.
  if (after.diagnostics.some((d) => /^NB[12]/.test(d.code) && within(d.path, path))) return undefined;
  return [edit];
}
