/**
 * The line starts of a report the editor does not have open, kept instead of its text: the workspace index holds
 * thousands of files, and publishing their diagnostics (or pointing at one of their cells from another file)
 * only needs offset → position. Positions agree with the core's `LineIndex`.
 */
import type { Position } from 'vscode-languageserver/node';
import { lineStartOffsets } from '../../../core/src/index';
import type { PositionSource } from '../positions';

export class LineStarts implements PositionSource {
  private readonly starts: Uint32Array;
  private readonly length: number;

  constructor(text: string) {
    this.starts = Uint32Array.from(lineStartOffsets(text));
    this.length = text.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }
}
