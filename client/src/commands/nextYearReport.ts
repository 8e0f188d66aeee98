/**
 * `生成下一年度年报`: next year's report of the active report's agency (the server's `nianbao/nextYear`, core
 * `nextYearReport`) as a new unsaved `*.nianbao.yaml` beside it. When the workspace already has that report, it
 * says so and offers to open it instead: nothing is ever written over a file.
 */
import * as vscode from 'vscode';
import { NextYearRequest } from '../../../protocol/src/protocol';
import type { NextYearParams } from '../../../protocol/src/protocol';
import { t } from '../l10n';
import { isReport } from '../reportDocuments';
import type { ServerConnection } from '../serverConnection';
import { nextFileBase } from './reportNames';
import { fileName, folderFor, freeUntitledUri, openUntitledReport } from './untitledReport';

export async function nextYearReport(server: ServerConnection, resource?: vscode.Uri): Promise<void> {
  const document =
    resource instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(resource)
      : vscode.window.activeTextEditor?.document;
  if (!document || !isReport(document)) {
    void vscode.window.showWarningMessage(t('Open an annual report (*.nianbao.yaml) to build next year’s report from'));
    return;
  }
  const client = await server.ready();
  const params: NextYearParams = { uri: document.uri.toString() };
  const result = await client.sendRequest(NextYearRequest.type, params);
  if (result.error || result.text === undefined || result.year === undefined || result.agency === undefined) {
    void vscode.window.showErrorMessage(result.error ?? t('The report could not be created'));
    return;
  }
  const existing = result.existing ?? [];
  if (existing.length > 0) {
    const open = t('Open it');
    const choice = await vscode.window.showWarningMessage(
      t(
        'The {0} report of {1} already exists: {2}',
        result.year,
        result.agency,
        existing.map((u) => fileName(u)).join(', '),
      ),
      open,
    );
    if (choice === open) await vscode.window.showTextDocument(vscode.Uri.parse(existing[0]));
    return;
  }
  const target = await freeUntitledUri(
    folderFor(document.uri),
    nextFileBase(document.uri.scheme === 'file' ? fileName(document.uri) : undefined, result.year, result.agency),
  );
  await openUntitledReport(target, result.text);
  if (result.sourceErrors) {
    void vscode.window.showWarningMessage(
      t(
        'The {0} report still has {1} errors: check the figures carried over into {2}',
        result.year - 1,
        result.sourceErrors,
        result.year,
      ),
    );
  }
}
