// `npm test` after the build: the lint (scripts/lint.mjs), every node:test file compiled under out/test (one process
// per file, in parallel), then the suites that need a real editor (registered in EDITOR_SUITES when they exist).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outTest = join(root, 'out', 'test');
/** Suites run by their own drivers (a real VS Code), not by node:test. */
const EDITOR_DIRS = new Set([join(outTest, 'client', 'integration'), join(outTest, 'client', 'e2e')]);

/**
 * Every compiled `*.test.js` whose source still exists (not support modules: node's directory mode would also run any
 * .js under test/). tsc never deletes the output of a moved or deleted test, so a checkout that was built before a
 * move would otherwise run the old copy too.
 */
function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!EDITOR_DIRS.has(path)) out.push(...testFiles(path));
    } else if (name.endsWith('.test.js') && existsSync(sourceOf(path))) {
      out.push(path);
    }
  }
  return out;
}

function sourceOf(compiled) {
  return join(root, 'test', compiled.slice(outTest.length + 1).replace(/\.js$/, '.ts'));
}

let failed =
  spawnSync(process.execPath, [join(root, 'scripts', 'lint.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0;

const files = existsSync(outTest) ? testFiles(outTest) : [];
if (files.length) {
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' });
  failed ||= r.status !== 0;
}

/** Editor suites: [script, args]; each exits non-zero on failure. */
const EDITOR_SUITES = [
  ['scripts/vscode/runExtensionTests.mjs', []],
  ['scripts/vscode/runE2e.mjs', []],
];
for (const [script, args] of EDITOR_SUITES) {
  if (!existsSync(join(root, script))) continue;
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
