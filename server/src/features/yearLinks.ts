/**
 * Go to definition and find references across years: from 上年结转 (a cell, or the row's key) to last year's
 * 结转下年度继续办理 of the same 机关, from 现行有效件数 to last year's, and from a 结转下年度 cell to next year's
 * 上年结转 — in whichever report of the workspace (open or on disk) the index holds for that year.
 */
import type { DefinitionParams, Location, LocationLink, ReferenceParams } from 'vscode-languageserver/node';
import type { DocumentState } from '../documentStore';
import { toOffset, toRange } from '../positions';
import type { WorkspaceReports } from '../workspace/workspaceReports';

export function definition(
  state: DocumentState,
  params: DefinitionParams,
  workspace: WorkspaceReports,
  linkSupport: boolean,
): Location[] | LocationLink[] | null {
  const links = workspace.yearLinks(state, toOffset(state.lines, params.position), 'previous');
  if (!links) return null;
  const origin = toRange(state.lines, links.origin);
  const out: LocationLink[] = [];
  for (const target of links.targets) {
    const where = workspace.resolve(target.uri);
    if (!where) continue;
    const range = toRange(where.lines, target.range);
    out.push({ originSelectionRange: origin, targetUri: where.uri, targetRange: range, targetSelectionRange: range });
  }
  if (out.length === 0) return null;
  return linkSupport ? out : out.map((l) => ({ uri: l.targetUri, range: l.targetRange }));
}

export function references(state: DocumentState, params: ReferenceParams, workspace: WorkspaceReports): Location[] {
  const offset = toOffset(state.lines, params.position);
  const links = workspace.yearLinks(state, offset, 'next');
  const out: Location[] = [];
  if (params.context.includeDeclaration && links)
    out.push({ uri: state.uri, range: toRange(state.lines, links.origin) });
  for (const target of links?.targets ?? []) {
    const where = workspace.resolve(target.uri);
    if (where) out.push({ uri: where.uri, range: toRange(where.lines, target.range) });
  }
  return out;
}
