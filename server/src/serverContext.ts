/**
 * What every feature of the server works with: the connection, the open documents and their shared analyses, the
 * settings, the workspace index with its disk edge, the one diagnostics publisher, and the guarded ways to register
 * handlers. A feature (`Feature`) registers its handlers on it and says what it offers on `initialize`.
 */
import type {
  CancellationToken,
  Connection,
  InitializeParams,
  RequestType,
  RequestType0,
  ServerCapabilities,
} from 'vscode-languageserver/node';
import type { InitializationOptions } from '../../protocol/src/protocol';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { DocumentStore } from './documentStore';
import type { DocumentState } from './documentStore';
import { connectionLog, guarded, guardedNotification } from './guard';
import type { FailureLog, Handler } from './guard';
import { t } from './l10n';
import { Settings } from './settings';
import { WorkspaceFiles } from './workspace/workspaceFiles';
import { WorkspaceIndex } from './workspace/workspaceIndex';

/** What a feature does once the client has said what it supports. */
export interface FeatureSetup {
  /** `initialize`: reads the client's capabilities and options; returns the capabilities the feature adds. */
  initialize?(params: InitializeParams, options: InitializationOptions): ServerCapabilities | void;
  /** `initialized`: the client is ready for requests from the server. */
  initialized?(): void;
  /** `shutdown`. */
  dispose?(): void;
}

/** A feature: registers its handlers on the server and returns what it does at the protocol's milestones. */
export type Feature = (server: ServerContext) => FeatureSetup | void;

export class ServerContext {
  readonly store = new DocumentStore();
  readonly settings = new Settings();
  readonly log: FailureLog;
  /** Every report of the workspace and every open document, with their cross-report findings. */
  readonly index = new WorkspaceIndex();
  readonly publisher: DiagnosticsPublisher;
  /** The index's disk edge: folders, watchers, file operations. */
  readonly files: WorkspaceFiles;

  constructor(readonly connection: Connection) {
    this.log = connectionLog(connection);
    this.publisher = new DiagnosticsPublisher(connection, this.store, this.settings, this.index, this.log);
    this.files = new WorkspaceFiles(connection, this.index, this.publisher, this.log);
  }

  /** The localized answer of a request that failed inside the server. */
  internalError(): string {
    return t('Internal error of the language server (see its output)');
  }

  /** A request about one open document: behind the guard, and answered `none` when that document is not open. */
  onDocument<P extends { readonly textDocument: { readonly uri: string } }, R>(
    method: string,
    none: R,
    answer: (state: DocumentState, params: P) => R,
  ): Handler<P, R | null> {
    return guarded<P, R | null>(
      this.log,
      method,
      () => null,
      (params) => {
        const state = this.store.get(params.textDocument.uri);
        return state ? answer(state, params) : none;
      },
    );
  }

  /** A custom request behind the guard: a failure is logged and answered with `empty(params)`. */
  request<P, R>(type: RequestType<P, R, void>, empty: (params: P) => R, handler: Handler<P, R>): void {
    this.connection.onRequest(type, guarded(this.log, type.method, empty, handler));
  }

  /** A custom request without parameters; the token is the handler's last argument (a client may still send some). */
  request0<R>(
    type: RequestType0<R, void>,
    empty: () => R,
    handler: (token: CancellationToken) => R | Promise<R>,
  ): void {
    const answer = guarded<void, R>(this.log, type.method, empty, (_, token) => handler(token));
    this.connection.onRequest(type, (...args: CancellationToken[]) => answer(undefined, args[args.length - 1]));
  }

  /** A notification handler behind the guard: a failure is logged, the server goes on. */
  notification<P>(method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return guardedNotification(this.log, method, handler);
  }
}
