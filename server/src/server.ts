/**
 * `startServer(connection)`: the nianbao language server on any connection (stdio, IPC, or a test's streams).
 * The only place that knows LSP; every answer comes from the core through one analysis per document version.
 */
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { Connection, InitializeResult } from 'vscode-languageserver/node';
import { DocumentStore } from './documentStore';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { completionItems } from './features/completion';
import type { CompletionClient } from './features/completion';
import { DiagnosticsPublisher } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { checkFiles, editions, skeleton } from './features/reports';
import { render } from './features/render';
import { useLanguage } from './l10n';
import { AnalysesRequest, CheckFilesRequest, EditionsRequest, SkeletonRequest } from './protocol';
import { RenderRequest } from './protocol';
import type { CheckFilesParams, InitializationOptions, ServerSettings, SkeletonParams } from './protocol';
import type { RenderParams } from './protocol';
import { Settings } from './settings';

export function startServer(connection: Connection): void {
  const store = new DocumentStore();
  const settings = new Settings();
  const publisher = new DiagnosticsPublisher(connection, store, settings);
  let completionClient: CompletionClient = { snippets: false, retrigger: false };
  let documentChanges = false;
  let hintRefresh = false;
  const opened = new Set<string>();

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    settings.clientLocale = params.locale;
    settings.update(options.settings);
    useLanguage(settings.lang);
    const caps = params.capabilities;
    completionClient = {
      snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      retrigger: options.retriggerCompletion === true,
    };
    documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    hintRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [' '], resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'nianbao-language-server', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    const all = (params.settings ?? {}) as { nianbao?: ServerSettings };
    settings.update(all.nianbao);
    useLanguage(settings.lang);
    publisher.republishAll();
    if (hintRefresh) void connection.languages.inlayHint.refresh();
  });

  const { documents } = store;
  documents.onDidOpen((e) => opened.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (opened.delete(uri)) publisher.publish(uri);
    else publisher.schedule(uri);
  });
  documents.onDidClose((e) => {
    opened.delete(e.document.uri);
    store.forget(e.document.uri);
    publisher.clear(e.document.uri);
  });

  connection.onCompletion((params) => {
    const state = store.get(params.textDocument.uri);
    return state ? completionItems(state, params, settings.lang, completionClient) : [];
  });
  connection.onHover((params) => {
    const state = store.get(params.textDocument.uri);
    return state ? hover(state, params, settings.lang) : null;
  });
  connection.languages.inlayHint.on((params) => {
    const state = store.get(params.textDocument.uri);
    return state && settings.columnHints ? inlayHints(state, params) : [];
  });
  connection.onCodeAction((params) => {
    const state = store.get(params.textDocument.uri);
    return state ? codeActions(state, params, settings.lang, { documentChanges }) : [];
  });
  connection.onDocumentSymbol((params) => {
    const state = store.get(params.textDocument.uri);
    return state ? documentSymbols(state) : [];
  });
  connection.onFoldingRanges((params) => {
    const state = store.get(params.textDocument.uri);
    return state ? foldingRanges(state) : [];
  });

  connection.onRequest(EditionsRequest.method, () => editions());
  connection.onRequest(SkeletonRequest.method, (params: SkeletonParams) => skeleton(params));
  connection.onRequest(AnalysesRequest.method, () => ({ analyses: store.analyses }));
  connection.onRequest(CheckFilesRequest.method, (params: CheckFilesParams) => checkFiles(params, connection, store, settings.lang));
  connection.onRequest(RenderRequest.method, (params: RenderParams | null) => render(params, store, settings.lang));

  connection.onShutdown(() => publisher.dispose());
  documents.listen(connection);
  connection.listen();
}
