// `npm run fuzz`: the fuzz targets of test/support/fuzz/ (the real server over stdio, the core in-process, the real CLI,
// the importer in-process and through the CLI) for a stretch of time or a number of runs, each slice with a fresh
// seed, until the time is up or something fails. `npm test` runs the same targets briefly with fixed seeds.
//
// Usage: npm run fuzz -- [--minutes N | --seconds N] [--runs N] [--target server,core,…] [--slice SECONDS (one round, default 300)]
//                        [--seed S [--path P]]   (replay one failure: the target, seed and path it printed)
// Prints each slice, then a summary (also written to out/fuzz-summary.json). Exit 1 on the first failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { TARGETS, runFuzz } = require(join(ROOT, 'out', 'test', 'support', 'fuzz', 'targets.js'));

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(process.argv[i]);
  if (!m) throw new Error(`bad argument ${process.argv[i]}`);
  args[m[1]] = m[2] ?? (process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[++i] : 'true');
}

/** Share of each round's time per target: the server is the slowest per run and the most exposed. */
const SHARES = { server: 0.35, core: 0.2, cli: 0.15, 'import-core': 0.1, 'import-cli': 0.1, 'import-pdf': 0.1 };
const names = (args.target ? String(args.target).split(',') : Object.keys(SHARES)).map((n) => n.trim());
for (const n of names)
  if (!TARGETS[n]) throw new Error(`unknown target ${n}; targets: ${Object.keys(TARGETS).join(', ')}`);

const seconds =
  args.seconds !== undefined
    ? Number(args.seconds)
    : args.minutes !== undefined
      ? Number(args.minutes) * 60
      : args.runs
        ? Infinity
        : 600;
const maxRuns = args.runs !== undefined ? Number(args.runs) : undefined;
/** One round: every target in turn, sharing this many seconds. */
const slice = Number(args.slice ?? 300);
const started = Date.now();
const deadline = started + seconds * 1000;
const totals = Object.fromEntries(names.map((n) => [n, { runs: 0, slices: 0, ms: 0, counters: {} }]));
const log = (...a) => console.log(`[fuzz +${((Date.now() - started) / 1000).toFixed(0)}s]`, ...a);

function add(total, outcome) {
  total.runs += outcome.runs;
  total.slices += 1;
  total.ms += outcome.ms;
  for (const [k, v] of Object.entries(outcome.counters)) total.counters[k] = (total.counters[k] ?? 0) + v;
}

function summary(failed) {
  const result = {
    started: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    failed,
    targets: totals,
    runs: Object.values(totals).reduce((s, t) => s + t.runs, 0),
  };
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  writeFileSync(join(ROOT, 'out', 'fuzz-summary.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nfuzz summary (${result.seconds} s${failed ? ', FAILED' : ', no failure'}):`);
  for (const [n, t] of Object.entries(totals)) {
    console.log(
      `  ${n.padEnd(12)} ${String(t.runs).padStart(8)} runs in ${String(t.slices).padStart(3)} slices, ${(t.ms / 1000).toFixed(0).padStart(5)} s  ${JSON.stringify(t.counters)}`,
    );
  }
  console.log(`  ${'all'.padEnd(12)} ${String(result.runs).padStart(8)} runs`);
}

async function main() {
  if (args.seed !== undefined) {
    // Replay (or a fixed-seed run) of one target.
    if (names.length !== 1) throw new Error('--seed needs one --target');
    const outcome = await runFuzz(TARGETS[names[0]](), {
      seed: Number(args.seed),
      numRuns: maxRuns ?? 100,
      ...(args.path ? { path: String(args.path) } : {}),
    });
    add(totals[names[0]], outcome);
    if (outcome.failed) console.log(outcome.report);
    summary(outcome.failed);
    return outcome.failed ? 1 : 0;
  }
  const share = names.reduce((s, n) => s + (SHARES[n] ?? 1 / names.length), 0);
  for (let round = 1; Date.now() < deadline; round++) {
    for (const n of names) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const runsLeft = maxRuns === undefined ? undefined : maxRuns - totals[n].runs;
      if (runsLeft !== undefined && runsLeft <= 0) continue;
      const seed = (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
      const ms = Math.min(left, ((SHARES[n] ?? 1 / names.length) / share) * slice * 1000);
      const outcome = await runFuzz(TARGETS[n](), {
        seed,
        timeLimitMs: ms,
        ...(runsLeft !== undefined ? { numRuns: runsLeft } : {}),
      });
      add(totals[n], outcome);
      log(
        `round ${round} ${n}: ${outcome.runs} runs in ${(outcome.ms / 1000).toFixed(1)} s (seed ${seed})${outcome.failed ? ' FAILED' : ''}`,
      );
      if (outcome.failed) {
        console.log(outcome.report);
        summary(true);
        return 1;
      }
    }
    if (maxRuns !== undefined && names.every((n) => totals[n].runs >= maxRuns)) break;
  }
  summary(false);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[fuzz] failure of the fuzzer itself:', error?.stack ?? error);
    process.exit(2);
  },
);
