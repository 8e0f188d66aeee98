/** Folding: mappings, narrative blocks and comment runs, as line ranges. */
import { FoldingRangeKind } from 'vscode-languageserver/node';
import type { FoldingRange } from 'vscode-languageserver/node';
import { foldingRegions } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import type { Feature } from '../serverContext';

export function foldingRanges(state: DocumentState): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const region of foldingRegions(state.analysis.doc)) {
    const startLine = state.lines.positionAt(region.start).line;
    const endLine = state.lines.positionAt(region.end).line;
    if (endLine > startLine)
      out.push({ startLine, endLine, ...(region.kind ? { kind: FoldingRangeKind.Comment } : {}) });
  }
  return out;
}

export const foldingFeature: Feature = (server) => {
  server.connection.onFoldingRanges(
    server.onDocument('textDocument/foldingRange', [], (state) => foldingRanges(state)),
  );
  return { initialize: () => ({ foldingRangeProvider: true }) };
};
