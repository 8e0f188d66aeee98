/** What a feature of the extension gets and gives: the services it needs, the disposables it registers. */
import type * as vscode from 'vscode';
import type { ServerConnection } from './serverConnection';

export interface ExtensionServices {
  readonly context: vscode.ExtensionContext;
  readonly server: ServerConnection;
}

/** One feature (the status bar, a group of commands, the preview): registered once on activation. */
export type Feature = (services: ExtensionServices) => vscode.Disposable[];
