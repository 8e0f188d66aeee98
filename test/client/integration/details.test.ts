/**
 * The details a new user meets first: the editor settings a report gets (no yellow boxes around full-width
 * punctuation, invisible characters still marked, this extension as the formatter), compact column names and
 * the cursor-row mode, and a preview that follows what changes without an edit (the language; last year's report
 * read after the window opened).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate,
  closeAll,
  exampleText,
  open,
  positionOf,
  previewWhere,
  setConfiguration,
  workspaceUri,
} from './helpers';

function labelOf(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
}

/** The inlay hints of the whole document once `accept` holds (the server applies a setting change in its turn). */
async function hintsWhere(
  document: vscode.TextDocument,
  accept: (hints: vscode.InlayHint[]) => boolean,
  what: string,
): Promise<vscode.InlayHint[]> {
  let last: vscode.InlayHint[] = [];
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  for (let i = 0; i < 300; i++) {
    last = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      document.uri,
      whole,
    );
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${what}; last ${JSON.stringify(last.slice(0, 10).map(labelOf))}`);
}

describe('the details of a report in VS Code', () => {
  before(activate);
  afterEach(closeAll);
  after(async () => {
    await setConfiguration('nianbao.inlayHints.columnNames', undefined);
    await setConfiguration('nianbao.language', 'zh');
  });

  it('a report gets no ambiguous-character boxes, keeps invisible characters marked, and formats with nianbao', async () => {
    const editor = await open(workspaceUri('examples', 'shifan-2024.nianbao.yaml'));
    assert.equal(editor.document.languageId, 'nianbao');
    const config = vscode.workspace.getConfiguration('editor', editor.document);
    assert.equal(config.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(config.get('unicodeHighlight.nonBasicASCII'), false);
    assert.equal(config.get('unicodeHighlight.invisibleCharacters'), true);
    assert.equal(config.get('defaultFormatter'), 'nianbao.nianbao');
    // Other YAML keeps VS Code's defaults.
    const yaml = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    assert.notEqual(yaml.get('unicodeHighlight.ambiguousCharacters'), false);
  });

  it('column names are short by default; cursorRow shows full names on the cursor’s row and follows it', async () => {
    const editor = await open(workspaceUri('examples', 'shifan-2024.nianbao.yaml'));
    const document = editor.document;
    const short = await hintsWhere(document, (h) => h.length > 100, 'short hints');
    assert.equal(labelOf(short[0]), '发:');
    await setConfiguration('nianbao.inlayHints.columnNames', 'cursorRow');
    const row = positionOf(document, '予以公开: [38').line;
    editor.selection = new vscode.Selection(row, 8, row, 8);
    const onRow = await hintsWhere(document, (h) => h.length === 7 && labelOf(h[0]) === '自然人:', 'the cursor row');
    assert.ok(onRow.every((h) => h.position.line === row));
    const other = positionOf(document, '行政复议: [').line;
    editor.selection = new vscode.Selection(other, 4, other, 4);
    await hintsWhere(document, (h) => h.length === 5 && h[0].position.line === other, 'the new cursor row');
    await setConfiguration('nianbao.inlayHints.columnNames', 'full');
    await hintsWhere(document, (h) => h.length > 100 && labelOf(h[0]) === '本年制发件数:', 'full names everywhere');
    await setConfiguration('nianbao.inlayHints.columnNames', undefined);
  });

  it('打开示例年报 opens the example that ships with the extension as a new unsaved report', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('nianbao.openExample');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'nianbao');
    assert.match(document.uri.path, /示例-shifan-2024\.nianbao\.yaml$/);
    assert.equal(document.getText(), await exampleText());
  });

  it('the preview’s title follows the language setting', async () => {
    const uri = workspaceUri('examples', 'caozhen-2020.nianbao.yaml');
    await open(uri);
    await vscode.commands.executeCommand('nianbao.showPreviewToSide', uri);
    await previewWhere(uri, (s) => s.title === '预览 caozhen-2020.nianbao.yaml', 'Chinese title');
    await setConfiguration('nianbao.language', 'en');
    await previewWhere(uri, (s) => s.title === 'Preview caozhen-2020.nianbao.yaml', 'English title');
    await setConfiguration('nianbao.language', 'zh');
    await previewWhere(uri, (s) => s.title === '预览 caozhen-2020.nianbao.yaml', 'Chinese title again');
  });

  it('the preview’s counts follow findings that arrive without an edit (last year’s report read later)', async () => {
    const last = (await exampleText()).replace('机关: 示范市临江区人民政府', '机关: 计数测试区人民政府');
    const next = last
      .replace('年度: 2024', '年度: 2025')
      .replace('发布日期: 2025-03-20\n', '')
      .replace(/上年结转政府信息公开申请数量: \[[^\]]*\]/, '上年结转政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]');
    const uri = workspaceUri('counts', 'count-2025.nianbao.yaml');
    const lastUri = workspaceUri('counts', 'count-2024.nianbao.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(next));
    try {
      await open(uri);
      await vscode.commands.executeCommand('nianbao.showPreviewToSide', uri);
      const before = await previewWhere(uri, (s) => s.renderedVersion === s.documentVersion && !!s.counts, 'a body');
      // Last year's report appears on disk: three columns no longer carry over (NB306), nothing was typed.
      await vscode.workspace.fs.writeFile(lastUri, new TextEncoder().encode(last));
      const after = await previewWhere(
        uri,
        (s) => (s.counts?.error ?? 0) === (before.counts?.error ?? 0) + 3,
        'three more errors on the page',
      );
      assert.equal(after.documentVersion, before.documentVersion, 'no edit');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(workspaceUri('counts'), { recursive: true });
    }
  });
});
