// Shared helpers of the benchmarks: timing, statistics, the machine, formatting. Nothing here asserts a speed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(join(ROOT, 'package.json'));

/** The compiled core (after `npm run build`) of this checkout, or of another built one (the "before" build). */
export function loadCore(root = ROOT) {
  return require(join(root, 'out/core/src/index.js'));
}

/** A compiled module of the core by its path under core/src (`narrative/extractStatements`). */
export function loadCoreModule(path, root = ROOT) {
  return require(join(root, 'out/core/src', `${path}.js`));
}

/** A figure beside its before figure, for the table of the targets. */
export function targetRow(name, target, before, after, met, note = '') {
  return { name, target, before, after, met, note };
}

export const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => {
  const s = sorted(xs);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
/** Nearest-rank percentile (p in 0..100). */
export const percentile = (xs, p) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

export const now = () => performance.now();

/** `calls` single calls of `fn`, after `warm` unmeasured ones for the JIT, summarised as median and p95 in ms. */
export function medianP95(fn, { calls, warm, digits }) {
  for (let i = 0; i < warm; i++) fn();
  const times = [];
  for (let i = 0; i < calls; i++) {
    const t = now();
    fn();
    times.push(now() - t);
  }
  return `median ${median(times).toFixed(digits)} ms, p95 ${percentile(times, 95).toFixed(digits)} ms`;
}

/**
 * Mean time per call of `fn` over a batch long enough to be measured (at least `minMs`), after a warm-up: the
 * garbage the calls leave is collected within the batch, so its cost is counted.
 */
export function perCall(fn, options) {
  return perCallBoth(fn, options).wall;
}

/** `perCall`, with the process's CPU time per call beside the wall time (less disturbed by other jobs). */
export function perCallBoth(fn, { minMs = 200, minCalls = 5 } = {}) {
  // Each batch starts from a collected heap (with --expose-gc, as `npm run bench` runs): the garbage one
  // contender leaves is not collected on the next one's time.
  globalThis.gc?.();
  let calls = 0;
  const cpu = process.cpuUsage();
  const start = now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = now() - start;
  } while (elapsed < minMs || calls < minCalls);
  const used = process.cpuUsage(cpu);
  return { wall: elapsed / calls, cpu: (used.user + used.system) / 1000 / calls };
}

/**
 * Several rounds of interleaved measurements of named functions (so that a noisy moment hits all of them), the
 * median per name, and every round's figures for ratios measured round by round.
 */
export function rounds(fns, { rounds = 7, warmMs = 300, minMs = 200 } = {}) {
  for (const fn of Object.values(fns)) perCall(fn, { minMs: warmMs });
  const perRound = [];
  const cpuPerRound = [];
  for (let r = 0; r < rounds; r++) {
    const row = {};
    const cpuRow = {};
    for (const [name, fn] of Object.entries(fns)) {
      const t = perCallBoth(fn, { minMs });
      row[name] = t.wall;
      cpuRow[name] = t.cpu;
    }
    perRound.push(row);
    cpuPerRound.push(cpuRow);
  }
  const medians = {};
  const cpuMedians = {};
  for (const name of Object.keys(fns)) {
    medians[name] = median(perRound.map((row) => row[name]));
    cpuMedians[name] = median(cpuPerRound.map((row) => row[name]));
  }
  return {
    medians,
    cpuMedians,
    perRound,
    ratio: (a, b) => median(perRound.map((row) => row[a] / row[b])),
    cpuRatio: (a, b) => median(cpuPerRound.map((row) => row[a] / row[b])),
  };
}

export function loadAverage() {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
}

export function machine() {
  const cpus = os.cpus();
  let model = cpus[0]?.model ?? 'unknown';
  const details = [`${cpus.length} logical CPUs`];
  try {
    // Virtual machines often report a bare family name; /proc/cpuinfo says a little more.
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const field = (name) => new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(info)?.[1].trim();
    const name = field('model name');
    if (name && name.length > model.length) model = name;
    const family = field('cpu family');
    if (family) details.push(`family ${family} model ${field('model')} stepping ${field('stepping')}`);
    const mhz = Number(field('cpu MHz'));
    if (mhz) details.push(`${Math.round(mhz)} MHz`);
    if (/\bhypervisor\b/.test(field('flags') ?? '')) details.push('virtual machine');
  } catch {}
  return {
    cpu: `${model.trim()} (${details.join(', ')})`,
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export const ms = (x, digits) =>
  x >= 100
    ? x.toFixed(digits ?? 0)
    : x >= 10
      ? x.toFixed(digits ?? 1)
      : x >= 1
        ? x.toFixed(digits ?? 2)
        : x.toFixed(digits ?? 3);
export const us = (xMs) => `${(xMs * 1000).toFixed(xMs * 1000 >= 100 ? 0 : 1)} µs`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(bytes >= 10240 ? 0 : 1)} KB`;
export const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const x = (ratio) => `${ratio.toFixed(2)}×`;
export const utf8 = (s) => Buffer.byteLength(s, 'utf8');

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A target's verdict: `met` / `missed` with the figure against the limit. */
export function verdict(ok) {
  return ok ? '**met**' : '**missed**';
}

export function log(...args) {
  console.log(...args);
}
