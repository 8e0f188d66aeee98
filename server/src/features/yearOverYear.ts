/**
 * `nianbao/compare` and `nianbao/trends`: a report against the same 机关's report of the year before (found in the
 * workspace index, or given), and one agency's figures over the years. The later report is the editor's text when
 * open (its current analysis), otherwise its file; the earlier one likewise. Trends are read from the index's facts
 * alone: no report is read again.
 */
import {
  agencyKey,
  analyze,
  compareReports,
  localize,
  notRenderable,
  renderComparison,
  trendsOf,
} from '../../../core/src/index';
import type { Analysis, Lang, YearReport } from '../../../core/src/index';
import type { DocumentStore } from '../documentStore';
import { t } from '../l10n';
import { cancellable, cancelled } from '../guard';
import type { CompareParams, CompareResult, TrendsParams, TrendsResult } from '../../../protocol/src/protocol';
import { CompareRequest, TrendsRequest } from '../../../protocol/src/protocol';
import type { Feature } from '../serverContext';
import { canonicalUri, fsPathOf, readReportText } from '../workspace/reportFiles';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

interface Source {
  readonly uri: string;
  readonly analysis: Analysis;
}

/** An open document's current analysis (the editor's URI for it), else the file read and analysed. */
async function sourceOf(uri: string, store: DocumentStore): Promise<Source | string> {
  const key = canonicalUri(uri);
  const open = store.documents.all().find((d) => d.uri === uri || canonicalUri(d.uri) === key);
  if (open) {
    const state = store.get(open.uri);
    if (state) return { uri: open.uri, analysis: state.analysis };
  }
  const path = fsPathOf(key);
  const file = path ? await readReportText(path) : undefined;
  if (!file || !('text' in file)) return t('Cannot read {0}', uri);
  return { uri, analysis: analyze(file.text) };
}

function displayName(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
  } catch {
    return clean.slice(clean.lastIndexOf('/') + 1);
  }
}

export async function compareWithPrevious(
  params: CompareParams,
  store: DocumentStore,
  index: WorkspaceIndex,
  serverLang: Lang,
): Promise<CompareResult> {
  const uri = params.uri;
  const lang: Lang = params.lang === 'zh' || params.lang === 'en' ? params.lang : serverLang;
  const later = await sourceOf(uri, store);
  if (typeof later === 'string') return { uri, error: later };
  const refusal = (s: Source): string | undefined => {
    const refused = notRenderable(s.analysis);
    if (!refused) return undefined;
    const why = refused.reason ? localize(refused.reason.message, lang) : t('the top level must be a mapping of keys');
    return t('{0} holds no report to compare: {1}', displayName(s.uri), why);
  };
  const laterRefused = refusal(later);
  if (laterRefused) return { uri, error: laterRefused };
  let previousUri = params.previous;
  if (previousUri === undefined) {
    const { agency, year } = later.analysis.report;
    const name = agency?.trim();
    if (!name || year === undefined) return { uri, missing: {} };
    const found = index.reportsOf(name, year - 1);
    if (found.length !== 1)
      return { uri, missing: { agency: name, year: year - 1, ...(found.length ? { several: found } : {}) } };
    previousUri = found[0];
  }
  const earlier = await sourceOf(previousUri, store);
  if (typeof earlier === 'string') return { uri, error: earlier };
  const earlierRefused = refusal(earlier);
  if (earlierRefused) return { uri, error: earlierRefused };
  const comparison = compareReports(
    { uri: displayName(earlier.uri), analysis: earlier.analysis },
    { uri: displayName(later.uri), analysis: later.analysis },
  );
  const page = renderComparison({ comparison, to: later.analysis.report }, { lang });
  return {
    uri: later.uri,
    previous: earlier.uri,
    title: page.title,
    html: page.html,
    findings: comparison.findings.length,
  };
}

export function trends(params: TrendsParams, store: DocumentStore, index: WorkspaceIndex): TrendsResult {
  const agencies = index.agencies().filter((a) => a.years.length >= 2);
  let key = params.agency;
  if (key === undefined && params.uri !== undefined) {
    const open = store.get(params.uri);
    const name = open?.analysis.report.agency ?? index.facts(canonicalUri(params.uri))?.agency;
    if (name?.trim()) key = agencyKey(name.trim());
  }
  if (key === undefined || index.yearsOf(key).length < 2) return { agencies };
  const reports: YearReport[] = [];
  for (const year of index.yearsOf(key)) {
    // A year two files claim (NB320) is left out: which one is right is not known.
    const uri = index.reportOf(key, year);
    const facts = uri ? index.facts(uri) : undefined;
    if (uri && facts) reports.push({ uri: index.clientUri(uri) ?? uri, facts });
  }
  if (reports.length < 2) return { agencies };
  return { agencies, trends: trendsOf(reports) };
}

export const yearOverYearFeature: Feature = (server) => {
  const { store, index, files } = server;
  server.request(
    CompareRequest.type,
    (params) => ({ uri: params?.uri ?? '', error: server.internalError() }),
    cancellable(async (params, token) => {
      for (const uri of [params.uri, params.previous]) {
        const state = typeof uri === 'string' ? store.get(uri) : undefined;
        if (state) index.syncOpen(state);
      }
      // The index must know the workspace before it can say which report is last year's.
      await files.idle(token);
      if (token.isCancellationRequested) return cancelled();
      return compareWithPrevious(params, store, index, server.settings.lang);
    }),
  );
  server.request(
    TrendsRequest.type,
    () => ({ agencies: [] }),
    cancellable(async (params, token) => {
      const state = typeof params?.uri === 'string' ? store.get(params.uri) : undefined;
      if (state) index.syncOpen(state);
      await files.idle(token);
      if (token.isCancellationRequested) return cancelled();
      return trends(params ?? {}, store, index);
    }),
  );
};
