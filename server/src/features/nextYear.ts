/** `nianbao/nextYear`: next year's report from an open report (core `nextYearReport`), with the files it would duplicate. */
import { localize, nextYearReport } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import type { DocumentStore } from '../documentStore';
import { t } from '../l10n';
import type { NextYearParams, NextYearResult } from '../../../protocol/src/protocol';
import { NextYearRequest } from '../../../protocol/src/protocol';
import { cancellable } from '../guard';
import type { Feature } from '../serverContext';

export function nextYear(
  params: NextYearParams,
  store: DocumentStore,
  reportsOf: (agency: string, year: number) => readonly string[],
  lang: Lang,
): NextYearResult {
  const state = store.get(params.uri);
  if (!state) return { error: t('Open the report to build next year’s report from') };
  const result = nextYearReport(state.analysis.report);
  if (!result.ok) return { error: localize(result.message, lang) };
  const { agency, year, edition } = result.data;
  const existing = reportsOf(agency, year);
  const sourceErrors = state.analysis.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    text: result.text,
    agency,
    year,
    edition,
    ...(existing.length ? { existing } : {}),
    ...(sourceErrors ? { sourceErrors } : {}),
  };
}

export const nextYearFeature: Feature = (server) => {
  server.request(
    NextYearRequest.type,
    () => ({ error: server.internalError() }),
    cancellable((params) =>
      nextYear(params, server.store, (a, y) => server.index.reportsOf(a, y), server.settings.lang),
    ),
  );
};
