/**
 * The language server, started over Node IPC the first time a report is opened or a command needs it. Features
 * (status bar, commands, and later the preview) ask `ready()` for the client instead of starting it themselves.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type {
  CloseHandlerResult,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';
import { ServerInfoRequest } from '../../protocol/src/protocol';
import type { InitializationOptions, ServerSettings } from '../../protocol/src/protocol';
import { columnNamesSetting, cursorRowMiddleware, refreshOnCursorRow } from './cursorRowHints';
import { t } from './l10n';
import { MAX_RESTARTS, RestartPolicy } from './restartPolicy';

export const LANGUAGE_ID = 'nianbao';

function settings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('nianbao');
  return {
    language: config.get<'auto' | 'zh' | 'en'>('language', 'auto'),
    inlayHints: { columnNames: columnNamesSetting() },
  };
}

/** What `nianbao.server.status` reports (for the editor tests): the server process and what the user was told. */
export interface ServerStatus {
  readonly state: 'stopped' | 'starting' | 'running';
  /** The server process, as it says itself (`nianbao/serverInfo`). */
  readonly pid: number | undefined;
  /** Unexpected exits so far, each followed by a restart (or by giving up). */
  readonly restarts: number;
  /** Every message shown to the user about the server's life, in order. */
  readonly notices: readonly string[];
}

export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly onStartedEmitter = new vscode.EventEmitter<LanguageClient>();
  /** Fires each time a client has started (again, also after a restart of a dead server): register handlers here. */
  readonly onStarted = this.onStartedEmitter.event;
  private readonly policy = new RestartPolicy();
  private readonly notices: string[] = [];
  /** A restart after an unexpected exit is under way: `onStarted` fires when the client is running again. */
  private restarting = false;

  private readonly cursorRows = refreshOnCursorRow(() => this.client);

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** The server as it is now; asks the running server for its process id. */
  async status(): Promise<ServerStatus> {
    const client = this.client;
    const state =
      client?.state === State.Running
        ? 'running'
        : client?.state === State.Starting || this.starting
          ? 'starting'
          : 'stopped';
    let pid: number | undefined;
    if (client && state === 'running') {
      pid = await client.sendRequest(ServerInfoRequest.type).then(
        (info) => info?.pid,
        () => undefined,
      );
    }
    return { state, pid, restarts: this.policy.restarts, notices: [...this.notices] };
  }

  private notify(message: string, severity: 'warning' | 'error'): void {
    this.notices.push(message);
    const show = t('Show Output');
    const shown =
      severity === 'error'
        ? vscode.window.showErrorMessage(message, show)
        : vscode.window.showWarningMessage(message, show);
    void shown.then((choice) => {
      if (choice === show) this.client?.outputChannel.show(true);
    });
  }

  /**
   * vscode-languageclient's error handler: a dead server is restarted and the user told once (the library's own
   * messages are marked handled, so there is exactly one); one that keeps dying is left stopped, with a message
   * naming the command that starts it again.
   */
  private errorHandler(): ErrorHandler {
    return {
      // Write errors come from a pipe whose process has gone: the close handler decides. Shutting down here after a
      // few of them (the library's default) stopped the client before it saw the close, so a server killed while
      // the client was busy writing was silently never restarted.
      error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
      closed: (): CloseHandlerResult => {
        const decision = this.policy.closed();
        if (!decision.restart) {
          this.notify(
            t(
              'The Nianbao language server stopped {0} times in a few minutes and was not restarted. Run “年报 Nianbao: Restart the Language Server (重启语言服务器)” to start it again.',
              MAX_RESTARTS + 1,
            ),
            'error',
          );
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        if (decision.notice)
          this.notify(t('The Nianbao language server stopped unexpectedly and was restarted.'), 'warning');
        this.restarting = true;
        return { action: CloseAction.Restart, handled: true };
      },
    };
  }

  ready(): Promise<LanguageClient> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const initializationOptions: InitializationOptions = { settings: settings(), retriggerCompletion: true };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
      ],
      initializationOptions,
      synchronize: { configurationSection: 'nianbao' },
      outputChannelName: t('Nianbao language server'),
      errorHandler: this.errorHandler(),
      middleware: cursorRowMiddleware,
    };
    const client = new LanguageClient('nianbao', t('Nianbao language server'), serverOptions, clientOptions);
    // After a restart of a dead server the same client runs again: features refresh as after a first start.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running && this.restarting && this.client === client) {
        this.restarting = false;
        this.onStartedEmitter.fire(client);
      }
    });
    await client.start();
    this.client = client;
    this.onStartedEmitter.fire(client);
    return client;
  }

  async restart(): Promise<void> {
    this.policy.reset();
    const old = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (old) await old.stop();
    await this.ready();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client) await client.stop();
  }

  dispose(): void {
    this.cursorRows.dispose();
    void this.stop();
    this.onStartedEmitter.dispose();
  }
}
