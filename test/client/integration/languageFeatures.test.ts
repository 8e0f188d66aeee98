import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAll, diagnosticsWhere, open, positionOf, workspaceUri } from './helpers';
import { SECTION_TITLES } from '../../support/sectionTitles';

/** A report with one row removed and a line being typed where it belongs. */
async function reportMissingRow(): Promise<vscode.TextEditor> {
  const source = await vscode.workspace.fs.readFile(workspaceUri('examples', 'shifan-2024.nianbao.yaml'));
  const text = new TextDecoder().decode(source).replace(/\n {4}予以公开: \[[^\]]*\]/, '\n    yygk');
  const uri = workspaceUri('completion.nianbao.yaml');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return open(uri);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('completion, hover, symbols and hints in VS Code', () => {
  before(activate);
  afterEach(closeAll);

  it('completion offers the missing statutory row, found by its pinyin initials', async () => {
    const editor = await reportMissingRow();
    const position = positionOf(editor.document, 'yygk', 4);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      position,
    );
    const granted = list.items.find((i) => labelOf(i).includes('予以公开'));
    assert.ok(granted, `items: ${list.items.map(labelOf).join(' | ')}`);
    assert.match(labelOf(granted), /（一）予以公开/);
    assert.ok((granted.filterText ?? '').includes('yygk'), `filterText ${granted.filterText}`);
    // Keys already present at that place are not offered again.
    assert.ok(!list.items.some((i) => labelOf(i).includes('部分公开')), 'an existing key was offered');
  });

  it('completion at the top level offers the six sections in template order', async () => {
    const uri = workspaceUri('sections.nianbao.yaml');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('格式: 2021\n机关: 示范市临江区人民政府\n年度: 2024\n'),
    );
    const editor = await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(3, 0),
    );
    const ordered = [...list.items]
      .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)))
      .map(labelOf);
    const sections = SECTION_TITLES;
    const found = sections.map((s) => ordered.findIndex((l) => l.includes(s)));
    assert.ok(
      found.every((i) => i >= 0),
      `labels: ${ordered.join(' | ')}`,
    );
    assert.deepEqual(
      [...found].sort((a, b) => a - b),
      found,
      'template order',
    );
    assert.ok(!ordered.some((l) => l.includes('格式')), 'a present key was offered again');
    assert.equal(editor.document.isDirty, false);
  });

  it('hover on a key shows its printed label and statutory basis; on a number its column', async () => {
    const editor = await open(workspaceUri('examples', 'shifan-2024.nianbao.yaml'));
    const onKey = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, '予以公开:', 1),
    );
    const keyText = onKey.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(keyText, /（一）予以公开/);
    assert.match(keyText, /第三十六条/);
    const onValue = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, '予以公开: [38', 7),
    );
    const valueText = onValue.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(valueText, /自然人/);
  });

  it('the outline lists the six sections and the tables', async () => {
    const editor = await open(workspaceUri('examples', 'caozhen-2020.nianbao.yaml'));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    const names = symbols.map((s) => s.name).join(' ');
    for (const section of [
      '总体情况',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '其他需要报告的事项',
    ]) {
      assert.ok(names.includes(section), `${section} missing in ${names}`);
    }
  });

  it('inlay hints name the column of every value of a row, short, with the full name on hover', async () => {
    const editor = await open(workspaceUri('examples', 'shifan-2024.nianbao.yaml'));
    const line = positionOf(editor.document, '予以公开: [38').line;
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      editor.document.uri,
      editor.document.lineAt(line).range,
    );
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.deepEqual(labels, ['自:', '商:', '科:', '益:', '法:', '其:', '总:']);
    assert.equal(hints[0].tooltip, '自然人');
  });

  it('a document whose first line is a 格式 key is a report even with a plain .yaml name', async () => {
    const uri = workspaceUri('plain-name.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('格式: 2021\n机关: 测试\n年度: 2024\n'));
    const editor = await open(uri);
    assert.equal(editor.document.languageId, 'nianbao');
    const diagnostics = await diagnosticsWhere(
      uri,
      (d) => d.some((x) => String(x.code) === 'NB202'),
      'NB202 for the missing sections',
    );
    assert.ok(diagnostics.length > 0);
  });
});
