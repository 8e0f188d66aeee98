import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runText } from '../../support/wordXml';
import { unzipText } from '../../support/zip';
import { activate, closeAll, open, positionOf, previewWhere, setConfiguration, workspaceUri } from './helpers';

function previewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('nianbao.preview'));
}

/** The preview's tab, now or when the tabs next change to include it. */
function previewTabOpened(): Promise<vscode.Tab> {
  return new Promise((resolve) => {
    const now = previewTab();
    if (now) {
      resolve(now);
      return;
    }
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = previewTab();
      if (!tab) return;
      subscription.dispose();
      resolve(tab);
    });
  });
}

describe('preview and export in VS Code', () => {
  before(activate);
  afterEach(closeAll);

  it('打开侧边预览 opens a webview beside the report and follows edits without saving', async () => {
    const uri = workspaceUri('fixtures', 'fixable', 'nb303-row-total.nianbao.yaml');
    const editor = await open(uri);
    const opened = previewTabOpened();
    await vscode.commands.executeCommand('nianbao.showPreviewToSide', uri);
    const tab = await opened;
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'to the side');
    const first = await previewWhere(uri, (s) => s.renderedVersion === s.documentVersion, 'rendered body');
    assert.ok((first.counts?.error ?? 0) > 0, 'problems counted on the page');
    // Type into the report: the page patches in the new version.
    const at = positionOf(editor.document, '行政复议: [');
    await editor.edit((b) => b.insert(at, ' '));
    const after = await previewWhere(
      uri,
      (s) => s.renderedVersion === editor.document.version,
      'body of the edited version',
    );
    assert.ok(after.renderedVersion! > first.renderedVersion!);
    assert.equal(editor.document.isDirty, true);
    await vscode.commands.executeCommand('undo');
  });

  it('the webview as VS Code has it: scripts for the page only, no forms, no command links, resources only from media/', async () => {
    const uri = workspaceUri('examples', 'shifan-2024.nianbao.yaml');
    await open(uri);
    await vscode.commands.executeCommand('nianbao.showPreviewToSide', uri);
    const s = await previewWhere(uri, (x) => x.renderedVersion === x.documentVersion, 'rendered body');
    const media = vscode.Uri.joinPath(
      vscode.extensions.getExtension('nianbao.nianbao')!.extensionUri,
      'media',
    ).toString();
    assert.deepEqual(s.webview, {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [media],
    });
  });

  it('导出为 HTML writes a standalone page with no scripts', async () => {
    const uri = workspaceUri('examples', 'caozhen-2020.nianbao.yaml');
    await open(uri);
    const target = workspaceUri('caozhen-2020.export.html');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('nianbao.exportHtml', uri, target);
    assert.equal(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<html lang="zh-CN"/);
    assert.match(html, /湛河区曹镇乡人民政府2020年政府信息公开工作年度报告/);
    assert.doesNotMatch(html, /<script/i);
    // A second export to the same target is refused: nothing is overwritten without the save dialog.
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('nianbao.exportHtml', uri, target);
    assert.equal(again, undefined);
  });

  it('导出为 Word（.docx） writes the official document of the editor’s text, unsaved edits and signature setting included', async () => {
    const uri = workspaceUri('examples', 'shifan-2024.nianbao.yaml');
    const editor = await open(uri);
    // An unsaved edit that breaks a total: the document is still exported, with what the editor holds.
    const at = positionOf(editor.document, '行政复议: [2, 1, 0, 1, 4]');
    await editor.edit((b) =>
      b.replace(new vscode.Range(at, at.translate(0, '行政复议: [2, 1, 0, 1, 4]'.length)), '行政复议: [2, 1, 0, 1, 7]'),
    );
    await setConfiguration('nianbao.docx.signature', true);
    try {
      const target = workspaceUri('shifan-2024.export.docx');
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('nianbao.exportDocx', uri, target);
      assert.equal(written?.toString(), target.toString());
      const bytes = await vscode.workspace.fs.readFile(target);
      const text = runText(unzipText(bytes).get('word/document.xml') ?? '');
      assert.ok(text.startsWith('示范市临江区人民政府\n2024年政府信息公开工作年度报告'), text.slice(0, 40));
      assert.ok(text.includes('21017'), 'the edited row: 2, 1, 0, 1, 7');
      assert.ok(text.endsWith('示范市临江区人民政府2025年3月20日'), 'the signature the setting asks for');
      assert.equal(editor.document.isDirty, true, 'the report itself is left as it is');
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('nianbao.exportDocx', uri, target);
      assert.equal(again, undefined, 'an existing file is never replaced without the save dialog');
      assert.deepEqual(await vscode.workspace.fs.readFile(target), bytes);
      const onItself = await vscode.commands.executeCommand<vscode.Uri | undefined>('nianbao.exportDocx', uri, uri);
      assert.equal(onItself, undefined);
    } finally {
      await setConfiguration('nianbao.docx.signature', undefined);
      await vscode.commands.executeCommand('undo');
    }
  });
});
