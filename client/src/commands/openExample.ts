/**
 * `打开示例年报`: the 2021-edition example that ships with the extension, as a new unsaved report (so that nothing
 * of the extension's own files is edited), for a first look at a filled report, its preview and its checks.
 */
import * as vscode from 'vscode';
import { t } from '../l10n';
import { folderFor, freeUntitledUri, openUntitledReport } from './untitledReport';

export const EXAMPLE = 'shifan-2024.nianbao.yaml';

export async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  let text: string;
  try {
    text = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'examples', EXAMPLE)),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(
      t('{0} could not be read: {1}', EXAMPLE, error instanceof Error ? error.message : String(error)),
    );
    return undefined;
  }
  const uri = await freeUntitledUri(folderFor(undefined), t('example-{0}', 'shifan-2024'));
  const editor = await openUntitledReport(uri, text);
  return editor.document;
}
