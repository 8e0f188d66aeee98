/**
 * Offsets ↔ line/column, for the edges (LSP, CLI). Lines end where LSP (and YAML) end them: at `\n`, `\r\n` or a
 * lone `\r`. A column past the end of a line's content stops before its line break.
 */
export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based column in UTF-16 units. */
  readonly character: number;
}

/** A line ends at `\n`, and at a `\r` not followed by `\n` (LSP and YAML count a lone CR as a line break). */
function endsLine(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a);
}

/**
 * Offsets at which lines start (the first is 0), after every `\n`, `\r\n` and lone `\r`; compact enough to keep for
 * thousands of unopened files.
 */
export function lineStartsOf(text: string): Uint32Array {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (endsLine(text, i)) count++;
  const starts = new Uint32Array(count);
  let k = 1;
  for (let i = 0; i < text.length; i++) if (endsLine(text, i)) starts[k++] = i + 1;
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
    return Math.max(start, Math.min(start + position.character, this.contentEnd(position.line)));
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    return this.text.slice(start, line < this.starts.length ? this.contentEnd(line) : this.text.length);
  }

  /** Where the line's content ends: before its `\n`, `\r\n` or `\r`. */
  private contentEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 1) === 0x0a &&
      this.text.charCodeAt(next - 2) === 0x0d &&
      next - 2 >= this.starts[line]
      ? next - 2
      : next - 1;
  }
}
