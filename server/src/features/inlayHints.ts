/**
 * Inlay hints: the column name before each value of a positional row, short (`自:`, the full name as the tooltip)
 * or full (`自然人:`) as `nianbao.inlayHints.columnNames` says.
 */
import { InlayHintKind } from 'vscode-languageserver/node';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { columnHints } from '../../../core/src/index';
import type { ColumnHintStyle } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { toOffsetRange, toPosition } from '../convert';
import type { Feature } from '../serverContext';

export function inlayHints(state: DocumentState, params: InlayHintParams, style: ColumnHintStyle): InlayHint[] {
  return columnHints(state.analysis.report, toOffsetRange(state.lines, params.range), style).map((h) => ({
    position: toPosition(state.lines, h.offset),
    label: h.label,
    kind: InlayHintKind.Parameter,
    paddingRight: true,
    ...(style === 'short' ? { tooltip: h.name } : {}),
  }));
}

export const inlayHintsFeature: Feature = (server) => {
  let refresh = false;
  server.connection.languages.inlayHint.on(
    server.onDocument('textDocument/inlayHint', [], (state, params) =>
      server.settings.columnNames === 'off'
        ? []
        : inlayHints(state, params, server.settings.columnNames === 'short' ? 'short' : 'full'),
    ),
  );
  // The column names may have been switched on, off or to another style: the editor asks again.
  server.settings.onDidChange(() => {
    if (refresh) void server.connection.languages.inlayHint.refresh().catch(() => undefined);
  });
  return {
    initialize: (params) => {
      refresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
      return { inlayHintProvider: { resolveProvider: false } };
    },
  };
};
