/**
 * `与上一年度对比` (nianbao.compareWithPrevious) and `年度趋势` (nianbao.showTrends), with their status commands for
 * the editor tests (not in the palette). The comparison takes last year's report of the same 机关 from the workspace
 * index; when there is none (or two), the user picks the file. Trends are for an agency with two years or more: the
 * active report's, or one chosen from the list.
 */
import * as vscode from 'vscode';
import { TrendsRequest, CompareRequest } from '../../../protocol/src/protocol';
import type { CompareParams, CompareResult, TrendsParams, TrendsResult } from '../../../protocol/src/protocol';
import type { ExtensionServices } from '../feature';
import { t } from '../l10n';
import { previewLanguage } from '../preview/previewManager';
import { webviewOptions } from '../preview/reportPreview';
import { isReport } from '../reportDocuments';
import { COMPARE_VIEW_TYPE, ComparePanel, TRENDS_VIEW_TYPE, TrendsPanel } from './yearPanels';
import type { PanelDependencies, YearPanelStatus } from './yearPanels';

const asUri = (value: unknown): vscode.Uri | undefined => (value instanceof vscode.Uri ? value : undefined);

class YearPanels implements vscode.Disposable {
  private readonly compares = new Map<string, ComparePanel>();
  private readonly trends = new Map<string, TrendsPanel>();
  private readonly deps: PanelDependencies;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly services: ExtensionServices,
  ) {
    this.deps = { extensionUri, client: () => services.server.ready(), lang: previewLanguage };
  }

  private activeReport(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && isReport(document) ? document.uri : undefined;
  }

  private async compareRequest(params: CompareParams): Promise<CompareResult> {
    const client = await this.services.server.ready();
    return client.sendRequest(CompareRequest.type, params);
  }

  private async trendsRequest(params: TrendsParams): Promise<TrendsResult> {
    const client = await this.services.server.ready();
    return client.sendRequest(TrendsRequest.type, params);
  }

  /** The earlier report, when the workspace has none (or several) for last year: the user's choice. */
  private async choosePrevious(missing: NonNullable<CompareResult['missing']>): Promise<vscode.Uri | undefined> {
    if (missing.several?.length) {
      const picked = await vscode.window.showQuickPick(
        missing.several.map((u) => ({ label: vscode.Uri.parse(u).path.split('/').pop() ?? u, description: u, uri: u })),
        {
          placeHolder: t(
            'Several reports of {0} for {1}: choose the one to compare with',
            missing.agency ?? '',
            String(missing.year ?? ''),
          ),
        },
      );
      return picked ? vscode.Uri.parse(picked.uri) : undefined;
    }
    const title =
      missing.agency && missing.year !== undefined
        ? t(
            'No report of {0} for {1} in the workspace: choose the report to compare with',
            missing.agency,
            String(missing.year),
          )
        : t('Choose the report to compare with');
    const chosen = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: t('Compare'),
      title,
      filters: { [t('Annual reports')]: ['yaml', 'yml'] },
    });
    return chosen?.[0];
  }

  async compare(uri?: vscode.Uri, previous?: vscode.Uri): Promise<YearPanelStatus | undefined> {
    const later = uri ?? this.activeReport();
    if (!later) {
      void vscode.window.showErrorMessage(t('Open an annual report (*.nianbao.yaml) to compare it with last year'));
      return undefined;
    }
    const lang = previewLanguage();
    const ask = (earlier?: vscode.Uri): Promise<CompareResult> =>
      this.compareRequest({
        uri: later.toString(),
        ...(earlier ? { previous: earlier.toString() } : {}),
        lang,
      });
    let result = await ask(previous);
    if (result.missing) {
      const chosen = await this.choosePrevious(result.missing);
      if (!chosen) return undefined;
      result = await ask(chosen);
    }
    if (result.error || !result.html || !result.previous) {
      void vscode.window.showErrorMessage(result.error ?? t('The reports could not be compared'));
      return undefined;
    }
    const earlier = vscode.Uri.parse(result.previous);
    const key = `${later.toString()}\n${earlier.toString()}`;
    let panel = this.compares.get(key);
    if (panel) {
      panel.panel.reveal(undefined, true);
    } else {
      const created = vscode.window.createWebviewPanel(
        COMPARE_VIEW_TYPE,
        t('Compare {0}', later.path.split('/').pop() ?? ''),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        { ...webviewOptions(this.extensionUri), enableFindWidget: true, retainContextWhenHidden: false },
      );
      const opened = new ComparePanel(created, later, earlier, this.deps);
      panel = opened;
      this.compares.set(key, opened);
      opened.onDidDispose(() => this.compares.delete(key));
    }
    panel.show(result);
    return panel.status();
  }

  async showTrends(target?: vscode.Uri | string): Promise<YearPanelStatus | undefined> {
    const params: TrendsParams =
      typeof target === 'string' ? { agency: target } : { uri: (target ?? this.activeReport())?.toString() };
    let result = await this.trendsRequest(params);
    let key = params.agency;
    if (!result.trends) {
      if (result.agencies.length === 0) {
        void vscode.window.showInformationMessage(t('No agency has reports of two years or more in the workspace'));
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        result.agencies.map((a) => ({ label: a.agency, description: a.years.join('、'), key: a.key })),
        { placeHolder: t('Choose an agency (reports of two years or more)') },
      );
      if (!picked) return undefined;
      key = picked.key;
      result = await this.trendsRequest({ agency: key });
      if (!result.trends) return undefined;
    }
    const agencyKey =
      key ?? result.agencies.find((a) => a.agency === result.trends?.agency)?.key ?? result.trends.agency;
    let panel = this.trends.get(agencyKey);
    if (panel) {
      panel.panel.reveal(undefined, true);
      panel.show(result);
    } else {
      const created = vscode.window.createWebviewPanel(
        TRENDS_VIEW_TYPE,
        t('Trends of {0}', result.trends.agency),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        { ...webviewOptions(this.extensionUri), enableFindWidget: true, retainContextWhenHidden: false },
      );
      const reload = (): Promise<TrendsResult | undefined> =>
        this.trendsRequest({ agency: agencyKey }).catch(() => undefined);
      const opened = new TrendsPanel(created, agencyKey, result, this.deps, reload);
      panel = opened;
      this.trends.set(agencyKey, opened);
      opened.onDidDispose(() => this.trends.delete(agencyKey));
    }
    return panel.status();
  }

  status(): YearPanelStatus[] {
    return [...this.compares.values(), ...this.trends.values()].map((p) => p.status());
  }

  dispose(): void {
    for (const p of [...this.compares.values(), ...this.trends.values()]) p.dispose();
  }
}

export function registerYearOverYear(services: ExtensionServices): vscode.Disposable[] {
  const panels = new YearPanels(services.context.extensionUri, services);
  return [
    panels,
    vscode.commands.registerCommand('nianbao.compareWithPrevious', (uri?: unknown, previous?: unknown) =>
      panels.compare(asUri(uri), asUri(previous)),
    ),
    vscode.commands.registerCommand('nianbao.showTrends', (target?: unknown) =>
      panels.showTrends(typeof target === 'string' ? target : asUri(target)),
    ),
    // Not in the palette: the open comparisons and trends, for the editor tests.
    vscode.commands.registerCommand('nianbao.yearPanels.status', () => panels.status()),
  ];
}
