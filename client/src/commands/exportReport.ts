/**
 * `导出为 HTML` and `导出为 Word（.docx）`: the report (the editor's text, saved or not) as the standalone page of
 * `nianbao render` or as the Word document of `nianbao render -o OUT.docx`, both made by the server
 * (`nianbao/render`, kind `page` or `docx`) and written where the save dialog says. The dialog defaults to the
 * report's folder and asks itself before replacing a file; a target passed by a caller (tests, other extensions)
 * must not exist. The file is written whole or not at all, and never over the report itself.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenderRequest } from '../../../protocol/src/protocol';
import type { RenderParams, RenderResult } from '../../../protocol/src/protocol';
import { t } from '../l10n';
import { exportOpenAction } from './exportOpenAction';
import type { PreviewManager } from '../preview/previewManager';
import { previewLanguage } from '../preview/previewManager';
import { describeError, openReportDocument } from '../reportDocuments';
import type { ServerConnection } from '../serverConnection';

const REPORT_SUFFIX = /(?:\.nianbao)?\.ya?ml$/i;
/** Attempts while the server has not yet seen the editor's newest version of the text. */
const STALE_ATTEMPTS = 50;

/** What differs between the two exports. */
interface ExportFormat {
  readonly kind: 'page' | 'docx';
  readonly extension: string;
  readonly filters: () => Record<string, string[]>;
  readonly noReport: () => string;
  readonly dialogTitle: (name: string) => string;
  readonly replacesReport: () => string;
  readonly unwritable: (target: string, why: string) => string;
  /** The file's bytes from the server's answer; undefined when it sent none. */
  readonly content: (result: RenderResult) => Uint8Array | undefined;
  /** `nianbao.docx.signature`: the Word document ends with the signature. */
  readonly signature?: () => boolean;
}

const HTML: ExportFormat = {
  kind: 'page',
  extension: 'html',
  filters: () => ({ [t('HTML page')]: ['html', 'htm'] }),
  noReport: () => t('Open an annual report (*.nianbao.yaml) to export it as HTML'),
  dialogTitle: (name) => t('Export {0} as HTML', name),
  replacesReport: () => t('The HTML page cannot replace the report itself'),
  unwritable: (target, why) => t('The HTML page could not be written to {0}: {1}', target, why),
  content: (result) => (result.html === undefined ? undefined : new TextEncoder().encode(result.html)),
};

const DOCX: ExportFormat = {
  kind: 'docx',
  extension: 'docx',
  filters: () => ({ [t('Word document')]: ['docx'] }),
  noReport: () => t('Open an annual report (*.nianbao.yaml) to export it as a Word document'),
  dialogTitle: (name) => t('Export {0} as a Word document', name),
  replacesReport: () => t('The Word document cannot replace the report itself'),
  unwritable: (target, why) => t('The Word document could not be written to {0}: {1}', target, why),
  content: (result) => (result.docx === undefined ? undefined : Buffer.from(result.docx, 'base64')),
  signature: () => vscode.workspace.getConfiguration('nianbao').get<boolean>('docx.signature', false),
};

/** `<folder>/<name>.<extension>` beside the report (`untitled:` reports: in the first workspace folder). */
export function defaultTarget(report: vscode.Uri, extension = 'html'): vscode.Uri {
  const name = `${posix.basename(report.path).replace(REPORT_SUFFIX, '') || 'nianbao'}.${extension}`;
  if (report.scheme !== 'untitled') return report.with({ path: posix.join(posix.dirname(report.path), name) });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder) return vscode.Uri.joinPath(folder, name);
  return posix.isAbsolute(report.path)
    ? vscode.Uri.file(posix.join(posix.dirname(report.path), name))
    : vscode.Uri.file(name);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The export of the document's current version, asking again while the server is a change behind. */
async function renderOf(
  client: LanguageClient,
  document: vscode.TextDocument,
  format: ExportFormat,
): Promise<RenderResult> {
  for (let attempt = 1; ; attempt++) {
    const params: RenderParams = {
      uri: document.uri.toString(),
      version: document.version,
      kind: format.kind,
      lang: previewLanguage(),
      ...(format.signature ? { signature: format.signature() } : {}),
    };
    try {
      const result = await client.sendRequest(RenderRequest.type, params);
      // null: the server failed (it logged why); tried again like any other failure.
      if (result === null) throw new Error('nianbao/render answered nothing');
      if (!result.stale || attempt >= STALE_ATTEMPTS) return result;
    } catch (error) {
      // Just opened: the server may not have the document yet.
      if (attempt >= 5) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Write `bytes` to `target` through a temporary file beside it, so that a failure leaves no half-written file. */
async function writeWhole(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temp = target.with({
    path: posix.join(posix.dirname(target.path), `.${posix.basename(target.path)}.${process.pid}.${Date.now()}.tmp`),
  });
  await vscode.workspace.fs.writeFile(temp, bytes);
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    throw error;
  }
}

/**
 * Export `source` (else the active report or preview) to `presetTarget` (else where the save dialog says).
 * Resolves to the written file, or undefined when nothing was written.
 */
async function exportAs(
  format: ExportFormat,
  server: ServerConnection,
  previews: PreviewManager,
  source?: unknown,
  presetTarget?: unknown,
): Promise<vscode.Uri | undefined> {
  const uri = source instanceof vscode.Uri ? source : previews.activeReportUri();
  if (!uri) {
    void vscode.window.showErrorMessage(format.noReport());
    return undefined;
  }
  const document = await openReportDocument(uri);
  if (!document) return undefined;
  const name = vscode.workspace.asRelativePath(document.uri);

  let target: vscode.Uri | undefined;
  if (presetTarget instanceof vscode.Uri) {
    target = presetTarget;
    if (await exists(target)) {
      void vscode.window.showErrorMessage(
        t('{0} already exists and was left alone', vscode.workspace.asRelativePath(target)),
      );
      return undefined;
    }
  } else {
    target = await vscode.window.showSaveDialog({
      title: format.dialogTitle(posix.basename(document.uri.path)),
      defaultUri: defaultTarget(document.uri, format.extension),
      filters: format.filters(),
      saveLabel: t('Export'),
    });
    if (!target) return undefined;
  }
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage(format.replacesReport());
    return undefined;
  }

  let result: RenderResult;
  try {
    result = await renderOf(await server.ready(), document, format);
  } catch (error) {
    void vscode.window.showErrorMessage(t('{0} could not be rendered: {1}', name, describeError(error)));
    return undefined;
  }
  const content = result.notReport === undefined ? format.content(result) : undefined;
  if (content === undefined) {
    void vscode.window.showErrorMessage(
      result.notReport ?? t('{0} could not be rendered: {1}', name, t('the server sent no page')),
    );
    return undefined;
  }
  try {
    await writeWhole(target, content);
  } catch (error) {
    void vscode.window.showErrorMessage(format.unwritable(target.fsPath || target.toString(), describeError(error)));
    return undefined;
  }

  const written = vscode.workspace.asRelativePath(target);
  const action = exportOpenAction({
    web: vscode.env.uiKind === vscode.UIKind.Web,
    remoteName: vscode.env.remoteName,
    scheme: target.scheme,
  });
  const open =
    action === 'revealInExplorer' ? t('Reveal in Explorer') : format.kind === 'page' ? t('Open in Browser') : t('Open');
  const errors = result.counts?.error ?? 0;
  const warnings = result.counts?.warning ?? 0;
  const message =
    errors || warnings
      ? t(
          'Exported {0}. The report has {1} errors and {2} warnings: check them before publishing.',
          written,
          errors,
          warnings,
        )
      : t('Exported {0}', written);
  const show = errors || warnings ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void Promise.resolve(show(message, open)).then((choice) => {
    if (choice !== open) return;
    if (action === 'openExternal') void vscode.env.openExternal(target);
    else void vscode.commands.executeCommand('revealInExplorer', target);
  });
  return target;
}

export const exportHtml = (server: ServerConnection, previews: PreviewManager, source?: unknown, target?: unknown) =>
  exportAs(HTML, server, previews, source, target);

export const exportDocx = (server: ServerConnection, previews: PreviewManager, source?: unknown, target?: unknown) =>
  exportAs(DOCX, server, previews, source, target);
