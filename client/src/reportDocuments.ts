/**
 * Which documents are reports: the `nianbao` language (`*.nianbao.yaml`), and YAML files whose first line is a
 * `格式:` key — VS Code ranks a file's extension above `firstLine`, so those are switched to `nianbao` here.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './serverConnection';

const FIRST_LINE = /^\uFEFF?\s*格式\s*:/;

export function isReport(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
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
