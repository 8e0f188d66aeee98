import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activate, afterChange, closeAll, diagnosticsWhere, open, workspaceUri } from './helpers';

/** The repository (out/test/client/integration → ../../../..): the importer's fixtures are read from there. */
const ROOT = join(__dirname, '..', '..', '..', '..');

/** Every file of the workspace folder with a hash of its bytes. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(workspaceUri().fsPath);
  return out;
}

function untitled(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled');
}

/** The untitled document `action` opens, once its text is in (it opens empty, then the text is inserted). */
function nextOpened(action: () => Thenable<unknown>): Promise<vscode.TextDocument> {
  const known = new Set(untitled().map((d) => d.uri.toString()));
  return new Promise((resolve, reject) => {
    const check = (d: vscode.TextDocument): void => {
      if (d.uri.scheme !== 'untitled' || known.has(d.uri.toString()) || d.getText().length === 0) return;
      opened.dispose();
      changed.dispose();
      resolve(d);
    };
    const opened = vscode.workspace.onDidOpenTextDocument(check);
    const changed = vscode.workspace.onDidChangeTextDocument((e) => check(e.document));
    Promise.resolve(action()).then(undefined, reject);
  });
}

describe('no command writes a file the user did not ask for', () => {
  before(async () => {
    await activate();
    // Pages to import, in the workspace as a user would have saved them (written before any snapshot).
    const dir = workspaceUri('downloads');
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(dir, 'official-2021.html'),
      readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'official-2021.html')),
    );
    for (const name of ['chromium-2024.pdf', 'docx-2024.docx'])
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(dir, name),
        readFileSync(join(ROOT, 'test', 'fixtures', 'import', name)),
      );
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(dir, 'unrelated.html'),
      readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'bad', 'unrelated.html')),
    );
  });
  afterEach(closeAll);

  it('生成下一年度年报 opens an unsaved document and writes nothing', async () => {
    const before = snapshot();
    const source = workspaceUri('examples', 'caozhen-2020.nianbao.yaml');
    const next = await nextOpened(() => vscode.commands.executeCommand('nianbao.nextYearReport', source));
    assert.equal(next.uri.scheme, 'untitled');
    assert.match(next.getText(), /^年度: 2021$/m);
    assert.deepEqual(snapshot(), before, 'files on disk changed');
  });

  it('导入已发布的年报 opens the import unsaved, writes nothing; a page that is no report opens nothing and writes nothing', async () => {
    const before = snapshot();
    const imported = await nextOpened(() =>
      vscode.commands.executeCommand('nianbao.importReport', workspaceUri('downloads', 'official-2021.html')),
    );
    assert.equal(imported.uri.scheme, 'untitled');
    assert.match(imported.getText(), /^格式: 2021\b/m);
    assert.deepEqual(snapshot(), before, 'files on disk changed');

    const opened = untitled().length;
    await vscode.commands.executeCommand('nianbao.importReport', workspaceUri('downloads', 'unrelated.html'));
    assert.equal(untitled().length, opened, 'a failed import opened a document');
    assert.deepEqual(snapshot(), before, 'a failed import wrote a file');
  });

  it('导入已发布的年报 reads a PDF and a Word document: the imported report opens unsaved with every value, and is checked clean', async () => {
    const before = snapshot();
    for (const [name, agency] of [
      ['chromium-2024.pdf', '示范市临江区人民政府'],
      ['docx-2024.docx', '示范市自然资源和规划局（示范市林业局）'],
    ] as const) {
      const imported = await nextOpened(() =>
        vscode.commands.executeCommand('nianbao.importReport', workspaceUri('downloads', name)),
      );
      assert.equal(imported.uri.scheme, 'untitled', name);
      const text = imported.getText();
      assert.match(text, /^格式: 2021\b/m, name);
      assert.match(text, new RegExp(`^机关: ${agency.replace(/[（）]/g, '.')}$`, 'm'), name);
      assert.match(text, /^ {2}本年新收政府信息公开申请数量: \[86, 9, 0, 1, 3, 2, 101\]$/m, name);
      // The report opens as a report: the language server checks it. Its only error is that the workspace already
      // holds this agency's report of that year (examples/shifan-2024 for the PDF), NB320 on both.
      await vscode.window.showTextDocument(imported);
      assert.equal(imported.languageId, 'nianbao', name);
      // (The untitled document opens empty, then takes the text: wait for the findings of the text.)
      const errors = await diagnosticsWhere(
        imported.uri,
        (ds) => !ds.some((d) => String(d.code) === 'NB109'),
        'diagnostics of the imported text',
      );
      assert.deepEqual(
        errors
          .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && String(d.code) !== 'NB320')
          .map((d) => d.message),
        [],
        name,
      );
    }
    assert.deepEqual(snapshot(), before, 'files on disk changed');
  });

  it('a quick fix edits the open document only: unsaved, comments and layout kept, the file on disk untouched', async () => {
    const uri = workspaceUri('fixtures', 'fixable', 'nb303-row-total.nianbao.yaml');
    const onDisk = readFileSync(uri.fsPath, 'utf8');
    const editor = await open(uri);
    const diagnostics = await diagnosticsWhere(uri, (d) => d.some((x) => String(x.code) === 'NB303'), 'NB303');
    const d = diagnostics.find((x) => String(x.code) === 'NB303') as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.edit && a.isPreferred) ?? actions.find((a) => a.edit);
    assert.ok(fix?.edit, 'a fix is offered');
    await afterChange(uri, () => vscode.workspace.applyEdit(fix.edit as vscode.WorkspaceEdit));
    const text = editor.document.getText();
    assert.equal(editor.document.isDirty, true, 'not saved by the fix');
    assert.equal(readFileSync(uri.fsPath, 'utf8'), onDisk, 'the file on disk is untouched');
    // Every comment and every line but the fixed one are as they were.
    const comments = (s: string): string[] =>
      s
        .split('\n')
        .map((l) => /#.*$/.exec(l)?.[0] ?? '')
        .filter(Boolean);
    assert.deepEqual(comments(text), comments(onDisk));
    const changed = text.split('\n').filter((l, i) => l !== onDisk.split('\n')[i]);
    assert.equal(changed.length, 1, JSON.stringify(changed));
    await vscode.commands.executeCommand('undo');
  });
});
