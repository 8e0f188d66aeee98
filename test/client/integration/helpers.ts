/** What the integration tests share: the workspace, opening files, and waiting on events (never on time). */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'nianbao.nianbao';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function activate(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

/** `line code` pairs (0-based lines), sorted, as the fixtures' `# expect:` markers are read. */
export function markers(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line} ${codeOf(d)}`).sort();
}

/**
 * Resolves with the diagnostics of `uri` as soon as `accept` holds for them: checked now and on every
 * `onDidChangeDiagnostics` for that uri. Rejects only when mocha's own timeout would have fired anyway,
 * with what was there, to make a failure readable.
 */
export function diagnosticsWhere(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
  limitMs = 50_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = vscode.languages.getDiagnostics(uri);
    if (accept(current)) {
      resolve(current);
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `${uri.path}: no ${what}; last seen: ${JSON.stringify(markers(vscode.languages.getDiagnostics(uri)))}`,
        ),
      );
    }, limitMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/** Next change of the diagnostics of `uri` after `action` (which must cause one). */
export async function afterChange(
  uri: vscode.Uri,
  action: () => Thenable<unknown> | Promise<unknown>,
): Promise<readonly vscode.Diagnostic[]> {
  const changed = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      subscription.dispose();
      resolve(vscode.languages.getDiagnostics(uri));
    });
  });
  await action();
  return changed;
}

/** Position of the first occurrence of `text` in the document (at its start, or `offset` characters in). */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  if (index < 0) throw new Error(`"${text}" not found in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

export async function setConfiguration(section: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(section, value, vscode.ConfigurationTarget.Global);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** What `nianbao.preview.status` reports of a preview (the fields the suites read). */
export interface PreviewStatus {
  title: string;
  uri: string;
  visible: boolean;
  viewColumn?: number;
  documentVersion: number;
  renderedVersion?: number;
  counts?: { error: number; warning: number };
  webview: { enableScripts: boolean; enableForms: boolean; enableCommandUris: boolean; localResourceRoots: string[] };
}

/**
 * The preview reports the versions it has patched in; a webview raises no event another extension can wait on,
 * so ask its status until `accept` holds (each ask is a real round trip to the page's last report).
 */
export async function previewWhere(
  uri: vscode.Uri,
  accept: (s: PreviewStatus) => boolean,
  what: string,
): Promise<PreviewStatus> {
  let last: PreviewStatus | undefined;
  for (let i = 0; i < 300; i++) {
    const all = await vscode.commands.executeCommand<PreviewStatus[]>('nianbao.preview.status');
    last = all.find((s) => s.uri === uri.toString());
    if (last && accept(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`preview of ${uri.path}: no ${what}; last status ${JSON.stringify(last)}`);
}

/** The 2021-edition example of the workspace, as on disk. */
export async function exampleText(): Promise<string> {
  return new TextDecoder().decode(
    await vscode.workspace.fs.readFile(workspaceUri('examples', 'shifan-2024.nianbao.yaml')),
  );
}
