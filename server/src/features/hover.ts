/** Hover: the core's description of a key or a cell, in the user's language. */
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt, localize } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { toOffset, toRange } from '../positions';

export function hover(state: DocumentState, params: HoverParams, lang: Lang): Hover | null {
  const info = hoverAt(state.analysis, toOffset(state.lines, params.position));
  if (!info) return null;
  return {
    contents: { kind: 'markdown', value: localize(info.contents, lang) },
    range: toRange(state.lines, info.range),
  };
}
