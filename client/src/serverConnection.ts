/**
 * The language server, started over Node IPC the first time a report is opened or a command needs it. Features
 * (status bar, commands, and later the preview) ask `ready()` for the client instead of starting it themselves.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions, ServerSettings } from '../../server/src/protocol';
import { t } from './l10n';

export const LANGUAGE_ID = 'nianbao';

function settings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('nianbao');
  return {
    language: config.get<'auto' | 'zh' | 'en'>('language', 'auto'),
    inlayHints: { columnNames: config.get<boolean>('inlayHints.columnNames', true) },
  };
}

export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly onStartedEmitter = new vscode.EventEmitter<LanguageClient>();
  /** Fires each time a client has started (again): register notification handlers here. */
  readonly onStarted = this.onStartedEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

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
    };
    const client = new LanguageClient('nianbao', t('Nianbao language server'), serverOptions, clientOptions);
    await client.start();
    this.client = client;
    this.onStartedEmitter.fire(client);
    return client;
  }

  async restart(): Promise<void> {
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
    void this.stop();
    this.onStartedEmitter.dispose();
  }
}
