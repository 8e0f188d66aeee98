/** `检查工作区中的所有年报`: every `*.nianbao.yaml` of the workspace checked by the server into the Problems panel. */
import * as vscode from 'vscode';
import { CheckFilesRequest } from '../../../protocol/src/protocol';
import type { CheckFilesParams } from '../../../protocol/src/protocol';
import { t } from '../l10n';
import type { ServerConnection } from '../serverConnection';

export async function checkWorkspace(server: ServerConnection): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*.{nianbao.yaml,nianbao.yml}', '**/node_modules/**');
  if (files.length === 0) {
    void vscode.window.showInformationMessage(t('No *.nianbao.yaml reports in this workspace'));
    return;
  }
  const client = await server.ready();
  const params: CheckFilesParams = { uris: files.map((f) => f.toString()) };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Checking {0} reports…', files.length) },
    () => client.sendRequest(CheckFilesRequest.type, params),
  );
  if (result.error) {
    void vscode.window.showErrorMessage(result.error);
    return;
  }
  const summary = t('{0} reports checked: {1} errors, {2} warnings', result.files, result.errors, result.warnings);
  const unreadable = result.unreadable.length ? ` ${t('{0} could not be read', result.unreadable.length)}` : '';
  if (result.errors + result.warnings === 0) {
    void vscode.window.showInformationMessage(summary + unreadable);
    return;
  }
  const show = t('Show Problems');
  // The command is done once the Problems panel is filled; the notification stays until the user answers it.
  void vscode.window.showWarningMessage(summary + unreadable, show).then((choice) => {
    if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
