/** A replacement of the text between two UTF-16 offsets: what quick fixes and snippets produce in the core. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Apply non-overlapping edits (any order) to `text`; overlapping edits are a bug of the caller and throw. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const edit of sorted) {
    if (edit.start < pos || edit.end < edit.start || edit.end > text.length)
      throw new Error(`overlapping or invalid edit at ${edit.start}`);
    out += text.slice(pos, edit.start) + edit.newText;
    pos = edit.end;
  }
  return out + text.slice(pos);
}

/**
 * The smallest edits that turn `before` into `after`: line by line when the line count is unchanged (each
 * changed line trimmed to its differing middle), otherwise one edit of the differing middle of the text. Used
 * where a fix is easier to compute on the whole text (fix all totals) but must reach the editor as small edits.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return [middle(before, after, 0)];
  const edits: TextEdit[] = [];
  let offset = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) edits.push(middle(a[i], b[i], offset));
    offset += a[i].length + 1;
  }
  return edits;
}

function middle(a: string, b: string, offset: number): TextEdit {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start: offset + start, end: offset + endA, newText: b.slice(start, endB) };
}
