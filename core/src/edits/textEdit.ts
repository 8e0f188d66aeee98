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

/** Above this many line pairs to compare, the differing middle is replaced as one edit. */
const MAX_LINE_PAIRS = 4_000_000;

/** A text cut after each line break, so that joining the pieces gives the text back. */
function linesWithBreaks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    out.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * Edits of whole lines that turn `before` into `after`, one per run of changed lines (the longest common
 * subsequence of lines is kept): what a formatter sends, so that the editor keeps its marks on untouched lines.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = linesWithBreaks(before);
  const b = linesWithBreaks(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const offsets = [0];
  for (const line of a) offsets.push(offsets[offsets.length - 1] + line.length);
  const edit = (i0: number, i1: number, j0: number, j1: number): TextEdit => ({
    start: offsets[i0],
    end: offsets[i1],
    newText: b.slice(j0, j1).join(''),
  });
  if (n === 0 || m === 0 || n * m > MAX_LINE_PAIRS) return [edit(head, head + n, head, head + m)];
  // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..], in one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[head + i] === b[head + j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  let runI = -1;
  let runJ = -1;
  const close = (): void => {
    if (runI < 0) return;
    edits.push(edit(head + runI, head + i, head + runJ, head + j));
    runI = runJ = -1;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      close();
      i++;
      j++;
      continue;
    }
    if (runI < 0) {
      runI = i;
      runJ = j;
    }
    if (j < m && (i >= n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) j++;
    else i++;
  }
  close();
  return edits;
}
