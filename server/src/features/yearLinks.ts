/**
 * Go to definition and find references across years: from 上年结转 (a cell, or the row's key) to last year's
 * 结转下年度继续办理 of the same 机关, from 现行有效件数 to last year's, and from a 结转下年度 cell to next year's
 * 上年结转 — in whichever report of the workspace (open or on disk) the index holds for that year.
 */
import type { DefinitionParams, Location, LocationLink, ReferenceParams } from 'vscode-languageserver/node';
import { toOffset, toRange } from '../convert';
import type { DocumentState } from '../documentStore';
import type { Feature } from '../serverContext';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export function definition(
  state: DocumentState,
  params: DefinitionParams,
  index: WorkspaceIndex,
  linkSupport: boolean,
): Location[] | LocationLink[] | null {
  const links = index.yearLinks(state, toOffset(state.lines, params.position), 'previous');
  if (!links) return null;
  const origin = toRange(state.lines, links.origin);
  const out: LocationLink[] = [];
  for (const target of links.targets) {
    const where = index.resolve(target.uri);
    if (!where) continue;
    const range = toRange(where.lines, target.range);
    out.push({ originSelectionRange: origin, targetUri: where.uri, targetRange: range, targetSelectionRange: range });
  }
  if (out.length === 0) return null;
  return linkSupport ? out : out.map((l) => ({ uri: l.targetUri, range: l.targetRange }));
}

export function references(state: DocumentState, params: ReferenceParams, index: WorkspaceIndex): Location[] {
  const offset = toOffset(state.lines, params.position);
  const links = index.yearLinks(state, offset, 'next');
  const out: Location[] = [];
  if (params.context.includeDeclaration && links)
    out.push({ uri: state.uri, range: toRange(state.lines, links.origin) });
  for (const target of links?.targets ?? []) {
    const where = index.resolve(target.uri);
    if (where) out.push({ uri: where.uri, range: toRange(where.lines, target.range) });
  }
  return out;
}

export const yearLinksFeature: Feature = (server) => {
  let linkSupport = false;
  server.connection.onDefinition(
    server.onDocument('textDocument/definition', null, (state, params) =>
      definition(state, params, server.index, linkSupport),
    ),
  );
  server.connection.onReferences(
    server.onDocument('textDocument/references', [], (state, params) => references(state, params, server.index)),
  );
  return {
    initialize: (params) => {
      linkSupport = params.capabilities.textDocument?.definition?.linkSupport === true;
      return { definitionProvider: true, referencesProvider: true };
    },
  };
};
