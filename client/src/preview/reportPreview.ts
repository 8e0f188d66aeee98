/**
 * One preview panel of one report document: the shell page, the bodies the server renders for each version
 * (through `PreviewUpdater`), the editor's cursor, and clicks in the page that move the editor to their YAML node.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenderRequest } from '../../../protocol/src/protocol';
import type { RenderParams, RenderResult } from '../../../protocol/src/protocol';
import { t } from '../l10n';
import { SCRIPT_FILE, STYLE_FILE, newNonce, previewShell, readShell } from './previewShell';
import { PreviewUpdater } from './previewUpdater';
import { revealRange } from './revealRange';
import { previewWebviewOptions } from './webviewOptions';

/** What the status command reports of a preview (for the editor tests). */
export interface PreviewStatus {
  readonly uri: string;
  readonly title: string;
  readonly visible: boolean;
  readonly active: boolean;
  readonly viewColumn: number | undefined;
  /** The document's version in the editor (undefined when it is closed). */
  readonly documentVersion: number | undefined;
  /** The version of the last body sent to the page, and the last the page reported patched in. */
  readonly shownVersion: number;
  readonly renderedVersion: number;
  /** The page's parse + patch time of the last body, in ms. */
  readonly patchMs: number | undefined;
  readonly requests: number;
  readonly counts: RenderResult['counts'];
  /** The editor offset the page was last told to highlight. */
  readonly cursorOffset: number | undefined;
  /** The webview's options as the panel has them (the isolation test reads them back from VS Code). */
  readonly webview: {
    readonly enableScripts: boolean;
    readonly enableForms: boolean;
    readonly enableCommandUris: boolean;
    readonly localResourceRoots: readonly string[];
  };
}

export interface PreviewDependencies {
  readonly extensionUri: vscode.Uri;
  readonly client: () => Promise<LanguageClient>;
  /** Language of the page's summary and marks. */
  readonly lang: () => 'zh' | 'en';
}

/** Webview options (`webviewOptions.ts`): scripts only for the nonce'd page script, resources only from media/, no command links. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return previewWebviewOptions(vscode.Uri.joinPath(extensionUri, 'media'));
}

export function previewTitle(uri: vscode.Uri): string {
  return t('Preview {0}', basename(uri.path));
}

type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly version: number; readonly ms: number }
  | { readonly type: 'reveal'; readonly start?: number; readonly end?: number; readonly version?: number };

function pageMessage(raw: unknown): PageMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  const number = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      return { type: 'rendered', version: number(m.version) ?? -1, ms: number(m.ms) ?? 0 };
    case 'reveal':
      return { type: 'reveal', start: number(m.start), end: number(m.end), version: number(m.version) };
    default:
      return undefined;
  }
}

export class ReportPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly updater: PreviewUpdater;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private pageReady = false;
  private last: RenderResult | undefined;
  private renderedVersion = -1;
  private patchMs: number | undefined;
  private cursorOffset: number | undefined;
  /** A cursor in a version the page does not show yet: sent after that version's body. */
  private pendingCursor: { readonly offset: number; readonly version: number; readonly reveal: boolean } | undefined;
  private failureShown = false;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private source: vscode.Uri,
    private readonly deps: PreviewDependencies,
  ) {
    this.updater = new PreviewUpdater({
      version: () => this.document()?.version,
      fetch: (version) => this.fetch(version),
      show: (result) => this.show(result),
      failed: (error) => this.failed(error),
    });
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.title = previewTitle(source);
    panel.webview.html = this.shellHtml();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
      // Hidden, the page is torn down (no retained context); it says `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.pageReady = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.updater.changed();
  }

  get uri(): vscode.Uri {
    return this.source;
  }

  /** The report was renamed or moved: follow it. */
  moveTo(uri: vscode.Uri): void {
    this.source = uri;
    this.panel.title = previewTitle(uri);
    this.updater.reset();
  }

  document(): vscode.TextDocument | undefined {
    const key = this.source.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  changed(): void {
    this.updater.changed();
  }

  refresh(): void {
    this.updater.refresh();
  }

  /** The language changed: the tab's title in it (the body follows through `refresh`). */
  retitle(): void {
    this.panel.title = previewTitle(this.source);
  }

  /**
   * The report's diagnostics changed: when their counts are not those of the page shown, the findings moved
   * without an edit — last year's report was read or changed (a window just restored, the workspace index still
   * reading), or a restarted server checked it again — so the page and its summary are rendered again.
   */
  diagnosticsChanged(diagnostics: readonly vscode.Diagnostic[]): void {
    const shown = this.last?.counts;
    if (!shown) return;
    const ours = diagnostics.filter((d) => d.source === 'nianbao');
    const count = (severity: vscode.DiagnosticSeverity): number => ours.filter((d) => d.severity === severity).length;
    if (
      count(vscode.DiagnosticSeverity.Error) !== shown.error ||
      count(vscode.DiagnosticSeverity.Warning) !== shown.warning ||
      count(vscode.DiagnosticSeverity.Information) !== shown.information
    )
      this.updater.refresh();
  }

  /** The document was opened again: its versions start anew. */
  reopened(): void {
    this.updater.reset();
  }

  /**
   * The editor's cursor moved: highlight the cell there (and scroll it into view when `reveal`). Its offset is one
   * of the editor's version; while typing, the page still shows an older one, so it waits for that body.
   */
  cursor(editor: vscode.TextEditor, reveal: boolean): void {
    const offset = editor.document.offsetAt(editor.selection.active);
    this.cursorOffset = offset;
    this.pendingCursor = { offset, version: editor.document.version, reveal };
    this.flushCursor();
  }

  private flushCursor(): void {
    const pending = this.pendingCursor;
    if (!pending || !this.pageReady || !this.last || this.last.version < pending.version) return;
    this.pendingCursor = undefined;
    void this.panel.webview.postMessage({ type: 'cursor', offset: pending.offset, reveal: pending.reveal });
  }

  status(): PreviewStatus {
    return {
      uri: this.source.toString(),
      title: this.panel.title,
      visible: this.panel.visible,
      active: this.panel.active,
      viewColumn: this.panel.viewColumn,
      documentVersion: this.document()?.version,
      shownVersion: this.updater.shown,
      renderedVersion: this.renderedVersion,
      patchMs: this.patchMs,
      requests: this.updater.requests,
      counts: this.last?.counts,
      cursorOffset: this.cursorOffset,
      webview: (() => {
        const o = this.panel.webview.options;
        // What the panel really has; unset options are VS Code's defaults (forms follow scripts; resource roots are
        // then the workspace folders and the extension's folder, which the test must not accept).
        return {
          enableScripts: o.enableScripts === true,
          enableForms: o.enableForms ?? o.enableScripts === true,
          enableCommandUris: o.enableCommandUris !== undefined && o.enableCommandUris !== false,
          localResourceRoots: o.localResourceRoots
            ? o.localResourceRoots.map((u) => u.toString())
            : ['(unset: the workspace folders and the extension)'],
        };
      })(),
    };
  }

  private shellHtml(): string {
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    const webview = this.panel.webview;
    return previewShell(readShell(media.fsPath), {
      nonce: newNonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, STYLE_FILE)).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, SCRIPT_FILE)).toString(),
      title: previewTitle(this.source),
    });
  }

  private async fetch(version: number): Promise<RenderResult | null> {
    const client = await this.deps.client();
    const params: RenderParams = { uri: this.source.toString(), version, lang: this.deps.lang() };
    return client.sendRequest(RenderRequest.type, params);
  }

  private show(result: RenderResult): void {
    this.last = result;
    this.failureShown = false;
    this.post(result);
    this.flushCursor();
  }

  private post(result: RenderResult): void {
    if (!this.pageReady || result.html === undefined) return;
    void this.panel.webview.postMessage({
      type: 'render',
      html: result.html,
      version: result.version,
      source: this.source.toString(),
    });
  }

  private failed(error: unknown): void {
    if (this.failureShown || this.disposed) return;
    this.failureShown = true;
    const why = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      t('The preview of {0} could not be updated: {1}', basename(this.source.path), why),
    );
  }

  private onMessage(raw: unknown): void {
    const message = pageMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        // A new page (first load, shown again, window restored): give it the last body, then anything newer.
        this.pageReady = true;
        if (this.last) this.post(this.last);
        if (this.pendingCursor) this.flushCursor();
        else if (this.cursorOffset !== undefined)
          void this.panel.webview.postMessage({ type: 'cursor', offset: this.cursorOffset, reveal: false });
        this.updater.changed();
        break;
      case 'rendered':
        this.renderedVersion = message.version;
        this.patchMs = message.ms;
        break;
      case 'reveal':
        if (message.start !== undefined) void revealRange(this.source, message.start, message.end ?? message.start);
        break;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.updater.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}
