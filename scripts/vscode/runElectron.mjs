// `npm run test:electron`: the same integration suite under @vscode/test-electron, which downloads a VS Code
// build (not possible on machines that reach only the npm registry; there `npm run test:integration` runs it in
// code-server instead).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { assembleWorkspace } from './workspace.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// A copy: the suite edits and saves files.
const workspace = assembleWorkspace(mkdtempSync(join(tmpdir(), 'nianbao-it-')));
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'client', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (error) {
  console.error('integration tests failed:', error?.message ?? error);
  process.exit(1);
}
