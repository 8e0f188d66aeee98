/** Inlay hints: the column name before each value of a positional row; off with `nianbao.inlayHints.columnNames`. */
import { InlayHintKind } from 'vscode-languageserver/node';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { columnHints } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { toOffsetRange, toPosition } from '../positions';

export function inlayHints(state: DocumentState, params: InlayHintParams): InlayHint[] {
  return columnHints(state.analysis.report, toOffsetRange(state.lines, params.range)).map((h) => ({
    position: toPosition(state.lines, h.offset),
    label: h.label,
    kind: InlayHintKind.Parameter,
    paddingRight: true,
  }));
}
