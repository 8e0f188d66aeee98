// 4. Preview: the time to render the preview body (`renderReport(analysis, { annotate: true })`, what the server
// answers `nianbao/render` with) and the export page, in this process, for the typical and the large report; the
// size of the message the server sends per update (the nianbao/render response, as JSON-RPC over the wire); and
// the request's round trip through the real server right after an edit (analysis of the new version + render).
// The in-page patch in Chromium is measured by `npm run bench:preview` (test/client/previewLive.test.ts), whose
// figures are appended when Chromium is there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { random } from './generateReports.mjs';
import { BenchClient, fileUri } from './lspClient.mjs';
import { ROOT, kb, loadCore, median, percentile, rounds, table, utf8, us } from './lib.mjs';
import { stressReport, typicalReport } from './stressReport.mjs';

/** The bytes a JSON-RPC response with this result takes on the wire (header included). */
function wireBytes(id, result) {
  const body = JSON.stringify({ jsonrpc: '2.0', id, result });
  const length = utf8(body);
  return utf8(`Content-Length: ${length}\r\n\r\n`) + length;
}

export async function preview({ quick = false } = {}) {
  const core = loadCore();
  const docs = [
    { key: 'typical', name: 'typical report', text: typicalReport() },
    { key: 'stress', name: 'large stress report', text: stressReport() },
  ];
  const local = {};
  for (const d of docs) {
    const analysis = core.analyze(d.text);
    const r = rounds(
      {
        body: () => core.renderReport(analysis, { annotate: true, lang: 'zh' }),
        page: () => core.renderPage(analysis),
        analyze: () => core.analyze(d.text),
      },
      quick ? { rounds: 3, minMs: 100 } : { rounds: 7, minMs: 250 },
    );
    const body = core.renderReport(analysis, { annotate: true, lang: 'zh' });
    local[d.key] = { ...r.medians, bodyChars: body.html.length, bodyBytes: utf8(body.html), textBytes: utf8(d.text) };
  }

  // Through the server: the message per update and the round trip after an edit.
  const server = await BenchClient.start([join(ROOT, 'dist/server.js'), '--stdio'], {
    initializationOptions: { diagnosticsDelayMs: 0 },
  });
  const remote = {};
  try {
    for (const d of docs) {
      const uri = fileUri(join(ROOT, 'bench', 'tmp', `preview-${d.key}.nianbao.yaml`));
      await server.open(uri, d.text);
      const rand = random(4);
      const trips = [];
      let bytes = 0;
      const n = quick ? 20 : d.key === 'typical' ? 200 : 40;
      for (let i = 0; i < n + 5; i++) {
        // Edit a figure in 六 (so the report stays clean and the body the same size), then ask for the new body.
        const text = server.text(uri);
        const at = text.lastIndexOf('本机关无其他需要报告的事项');
        const version = server.change(uri, at, at, rand() < 0.5 ? '另' : '');
        const published = server.nextDiagnostics(uri);
        const r = await server.request('nianbao/render', { uri, version, kind: 'body', lang: 'zh' });
        await published;
        if (r.result.stale || !r.result.html) throw new Error('nianbao/render gave no body');
        if (i >= 5) trips.push(r.ms);
        bytes = wireBytes(i + 2, r.result);
      }
      remote[d.key] = { p50: percentile(trips, 50), p99: percentile(trips, 99), n: trips.length, bytes };
    }
  } finally {
    await server.stop();
  }

  let browser;
  if (
    !quick &&
    existsSync(join(ROOT, 'out/test/client/previewLive.test.js')) &&
    existsSync(process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium')
  ) {
    const run = spawnSync(
      process.execPath,
      [
        '--test',
        '--test-reporter=spec',
        '--test-name-pattern=patched DOM',
        join(ROOT, 'out/test/client/previewLive.test.js'),
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
    );
    // The block the test prints with console.log (its node:test diagnostics repeat it with a prefix).
    const lines = run.stdout.split('\n');
    const from = lines.findIndex((l) => /^caozhen-2020 \(2019 edition\):/.test(l));
    const to = lines.findIndex((l, i) => i > from && /^\s*\(each: from sending/.test(l));
    browser = run.status === 0 && from >= 0 && to > from ? lines.slice(from, to + 1).join('\n') : undefined;
  }

  const t = local.typical;
  const s = local.stress;
  const markdown = [
    "In this process, median per call (interleaved rounds): the preview body the server sends (`renderReport(analysis, { annotate: true })`: the official layout with every cell's path and source offsets, problem marks and the summary), the standalone export page (`renderPage`), and for comparison the analysis the body is rendered from. Through the real server: `nianbao/render` for the version just edited (the edit is a character in 六, so the body keeps its size) — the analysis of the new version and the rendering, from request to response; and the size of that response on the wire (JSON-RPC, header included), which is what one preview update costs the pipe.",
    '',
    table(
      ['', 'typical report', 'large stress report'],
      [
        ['report text (UTF-8)', kb(t.textBytes), kb(s.textBytes)],
        ['render preview body', us(t.body), us(s.body)],
        ['render export page', us(t.page), us(s.page)],
        ['(analysis of the same text)', us(t.analyze), us(s.analyze)],
        [
          '`nianbao/render` round trip after an edit, p50 / p99',
          `${remote.typical.p50.toFixed(2)} / ${remote.typical.p99.toFixed(2)} ms`,
          `${remote.stress.p50.toFixed(1)} / ${remote.stress.p99.toFixed(1)} ms`,
        ],
        [
          'message per update (response on the wire)',
          `${kb(remote.typical.bytes)} (body ${kb(t.bodyBytes)})`,
          `${kb(remote.stress.bytes)} (body ${kb(s.bodyBytes)})`,
        ],
      ],
    ),
    ...(browser
      ? [
          '',
          "In Chromium (`npm run bench:preview`: the real server, the client's update scheduler and `media/preview.js`; from sending the LSP change to the page reporting the patch, with the seed and the 2021 example):",
          '',
          '```',
          browser,
          '```',
        ]
      : []),
  ].join('\n');
  return {
    title: 'Preview',
    markdown,
    results: { local, remote, browser },
    targets: [],
    figures: [
      { name: 'preview body render, typical report', value: t.body * 1000, unit: 'µs' },
      { name: 'preview body render, large stress report', value: s.body, unit: 'ms' },
      { name: '`nianbao/render` round trip after an edit p50, typical report', value: remote.typical.p50, unit: 'ms' },
      { name: 'message per preview update, typical report', value: remote.typical.bytes / 1024, unit: 'KB' },
    ],
  };
}
