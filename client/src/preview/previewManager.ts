/**
 * The report previews: one webview panel per report document (opening the preview of a report that has one
 * reveals it), fed by the server's `nianbao/render` as the document changes, following the editor's cursor, and
 * restored with the window (the page keeps its report's URI in its webview state).
 */
import * as vscode from 'vscode';
import { configuredLanguage, t } from '../l10n';
import { isReport, openReportDocument } from '../reportDocuments';
import type { ServerConnection } from '../serverConnection';
import { PREVIEW_VIEW_TYPE } from './previewIds';
import { ReportPreview, previewTitle, webviewOptions } from './reportPreview';
import type { PreviewStatus } from './reportPreview';

/** The language the server would choose for `auto` (the editor's display language), or the forced one. */
export function previewLanguage(): 'zh' | 'en' {
  const configured = configuredLanguage();
  if (configured !== 'auto') return configured;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, ReportPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  private activePreview: ReportPreview | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerConnection,
  ) {
    const byDocument = (document: vscode.TextDocument): ReportPreview | undefined =>
      this.previews.get(document.uri.toString());
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state),
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) byDocument(e.document)?.changed();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) =>
        byDocument(e.textEditor.document)?.cursor(e.textEditor, true),
      ),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) byDocument(editor.document)?.cursor(editor, true);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => byDocument(document)?.reopened()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // An untitled report is gone with its document; a saved one keeps its last page until it is opened again.
        if (document.uri.scheme === 'untitled') byDocument(document)?.dispose();
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          const preview = this.previews.get(oldUri.toString());
          if (!preview || this.previews.has(newUri.toString())) continue;
          this.previews.delete(oldUri.toString());
          this.previews.set(newUri.toString(), preview);
          preview.moveTo(newUri);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('nianbao.language')) return;
        for (const p of this.previews.values()) {
          p.retitle();
          p.refresh();
        }
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris)
          this.previews.get(uri.toString())?.diagnosticsChanged(vscode.languages.getDiagnostics(uri));
      }),
      // A restarted server has the documents again under their current versions.
      server.onStarted(() => {
        for (const p of this.previews.values()) p.refresh();
      }),
    );
  }

  /** `打开预览` / `打开侧边预览` for `uri`, else the active report (or the active preview's report). */
  async show(uri: vscode.Uri | undefined, toSide: boolean): Promise<PreviewStatus | undefined> {
    const target = uri ?? this.activeReportUri();
    if (!target) {
      void vscode.window.showErrorMessage(t('Open an annual report (*.nianbao.yaml) to preview it'));
      return undefined;
    }
    const document = await openReportDocument(target);
    if (!document) return undefined;
    const existing = this.previews.get(document.uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, toSide);
      return existing.status();
    }
    const editorColumn = vscode.window.activeTextEditor?.viewColumn;
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(document.uri),
      {
        viewColumn: toSide ? vscode.ViewColumn.Beside : (editorColumn ?? vscode.ViewColumn.Active),
        preserveFocus: toSide,
      },
      { ...webviewOptions(this.extensionUri), enableFindWidget: true, retainContextWhenHidden: false },
    );
    const preview = this.adopt(panel, document.uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) preview.cursor(editor, true);
    return preview.status();
  }

  /** The report of the active editor, else of the active preview. */
  activeReportUri(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (document && isReport(document)) return document.uri;
    return this.activePreview?.panel.active ? this.activePreview.uri : undefined;
  }

  status(): PreviewStatus[] {
    return [...this.previews.values()].map((p) => p.status());
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const source = state && typeof state === 'object' ? (state as { source?: unknown }).source : undefined;
    if (typeof source !== 'string') {
      panel.dispose();
      return;
    }
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(source, true);
    } catch {
      panel.dispose();
      return;
    }
    // An untitled report comes back only if the window restored its text too; a deleted file does not come back.
    if (uri.scheme === 'untitled' && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === source)) {
      panel.dispose();
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      if (!isReport(document) || this.previews.has(document.uri.toString())) {
        panel.dispose();
        return;
      }
      this.adopt(panel, document.uri);
    } catch {
      panel.dispose();
    }
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): ReportPreview {
    const preview = new ReportPreview(panel, uri, {
      extensionUri: this.extensionUri,
      client: () => this.server.ready(),
      lang: previewLanguage,
    });
    this.previews.set(uri.toString(), preview);
    const track = (): void => {
      if (panel.active) this.activePreview = preview;
    };
    track();
    const viewState = panel.onDidChangeViewState(track);
    preview.onDidDispose(() => {
      viewState.dispose();
      if (this.previews.get(preview.uri.toString()) === preview) this.previews.delete(preview.uri.toString());
      if (this.activePreview === preview) this.activePreview = undefined;
    });
    return preview;
  }

  dispose(): void {
    for (const p of [...this.previews.values()]) p.dispose();
    this.previews.clear();
    for (const d of this.disposables) d.dispose();
  }
}
