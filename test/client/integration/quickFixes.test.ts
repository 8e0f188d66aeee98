import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedMarkers } from '../../support/fixtures';
import { activate, afterChange, closeAll, diagnosticsWhere, markers, open, workspaceUri } from './helpers';

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return String(a.code) === String(b.code) && a.range.isEqual(b.range) && a.message === b.message;
}

/** The reports of the workspace's fixtures/fixable folder, by name. */
async function fixableNames(): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(workspaceUri('fixtures', 'fixable'));
  return entries
    .map(([n]) => n)
    .filter((n) => n.endsWith('.nianbao.yaml'))
    .sort();
}

function errors(diagnostics: readonly vscode.Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
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
    const errorsBefore = errors(vscode.languages.getDiagnostics(document.uri));
    const after = await afterChange(document.uri, () => vscode.workspace.applyEdit(fix.edit as vscode.WorkspaceEdit));
    assert.ok(document.version > before, `${fix.title} changed nothing`);
    assert.ok(errors(after) <= errorsBefore, `${fix.title}: ${errorsBefore} → ${errors(after)} errors`);
    return true;
  }
  return false;
}

describe('quick fixes in VS Code', () => {
  before(activate);
  afterEach(closeAll);

  // Many fixtures, each waiting on the server's diagnostics after every edit: longer than mocha's default.
  it('applying the offered fixes one after another leaves each fixable fixture clean, comments intact', async function () {
    this.timeout(600_000);
    const names = await fixableNames();
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

  it('no offered fix, applied alone, raises the error count; a fix of an error lowers it', async function () {
    this.timeout(900_000);
    const names = await fixableNames();
    let tried = 0;
    for (const name of names) {
      const uri = workspaceUri('fixtures', 'fixable', name);
      const { document } = await open(uri);
      const original = document.getText();
      const expected = expectedMarkers(original);
      const initial = await diagnosticsWhere(
        uri,
        (d) => JSON.stringify(markers(d)) === JSON.stringify(expected),
        'the fixture problems',
      );
      for (const diagnostic of initial) {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          diagnostic.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        for (const action of actions.filter((a) => a.edit)) {
          const after = await afterChange(uri, () => vscode.workspace.applyEdit(action.edit as vscode.WorkspaceEdit));
          const what = `${name}: ${action.title} (${String(diagnostic.code)})`;
          assert.ok(errors(after) <= errors(initial), `${what}: ${errors(initial)} → ${errors(after)} errors`);
          if (diagnostic.severity === vscode.DiagnosticSeverity.Error && (action.diagnostics ?? []).length > 0)
            assert.ok(errors(after) < errors(initial), `${what}: fewer errors`);
          tried++;
          // Back to the fixture as it was, for the next fix.
          const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
          const undo = new vscode.WorkspaceEdit();
          undo.replace(uri, whole, original);
          await afterChange(uri, () => vscode.workspace.applyEdit(undo));
          await diagnosticsWhere(
            uri,
            (d) => JSON.stringify(markers(d)) === JSON.stringify(expected),
            `${name} as it was`,
          );
        }
      }
      await closeAll();
    }
    assert.ok(tried > 30, `${tried} fixes tried`);
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
