// 6. Year over year (issue 16): the comparison of two reports — the core's `compareReports` on two analysed reports,
// and the whole work of `nianbao compare` in one process (analyse both texts, compare, render the HTML page) — per
// pair, over pairs of generated consecutive years (across the 2020 → 2021 edition change too) and the fixture
// pair whose narrative states 同比 changes; then the evaluator's summary: the real `nianbao summary DIR -o OUT.xlsx`
// (and `.csv`) over 10,000 generated reports, one process each, with its CPU time and peak memory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchCorpus } from './generateReports.mjs';
import { ROOT, loadCore, mb, median, ms, now, rounds, table, verdict } from './lib.mjs';

export const TARGET_COMPARE_MS = 2;

/** Consecutive years of generated agencies: (2020, 2021) crosses the edition change, (2022, 2023) does not. */
function pairs(core, quick) {
  const corpus = batchCorpus({ agencies: quick ? 10 : 40, years: 5 });
  const byAgency = new Map();
  for (const r of corpus) {
    if (!byAgency.has(r.agency)) byAgency.set(r.agency, new Map());
    byAgency.get(r.agency).set(r.year, r.text);
  }
  const out = { cross: [], same: [] };
  for (const years of byAgency.values()) {
    out.cross.push([years.get(2020), years.get(2021)]);
    out.same.push([years.get(2022), years.get(2023)]);
  }
  const fixture = (y) =>
    readFileSync(join(ROOT, 'test/fixtures/rules/nb314/yoy.fail', `eco-${y}.nianbao.yaml`), 'utf8');
  out.fixture = [[fixture(2020), fixture(2021)]];
  for (const list of Object.values(out))
    for (const [a, b] of list) if (!a || !b) throw new Error('a generated year is missing');
  return out;
}

/**
 * Warmed up first (2 s of calls: V8 takes a thousand or so comparisons to compile the analysis, the comparison and
 * the page's hot paths; before that a pair costs 2–4× as much), then in interleaved rounds, median per pair: the
 * steady cost, as when the server or an evaluator's script compares pair after pair. A single `nianbao compare`
 * pays the compilation once with Node's start-up.
 */
function measureCompare(core, list, quick) {
  const analysed = list.map(([a, b]) => [core.analyze(a), core.analyze(b)]);
  let i = 0;
  let j = 0;
  const measured = rounds(
    {
      compareOnly: () => {
        const [a, b] = analysed[i++ % analysed.length];
        core.compareReports({ uri: 'a.nianbao.yaml', analysis: a }, { uri: 'b.nianbao.yaml', analysis: b });
      },
      whole: () => {
        const [a, b] = list[j++ % list.length];
        const from = core.analyze(a);
        const to = core.analyze(b);
        const comparison = core.compareReports(
          { uri: 'a.nianbao.yaml', analysis: from },
          { uri: 'b.nianbao.yaml', analysis: to },
        );
        core.renderComparisonPage({ comparison, to: to.report });
      },
    },
    { rounds: quick ? 3 : 7, warmMs: quick ? 600 : 2000, minMs: quick ? 100 : 250 },
  );
  const both = (name) => ({ wall: measured.medians[name], cpu: measured.cpuMedians[name] });
  const sample = core.compareReports({ uri: 'a', analysis: analysed[0][0] }, { uri: 'b', analysis: analysed[0][1] });
  return {
    compareOnly: both('compareOnly'),
    whole: both('whole'),
    cells: sample.cells.length,
    findings: sample.findings.length,
  };
}

function runSummary(dir, out, statsFile) {
  const started = now();
  const run = spawnSync(
    process.execPath,
    ['--require', join(ROOT, 'bench/processStats.cjs'), join(ROOT, 'bin/nianbao.js'), 'summary', dir, '-o', out],
    { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NIANBAO_BENCH_STATS: statsFile } },
  );
  const wallMs = now() - started;
  if (run.status !== 0) throw new Error(`nianbao summary exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  const bytes = statSync(out).size;
  rmSync(out);
  return { wallMs, cpuMs: stats.userMs + stats.systemMs, peak: stats.maxRssBytes, bytes };
}

export async function yearOverYear({ quick = false } = {}) {
  const core = loadCore();
  const sets = pairs(core, quick);
  const rows = [];
  const measured = {};
  for (const [key, name] of [
    ['cross', '2020 → 2021 (2019 → 2021 edition), generated'],
    ['same', '2022 → 2023 (2021 edition), generated'],
    ['fixture', 'fixture pair with 同比 statements and a rewritten narrative'],
  ]) {
    const m = measureCompare(core, sets[key], quick);
    measured[key] = m;
    rows.push([
      name,
      String(sets[key].length),
      String(m.cells),
      `${ms(m.compareOnly.wall, 3)} ms (${ms(m.compareOnly.cpu, 3)} CPU)`,
      `${ms(m.whole.wall, 3)} ms (${ms(m.whole.cpu, 3)} CPU)`,
    ]);
  }
  const worst = Math.max(...Object.values(measured).map((m) => m.whole.wall));

  // The evaluator's summary over 10,000 reports (1,000 agencies × 10 years), xlsx and csv.
  const n = quick ? 2000 : 10000;
  const corpus = batchCorpus({ agencies: n / 10, years: 10 });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-summary-'));
  const summaryRows = [];
  try {
    for (const r of corpus) {
      const d = join(dir, `agency${String(r.agency + 1).padStart(4, '0')}`);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, `${r.year}.nianbao.yaml`), r.text);
    }
    const statsFile = join(dir, 'stats.json');
    for (const ext of ['xlsx', 'csv']) {
      const runs = [];
      for (let k = 0; k < (quick ? 1 : 3); k++) runs.push(runSummary(dir, join(dir, `summary.${ext}`), statsFile));
      summaryRows.push({
        ext,
        wall: median(runs.map((r) => r.wallMs)),
        cpu: median(runs.map((r) => r.cpuMs)),
        peak: median(runs.map((r) => r.peak)),
        bytes: runs[0].bytes,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const xlsx = summaryRows[0];
  const markdown = [
    `Per pair, on this machine (shared: other jobs may run beside it), after 2 s of warm-up (V8's compilation of the hot paths), median of interleaved rounds; \`compareReports\` alone takes two analysed reports, the whole is what \`nianbao compare --format html\` does after reading the files (analyse both, compare, render the page). Target: ≤ ${TARGET_COMPARE_MS} ms per pair — worst whole ${ms(worst, 2)} ms: ${verdict(worst <= TARGET_COMPARE_MS)}.`,
    '',
    table(['pairs', 'how many', 'cells compared', 'compareReports', 'analyse both + compare + render'], rows),
    '',
    `The evaluator's summary: the real \`nianbao summary DIR -o OUT\` over ${n.toLocaleString('en')} generated reports (${n / 10} agencies × 10 years, about one in six broken), one process, median of ${quick ? 1 : 3}:`,
    '',
    table(
      ['output', 'wall', 'CPU', 'peak RSS', 'file'],
      summaryRows.map((r) => [
        `.${r.ext}`,
        `${(r.wall / 1000).toFixed(2)} s`,
        `${(r.cpu / 1000).toFixed(2)} s`,
        mb(r.peak),
        mb(r.bytes),
      ]),
    ),
  ].join('\n');
  return {
    title: 'Year over year: compare and summary',
    markdown,
    figures: [
      { name: 'compare, worst pair (analyse both + compare + render)', value: worst, unit: 'ms' },
      { name: 'compareReports alone, 2020 → 2021', value: measured.cross.compareOnly.wall, unit: 'ms' },
      {
        name: `\`nianbao summary\` .xlsx, ${n.toLocaleString('en')} reports: wall`,
        value: xlsx.wall / 1000,
        unit: 's',
      },
      {
        name: `\`nianbao summary\` .xlsx, ${n.toLocaleString('en')} reports: peak RSS`,
        value: xlsx.peak / 2 ** 20,
        unit: 'MB',
      },
    ],
    targets: [
      {
        name: 'compare two reports',
        target: `≤ ${TARGET_COMPARE_MS} ms per pair`,
        value: `${ms(worst, 2)} ms (worst set; compareReports alone ${ms(measured.cross.compareOnly.wall, 3)} ms)`,
        met: worst <= TARGET_COMPARE_MS,
      },
      {
        name: `summary of ${n.toLocaleString('en')} reports`,
        target: 'measured (no target set)',
        value: `.xlsx ${(xlsx.wall / 1000).toFixed(1)} s wall, ${(xlsx.cpu / 1000).toFixed(1)} s CPU, peak ${mb(xlsx.peak)}`,
        met: true,
      },
    ],
  };
}
