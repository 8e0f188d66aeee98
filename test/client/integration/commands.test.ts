import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAll, diagnosticsWhere, markers, setConfiguration, workspaceUri } from './helpers';

describe('commands and languages in VS Code', () => {
  before(activate);
  afterEach(closeAll);
  after(() => setConfiguration('nianbao.language', 'zh'));

  it('新建年报 opens a complete skeleton as a new unsaved report', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('nianbao.newReport', {
      edition: 2021,
      year: 2025,
      agency: '测试县人民政府',
    });
    assert.ok(document, 'no document returned');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'nianbao');
    assert.match(document.uri.path, /\.nianbao\.yaml$/);
    const text = document.getText();
    assert.match(text, /^格式: 2021/m);
    assert.match(text, /^机关: 测试县人民政府$/m);
    assert.match(text, /行政规范性文件: \[0, 0, 0\]/);
    // A skeleton's only finding is its empty 五 (the narrative is still to be written).
    // The empty untitled document is checked first (NB109); wait for the check of the inserted skeleton.
    const diagnostics = await diagnosticsWhere(
      document.uri,
      (d) => d.length > 0 && !d.some((x) => String(x.code) === 'NB109'),
      'the skeleton check',
    );
    assert.deepEqual(
      diagnostics.map((d) => `${String(d.code)} ${d.message}`).filter((m) => !m.startsWith('NB311')),
      [],
      'a skeleton has no finding but its empty 五',
    );
  });

  it('检查工作区中的所有年报 fills the Problems panel for reports that are not open', async () => {
    const unopened = workspaceUri('fixtures', 'fixable', 'nb304-appeal-total.nianbao.yaml');
    assert.equal(
      vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()),
      false,
    );
    await vscode.commands.executeCommand('nianbao.checkWorkspace');
    const diagnostics = await diagnosticsWhere(unopened, (d) => d.length > 0, 'problems of an unopened report');
    assert.ok(markers(diagnostics).some((m) => m.endsWith('NB304')));
    const clean = vscode.languages.getDiagnostics(workspaceUri('examples', 'caozhen-2020.nianbao.yaml'));
    assert.deepEqual(markers(clean), []);
  });

  it('messages follow the nianbao.language setting: Chinese and English both load', async () => {
    const uri = workspaceUri('fixtures', 'fixable', 'nb303-row-total.nianbao.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await setConfiguration('nianbao.language', 'zh');
    const zh = await diagnosticsWhere(uri, (d) => d.some((x) => /应为 \d+/.test(x.message)), 'Chinese messages');
    assert.ok(zh.every((d) => /[\u4e00-\u9fff]/.test(d.message)));
    await setConfiguration('nianbao.language', 'en');
    const en = await diagnosticsWhere(uri, (d) => d.some((x) => /should be \d+/.test(x.message)), 'English messages');
    assert.ok(en.some((d) => /off by \d+/.test(d.message)));
    // `auto` follows VS Code's display language, English in this window.
    await setConfiguration('nianbao.language', 'auto');
    assert.equal(vscode.env.language, 'en');
    await setConfiguration('nianbao.language', 'zh');
    await diagnosticsWhere(uri, (d) => d.some((x) => /应为 \d+/.test(x.message)), 'Chinese again');
  });

  it('the manifest strings exist in English and Chinese', async () => {
    const extension = vscode.extensions.getExtension('nianbao.nianbao') as vscode.Extension<unknown>;
    const read = async (name: string): Promise<Record<string, string>> =>
      JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, name))),
      ) as Record<string, string>;
    const en = await read('package.nls.json');
    const zh = await read('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    const bundle = await read('l10n/bundle.l10n.zh-cn.json');
    assert.ok(Object.keys(bundle).length > 10);
    // The command titles shown in this (English) window come from package.nls.json.
    const titles = (extension.packageJSON as { contributes: { commands: { command: string; title: string }[] } })
      .contributes.commands;
    const newReport = titles.find((c) => c.command === 'nianbao.newReport');
    assert.ok(newReport && !newReport.title.startsWith('%'), JSON.stringify(newReport));
  });
});
