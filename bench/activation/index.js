// Runs inside VS Code's extension host (code-server), loaded as the `extensionTestsPath` of a workbench that has
// the extension under development and a workspace of reports (scripts/vscode/runExtensionTests.mjs
// --tests=bench/activation/index.js). It measures, with the extension host's own clock:
// - activation: `extension.activate()` from the host's extension service — loading dist/client.js and running its
//   `activate` — for an extension not yet active (nothing had opened a report yet);
// - the first diagnostics: from opening a report with an error to its diagnostics in the editor's Problems
//   collection (the language server started over IPC, initialized, the report analysed and published).
// The figures go to NIANBAO_TEST_RESULTS as the `bench` field of the summary the driver reads.
'use strict';
const { writeFileSync } = require('node:fs');
const vscode = require('vscode');

const EXTENSION_ID = 'nianbao.nianbao';

function firstDiagnostics(uri) {
  return new Promise((resolve) => {
    const done = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');
      if (diagnostics.length === 0) return false;
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    done();
  });
}

exports.run = async function run() {
  const started = Date.now();
  const tests = [];
  const bench = {};
  try {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
    bench.activeBefore = extension.isActive;
    let t0 = performance.now();
    await extension.activate();
    bench.activationMs = performance.now() - t0;

    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, 'fixtures', 'fixable', 'nb303-row-total.nianbao.yaml');
    t0 = performance.now();
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const opened = performance.now() - t0;
    const diagnostics = await firstDiagnostics(uri);
    bench.firstDiagnosticsMs = performance.now() - t0;
    bench.openMs = opened;
    bench.firstDiagnostics = diagnostics.length;
    bench.host = `${process.release.name} ${process.version}`;
    bench.vscode = vscode.version;
    tests.push({ title: 'activation and first diagnostics measured', state: 'passed' });
  } catch (error) {
    tests.push({
      title: 'activation and first diagnostics measured',
      state: 'failed',
      error: String(error?.stack ?? error),
    });
  }
  const summary = {
    host: `${process.release.name} ${process.version}`,
    tests,
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: 0,
    durationMs: Date.now() - started,
    bench,
  };
  if (process.env.NIANBAO_TEST_RESULTS)
    writeFileSync(process.env.NIANBAO_TEST_RESULTS, JSON.stringify(summary, null, 2));
  console.log(`NIANBAO-TEST-RESULT ${JSON.stringify(summary)}`);
  if (summary.failed) throw new Error(tests[0].error);
};
