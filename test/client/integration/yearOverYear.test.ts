import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAll, diagnosticsWhere, open, workspaceUri } from './helpers';

interface YearPanelStatus {
  kind: 'compare' | 'trends';
  visible: boolean;
  uri?: string;
  previous?: string;
  agency?: string;
  sent: number;
  rendered: number;
  findings?: number;
  charts?: number;
  webview: { enableScripts: boolean; enableForms: boolean; localResourceRoots: string[] };
}

/** A webview raises no event to wait on: ask the panels' status until `accept` holds. */
async function panelWhere(accept: (s: YearPanelStatus) => boolean, what: string): Promise<YearPanelStatus> {
  let last: YearPanelStatus[] = [];
  for (let i = 0; i < 300; i++) {
    last = await vscode.commands.executeCommand<YearPanelStatus[]>('nianbao.yearPanels.status');
    const found = last.find(accept);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${what}; panels: ${JSON.stringify(last)}`);
}

describe('year over year in VS Code', () => {
  before(activate);
  afterEach(closeAll);

  it('与上一年度对比 finds last year’s report of the 机关 (2019 edition) and shows the comparison with its finding', async () => {
    const uri = workspaceUri('series', 'eco-2021.nianbao.yaml');
    await open(uri);
    // The 同比 finding is in the Problems panel once the workspace index has last year's report.
    await diagnosticsWhere(
      uri,
      (d) => d.some((x) => String((x.code as { value?: unknown })?.value ?? x.code) === 'NB314'),
      'NB314',
    );
    const status = await vscode.commands.executeCommand<YearPanelStatus>('nianbao.compareWithPrevious');
    assert.ok(status, 'a comparison opened');
    assert.equal(status.previous, workspaceUri('series', 'eco-2020.nianbao.yaml').toString());
    assert.equal(status.findings, 1);
    const shown = await panelWhere((s) => s.kind === 'compare' && s.rendered >= 1, 'comparison drawn in its page');
    assert.equal(shown.webview.enableScripts, true);
    assert.equal(shown.webview.enableForms, false);
    assert.deepEqual(
      shown.webview.localResourceRoots.map((r) => r.replace(/\/$/, '').split('/').pop()),
      ['media'],
    );
  });

  it('年度趋势 for the active report’s agency draws its four charts', async () => {
    await open(workspaceUri('series', 'eco-2023.nianbao.yaml'));
    const status = await vscode.commands.executeCommand<YearPanelStatus>('nianbao.showTrends');
    assert.ok(status, 'a trends panel opened');
    const drawn = await panelWhere((s) => s.kind === 'trends' && s.charts === 4, 'four charts drawn');
    assert.equal(drawn.webview.enableForms, false);
  });
});
