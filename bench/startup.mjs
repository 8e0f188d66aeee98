// 5. Start-up and size: the bundles' sizes and the .vsix `npm run package` writes (packaged here into a temporary
// folder with the same vsce command), the server's time from spawn to the `initialize` result (and to the first
// diagnostics of the typical report), beside yaml-language-server's and beside what any server here starts in — Node
// alone (`node -e 0`) and a server that does nothing on the same LSP library (bench/nullServer.cjs); and the
// extension's activation time measured inside VS Code's extension host (code-server) by bench/activation/index.js.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BenchClient, fileUri } from './lspClient.mjs';
import { ROOT, kb, median, percentile, table, verdict } from './lib.mjs';
import { typicalReport } from './stressReport.mjs';

export const TARGET_READY_MS = 150;

function size(path) {
  const bytes = statSync(path).size;
  return { bytes, gzip: gzipSync(readFileSync(path)).length };
}

function packageVsix() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-vsix-'));
  try {
    const out = join(dir, 'nianbao.vsix');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (run.status !== 0) return { error: (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ') };
    const files = /\((\d+) files?,/.exec(run.stdout)?.[1];
    return { bytes: statSync(out).size, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverStart(args, options, runs) {
  const ready = [];
  const firstDiagnostics = [];
  const text = typicalReport();
  for (let i = 0; i < runs; i++) {
    const client = await BenchClient.start(args, options);
    try {
      ready.push(client.readyMs);
      const uri = fileUri(join(ROOT, 'bench', 'tmp', `start-${i}.nianbao.yaml`));
      const t0 = performance.now();
      await client.open(uri, text, options.languageId);
      firstDiagnostics.push(client.readyMs + (performance.now() - t0));
    } finally {
      await client.stop();
    }
  }
  return {
    ready: { p50: median(ready), p90: percentile(ready, 90), min: Math.min(...ready) },
    first: { p50: median(firstDiagnostics) },
    runs,
  };
}

/** Node's own start-up and exit here, spawn to exit of `node -e 0`, median of `runs`. */
function nodeAlone(runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function activation(runs) {
  const samples = [];
  const errors = [];
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'nianbao-bench-activation-')), 'results.json');
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts/vscode/runExtensionTests.mjs'),
        `--tests=${join(ROOT, 'bench/activation/index.js')}`,
        `--results=${resultsFile}`,
        '--timeout=240',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    if (run.status !== 0 || !existsSync(resultsFile)) {
      errors.push((run.stdout + run.stderr).trim().split('\n').slice(-4).join(' | '));
      continue;
    }
    samples.push(JSON.parse(readFileSync(resultsFile, 'utf8')).bench);
    rmSync(resultsFile, { force: true });
  }
  rmSync(join(resultsFile, '..'), { recursive: true, force: true });
  return { samples, errors };
}

export async function startup({ quick = false, editor = true } = {}) {
  const bundles = {};
  for (const name of ['client.js', 'server.js', 'cli.js']) bundles[name] = size(join(ROOT, 'dist', name));
  const vsix = packageVsix();
  const runs = quick ? 5 : 15;
  const ours = await serverStart([join(ROOT, 'dist/server.js'), '--stdio'], { languageId: 'nianbao' }, runs);
  const theirs = await serverStart(
    [join(ROOT, 'bench/yamlLanguageServer.cjs'), '--stdio'],
    {
      languageId: 'yaml',
      settings: {
        yaml: {
          schemas: { [fileUri(join(ROOT, 'schemas/nianbao.schema.json'))]: ['*.nianbao.yaml'] },
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
        },
      },
    },
    runs,
  );
  const node = nodeAlone(runs);
  const floor = await serverStart([join(ROOT, 'bench/nullServer.cjs')], { languageId: 'nianbao' }, runs);
  const act = editor ? activation(quick ? 1 : 3) : { samples: [], errors: ['not run (--no-editor)'] };
  const a = act.samples;
  const activationMs = a.length ? median(a.map((s) => s.activationMs)) : undefined;
  const firstMs = a.length ? median(a.map((s) => s.firstDiagnosticsMs)) : undefined;
  const f = (v) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
  const markdown = [
    table(
      ['artefact', 'size', 'gzip'],
      [
        ['`dist/client.js` (the extension)', kb(bundles['client.js'].bytes), kb(bundles['client.js'].gzip)],
        ['`dist/server.js` (the language server)', kb(bundles['server.js'].bytes), kb(bundles['server.js'].gzip)],
        ['`dist/cli.js` (the CLI)', kb(bundles['cli.js'].bytes), kb(bundles['cli.js'].gzip)],
        [
          '`nianbao.vsix` (`npm run package`)',
          vsix.error ? `not packaged: ${vsix.error}` : `${kb(vsix.bytes)}${vsix.files ? ` (${vsix.files} files)` : ''}`,
          '(zip)',
        ],
      ],
    ),
    '',
    `Server start, median of ${runs} spawns (p90, min), in ms: from \`spawn\` to the \`initialize\` result, and to the first diagnostics of the typical report opened right after \`initialized\`:`,
    '',
    table(
      ['', 'spawn → initialize result', 'spawn → first diagnostics'],
      [
        [
          'nianbao (`node dist/server.js --stdio`)',
          `${f(ours.ready.p50)} (p90 ${f(ours.ready.p90)}, min ${f(ours.ready.min)})`,
          f(ours.first.p50),
        ],
        [
          'yaml-language-server (schema associated)',
          `${f(theirs.ready.p50)} (p90 ${f(theirs.ready.p90)}, min ${f(theirs.ready.min)})`,
          f(theirs.first.p50),
        ],
      ],
    ),
    '',
    `Where our time goes, in the same run (medians of ${runs}): Node itself starts and exits in ${f(node)} ms (\`node -e 0\`); a language server that does no work, on the same library as ours (\`bench/nullServer.cjs\`, \`vscode-languageserver\` from node_modules), answers \`initialize\` after ${f(floor.ready.p50)} ms (p90 ${f(floor.ready.p90)}); ours after ${f(ours.ready.p50)} ms — loading and setting up our bundle (the template models, the rules and the schema, and the code of import, Word export and the preview that a session may ask for) is the other ${f(ours.ready.p50 - floor.ready.p50)} ms.`,
    '',
    `Target: server ready ≤ ${TARGET_READY_MS} ms — ${f(ours.ready.p50)} ms median: ${verdict(ours.ready.p50 <= TARGET_READY_MS)}${ours.ready.p50 > TARGET_READY_MS ? ` (a server that does nothing takes ${f(floor.ready.p50)} ms here, Node alone ${f(node)} ms)` : ''}.`,
    '',
    a.length
      ? `Extension activation, measured inside VS Code's extension host (code-server ${a[0].vscode ? `with VS Code ${a[0].vscode}` : ''}, ${a[0].host}; \`bench/activation/index.js\` run as the workbench's test entry, median of ${a.length} fresh workbench${a.length > 1 ? 'es' : ''}): \`extension.activate()\` on the not yet active extension${a.every((s) => !s.activeBefore) ? '' : ' (it was already active in some runs!)'} — the host loads \`dist/client.js\` and runs \`activate\` — takes **${f(activationMs)} ms** (samples ${a.map((s) => f(s.activationMs)).join(', ')}); opening a report with an error until its diagnostics are in the Problems collection (language server started over IPC, initialized, the workspace's reports being indexed, the report analysed) **${f(firstMs)} ms** (samples ${a.map((s) => f(s.firstDiagnosticsMs)).join(', ')}). This is the same call VS Code makes on the activation event (\`onLanguage:nianbao\`); timing it from the inside leaves out the workbench's own start-up, which is not the extension's.`
      : `Extension activation: not measured (${act.errors.join('; ')}).`,
    ...(a.length && act.errors.length ? ['', `(${act.errors.length} run(s) failed: ${act.errors.join('; ')})`] : []),
  ].join('\n');
  return {
    title: 'Start-up and size',
    markdown,
    figures: [
      { name: 'server spawn → initialize result', value: ours.ready.p50, unit: 'ms' },
      { name: '`dist/server.js`', value: bundles['server.js'].bytes / 1024, unit: 'KB' },
      ...(activationMs !== undefined ? [{ name: 'extension activation', value: activationMs, unit: 'ms' }] : []),
    ],
    results: { bundles, vsix, ours, theirs, node, floor, activation: act },
    targets: [
      {
        name: 'server ready (spawn → initialize result)',
        target: `≤ ${TARGET_READY_MS} ms`,
        value: `${f(ours.ready.p50)} ms median`,
        met: ours.ready.p50 <= TARGET_READY_MS,
      },
    ],
  };
}
