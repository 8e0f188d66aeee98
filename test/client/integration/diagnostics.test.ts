import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedMarkers } from '../../support/fixtures';
import { activate, afterChange, closeAll, diagnosticsWhere, markers, open, positionOf, workspaceUri } from './helpers';

async function fixtureNames(dir: string): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(workspaceUri('fixtures', dir));
  return entries
    .map(([name]) => name)
    .filter((n) => n.endsWith('.nianbao.yaml'))
    .sort();
}

describe('diagnostics in VS Code', () => {
  before(activate);
  afterEach(closeAll);

  for (const example of ['caozhen-2020.nianbao.yaml', 'shifan-2024.nianbao.yaml']) {
    it(`the example ${example} opens as a report without problems, and an edit is checked live`, async () => {
      const uri = workspaceUri('examples', example);
      const editor = await open(uri);
      assert.equal(editor.document.languageId, 'nianbao');
      // Break one total without saving: the server must report it, then be silent again after undo.
      const at = positionOf(editor.document, '行政复议: [');
      const line = editor.document.lineAt(at.line);
      const broken = await afterChange(uri, () =>
        editor.edit((b) =>
          b.replace(
            line.range,
            line.text.replace(/\d+\]/, (m) => `${Number(m.slice(0, -1)) + 1}]`),
          ),
        ),
      ).then(() =>
        diagnosticsWhere(uri, (d) => d.some((x) => x.range.start.line === at.line), 'NB304 on the edited line'),
      );
      assert.ok(
        broken.some((d) => String(d.code) === 'NB304'),
        JSON.stringify(markers(broken)),
      );
      await vscode.commands.executeCommand('undo');
      const clean = await diagnosticsWhere(uri, (d) => d.length === 0, 'clean state after undo');
      assert.deepEqual(markers(clean), []);
      assert.equal(editor.document.isDirty, false);
    });
  }

  it('broken fixtures show exactly the diagnostics their # expect: markers name', async () => {
    const names = [
      ...(await fixtureNames('fixable')).map((n) => ['fixable', n]),
      ...(await fixtureNames('diagnostics')).map((n) => ['diagnostics', n]),
    ];
    assert.ok(names.length >= 10, `fixtures found: ${names.length}`);
    for (const [dir, name] of names) {
      const uri = workspaceUri('fixtures', dir, name);
      const editor = await open(uri);
      const expected = expectedMarkers(editor.document.getText());
      const actual = await diagnosticsWhere(
        uri,
        (d) => JSON.stringify(markers(d)) === JSON.stringify(expected),
        `${JSON.stringify(expected)}`,
      );
      assert.deepEqual(markers(actual), expected, name);
      for (const d of actual)
        assert.ok(d.message.length > 0 && d.source === 'nianbao', `${name}: ${d.message} (${d.source})`);
    }
  });

  it('a diagnostic carries related locations for the cells of its sum', async () => {
    const uri = workspaceUri('fixtures', 'fixable', 'nb302-result-total.nianbao.yaml');
    await open(uri);
    const diagnostics = await diagnosticsWhere(
      uri,
      (d) => d.some((x) => String(x.code) === 'NB302' && x.message.includes('应为')),
      'NB302 in Chinese',
    );
    const d = diagnostics.find((x) => String(x.code) === 'NB302') as vscode.Diagnostic;
    assert.match(d.message, /应为 \d+（.+），实为 \d+，相差 \d+/);
    assert.ok((d.relatedInformation ?? []).length >= 2);
    assert.equal(d.relatedInformation?.[0].location.uri.toString(), uri.toString());
  });
});
