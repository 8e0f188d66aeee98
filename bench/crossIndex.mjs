// Benchmark of the workspace index at province scale: N agencies × Y years of generated, consistent reports.
// Measures the initial index time, the memory the index holds, and the time to re-check after one edit (with the
// number of reports re-checked). Optionally (--cli) writes the reports to a temporary folder and times
// `nianbao check DIR --format json` end to end.
//
// Usage: npm run build && node --expose-gc bench/crossIndex.mjs [--agencies 500] [--years 20] [--cli]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { series } from './generateReports.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { ReportIndex } = require(join(root, 'out/core/src/index.js'));

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const AGENCIES = option('--agencies', 500);
const YEARS = option('--years', 20);
const FIRST_YEAR = 2019;

const gc = globalThis.gc ?? (() => {});
const mb = (bytes) => (bytes / 1048576).toFixed(1);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let t = process.hrtime.bigint();
const reports = [];
for (let a = 0; a < AGENCIES; a++) {
  const agency = `示范省第${a + 1}号测试机关`;
  for (const r of series({ agency, firstYear: FIRST_YEAR, years: YEARS, seed: a + 1, government: a % 5 === 0 })) {
    reports.push({ uri: `file:///bench/agency${a + 1}/${r.year}.nianbao.yaml`, agency: a, ...r });
  }
}
const generateMs = ms(t);
const bytes = reports.reduce((s, r) => s + r.text.length, 0);
console.log(
  `generated ${reports.length} reports (${AGENCIES} agencies × ${YEARS} years, ${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}), ${mb(bytes * 2)} MB of text in memory, in ${generateMs.toFixed(0)} ms`,
);

gc();
const before = process.memoryUsage();
t = process.hrtime.bigint();
const index = new ReportIndex();
for (const r of reports) index.set(r.uri, r.text);
const indexMs = ms(t);
gc();
const after = process.memoryUsage();
let findings = 0;
for (const r of reports) findings += index.diagnostics(r.uri).length;
console.log(
  `initial index: ${indexMs.toFixed(0)} ms (${((indexMs / reports.length) * 1000).toFixed(0)} µs/report), ${index.recheckCount} cross re-checks, ${findings} findings`,
);
console.log(
  `memory held by the index: ${mb(after.heapUsed - before.heapUsed)} MB heap (${((after.heapUsed - before.heapUsed) / reports.length / 1024).toFixed(1)} KB/report); process RSS ${mb(after.rss)} MB`,
);

// One edit: last year's carry-forward of a report in the middle of a series changes (and its 其他处理 with it,
// so the report stays balanced). Only that report and next year's are re-checked.
const times = [];
const counts = [];
for (let k = 0; k < 21; k++) {
  const r = reports[(k * 7919 + 4000) % reports.length];
  const edited = r.text.replace(
    /  结转下年度继续办理: \[(\d+),/,
    (_m, n) => `  结转下年度继续办理: [${Number(n) + 1},`,
  );
  const start = index.recheckCount;
  t = process.hrtime.bigint();
  const update = index.set(r.uri, edited);
  times.push(ms(t));
  counts.push(index.recheckCount - start);
  if (update.rechecked.length > 2) throw new Error(`an edit re-checked ${update.rechecked.length} reports`);
  index.set(r.uri, r.text);
}
console.log(
  `re-check after one edit (carry-forward changed): median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms; reports re-checked per edit: ${[...new Set(counts)].join(' or ')}`,
);

const narrativeTimes = [];
for (let k = 0; k < 21; k++) {
  const r = reports[(k * 104729 + 17) % reports.length];
  const edited = r.text.replace('本机关无其他需要报告的事项。', '本机关无其他需要报告的事项，特此报告。');
  const start = index.recheckCount;
  t = process.hrtime.bigint();
  index.set(r.uri, edited);
  narrativeTimes.push(ms(t));
  if (index.recheckCount !== start) throw new Error('a narrative edit after the tables re-checked other reports');
  index.set(r.uri, r.text);
}
console.log(
  `re-analysis after an edit in 六 (no cross facts move): median ${median(narrativeTimes).toFixed(2)} ms, 0 cross re-checks`,
);

if (argv.includes('--cli')) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    for (const r of reports) {
      const d = join(dir, `agency${r.agency + 1}`);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, `${r.year}.nianbao.yaml`), r.text);
    }
    t = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [join(root, 'bin/nianbao.js'), 'check', dir, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const cliMs = ms(t);
    const summary = JSON.parse(run.stdout).summary;
    console.log(
      `nianbao check DIR --format json: ${(cliMs / 1000).toFixed(1)} s for ${summary.reports} reports, ${summary.agencies} agencies, exit ${run.status}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
