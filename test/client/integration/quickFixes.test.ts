import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedMarkers } from '../../support/fixtures';
import { activate, afterChange, closeAll, diagnosticsWhere, markers, open, workspaceUri } from './helpers';

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return String(a.code) === String(b.code) && a.range.isEqual(b.range) && a.message === b.message;
}

/**
 * Apply the preferred quick fix (else the first) of the first problem that has one, as a user picks it from the
 * light bulb; false when no problem has a fix.
 */
async function applyOneFix(document: vscode.TextDocument): Promise<boolean> {
  for (const diagnostic of vscode.languages.getDiagnostics(document.uri)) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const own = actions.filter((a) => a.edit && (a.diagnostics ?? []).some((d) => sameDiagnostic(d, diagnostic)));
    // The light bulb also lists fixes that name no diagnostic (VS Code drops some on the way): take those last.
    const unclaimed = actions.filter((a) => a.edit && (a.diagnostics ?? []).length === 0);
    const fix = own.find((a) => a.isPreferred) ?? own[0] ?? unclaimed[0];
    if (!fix?.edit) continue;
    const before = document.version;
    await afterChange(document.uri, () => vscode.workspace.applyEdit(fix.edit as vscode.WorkspaceEdit));
    assert.ok(document.version > before, `${fix.title} changed nothing`);
    return true;
  }
  return false;
}

describe('quick fixes in VS Code', () => {
  before(activate);
  afterEach(closeAll);

  it('applying the offered fixes one after another leaves each fixable fixture clean, comments intact', async () => {
    const entries = await vscode.workspace.fs.readDirectory(workspaceUri('fixtures', 'fixable'));
    const names = entries
      .map(([n]) => n)
      .filter((n) => n.endsWith('.nianbao.yaml'))
      .sort();
    assert.ok(names.length >= 10);
    for (const name of names) {
      const uri = workspaceUri('fixtures', 'fixable', name);
      const { document } = await open(uri);
      const comments = document
        .getText()
        .split('\n')
        .filter((l) => /^\s*#/.test(l));
      const expected = expectedMarkers(document.getText());
      await diagnosticsWhere(
        uri,
        (d) => JSON.stringify(markers(d)) === JSON.stringify(expected),
        'the fixture problems',
      );
      for (let round = 0; round < 100 && vscode.languages.getDiagnostics(uri).length > 0; round++) {
        if (!(await applyOneFix(document))) break;
      }
      const left = await diagnosticsWhere(uri, (d) => d.length === 0, `a clean ${name} after every quick fix`);
      assert.deepEqual(markers(left), []);
      const after = document.getText().split('\n');
      for (const comment of comments) assert.ok(after.includes(comment), `${name}: comment lost: ${comment}`);
    }
  });

  it('"fix all totals" is offered and fixes every total of a file in one edit', async () => {
    const uri = workspaceUri('fixtures', 'fixable', 'nb303-row-total.nianbao.yaml');
    const { document } = await open(uri);
    const diagnostics = await diagnosticsWhere(uri, (d) => d.some((x) => String(x.code) === 'NB303'), 'NB303');
    const target = diagnostics.find((x) => String(x.code) === 'NB303') as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      target.range,
    );
    const all = actions.find((a) => /所有总计|all totals/i.test(a.title) && a.edit);
    assert.ok(all?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    await afterChange(uri, () => vscode.workspace.applyEdit(all.edit as vscode.WorkspaceEdit));
    const left = await diagnosticsWhere(
      uri,
      (d) => !d.some((x) => ['NB302', 'NB303', 'NB304'].includes(String(x.code))),
      'no sum errors',
    );
    assert.ok(!left.some((x) => ['NB302', 'NB303', 'NB304'].includes(String(x.code))));
    assert.ok(document.isDirty);
  });
});
