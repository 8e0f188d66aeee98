/**
 * `startServer(connection)`: the nianbao language server on any connection (stdio, IPC, or a test's streams).
 * The only place that knows LSP; every answer comes from the core through one analysis per document version.
 */
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type {
  CancellationToken,
  Connection,
  InitializeResult,
  RequestType,
  RequestType0,
} from 'vscode-languageserver/node';
import { DocumentStore, MAX_DOCUMENT_LENGTH } from './documentStore';
import type { DocumentState } from './documentStore';
import { codeActions, FILL_BLANKS_KIND, FIX_ALL_KIND } from './features/codeActions';
import { completionItems } from './features/completion';
import type { CompletionClient } from './features/completion';
import { DiagnosticsPublisher } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { Formatting } from './features/formatting';
import { definition, references } from './features/yearLinks';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { importSource } from './features/importSource';
import { nextYear } from './features/nextYear';
import { editions, skeleton } from './features/reports';
import { render } from './features/render';
import { compareWithPrevious, trends } from './features/yearOverYear';
import { useLanguage } from './l10n';
import { cancellable, connectionLog, guarded, guardedNotification } from './guard';
import type { Handler } from './guard';
import { t } from './l10n';
import {
  AnalysesRequest,
  CheckFilesRequest,
  CompareRequest,
  EditionsRequest,
  ImportRequest,
  NextYearRequest,
  RenderRequest,
  ServerInfoRequest,
  SkeletonRequest,
  TrendsRequest,
  WorkspaceIndexRequest,
} from '../../protocol/src/protocol';
import type {
  CheckFilesResult,
  InitializationOptions,
  RenderParams,
  ServerInfoResult,
  ServerSettings,
} from '../../protocol/src/protocol';
import { Settings, diagnosticsDelay, initialSettings } from './settings';
import { MAX_FILE_BYTES, REPORT_GLOB } from './workspace/reportFiles';
import { WorkspaceReports } from './workspace/workspaceReports';
import type { WorkspaceCapabilities } from './workspace/workspaceReports';

const NO_FILES: CheckFilesResult = {
  files: 0,
  errors: 0,
  warnings: 0,
  information: 0,
  withProblems: 0,
  unreadable: [],
};

function serverInfo(): ServerInfoResult {
  return { pid: process.pid, maxDocumentLength: MAX_DOCUMENT_LENGTH, maxFileBytes: MAX_FILE_BYTES };
}

export function startServer(connection: Connection): void {
  const store = new DocumentStore();
  const settings = new Settings();
  const log = connectionLog(connection);
  // The workspace index publishes open documents through the publisher, which asks it for their cross findings.
  const workspace = new WorkspaceReports(connection, store, settings, (uri) => publisher.publish(uri), log);
  const publisher = new DiagnosticsPublisher(connection, store, settings, workspace, log);
  let workspaceCaps: WorkspaceCapabilities = { watchFiles: false, progress: false };
  let folderChanges = false;
  let completionClient: CompletionClient = { snippets: false, retrigger: false };
  let documentChanges = false;
  let hintRefresh = false;
  let definitionLinks = false;
  const opened = new Set<string>();

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    settings.clientLocale = params.locale;
    for (const given of initialSettings(options)) settings.update(given);
    settings.diagnosticsDelayMs = diagnosticsDelay(options.diagnosticsDelayMs);
    useLanguage(settings.lang);
    const caps = params.capabilities;
    completionClient = {
      snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      retrigger: options.retriggerCompletion === true,
    };
    documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    hintRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    definitionLinks = caps.textDocument?.definition?.linkSupport === true;
    workspaceCaps = {
      watchFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      progress: caps.window?.workDoneProgress === true,
    };
    folderChanges = caps.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    // Files and folders created, renamed or deleted in the editor (folders too, which file watchers report alone).
    const fileOperation = {
      filters: [
        { scheme: 'file', pattern: { glob: REPORT_GLOB } },
        { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' as const } },
      ],
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [' '], resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, FILL_BLANKS_KIND],
          resolveProvider: false,
        },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
          fileOperations: { didCreate: fileOperation, didRename: fileOperation, didDelete: fileOperation },
        },
      },
      serverInfo: { name: 'nianbao-language-server', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(
    guardedNotification(log, 'workspace/didChangeConfiguration', (params) => {
      const all = (params.settings ?? {}) as { nianbao?: ServerSettings };
      settings.update(all.nianbao);
      useLanguage(settings.lang);
      publisher.republishAll();
      workspace.republishFiles();
      if (hintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    }),
  );

  const { documents } = store;
  documents.onDidOpen((e) => opened.add(e.document.uri));
  documents.onDidChangeContent(
    guardedNotification(log, 'textDocument/didChange', (e) => {
      const uri = e.document.uri;
      if (opened.delete(uri)) publisher.publish(uri);
      else publisher.schedule(uri);
    }),
  );
  documents.onDidClose(
    guardedNotification(log, 'textDocument/didClose', (e) => {
      opened.delete(e.document.uri);
      store.forget(e.document.uri);
      publisher.clear(e.document.uri);
      workspace.closed(e.document.uri);
    }),
  );

  // Every request behind a guard (a failure is logged and answered with the request's empty result); the long
  // ones honour cancellation.
  const internal = (): string => t('Internal error of the language server (see its output)');

  /** A request about one open document: behind the guard, and answered `none` when that document is not open. */
  const onDocument = <P extends { readonly textDocument: { readonly uri: string } }, R>(
    method: string,
    none: R,
    answer: (state: DocumentState, params: P) => R,
  ): Handler<P, R | null> =>
    guarded<P, R | null>(
      log,
      method,
      () => null,
      (params) => {
        const state = store.get(params.textDocument.uri);
        return state ? answer(state, params) : none;
      },
    );
  connection.onCompletion(
    onDocument('textDocument/completion', [], (state, params) =>
      completionItems(state, params, settings.lang, completionClient),
    ),
  );
  connection.onHover(onDocument('textDocument/hover', null, (state, params) => hover(state, params, settings.lang)));
  connection.languages.inlayHint.on(
    onDocument('textDocument/inlayHint', [], (state, params) =>
      settings.columnNames === 'off'
        ? []
        : inlayHints(state, params, settings.columnNames === 'short' ? 'short' : 'full'),
    ),
  );
  connection.onCodeAction(
    onDocument('textDocument/codeAction', [], (state, params) => {
      workspace.syncOpen(state);
      return codeActions(state, params, settings.lang, { documentChanges }, workspace.crossOf(state.uri));
    }),
  );
  connection.onDocumentSymbol(onDocument('textDocument/documentSymbol', [], (state) => documentSymbols(state)));
  connection.onFoldingRanges(onDocument('textDocument/foldingRange', [], (state) => foldingRanges(state)));
  connection.onDefinition(
    onDocument('textDocument/definition', null, (state, params) =>
      definition(state, params, workspace, definitionLinks),
    ),
  );
  connection.onReferences(
    onDocument('textDocument/references', [], (state, params) => references(state, params, workspace)),
  );
  const formatting = new Formatting(connection);
  connection.onDocumentFormatting(
    onDocument('textDocument/formatting', [], (state, params) => formatting.format(state, params)),
  );
  connection.onDocumentRangeFormatting(
    onDocument('textDocument/rangeFormatting', [], (state, params) => formatting.format(state, params)),
  );

  const request = <P, R>(type: RequestType<P, R, void>, empty: (params: P) => R, handler: Handler<P, R>): void => {
    connection.onRequest(type, guarded(log, type.method, empty, handler));
  };
  /** A request without parameters: the token is the handler's last argument (a client may still send some). */
  const request0 = <R>(
    type: RequestType0<R, void>,
    empty: () => R,
    handler: (token: CancellationToken) => R | Promise<R>,
  ): void => {
    const answer = guarded<void, R>(log, type.method, empty, (_, token) => handler(token));
    connection.onRequest(type, (...args: CancellationToken[]) => answer(undefined, args[args.length - 1]));
  };
  request0(
    EditionsRequest.type,
    () => [],
    () => editions(),
  );
  request(
    SkeletonRequest.type,
    () => ({ error: internal() }),
    (params) => skeleton(params),
  );
  request0(
    AnalysesRequest.type,
    () => ({ analyses: store.analyses }),
    () => ({ analyses: store.analyses }),
  );
  request(
    CheckFilesRequest.type,
    () => ({ ...NO_FILES, error: internal() }),
    (params, token) => workspace.checkFiles(params.uris, token),
  );
  request(
    RenderRequest.type,
    () => null,
    cancellable((params: RenderParams | null, token) => {
      const state = typeof params?.uri === 'string' ? store.get(params.uri) : undefined;
      if (state) workspace.syncOpen(state);
      return render(params, store, settings.lang, (uri) => workspace.crossOf(uri), token);
    }),
  );
  request0(
    ServerInfoRequest.type,
    () => serverInfo(),
    () => serverInfo(),
  );

  // The workspace index: folders walked once after `initialized`, then kept current from the file system.
  connection.onInitialized(() => {
    workspace.start(workspaceCaps);
    // Without a folder the checks between years see only the open reports; say so where the editor logs the server.
    if (!workspace.hasFolders())
      connection.console.info(
        t(
          'No workspace folder: only the open reports are checked against each other (last year’s carry-over, duplicates). Open the folder that holds the reports.',
        ),
      );
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardedNotification(log, 'workspace/didChangeWorkspaceFolders', (e) =>
          workspace.foldersChanged(
            e.added.map((f) => f.uri),
            e.removed.map((f) => f.uri),
          ),
        ),
      );
    }
  });
  connection.onDidChangeWatchedFiles(
    guardedNotification(log, 'workspace/didChangeWatchedFiles', (params) => workspace.filesChanged(params.changes)),
  );
  connection.workspace.onDidCreateFiles(
    guardedNotification(log, 'workspace/didCreateFiles', (params) => workspace.created(params.files.map((f) => f.uri))),
  );
  connection.workspace.onDidRenameFiles(
    guardedNotification(log, 'workspace/didRenameFiles', (params) => workspace.renamed(params.files)),
  );
  connection.workspace.onDidDeleteFiles(
    guardedNotification(log, 'workspace/didDeleteFiles', (params) =>
      params.files.forEach((f) => workspace.deleted(f.uri)),
    ),
  );
  request0(
    WorkspaceIndexRequest.type,
    () => workspace.emptyStats(),
    (token) => workspace.stats(token),
  );
  request(
    CompareRequest.type,
    (params) => ({ uri: params?.uri ?? '', error: internal() }),
    cancellable(async (params) => {
      for (const uri of [params.uri, params.previous]) {
        const state = typeof uri === 'string' ? store.get(uri) : undefined;
        if (state) workspace.syncOpen(state);
      }
      // The index must know the workspace before it can say which report is last year's.
      await workspace.stats();
      return compareWithPrevious(params, store, workspace, settings.lang);
    }),
  );
  request(
    TrendsRequest.type,
    () => ({ agencies: [] }),
    cancellable(async (params) => {
      const state = typeof params?.uri === 'string' ? store.get(params.uri) : undefined;
      if (state) workspace.syncOpen(state);
      await workspace.stats();
      return trends(params ?? {}, store, workspace);
    }),
  );
  request(
    NextYearRequest.type,
    () => ({ error: internal() }),
    cancellable((params) => nextYear(params, store, (a, y) => workspace.reportsOf(a, y), settings.lang)),
  );
  request(
    ImportRequest.type,
    () => ({ error: internal() }),
    cancellable((params) => importSource(params, (a, y) => workspace.reportsOf(a, y), settings.lang)),
  );

  connection.onShutdown(() => {
    publisher.dispose();
    workspace.dispose();
  });
  documents.listen(connection);
  connection.listen();
}
