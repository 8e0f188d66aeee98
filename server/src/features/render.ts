/**
 * `nianbao/render`: the preview's body or the export page of an open document, from the analysis the store keeps
 * for its current version (the same one diagnostics, hovers and completions use: no second parse).
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CancellationToken } from 'vscode-languageserver/node';
import { localize, notRenderable, officialDocument, renderPage, renderReport } from '../../../core/src/index';
import type { Diagnostic, Lang } from '../../../core/src/index';
import type { DocumentStore } from '../documentStore';
import { cancellable, cancelled, yieldTurn } from '../guard';
import { t } from '../l10n';
import type { RenderParams, RenderResult } from '../../../protocol/src/protocol';
import { RenderRequest } from '../../../protocol/src/protocol';
import type { Feature } from '../serverContext';

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/**
 * `crossOf`: the findings about this document that come from other reports (carry-overs, stocks, duplicates),
 * marked on the page like its own. With a token, the analysis (perhaps of a huge document) and the rendering are two
 * steps with a turn of the event loop between them, so that a cancellation that arrived meanwhile stops the second.
 */
export async function render(
  params: RenderParams | null | undefined,
  store: DocumentStore,
  serverLang: Lang,
  crossOf: (uri: string) => readonly Diagnostic[] = () => [],
  token?: CancellationToken,
): Promise<RenderResult | ResponseError<void>> {
  const uri = params?.uri;
  if (typeof uri !== 'string' || !uri) return invalid(t('nianbao/render needs the uri of an open document'));
  const { version, kind = 'body' } = params as RenderParams;
  if (version !== undefined && !Number.isInteger(version))
    return invalid(t('The document version must be a whole number'));
  if (kind !== 'body' && kind !== 'page' && kind !== 'docx')
    return invalid(t('Unknown kind of rendering: {0}', String(kind)));
  const state = store.get(uri);
  if (!state) return invalid(t('The document {0} is not open', uri));
  if (version !== undefined && version !== state.version) return { uri, version: state.version, stale: true };
  const lang: Lang = params?.lang === 'zh' || params?.lang === 'en' ? params.lang : serverLang;
  if (token) {
    await yieldTurn();
    if (token.isCancellationRequested) return cancelled();
  }
  const { analysis } = state;
  if (kind === 'page' || kind === 'docx') {
    const refused = notRenderable(analysis);
    if (refused) {
      const why = refused.reason
        ? localize(refused.reason.message, lang)
        : t('the top level must be a mapping of keys');
      return { uri, version: state.version, notReport: t('This document holds no report to export: {0}', why) };
    }
  }
  if (kind === 'docx') {
    // Loaded on first use, so that the docx library costs the server's start nothing.
    const { writeDocx } = await import('../../../word/src/writeDocx');
    const doc = officialDocument(analysis, { signature: params?.signature === true });
    const docx = Buffer.from(await writeDocx(doc)).toString('base64');
    const counts = { error: 0, warning: 0, information: 0 };
    for (const d of analysis.diagnostics) counts[d.severity]++;
    return { uri, version: state.version, title: doc.title, docx, counts };
  }
  if (kind === 'page') {
    const page = renderPage(analysis);
    return { uri, version: state.version, title: page.title, html: page.html, counts: page.counts };
  }
  const cross = crossOf(uri);
  const input = cross.length
    ? { ...analysis, diagnostics: [...analysis.diagnostics, ...cross].sort((a, b) => a.range.start - b.range.start) }
    : analysis;
  const body = renderReport(input, { annotate: true, lang });
  return { uri, version: state.version, title: body.title, html: body.html, counts: body.counts };
}

export const renderFeature: Feature = (server) => {
  server.request(
    RenderRequest.type,
    () => null,
    cancellable((params: RenderParams | null, token) => {
      const state = typeof params?.uri === 'string' ? server.store.get(params.uri) : undefined;
      if (state) server.index.syncOpen(state);
      return render(params, server.store, server.settings.lang, (uri) => server.index.crossOf(uri), token);
    }),
  );
};
