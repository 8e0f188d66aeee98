/**
 * The walkthrough (`contributes.walkthroughs`, “年报入门”) opens once, the first time the extension runs in a
 * profile: VS Code opens an extension's walkthrough itself only when it is installed from the Extensions view, not
 * when it comes preinstalled or from the command line (code-server, an agency's managed setup). The user's
 * `workbench.welcomePage.walkthroughs.openOnInstall` is honoured either way.
 */
import * as vscode from 'vscode';

export const WALKTHROUGH = 'nianbao.start';
const SHOWN = 'nianbao.walkthroughShown';

export function openWalkthroughOnce(context: vscode.ExtensionContext): vscode.Disposable[] {
  const allowed = vscode.workspace
    .getConfiguration('workbench.welcomePage')
    .get<boolean>('walkthroughs.openOnInstall', true);
  if (!allowed || context.globalState.get<boolean>(SHOWN)) return [];
  void context.globalState.update(SHOWN, true);
  const id = `${context.extension.id}#${WALKTHROUGH}`;
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', id, false).then(undefined, () => undefined);
  return [];
}
