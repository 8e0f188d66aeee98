/**
 * Inlay hints: the column name before each value of a positional row, short (`自:`, the full name as the tooltip)
 * or full (`自然人:`) as `nianbao.inlayHints.columnNames` says.
 */
import { InlayHintKind } from 'vscode-languageserver/node';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { columnHints } from '../../../core/src/index';
import type { ColumnHintStyle } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { toOffsetRange, toPosition } from '../positions';

export function inlayHints(state: DocumentState, params: InlayHintParams, style: ColumnHintStyle): InlayHint[] {
  return columnHints(state.analysis.report, toOffsetRange(state.lines, params.range), style).map((h) => ({
    position: toPosition(state.lines, h.offset),
    label: h.label,
    kind: InlayHintKind.Parameter,
    paddingRight: true,
    ...(style === 'short' ? { tooltip: h.name } : {}),
  }));
}
