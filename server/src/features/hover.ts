/** Hover: the core's description of a key or a cell, in the user's language. */
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt, localize } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { toOffset, toRange } from '../convert';
import type { Feature } from '../serverContext';

export function hover(state: DocumentState, params: HoverParams, lang: Lang): Hover | null {
  const info = hoverAt(state.analysis, toOffset(state.lines, params.position));
  if (!info) return null;
  return {
    contents: { kind: 'markdown', value: localize(info.contents, lang) },
    range: toRange(state.lines, info.range),
  };
}

export const hoverFeature: Feature = (server) => {
  server.connection.onHover(
    server.onDocument('textDocument/hover', null, (state, params) => hover(state, params, server.settings.lang)),
  );
  return { initialize: () => ({ hoverProvider: true }) };
};
