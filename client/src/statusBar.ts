/** The status bar item of the active report: edition, year, and its error and warning counts (from the server). */
import * as vscode from 'vscode';
import { StatusNotification } from '../../protocol/src/protocol';
import type { StatusParams } from '../../protocol/src/protocol';
import { t } from './l10n';
import { isReport } from './reportDocuments';
import type { ServerConnection } from './serverConnection';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(server: ServerConnection) {
    this.item.name = t('Annual report');
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      server.onStarted((client) => {
        this.disposables.push(
          client.onNotification(StatusNotification.type, (params: StatusParams) => {
            this.byUri.set(params.uri, params);
            this.render();
          }),
        );
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.byUri.delete(d.uri.toString());
        this.render();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('nianbao.language')) this.render();
      }),
    );
  }

  render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document && isReport(document) ? this.byUri.get(document.uri.toString()) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    const parts = [t('{0} template', status.edition)];
    if (status.year !== undefined) parts.push(t('report year {0}', status.year));
    const icon = status.errors ? '$(error)' : status.warnings ? '$(warning)' : '$(pass)';
    this.item.text = `${icon} ${parts.join(' · ')} · ${t('{0} errors, {1} warnings', status.errors, status.warnings)}`;
    const lines = [status.agency ?? t('(agency not given)')];
    if (status.editionSource !== 'declared')
      lines.push(t('格式 is missing or wrong: checked as the {0} template', status.edition));
    lines.push(t('Click to open the Problems panel'));
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = status.errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
