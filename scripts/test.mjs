// `npm test` after the build: every node:test suite compiled under out/test (one process per file, in
// parallel), then the suites that need a real editor (registered in EDITOR_SUITES when they exist).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outTest = join(root, 'out', 'test');
/** Suites run by their own drivers (a real VS Code), not by node:test. */
const EDITOR_DIRS = new Set(['integration', 'e2e']);

const dirs = existsSync(outTest)
  ? readdirSync(outTest).filter((d) => !EDITOR_DIRS.has(d) && statSync(join(outTest, d)).isDirectory()).sort()
  : [];
let failed = false;
if (dirs.length) {
  const args = ['--test', '--test-reporter=spec', ...dirs.map((d) => join('out', 'test', d))];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  failed ||= r.status !== 0;
}

/** Editor suites: [script, args]; each exits non-zero on failure. */
const EDITOR_SUITES = [];
for (const [script, args] of EDITOR_SUITES) {
  if (!existsSync(join(root, script))) continue;
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
