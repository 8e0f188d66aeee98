// 6. Word export: the time to make a report's .docx — the official-document model (`officialDocument`, the core)
// and its writing out with the docx library (`writeDocx`, word/: objects, XML, zip) — in this process, for the
// seed report (2019 edition) and the typical report (the 2021 example, with its signature); its size; and, for
// scale, the same export through the real server (`nianbao/render`, kind `docx`: the bytes as base64 in the
// response) and through the real CLI (`nianbao render -o OUT.docx`, a process start included).
//
// Target: ≤ 50 ms per report (model + writing, in process).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BenchClient, fileUri } from './lspClient.mjs';
import { ROOT, kb, loadCore, median, percentile, require, table } from './lib.mjs';

const REPORTS = [
  {
    key: 'seed',
    name: 'seed report (caozhen-2020, 2019 edition)',
    file: 'caozhen-2020.nianbao.yaml',
    signature: false,
  },
  {
    key: 'typical',
    name: 'typical report (shifan-2024, 2021 edition, signed)',
    file: 'shifan-2024.nianbao.yaml',
    signature: true,
  },
];

/** Wall and CPU time of one awaited call, ms. */
async function timed(fn) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, value };
}

export async function docx({ quick = false } = {}) {
  const core = loadCore();
  const { writeDocx } = require(join(ROOT, 'out/word/src/writeDocx.js'));
  const local = {};
  for (const r of REPORTS) {
    const text = readFileSync(join(ROOT, 'examples', r.file), 'utf8');
    const analysis = core.analyze(text);
    const exportDocx = () => writeDocx(core.officialDocument(analysis, { signature: r.signature }));
    const first = await timed(exportDocx);
    for (let i = 0; i < (quick ? 5 : 20); i++) await exportDocx();
    globalThis.gc?.();
    const n = quick ? 15 : 60;
    const walls = [];
    const cpus = [];
    const models = [];
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const t = await timed(exportDocx);
      walls.push(t.wall);
      cpus.push(t.cpu);
      bytes = t.value.length;
      const m = await timed(() => core.officialDocument(analysis, { signature: r.signature }));
      models.push(m.wall);
    }
    local[r.key] = {
      first: first.wall,
      wall: median(walls),
      p95: percentile(walls, 95),
      cpu: median(cpus),
      model: median(models),
      bytes,
    };
  }

  // Through the server: the request as the editor's export sends it.
  const server = await BenchClient.start([join(ROOT, 'dist/server.js'), '--stdio'], {
    initializationOptions: { diagnosticsDelayMs: 0 },
  });
  const remote = {};
  try {
    for (const r of REPORTS) {
      const uri = fileUri(join(ROOT, 'bench', 'tmp', `docx-${r.key}.nianbao.yaml`));
      await server.open(uri, readFileSync(join(ROOT, 'examples', r.file), 'utf8'));
      const trips = [];
      let wire = 0;
      for (let i = 0; i < (quick ? 8 : 30) + 3; i++) {
        const res = await server.request('nianbao/render', { uri, kind: 'docx', signature: r.signature });
        if (!res.result?.docx) throw new Error('nianbao/render gave no document');
        if (i >= 3) trips.push(res.ms);
        wire = Buffer.byteLength(JSON.stringify(res.result));
      }
      remote[r.key] = { p50: percentile(trips, 50), p95: percentile(trips, 95), wire };
    }
  } finally {
    await server.stop();
  }

  // The CLI, a process per export (start-up included), as a script would run it.
  const out = join(ROOT, 'bench', 'tmp', 'docx-out');
  mkdirSync(out, { recursive: true });
  const cli = {};
  for (const r of REPORTS) {
    const times = [];
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const target = join(out, `${r.key}-${i}.docx`);
      rmSync(target, { force: true });
      const t = performance.now();
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/nianbao.js'), 'render', join(ROOT, 'examples', r.file), '-o', target],
        {
          encoding: 'utf8',
        },
      );
      times.push(performance.now() - t);
      if (run.status !== 0) throw new Error(`nianbao render failed: ${run.stderr}`);
    }
    cli[r.key] = median(times);
  }
  rmSync(out, { recursive: true, force: true });

  const worst = Math.max(...REPORTS.map((r) => local[r.key].wall));
  const markdown = [
    "Median per export in this process after a warm-up (the first export of the process beside it: it loads and compiles the docx library): the official-document model (`officialDocument`: styles, paragraphs, the tables from `tableGrid`) and the whole export (the model and `writeDocx`: the docx library's objects, the XML parts and the zip), wall and CPU time. Through the real server, `nianbao/render` with `kind: 'docx'` from request to response (the bytes travel base64); through the real CLI, `nianbao render -o OUT.docx` from spawn to exit.",
    '',
    table(
      ['', ...REPORTS.map((r) => r.name)],
      [
        ['export (model + writing), median', ...REPORTS.map((r) => `${local[r.key].wall.toFixed(1)} ms`)],
        ['… p95', ...REPORTS.map((r) => `${local[r.key].p95.toFixed(1)} ms`)],
        ['… CPU time, median', ...REPORTS.map((r) => `${local[r.key].cpu.toFixed(1)} ms`)],
        ['… of which the model', ...REPORTS.map((r) => `${(local[r.key].model * 1000).toFixed(0)} µs`)],
        ['first export of the process', ...REPORTS.map((r) => `${local[r.key].first.toFixed(0)} ms`)],
        ['.docx size', ...REPORTS.map((r) => kb(local[r.key].bytes))],
        [
          '`nianbao/render` (docx) round trip, p50 / p95',
          ...REPORTS.map(
            (r) =>
              `${remote[r.key].p50.toFixed(1)} / ${remote[r.key].p95.toFixed(1)} ms (${kb(remote[r.key].wire)} on the wire)`,
          ),
        ],
        ['`nianbao render -o OUT.docx`, a process', ...REPORTS.map((r) => `${cli[r.key].toFixed(0)} ms`)],
      ],
    ),
  ].join('\n');
  return {
    title: 'Word export',
    markdown,
    results: { local, remote, cli },
    targets: [
      {
        name: 'Word export per report (model + .docx, in process, median)',
        target: '≤ 50 ms',
        value: `${worst.toFixed(1)} ms (CPU ${Math.max(...REPORTS.map((r) => local[r.key].cpu)).toFixed(1)} ms)`,
        met: worst <= 50,
      },
    ],
    figures: [
      { name: 'Word export, typical report', value: local.typical.wall, unit: 'ms' },
      { name: 'Word export, seed report', value: local.seed.wall, unit: 'ms' },
    ],
  };
}
