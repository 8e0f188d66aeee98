/** Core offsets ↔ LSP positions (both UTF-16), through the core's `LineIndex`. */
import type { Position, Range } from 'vscode-languageserver/node';
import type { LineIndex, Range as OffsetRange } from '../../core/src/index';

/** What turns offsets into positions: a document's `LineIndex`, or the compact line starts of a file on disk. */
export interface PositionSource {
  positionAt(offset: number): Position;
}

export function toPosition(lines: PositionSource, offset: number): Position {
  return lines.positionAt(offset);
}

export function toRange(lines: PositionSource, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export function toOffsetRange(lines: LineIndex, range: Range): OffsetRange {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}
