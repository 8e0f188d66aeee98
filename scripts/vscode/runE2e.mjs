// End-to-end UI tests: the packaged .vsix installed into code-server, the workbench driven with Playwright in
// Debian's Chromium the way a person uses it (test/client/e2e/*.test.ts, compiled to out/test/client/e2e). This driver owns
// the infrastructure: package (unless --vsix=FILE), install, start code-server on loopback with a copy of the
// examples and fixtures, run the tests with E2E_URL / E2E_WORKSPACE, stop everything.
// Usage: node scripts/vscode/runE2e.mjs [--vsix=FILE] [--keep-state]
// Exit: 0 passed; 1 a test failed; 2 infrastructure failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, startCodeServer } from './codeServer.mjs';
import { assembleWorkspace } from './workspace.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    return m ? [m[1], m[2] ?? true] : [a, true];
  }),
);

async function main() {
  let vsix = argv.vsix ? resolve(argv.vsix) : join(ROOT, 'nianbao.vsix');
  if (!argv.vsix) {
    // Package what was just built (npm test builds first), without dependencies: the bundles carry them.
    const r = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'vsce'),
      ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}${r.stderr}`);
  }
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist`);
  const tests = join(ROOT, 'out', 'test', 'client', 'e2e');
  const files = existsSync(tests)
    ? readdirSync(tests)
        .filter((f) => f.endsWith('.test.js'))
        .sort()
        .map((f) => join(tests, f))
    : [];
  if (files.length === 0) throw new Error('no e2e tests in out/test/client/e2e: run npm run build first');
  const cs = await startCodeServer({
    install: [vsix],
    keepState: !!argv['keep-state'],
    // A first start as after installing: the walkthrough opens (the quiet defaults of the other suites keep it shut).
    settings: {
      'nianbao.language': 'zh',
      'editor.inlayHints.enabled': 'on',
      'workbench.welcomePage.walkthroughs.openOnInstall': true,
    },
  });
  const shots = join(ROOT, 'test', 'client', 'e2e', 'screenshots');
  mkdirSync(shots, { recursive: true });
  try {
    assembleWorkspace(cs.workspace);
    console.log(`[e2e] code-server ${cs.url} with ${vsix}`);
    const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_URL: cs.url,
        E2E_WORKSPACE: cs.workspace,
        E2E_STATE: cs.state,
        E2E_SCREENSHOTS: shots,
        E2E_CHROMIUM: CHROMIUM,
        E2E_CHROMIUM_ARGS: JSON.stringify(CHROMIUM_ARGS),
      },
    });
    return r.status === 0 ? 0 : 1;
  } finally {
    await cs.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[e2e] infrastructure failure:', error?.stack ?? error);
    process.exit(2);
  },
);
