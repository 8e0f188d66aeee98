// `npm run test:electron`: the same integration suite under @vscode/test-electron, which downloads a VS Code
// build (not possible on machines that reach only the npm registry; there `npm run test:integration` runs it in
// code-server instead).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// A copy: the suite edits and saves files.
const workspace = mkdtempSync(join(tmpdir(), 'nianbao-it-'));
cpSync(join(ROOT, 'test', 'integration', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { NIANBAO_TEST_WORKSPACE: workspace },
  });
} catch (error) {
  console.error('integration tests failed:', error?.message ?? error);
  process.exit(1);
}
