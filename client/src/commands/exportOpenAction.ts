/**
 * What the export's message offers for the written file. `vscode.env.openExternal` hands a `file:` URI to the
 * operating system of the machine the window runs on: in VS Code on the desktop that is the machine with the file,
 * so the page opens in the browser (a .docx in Word or WPS); in VS Code in the browser (code-server, vscode.dev,
 * Codespaces) or a remote window the file is on another machine and nothing opens. There the file is shown in the
 * Explorer instead. No `vscode` import: the choice is tested alone.
 */
export type ExportOpenAction = 'openExternal' | 'revealInExplorer';

export interface WindowKind {
  /** `vscode.env.uiKind === vscode.UIKind.Web`. */
  readonly web: boolean;
  /** `vscode.env.remoteName` (`ssh-remote`, `wsl`, `codespaces` …), undefined in a local window. */
  readonly remoteName: string | undefined;
  /** The written page's URI scheme. */
  readonly scheme: string;
}

export function exportOpenAction(window: WindowKind): ExportOpenAction {
  return !window.web && window.remoteName === undefined && window.scheme === 'file'
    ? 'openExternal'
    : 'revealInExplorer';
}
