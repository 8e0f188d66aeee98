/**
 * The VS Code extension: starts the language server when a report is opened and adds the status bar item and the
 * commands. Everything about reports is the server's; this is only wiring. Further features (the preview) take
 * the same `ExtensionServices` (`feature.ts`) and register themselves in `FEATURES`.
 */
import * as vscode from 'vscode';
import type { ExtensionServices, Feature } from './feature';
import { checkWorkspace } from './commands/checkWorkspace';
import { registerYearOverYear } from './compare/registerYearOverYear';
import { ImportLog, importReport } from './commands/importReport';
import { nextYearReport } from './commands/nextYearReport';
import { newReport } from './commands/newReport';
import { openExample } from './commands/openExample';
import { initL10n } from './l10n';
import { registerPreview } from './preview/registerPreview';
import { watchReports } from './reportDocuments';
import { ServerConnection } from './serverConnection';
import { StatusBar } from './statusBar';
import { openWalkthroughOnce } from './walkthrough';

const FEATURES: readonly Feature[] = [
  ({ server }) => [new StatusBar(server)],
  ({ server, context }) => [
    vscode.commands.registerCommand('nianbao.newReport', (args?: unknown) => newReport(server, args)),
    vscode.commands.registerCommand('nianbao.checkWorkspace', () => checkWorkspace(server)),
    vscode.commands.registerCommand('nianbao.restartServer', () => server.restart()),
    vscode.commands.registerCommand('nianbao.openExample', () => openExample(context.extensionUri)),
    // Not in the palette: the server's process and the messages about its life, for the editor tests.
    vscode.commands.registerCommand('nianbao.server.status', () => server.status()),
  ],
  registerPreview,
  registerYearOverYear,
  ({ context }) => openWalkthroughOnce(context),
  ({ server }) => {
    const log = new ImportLog();
    return [
      log,
      vscode.commands.registerCommand('nianbao.nextYearReport', (resource?: vscode.Uri) =>
        nextYearReport(server, resource),
      ),
      vscode.commands.registerCommand('nianbao.importReport', (resource?: vscode.Uri) =>
        importReport(server, log, resource),
      ),
    ];
  },
];

let services: ExtensionServices | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionServices {
  initL10n(context);
  const server = new ServerConnection(context);
  services = { context, server };
  for (const feature of FEATURES) context.subscriptions.push(...feature(services));
  // Registered last so that the features see the first `onStarted`.
  context.subscriptions.push(
    server,
    watchReports(() => void server.ready()),
  );
  return services;
}

export async function deactivate(): Promise<void> {
  await services?.server.stop();
  services = undefined;
}
