// Run the extension's integration suite (test/client/integration, mocha, real `vscode` API) inside code-server's Node
// extension host, driven by headless Chromium. The same suite runs under @vscode/test-electron where VS Code can
// be downloaded (`npm run test:electron`).
//
// The workbench loads the extension under development from the `payload` URL parameter
// (extensionDevelopmentPath / extensionTestsPath as vscode-remote:// URIs, which the server maps to its files),
// calls the suite's run(), then reports the exit code through window.codeAutomationExit; the extension host's
// console reaches us through window.codeAutomationLog.
//
// Usage: node scripts/vscode/runExtensionTests.mjs [--timeout=SECONDS] [--keep-state] [--verbose]
//        [--tests=ENTRY.js] [--results=FILE.json]   (another suite entry, e.g. bench/activation/index.js; where its summary goes)
//        (MOCHA_GREP=pattern runs a subset)
// Exit: 0 suite passed; 1 suite failed, crashed or reported no summary; 2 infrastructure failure.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startCodeServer } from './codeServer.mjs';
import { assembleWorkspace } from './workspace.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`bad argument ${a}`);
    return [m[1], m[2] ?? true];
  }),
);
const TESTS = resolve(argv.tests ?? join(ROOT, 'out', 'test', 'client', 'integration', 'index.js'));
// A guard against a hung suite, not a measure: the quick-fix suites alone take minutes on a loaded machine.
const TIMEOUT_S = Number(argv.timeout ?? 1200);
const started = Date.now();
const log = (...a) => console.log(`[integration +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

async function main() {
  if (!existsSync(TESTS)) throw new Error(`${TESTS} is missing: run npm run build first`);
  if (!existsSync(join(ROOT, 'dist', 'client.js')))
    throw new Error('dist/client.js is missing: run npm run build first');
  const resultsFile = argv.results ? resolve(argv.results) : join(ROOT, 'out', 'test', 'integration-results.json');
  const cs = await startCodeServer({
    keepState: !!argv['keep-state'],
    env: { NIANBAO_TEST_RESULTS: resultsFile },
    // The suite reads Chinese messages, as most users do; it switches languages itself where that is tested.
    settings: { 'nianbao.language': 'zh' },
  });
  log(`code-server ${cs.url} (state ${cs.state})`);
  assembleWorkspace(cs.workspace);
  let context;
  let exitCode = 2;
  let summary = null;
  try {
    context = await chromium.launchPersistentContext(join(cs.state, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(cs.state, 'chromium'),
        XDG_CACHE_HOME: join(cs.state, 'chromium-cache'),
      },
    });
    let done;
    const exited = new Promise((r) => (done = r));
    await context.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(args ?? []));
      const m = /NIANBAO-TEST-RESULT (\{.*\})/.exec(text);
      if (m) {
        try {
          summary = JSON.parse(m[1]);
        } catch {}
        return;
      }
      // Mocha's spec output and errors; the workbench's own chatter only with --verbose.
      if (argv.verbose || type === 'error' || /^\s*(?:✔|✓|\d+\) |\d+ (?:passing|failing|pending)\b)/.test(text)) {
        console.log(`  ${text.replace(/\n/g, '\n  ')}`);
      }
    });
    await context.exposeFunction('codeAutomationExit', (code) => done(code));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.log('  [pageerror]', e.message));
    const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(TESTS)],
      ['disableExtensions', 'true'],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    await page.goto(
      `${cs.url}/?folder=${encodeURIComponent(cs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_S * 1000));
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === 'timeout') {
      await page.screenshot({ path: join(ROOT, 'out', 'test', 'integration-timeout.png') }).catch(() => {});
      throw new Error(`the suite did not finish within ${TIMEOUT_S} s (screenshot out/test/integration-timeout.png)`);
    }
    if (!summary && existsSync(resultsFile)) summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
    // A dead extension host is reported to the workbench as exit code 0: only the suite's own summary proves a run.
    exitCode = outcome === 0 && summary && summary.failed === 0 && summary.passed > 0 ? 0 : 1;
  } finally {
    if (context) await context.close().catch(() => {});
    await cs.stop();
  }
  if (summary) {
    for (const t of summary.tests)
      console.log(
        `  ${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-'} ${t.title}${t.error ? `\n      ${t.error.split('\n')[0]}` : ''}`,
      );
    console.log(
      `integration: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending (${summary.durationMs} ms in the extension host)`,
    );
  } else {
    console.log('integration: no summary from the suite (extension host crashed or the suite never ran): FAIL');
  }
  log(`done, exit ${exitCode}`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[integration] infrastructure failure:', error?.stack ?? error);
    process.exit(2);
  },
);
