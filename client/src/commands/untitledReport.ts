/**
 * New reports open as untitled documents with a suggested name (`<agency>-<year>.nianbao.yaml`): saving asks where,
 * and a saved file of that name is never offered for overwriting (the name gets -2, -3 … instead).
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';

/** A free untitled URI for `<base>.nianbao.yaml` in `dir` (a folder URI; without one, a bare name). */
export async function freeUntitledUri(dir: vscode.Uri | undefined, base: string): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const name = `${base}${n > 1 ? `-${n}` : ''}.nianbao.yaml`;
    const path = dir ? posix.join(dir.path, name) : name;
    if (open.has(path)) continue;
    if (dir) {
      try {
        // A saved file of that name exists: never offer to overwrite it.
        await vscode.workspace.fs.stat(dir.with({ path }));
        continue;
      } catch {
        // Free.
      }
    }
    return dir ? dir.with({ scheme: 'untitled', path }) : vscode.Uri.from({ scheme: 'untitled', path: name });
  }
}

/** The folder of a saved document, else the first workspace folder. */
export function folderFor(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri?.scheme === 'file') return vscode.Uri.joinPath(uri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** `text` as a new unsaved report, shown in an editor. */
export async function openUntitledReport(uri: vscode.Uri, text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), text));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

/** A file name for display: the last segment of a URI's path. */
export function fileName(uri: string | vscode.Uri): string {
  const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  return posix.basename(parsed.path);
}
