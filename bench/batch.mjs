// 3. Batch throughput: the real `nianbao check DIR` (bin/nianbao.js, one process) over generated reports of both
// editions, about one in six broken, at 1,000, 2,500, 5,000 and 10,000 reports: wall time from spawn to exit,
// CPU time, reports per second, and the process's peak resident memory (measured inside it by a preload that
// changes nothing else, bench/processStats.cjs). Then, in this process, where a report's time goes: reading the
// file, `analyze`, and the cross-report index (issue 6) on top.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFECTS, batchCorpus } from './generateReports.mjs';
import { parallelCeiling } from './parallelCeiling.mjs';
import { ROOT, loadCore, mb, median, ms, now, table, targetRow, verdict, x } from './lib.mjs';

export const TARGET_RATE = 5000;
/** Issue 19: wall time with every core (2 here) against one thread. */
export const TARGET_PARALLEL = 0.6;
const SIZES = [1000, 2500, 5000, 10000];
const YEARS = 10;
const BIN = join(ROOT, 'bin/nianbao.js');

function writeCorpus(dir, reports) {
  const files = [];
  for (const r of reports) {
    const d = join(dir, `agency${String(r.agency + 1).padStart(4, '0')}`);
    mkdirSync(d, { recursive: true });
    const file = join(d, `${r.year}.nianbao.yaml`);
    writeFileSync(file, r.text);
    files.push(file);
  }
  return files;
}

/** `node … bin/nianbao.js check DIRS --format json`, with the preload that reports the process's figures. */
function checkArgs(dirs, extraArgs, bin) {
  return [
    '--expose-gc',
    '--require',
    join(ROOT, 'bench/processStats.cjs'),
    bin,
    'check',
    ...dirs,
    '--format',
    'json',
    ...extraArgs,
  ];
}

function runCheck(dirs, statsFile, extraArgs = [], bin = BIN) {
  const started = now();
  const run = spawnSync(process.execPath, checkArgs(dirs, extraArgs, bin), {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NIANBAO_BENCH_STATS: statsFile },
  });
  const wallMs = now() - started;
  if (run.status !== 1)
    throw new Error(
      `nianbao check exited ${run.status} (expected 1: the corpus has errors): ${run.stderr.slice(0, 500)}`,
    );
  // The JSON output is `{ version, files }`: the totals are counted from it.
  const { files } = JSON.parse(run.stdout);
  const summary = { reports: files.length, errors: 0, warnings: 0, information: 0 };
  for (const f of files)
    for (const d of f.diagnostics)
      summary[d.severity === 'error' ? 'errors' : d.severity === 'warning' ? 'warnings' : 'information']++;
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  return { wallMs, summary, stats, outputBytes: Buffer.byteLength(run.stdout) };
}

/**
 * The control for threads: two separate `check --jobs 1` processes started together, each on half the agencies
 * (sharing nothing: no thread, no message, no index in common): the wall time until both have exited, and the CPU
 * time of both.
 */
async function runHalvesAtOnce(dirs, statsFile) {
  const halves = [dirs.filter((_, i) => i % 2 === 0), dirs.filter((_, i) => i % 2 === 1)];
  const started = now();
  const cpu = await Promise.all(
    halves.map(
      (half, k) =>
        new Promise((resolve, reject) => {
          const stats = `${statsFile}.${k}`;
          const child = spawn(process.execPath, checkArgs(half, ['--jobs', '1'], BIN), {
            stdio: ['ignore', 'ignore', 'pipe'],
            env: { ...process.env, NIANBAO_BENCH_STATS: stats },
          });
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('error', reject);
          child.on('exit', (code) => {
            if (code !== 1) reject(new Error(`nianbao check exited ${code} (expected 1): ${stderr.slice(0, 500)}`));
            else {
              const s = JSON.parse(readFileSync(stats, 'utf8'));
              resolve(s.userMs + s.systemMs);
            }
          });
        }),
    ),
  );
  return { wallMs: now() - started, cpuMs: cpu[0] + cpu[1] };
}

export async function batch({ quick = false, before } = {}) {
  const core = loadCore();
  const repeats = quick ? 1 : 3;
  const sizes = quick ? [1000, 2500] : SIZES;
  const agencies = sizes[sizes.length - 1] / YEARS;
  const corpus = batchCorpus({ agencies, years: YEARS });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-batch-'));
  const rows = [];
  let inProcess;
  let comparison;
  let ceiling;
  try {
    // One folder per agency; a corpus of n reports is the first n/YEARS agencies' folders.
    const files = writeCorpus(dir, corpus);
    const agencyDirs = [...new Set(files.map((f) => f.slice(0, f.lastIndexOf('/'))))];
    const statsFile = join(dir, 'stats.json');
    for (const n of sizes) {
      const dirs = agencyDirs.slice(0, n / YEARS);
      const runs = [];
      for (let k = 0; k < repeats; k++) runs.push(runCheck(dirs, statsFile));
      const s = runs[0].summary;
      if (s.reports !== n) throw new Error(`checked ${s.reports} reports, expected ${n}`);
      const wall = median(runs.map((r) => r.wallMs));
      const cpu = median(runs.map((r) => r.stats.userMs + r.stats.systemMs));
      rows.push({
        n,
        wall,
        cpu,
        rate: (n / wall) * 1000,
        ratePerCpu: (n / cpu) * 1000,
        peak: median(runs.map((r) => r.stats.maxRssBytes)),
        heapAtExit: median(runs.map((r) => r.stats.heapUsedBytes)),
        liveAtExit: median(runs.map((r) => r.stats.liveHeapBytes ?? r.stats.heapUsedBytes)),
        errors: s.errors,
        warnings: s.warnings,
        outputBytes: runs[0].outputBytes,
      });
    }

    // The largest corpus again with one thread (--jobs 1), with every core, and with the before build, interleaved
    // with each other: the ratio of every core to one thread is taken from runs side by side.
    const largest = agencyDirs.slice(0, sizes[sizes.length - 1] / YEARS);
    const oneThread = [];
    const everyCore = [];
    const beforeRuns = [];
    const halves = [];
    for (let k = 0; k < repeats; k++) {
      oneThread.push(runCheck(largest, statsFile, ['--jobs', '1']));
      everyCore.push(runCheck(largest, statsFile));
      if (availableParallelism() >= 2) halves.push(await runHalvesAtOnce(largest, statsFile));
      if (before) beforeRuns.push(runCheck(largest, statsFile, [], join(before, 'bin/nianbao.js')));
    }
    const summaryOf = (runs) => ({
      wall: median(runs.map((r) => r.wallMs)),
      cpu: median(runs.map((r) => r.stats.userMs + r.stats.systemMs)),
      peak: median(runs.map((r) => r.stats.maxRssBytes)),
    });
    comparison = {
      one: summaryOf(oneThread),
      every: summaryOf(everyCore),
      ratio: median(oneThread.map((o, k) => everyCore[k].wallMs / o.wallMs)),
      before: beforeRuns.length ? summaryOf(beforeRuns) : undefined,
      sameOutput: oneThread[0].outputBytes === rows[rows.length - 1].outputBytes,
      // Cores one thread keeps busy: V8 compiles and collects garbage on threads of its own beside it.
      cores: median(oneThread.map((o) => (o.stats.userMs + o.stats.systemMs) / o.wallMs)),
      halves: halves.length
        ? {
            wall: median(halves.map((h) => h.wallMs)),
            cpu: median(halves.map((h) => h.cpuMs)),
            ratio: median(halves.map((h, k) => h.wallMs / oneThread[k].wallMs)),
          }
        : undefined,
    };

    // Where the time goes, in this process, on the same files (the largest corpus): read + decode, analyze alone,
    // and the full index (analyze + facts + cross checks) as `check` runs it.
    const sample = files.slice(0, quick ? 2500 : 10000);
    const texts = sample.map((f) => readFileSync(f, 'utf8'));
    // Warm the code up first, then measure the three in turn, each from a collected heap.
    for (const t of texts.slice(0, 500)) core.analyze(t);
    const times = { read: [], analyze: [], index: [] };
    for (let k = 0; k < (quick ? 1 : 3); k++) {
      for (const [name, fn] of Object.entries({
        read: () => {
          for (const f of sample) readFileSync(f).toString('utf8');
        },
        analyze: () => {
          for (const t of texts) core.analyze(t);
        },
        index: () => {
          const index = new core.ReportIndex();
          sample.forEach((f, i) => index.set(f, texts[i]));
          for (const f of sample) index.diagnostics(f);
        },
      })) {
        globalThis.gc?.();
        const t = now();
        fn();
        times[name].push(now() - t);
      }
    }
    const readMs = median(times.read);
    const analyzeMs = median(times.analyze);
    const indexMs = median(times.index);
    inProcess = { n: sample.length, readMs, analyzeMs, indexMs };
    // The machine's own limit for two threads: the same analysis in halves over two threads that share nothing.
    ceiling = availableParallelism() >= 2 ? await parallelCeiling(texts, quick ? 1 : 3) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  /** Reports per CPU-second beyond the first corpus: without the process's start-up. */
  const marginal = ((last.n - first.n) / (last.cpu - first.cpu)) * 1000;
  const perReportMemory = (last.peak - first.peak) / (last.n - first.n);
  const perReportLive = (last.liveAtExit - first.liveAtExit) / (last.n - first.n);
  const best = last;
  const defects = Object.keys(DEFECTS);
  const broken = corpus.filter((r) => r.defect).length;
  const ip = inProcess;
  const crossShare = (ip.indexMs - ip.analyzeMs) / ip.indexMs;
  const markdown = [
    `\`node bin/nianbao.js check DIR… --format json\` in one process over generated reports (\`bench/generateReports.mjs\`: ${YEARS} consecutive years 2019–${2019 + YEARS - 1} per agency, so both editions — 2019–2020 in the 2019 edition, 20 % of the reports; one agency in five a 人民政府; ${broken} of ${corpus.length} reports (1 in 6) broken in turn by ${defects.join(', ')}). Files are written to a temporary folder first; the time runs from spawn to exit (Node start-up, directory walk, reading and decoding every file, analysis, the cross-report index, JSON output). Median of ${repeats} run${repeats > 1 ? 's' : ''}; peak memory is the process's maximum resident set size and the live heap what it holds, after a garbage collection, when it starts writing its output (every report analysed and indexed), both reported by the process itself (\`bench/processStats.cjs\`, preloaded).`,
    '',
    table(
      [
        'reports',
        'wall time',
        'reports/s',
        'CPU time (user+sys)',
        'reports per CPU-second',
        'peak RSS',
        'live heap when the output begins',
        'findings (errors / warnings)',
      ],
      rows.map((r) => [
        r.n.toLocaleString('en'),
        `${ms(r.wall / 1000, 2)} s`,
        Math.round(r.rate).toLocaleString('en'),
        `${ms(r.cpu / 1000, 2)} s`,
        Math.round(r.ratePerCpu).toLocaleString('en'),
        mb(r.peak),
        mb(r.liveAtExit),
        `${r.errors} / ${r.warnings}`,
      ]),
    ),
    '',
    `Growth: from ${first.n.toLocaleString('en')} to ${last.n.toLocaleString('en')} reports (${(last.n / first.n).toFixed(1).replace(/\.0$/, '')}×) the time grows ${(last.wall / first.wall).toFixed(2)}×, the peak RSS by ${mb(last.peak - first.peak)} (${(perReportMemory / 1024).toFixed(2)} KB per report) and the live heap by ${mb(last.liveAtExit - first.liveAtExit)} (${(perReportLive / 1024).toFixed(2)} KB per report: what the cross-report checks keep of each report — its key, carry-over and stock cells — and the findings to print). Beyond the first ${first.n.toLocaleString('en')} (start-up left out), each further report costs ${ms((1 / marginal) * 1e6, 0)} µs of CPU: ${Math.round(marginal).toLocaleString('en')} reports per CPU-second. Target: ≥ ${TARGET_RATE.toLocaleString('en')} reports/s per core (file reading included) — ${Math.round(best.ratePerCpu).toLocaleString('en')} reports per CPU-second at ${last.n.toLocaleString('en')} reports, all included: ${verdict(best.ratePerCpu >= TARGET_RATE)}. CPU time counts every thread of the process (the workers' and V8's garbage-collector threads).`,
    '',
    `Where the time goes (in one process, ${ip.n.toLocaleString('en')} of the same files, median of ${quick ? 1 : 3}): reading and decoding ${ms(ip.readMs)} ms (${ms((ip.readMs / ip.n) * 1000, 1)} µs/report); \`analyze\` alone ${ms(ip.analyzeMs)} ms (${ms((ip.analyzeMs / ip.n) * 1000, 1)} µs/report); the workspace index as \`check\` runs it (analyze + cross-report facts and checks) ${ms(ip.indexMs)} ms (${ms((ip.indexMs / ip.n) * 1000, 1)} µs/report) — the cross-report part is ${(crossShare * 100).toFixed(0)} % of it${crossShare < 0.25 ? ', so it does not dominate and `check` has no switch to leave it out' : ''}.`,
  ];
  const c = comparison;
  const n = last.n;
  const parallel = c.ratio;
  const perCpu = (r) => Math.round((n / r.cpu) * 1000).toLocaleString('en');
  markdown.push(
    '',
    `Threads (issue 19): \`check\` uses every core by default (${last.n.toLocaleString('en')} reports: worker threads read and analyse, the main thread hands out paths, takes a share of the reports itself, and makes the findings between reports and the output). The same corpus with \`--jobs 1\` and with every core, side by side (median of ${repeats}): one thread ${ms(c.one.wall / 1000, 2)} s wall, ${ms(c.one.cpu / 1000, 2)} s CPU (${perCpu(c.one)} reports per CPU-second), peak RSS ${mb(c.one.peak)}; every core ${ms(c.every.wall / 1000, 2)} s wall, ${ms(c.every.cpu / 1000, 2)} s CPU, peak RSS ${mb(c.every.peak)}: ${x(parallel)} of one thread (output ${c.sameOutput ? 'the same size' : '**of another size**'}).${c.before ? ` The before build (its default threads): ${ms(c.before.wall / 1000, 2)} s wall, ${ms(c.before.cpu / 1000, 2)} s CPU (${perCpu(c.before)} reports per CPU-second), peak RSS ${mb(c.before.peak)}.` : ''}`,
    '',
    `Why not ${TARGET_PARALLEL}×, measured: one thread already keeps ${c.cores.toFixed(2)} cores busy (its CPU time over its wall time: V8 compiles the analysis and collects garbage on threads of its own beside the one that checks), so two cores hold at most ${(2 / c.cores).toFixed(2)}× its CPU — even a second thread that cost nothing extra could not bring the wall time below ${x(c.cores / 2)} of one thread. And it does cost extra: with every core the CPU time is ${ms(c.every.cpu / 1000, 2)} s, ${ms((c.every.cpu - c.one.cpu) / 1000, 2)} s more than one thread's (the worker starts, compiles and warms up the analysis for itself; the results cross between the threads), and two cores cannot do that in less than ${ms(c.every.cpu / 2000, 2)} s: ${x(c.every.cpu / 2 / c.one.wall)} of one thread. The rest of the way to the measured ${x(parallel)} is the start (before the worker is up) and the findings between reports and the output at the end, on one thread.${c.halves ? ` The control without threads: two separate \`check --jobs 1\` processes started together, each on half the agencies and sharing nothing, take ${ms(c.halves.wall / 1000, 2)} s until both have exited, ${x(c.halves.ratio)} of one process checking them all (${ms(c.halves.cpu / 1000, 2)} s CPU for both: each starts, compiles and warms up for itself) — splitting the reports between processes gains no more than the threads do.` : ''}`,
  );
  if (ceiling) {
    const { cold, warm } = ceiling;
    const each = (m) => m.rounds.map(([o, t]) => x(t / o)).join(', ');
    markdown.push(
      '',
      `The machine's own limit for two threads (\`bench/parallelCeiling.mjs\`): \`checkReport\` over the same ${ceiling.reports.toLocaleString('en')} texts already in memory, in one worker thread and in two worker threads of half the texts each, sharing nothing. Cold, as the threads of a new process start: one thread ${ms(cold.one / 1000, 2)} s, two ${ms(cold.two / 1000, 2)} s, ${x(cold.ratio)} (rounds: ${each(cold)}); warm (after 400 reports each, not timed): ${ms(warm.one / 1000, 2)} s and ${ms(warm.two / 1000, 2)} s, ${x(warm.ratio)} (rounds: ${each(warm)}). One analysing thread keeps ${cold.cores.toFixed(2)} cores busy cold (${ms(cold.oneCpu / 1000, 2)} s CPU; two threads ${ms(cold.twoCpu / 1000, 2)} s) and ${warm.cores.toFixed(2)} warm. Cold, the ratio changes from round to round with how the two threads' compiling meets. The control, a loop of arithmetic that touches no memory split the same way: ${x(ceiling.arithmetic.ratio)} (${ms(ceiling.arithmetic.one / 1000, 2)} s and ${ms(ceiling.arithmetic.two / 1000, 2)} s; ${ceiling.arithmetic.cores.toFixed(2)} cores busy with one thread) — arithmetic needs no compiler or collector beside it and gets both cores; the analysis shares them with V8's own threads, and cold each thread also compiles the analysis for itself. The second control, a loop that only allocates small objects which die young (as a report's tree and a checker's terms do), split the same way: ${x(ceiling.allocation.ratio)} (rounds: ${each(ceiling.allocation)}; ${ceiling.allocation.cores.toFixed(2)} cores busy with one thread, ${ms(ceiling.allocation.oneCpu / 1000, 2)} s CPU, two threads ${ms(ceiling.allocation.twoCpu / 1000, 2)} s for the same objects) — what code that does nothing but allocate gains from a second core on this machine: V8's collector works on threads of its own beside it, which one thread has to itself and two share.`,
      '',
      `What a new thread pays before it analyses at full speed, measured: one worker thread's first pass over the ${ceiling.reports.toLocaleString('en')} texts costs ${ms(ceiling.passes.first.cpu / 1000, 2)} s of CPU (${ms(ceiling.passes.first.wall / 1000, 2)} s wall), its second pass over the same texts ${ms(ceiling.passes.second.cpu / 1000, 2)} s (${ms(ceiling.passes.second.wall / 1000, 2)} s wall): ${ms(ceiling.passes.warmUpCpu / 1000, 2)} s of CPU (median of ${ceiling.passes.rounds} rounds' differences, each a new thread) is V8's warm-up — the analysis run unoptimised while V8 compiles it on threads of its own — and every thread of a process pays it again, since threads share no compiled code. With ${last.n.toLocaleString('en')} reports in two threads, each pays it for half the reports.`,
    );
  }
  const issue19 = [
    targetRow(
      `\`nianbao check\`, ${n.toLocaleString('en')} reports: reports per CPU-second (reading and JSON output included)`,
      `≥ ${TARGET_RATE.toLocaleString('en')}`,
      c.before ? perCpu(c.before) : '—',
      `${Math.round(last.ratePerCpu).toLocaleString('en')} (every core); ${perCpu(c.one)} (--jobs 1)`,
      last.ratePerCpu >= TARGET_RATE,
      `\`analyze\` alone costs ${ms((ip.analyzeMs / ip.n) * 1000, 0)} µs a report here (${Math.round((ip.n / ip.analyzeMs) * 1000).toLocaleString('en')} a second before reading ${ms((ip.readMs / ip.n) * 1000, 0)} µs, the index ${ms(((ip.indexMs - ip.analyzeMs) / ip.n) * 1000, 0)} µs, start-up and output); with every core the same reports cost more CPU (each thread starts and warms up the analysis for itself: see the threads below)`,
    ),
    targetRow(
      `\`nianbao check\`, ${n.toLocaleString('en')} reports: wall time, every core / one thread`,
      `≤ ${TARGET_PARALLEL}× (2 cores)`,
      c.before ? `${ms(c.before.wall / 1000, 2)} s (one thread only)` : '—',
      `${x(parallel)} (${ms(c.every.wall / 1000, 2)} s vs ${ms(c.one.wall / 1000, 2)} s)`,
      parallel <= TARGET_PARALLEL,
      ceiling
        ? `one thread already keeps ${c.cores.toFixed(2)} cores busy (V8's compiler and collector threads beside it): two cores cannot take it below ${x(c.cores / 2)}; the second thread adds ${ms((c.every.cpu - c.one.cpu) / 1000, 2)} s of CPU (its own start-up and warm-up, the messages), which puts the floor at ${x(c.every.cpu / 2 / c.one.wall)}${c.halves ? `; two processes sharing nothing, each on half: ${x(c.halves.ratio)}` : ''}; the analysis alone in two halves in memory: ${x(ceiling.cold.ratio)} cold (${x(ceiling.warm.ratio)} warm); a loop that only allocates, in two halves: ${x(ceiling.allocation.ratio)}; V8's warm-up, paid again by every thread: ${ms(ceiling.passes.warmUpCpu / 1000, 2)} s CPU`
        : '',
    ),
  ];
  return {
    issue19,
    title: 'Batch throughput',
    markdown: markdown.join('\n'),
    figures: [
      {
        name: `\`nianbao check\`, ${last.n.toLocaleString('en')} reports: reports per CPU-second`,
        value: last.ratePerCpu,
        unit: '/s',
        higher: true,
      },
      {
        name: `\`nianbao check\`, ${last.n.toLocaleString('en')} reports: reports per second (wall)`,
        value: last.rate,
        unit: '/s',
        higher: true,
      },
      {
        name: `\`nianbao check\`, ${last.n.toLocaleString('en')} reports: peak RSS`,
        value: last.peak / 2 ** 20,
        unit: 'MB',
      },
      { name: '`nianbao check`: live heap per report', value: perReportLive / 1024, unit: 'KB' },
    ],
    results: { rows, inProcess, perReportMemory, perReportLive, marginal },
    targets: [
      {
        name: `batch throughput (${last.n.toLocaleString('en')} reports)`,
        target: `≥ ${TARGET_RATE.toLocaleString('en')} reports/s per core`,
        value: `${Math.round(best.ratePerCpu).toLocaleString('en')} per CPU-second (${Math.round(best.rate).toLocaleString('en')}/s wall)`,
        met: best.ratePerCpu >= TARGET_RATE,
      },
      {
        name: 'batch memory',
        target: 'does not grow with the number of reports',
        value: `peak RSS ${mb(first.peak)} at ${first.n.toLocaleString('en')} → ${mb(last.peak)} at ${last.n.toLocaleString('en')} reports (${(perReportMemory / 1024).toFixed(1)} KB/report); live heap ${(perReportLive / 1024).toFixed(1)} KB/report`,
        met: perReportMemory <= 0,
      },
    ],
  };
}
