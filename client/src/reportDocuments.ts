/**
 * Which documents are reports: the `nianbao` language (`*.nianbao.yaml`), and YAML files whose first line is a
 * `格式:` key — VS Code ranks a file's extension above `firstLine`, so those are switched to `nianbao` here.
 */
import * as vscode from 'vscode';
import { t } from './l10n';
import { LANGUAGE_ID } from './serverConnection';

const FIRST_LINE = /^\uFEFF?\s*格式\s*:/;

export function isReport(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/** Why a file operation failed, in words (a file system error's code where it has one). */
export function describeError(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return `${error.message}${error.code ? ` (${error.code})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The report document at `uri` for a command to work on; undefined — after telling the user why — when it cannot
 * be opened or is not a report.
 */
export async function openReportDocument(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(
      t('{0} cannot be opened: {1}', uri.fsPath || uri.toString(), describeError(error)),
    );
    return undefined;
  }
  if (!isReport(document)) {
    void vscode.window.showErrorMessage(
      t('{0} is not an annual report (*.nianbao.yaml)', vscode.workspace.asRelativePath(document.uri)),
    );
    return undefined;
  }
  return document;
}

function claimYaml(document: vscode.TextDocument): void {
  if (document.languageId !== 'yaml' || document.lineCount === 0) return;
  if (FIRST_LINE.test(document.lineAt(0).text)) void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

/** Calls `onReport` for every report document open now or later; claims YAML reports on the way. */
export function watchReports(onReport: () => void): vscode.Disposable {
  const check = (document: vscode.TextDocument): void => {
    claimYaml(document);
    if (isReport(document)) onReport();
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.workspace.onDidOpenTextDocument(check);
}
