/** Offsets ↔ line/column, for the edges (LSP, CLI). Lines end at `\n`; a `\r` before it belongs to the line. */
export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based column in UTF-16 units. */
  readonly character: number;
}

/** Offsets at which lines start (the first is 0), compact enough to keep for thousands of unopened files. */
export function lineStartsOf(text: string): Uint32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Uint32Array(count);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** The position of `offset` (clamped to `[0, length]`) given a text's line starts. */
export function positionIn(starts: Uint32Array, length: number, offset: number): Position {
  const o = Math.max(0, Math.min(offset, length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: o - starts[lo] };
}

export class LineIndex {
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    this.starts = lineStartsOf(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    return positionIn(this.starts, this.text.length, offset);
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const end = position.line + 1 < this.starts.length ? this.starts[position.line + 1] - 1 : this.text.length;
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }
}
