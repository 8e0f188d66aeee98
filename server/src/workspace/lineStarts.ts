/**
 * The line starts of a report the editor does not have open, kept instead of its text: the workspace index holds
 * thousands of files, and publishing their diagnostics (or pointing at one of their cells from another file)
 * only needs offset → position. Positions agree with the core's `LineIndex`.
 */
import type { Position } from 'vscode-languageserver/node';
import { lineStartsOf, positionIn } from '../../../core/src/index';
import type { PositionSource } from '../convert';

export class LineStarts implements PositionSource {
  private readonly starts: Uint32Array;
  private readonly length: number;

  constructor(text: string) {
    this.starts = lineStartsOf(text);
    this.length = text.length;
  }

  positionAt(offset: number): Position {
    return positionIn(this.starts, this.length, offset);
  }
}
