/**
 * Format Document and go to last year's cell in VS Code, as a user reaches them: `editor.action.formatDocument`
 * on a report typed in another layout, `editor.action.formatSelection` on one section of it, and
 * `editor.action.revealDefinition` (F12) on 上年结转 opening last year's report at its 结转下年度继续办理 cell;
 * references from last year's cell to this year's.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { untidyReport } from '../../support/untidyReport';
import { activate, closeAll, exampleText, open, positionOf, workspaceUri } from './helpers';

describe('formatting and links between years in VS Code', () => {
  before(activate);
  afterEach(closeAll);

  it('Format Document turns a report typed in another layout into the canonical one', async () => {
    // An agency of its own: a second report of the example's agency and year would be a duplicate (NB320).
    const canonical = (await exampleText()).replace('机关: 示范市临江区人民政府', '机关: 格式化测试区人民政府');
    const uri = workspaceUri('untidy.nianbao.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(untidyReport(canonical)));
    try {
      const editor = await open(uri);
      assert.notEqual(editor.document.getText(), canonical);
      await vscode.commands.executeCommand('editor.action.formatDocument');
      assert.equal(editor.document.getText(), canonical);
      assert.equal(editor.document.isDirty, true, 'formatted in the editor, not written');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('Format Selection tidies only the section the selection is in', async () => {
    const canonical = (await exampleText()).replace('机关: 示范市临江区人民政府', '机关: 选区格式化测试区人民政府');
    const untidy = untidyReport(canonical);
    const uri = workspaceUri('untidy-range.nianbao.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(untidy));
    try {
      const editor = await open(uri);
      const lines = untidy.split('\n');
      const heading = lines.findIndex((l) => l.startsWith('收到和处理政府信息公开申请情况'));
      const sectionEnd = lines.findIndex((l, i) => i > heading && /^\S/.test(l));
      editor.selection = new vscode.Selection(heading + 2, 0, heading + 2, 5);
      await vscode.commands.executeCommand('editor.action.formatSelection');
      const out = editor.document.getText().split('\n');
      assert.deepEqual(out.slice(0, heading), lines.slice(0, heading), 'lines above the section as they were');
      assert.equal(out[heading + 1], '  本年新收政府信息公开申请数量: [86, 9, 0, 1, 3, 2, 101]');
      const below = lines.length - sectionEnd;
      assert.deepEqual(out.slice(out.length - below), lines.slice(sectionEnd), 'lines below as they were');
      assert.notEqual(editor.document.getText(), untidy);
      assert.notEqual(editor.document.getText(), canonical, 'the rest of the report left as typed');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('F12 on 上年结转 opens last year’s report at its 结转下年度继续办理 cell; references lead back', async () => {
    const last = await exampleText();
    // Next year's report of the same agency, its 上年结转 row as last year's 结转下年度继续办理.
    const forward = /结转下年度继续办理: (\[[^\]]*\])/.exec(last)?.[1] ?? '';
    const next = last
      .replace('年度: 2024', '年度: 2025')
      .replace('发布日期: 2025-03-20\n', '')
      .replace(/上年结转政府信息公开申请数量: \[[^\]]*\]/, `上年结转政府信息公开申请数量: ${forward}`);
    const uri = workspaceUri('links', 'shifan-2025.nianbao.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(next));
    try {
      // The workspace index has every report once the workspace check is done.
      await vscode.commands.executeCommand('nianbao.checkWorkspace');
      const editor = await open(uri);
      const row = `上年结转政府信息公开申请数量: ${forward}`;
      const cell = positionOf(editor.document, row, row.length - 2);
      editor.selection = new vscode.Selection(cell, cell);
      const lastUri = workspaceUri('examples', 'shifan-2024.nianbao.yaml');
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        uri,
        cell,
      );
      const targets = found.map((l) => ('targetUri' in l ? l.targetUri : l.uri).toString());
      assert.deepEqual(targets, [lastUri.toString()]);
      const opened = new Promise<vscode.TextEditor>((resolve) => {
        const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
          if (e?.document.uri.toString() === lastUri.toString()) {
            sub.dispose();
            resolve(e);
          }
        });
      });
      await vscode.commands.executeCommand('editor.action.revealDefinition');
      const target = await opened;
      const line = target.document.lineAt(target.selection.active.line).text;
      assert.match(line, /^ {2}结转下年度继续办理: /);
      const word = target.document.getText(target.document.getWordRangeAtPosition(target.selection.active, /\d+/));
      assert.equal(word, '4', '总计 column');

      const refs = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        lastUri,
        target.selection.active,
      );
      assert.ok(
        refs.some((r) => r.uri.toString() === uri.toString() && r.range.start.line === cell.line),
        JSON.stringify(refs.map((r) => [r.uri.path, r.range.start.line])),
      );
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(workspaceUri('links'), { recursive: true });
    }
  });
});
