/**
 * The two webviews of the year-over-year features: a comparison of a report with last year's (`与上一年度对比`),
 * shown by the preview's own page (media/preview.html + preview.js: the same CSP, sanitizer and click → editor), and
 * one agency's trends (`年度趋势`, media/trends.html: Chart.js from media/vendor and media/trends.js). Both take the
 * preview's webview options (scripts for the nonce'd page scripts only, no forms, no command links, media/ only).
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CompareRequest } from '../../../protocol/src/protocol';
import type { CompareParams, CompareResult, TrendsResult } from '../../../protocol/src/protocol';
import { t } from '../l10n';
import { SCRIPT_FILE, SHELL_FILE, STYLE_FILE, newNonce, previewShell, readShell } from '../preview/previewShell';
import { webviewOptions } from '../preview/reportPreview';
import { revealRange } from '../preview/revealRange';

export const COMPARE_VIEW_TYPE = 'nianbao.compare';
export const TRENDS_VIEW_TYPE = 'nianbao.trends';
export const TRENDS_SHELL = 'trends.html';
export const TRENDS_SCRIPT = 'trends.js';
export const TRENDS_STYLE = 'trends.css';
export const CHART_SCRIPT = 'vendor/chart.umd.min.js';

export interface PanelDependencies {
  readonly extensionUri: vscode.Uri;
  readonly client: () => Promise<LanguageClient>;
  readonly lang: () => 'zh' | 'en';
}

/** What the status commands report of a panel (for the editor tests). */
export interface YearPanelStatus {
  readonly kind: 'compare' | 'trends';
  readonly title: string;
  readonly visible: boolean;
  /** compare: the later and the earlier report; trends: the agency's key. */
  readonly uri?: string;
  readonly previous?: string;
  readonly agency?: string;
  /** Bodies (or data) sent to the page, and the last the page reported drawn. */
  readonly sent: number;
  readonly rendered: number;
  readonly findings?: number;
  readonly charts?: number;
  readonly webview: {
    readonly enableScripts: boolean;
    readonly enableForms: boolean;
    readonly localResourceRoots: readonly string[];
  };
}

function media(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

function webviewStatus(panel: vscode.WebviewPanel): YearPanelStatus['webview'] {
  const o = panel.webview.options;
  return {
    enableScripts: o.enableScripts === true,
    enableForms: o.enableForms ?? o.enableScripts === true,
    localResourceRoots: o.localResourceRoots ? o.localResourceRoots.map((u) => u.toString()) : ['(unset)'],
  };
}

function messageOf(raw: unknown): { type?: unknown; start?: unknown; end?: unknown; charts?: unknown } | undefined {
  return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : undefined;
}

type PageMessage = NonNullable<ReturnType<typeof messageOf>>;

/**
 * What both panels share: the webview's options and page (a media template with a fresh nonce), whether the page is
 * there to take a message (a hidden panel's page is torn down and says `ready` again), and their end.
 */
abstract class YearPanel implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  protected pageReady = false;
  protected sent = 0;
  protected rendered = 0;
  protected disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly deps: PanelDependencies,
    title: string,
    shell: string,
    files: Readonly<Record<string, string>>,
  ) {
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.title = title;
    const folder = media(deps.extensionUri);
    const uris: Record<string, string> = {};
    for (const [name, file] of Object.entries(files))
      uris[name] = panel.webview.asWebviewUri(vscode.Uri.joinPath(folder, file)).toString();
    panel.webview.html = previewShell(readShell(folder.fsPath, shell), {
      nonce: newNonce(),
      styleUri: uris.styleUri,
      scriptUri: uris.scriptUri,
      ...uris,
      title,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => {
        const m = messageOf(raw);
        if (m?.type === 'ready') this.pageReady = true;
        if (m) this.onPage(m);
      }),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.pageReady = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  protected abstract onPage(message: PageMessage): void;

  abstract status(): YearPanelStatus;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

/** One comparison: the later report (`later`) against `earlier`, refreshed when either changes. */
export class ComparePanel extends YearPanel {
  private last: CompareResult | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    readonly later: vscode.Uri,
    readonly earlier: vscode.Uri,
    deps: PanelDependencies,
  ) {
    super(panel, deps, t('Compare {0}', basename(later.path)), SHELL_FILE, {
      styleUri: STYLE_FILE,
      scriptUri: SCRIPT_FILE,
    });
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const uri = e.document.uri.toString();
        if (e.contentChanges.length && (uri === later.toString() || uri === earlier.toString())) this.changed();
      }),
      { dispose: () => this.timer && clearTimeout(this.timer) },
    );
  }

  /** Show a result the command already has, or ask the server again. */
  show(result?: CompareResult): void {
    if (result) this.accept(result);
    else void this.refresh();
  }

  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 300);
  }

  async refresh(): Promise<void> {
    try {
      const client = await this.deps.client();
      const params: CompareParams = {
        uri: this.later.toString(),
        previous: this.earlier.toString(),
        lang: this.deps.lang(),
      };
      this.accept(await client.sendRequest(CompareRequest.type, params));
    } catch {
      // The server restarts or the window closes: the page keeps what it shows.
    }
  }

  private accept(result: CompareResult): void {
    if (this.disposed || !result.html) return;
    this.last = result;
    this.post();
  }

  private post(): void {
    if (!this.pageReady || !this.last?.html) return;
    this.sent++;
    void this.panel.webview.postMessage({
      type: 'render',
      html: this.last.html,
      version: this.sent,
      source: this.later.toString(),
    });
  }

  protected onPage(m: PageMessage): void {
    if (m.type === 'ready') {
      this.post();
    } else if (m.type === 'rendered') {
      this.rendered = this.sent;
    } else if (m.type === 'reveal' && typeof m.start === 'number' && Number.isFinite(m.start)) {
      const end = typeof m.end === 'number' && Number.isFinite(m.end) ? m.end : m.start;
      void revealRange(this.later, m.start, end);
    }
  }

  status(): YearPanelStatus {
    return {
      kind: 'compare',
      title: this.panel.title,
      visible: this.panel.visible,
      uri: this.later.toString(),
      previous: this.earlier.toString(),
      sent: this.sent,
      rendered: this.rendered,
      findings: this.last?.findings,
      webview: webviewStatus(this.panel),
    };
  }
}

/** The page's words, in the language of the extension. */
export function trendsStrings(): Record<string, string> {
  return { title: t('Trends by year'), tableCaption: t(' (the figures)'), item: t('Item'), none: '—' };
}

/** One agency's trends (a snapshot of the workspace index when shown; shown again, asked again). */
export class TrendsPanel extends YearPanel {
  private charts = 0;

  constructor(
    panel: vscode.WebviewPanel,
    readonly agency: string,
    private data: TrendsResult,
    deps: PanelDependencies,
    private readonly reload: () => Promise<TrendsResult | undefined>,
  ) {
    super(panel, deps, t('Trends of {0}', data.trends?.agency ?? agency), TRENDS_SHELL, {
      styleUri: TRENDS_STYLE,
      scriptUri: TRENDS_SCRIPT,
      chartUri: CHART_SCRIPT,
    });
  }

  show(data: TrendsResult): void {
    this.data = data;
    this.post();
  }

  private post(): void {
    if (!this.pageReady || !this.data.trends) return;
    this.sent++;
    void this.panel.webview.postMessage({
      type: 'trends',
      trends: this.data.trends,
      lang: this.deps.lang(),
      strings: trendsStrings(),
    });
  }

  protected onPage(m: PageMessage): void {
    if (m.type === 'ready') {
      this.post();
      // Shown again: the workspace may have changed meanwhile.
      if (this.sent > 1)
        void this.reload().then((fresh) => {
          if (fresh?.trends) this.show(fresh);
        });
    } else if (m.type === 'rendered') {
      this.rendered = this.sent;
      this.charts = typeof m.charts === 'number' ? m.charts : 0;
    }
  }

  status(): YearPanelStatus {
    return {
      kind: 'trends',
      title: this.panel.title,
      visible: this.panel.visible,
      agency: this.agency,
      sent: this.sent,
      rendered: this.rendered,
      charts: this.charts,
      webview: webviewStatus(this.panel),
    };
  }
}
