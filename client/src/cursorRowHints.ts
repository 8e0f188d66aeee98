/**
 * `nianbao.inlayHints.columnNames: cursorRow`: the server sends every row's full column names; the client keeps
 * those on the rows that hold a cursor and asks VS Code for new hints when the cursor moves to another row.
 */
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import type { ColumnNames } from '../../protocol/src/protocol';

export function columnNamesSetting(): ColumnNames {
  const value: unknown = vscode.workspace.getConfiguration('nianbao').get('inlayHints.columnNames', 'short');
  if (value === true) return 'full';
  if (value === false) return 'off';
  return value === 'full' || value === 'cursorRow' || value === 'off' ? value : 'short';
}

/** The lines of every cursor in the editors showing `document`. */
function cursorLines(document: vscode.TextDocument): Set<number> {
  const lines = new Set<number>();
  for (const editor of vscode.window.visibleTextEditors)
    if (editor.document === document) for (const s of editor.selections) lines.add(s.active.line);
  return lines;
}

export const cursorRowMiddleware: Middleware = {
  async provideInlayHints(document, viewPort, token, next) {
    const hints = await next(document, viewPort, token);
    if (!hints || columnNamesSetting() !== 'cursorRow') return hints;
    const lines = cursorLines(document);
    return hints.filter((h) => lines.has(h.position.line));
  },
};

/** Ask for hints again when a cursor moves to another row of a report (in `cursorRow` mode only). */
export function refreshOnCursorRow(client: () => LanguageClient | undefined): vscode.Disposable {
  const lastLines = new Map<string, string>();
  return vscode.window.onDidChangeTextEditorSelection((e) => {
    const document = e.textEditor.document;
    if (document.languageId !== 'nianbao' || columnNamesSetting() !== 'cursorRow') return;
    const key = document.uri.toString();
    const lines = [...cursorLines(document)].sort((a, b) => a - b).join(',');
    if (lastLines.get(key) === lines) return;
    lastLines.set(key, lines);
    client()?.getFeature('textDocument/inlayHint').getProvider(document)?.onDidChangeInlayHints.fire();
  });
}
