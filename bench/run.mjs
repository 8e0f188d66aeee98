// `npm run bench`: every benchmark of the project, several runs each, medians and ratios measured in the same
// run, written to bench/RESULTS.md with the machine, the Node version and the load while it ran. Not part of
// `npm test`; nothing here asserts a speed (a missed target is reported, not failed).
//
// Usage: npm run bench [-- --quick] [-- --only=check,lsp,batch,preview,startup,docx,compare] [-- --no-editor] [-- --out=FILE]
//                      [-- --figures=FILE.json] [-- --before=FILE.json]
//   --quick          fewer rounds and smaller corpora (a smoke run; figures are rougher)
//   --only=…         run only these sections
//   --no-editor      skip the activation measurement in code-server (it installs code-server on first use)
//   --out=FILE       write the results there instead of bench/RESULTS.md
//   --figures=FILE   also write the key figures as JSON (bench/tmp/figures.json by default)
//   --before=FILE    key figures of an earlier build (its --figures file, measured on this machine just before):
//                    the results get a before → after table
//   --before-ref=REF the build issue 19's targets are compared with in the same run (default main; built once into
//                    bench/tmp/before-<commit>/ by bench/buildBefore.mjs); --no-before-build to skip it
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { batch } from './batch.mjs';
import { buildBefore } from './buildBefore.mjs';
import { checkCost } from './checkCost.mjs';
import { docx } from './docx.mjs';
import { ROOT, loadAverage, machine, table } from './lib.mjs';
import { lspLatency } from './lspLatency.mjs';
import { preview } from './preview.mjs';
import { startup } from './startup.mjs';
import { yearOverYear } from './yearOverYear.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = flag('quick');
const only = option('only')?.split(',');
const out = resolve(option('out') ?? join(ROOT, 'bench', 'RESULTS.md'));
const figuresOut = resolve(option('figures') ?? join(ROOT, 'bench', 'tmp', 'figures.json'));
const beforeFile = option('before');
/** What the results call this build (default: the commit). */
const label = option('label');

const SECTIONS = [
  ['check', '1', checkCost],
  ['lsp', '2', lspLatency],
  ['batch', '3', batch],
  ['preview', '4', preview],
  ['startup', '5', startup],
  ['docx', '6', docx],
  ['compare', '7', yearOverYear],
];

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

mkdirSync(join(ROOT, 'bench', 'tmp'), { recursive: true });
/** The before build of issue 19's targets, measured beside this one in every section that has them. */
const beforeRef = option('before-ref') ?? 'main';
const beforeBuild = flag('no-before-build') ? undefined : buildBefore(beforeRef);
const beforeCommit = beforeBuild ? git('rev-parse', '--short', beforeRef) : undefined;
const m = machine();
const loadAtStart = loadAverage();
const started = new Date();
console.log(`nianbao benchmarks — ${m.cpu}, Node ${m.node}; load average ${loadAverage()}${quick ? ' (quick)' : ''}`);
const done = [];
for (const [key, number, run] of SECTIONS) {
  if (only && !only.includes(key)) continue;
  const loadBefore = loadAverage();
  const t = performance.now();
  console.log(`\n[${number}] ${key} …`);
  try {
    const result = await run({ quick, editor: !flag('no-editor'), before: beforeBuild });
    const seconds = (performance.now() - t) / 1000;
    done.push({ number, ...result, loadBefore, loadAfter: loadAverage(), seconds });
    console.log(result.markdown);
  } catch (error) {
    const message = error?.stack ?? String(error);
    done.push({
      number,
      title: key,
      markdown: `Failed: \`${message.split('\n')[0]}\``,
      targets: [],
      loadBefore,
      loadAfter: loadAverage(),
      seconds: (performance.now() - t) / 1000,
    });
    console.error(`[${number}] ${key} failed:`, message);
    process.exitCode = 1;
  }
}

const commit = git('rev-parse', '--short', 'HEAD');
const figures = done.flatMap((s) => s.figures ?? []);
writeFileSync(
  figuresOut,
  `${JSON.stringify({ commit: label ?? commit, when: started.toISOString(), load: loadAtStart, loads: done.map((s) => `${s.title}: ${s.loadBefore} → ${s.loadAfter}`), figures }, null, 2)}\n`,
);

/** A figure as written in the tables. */
function show(f) {
  if (f === undefined) return '—';
  const v = f.value;
  const digits = f.unit === '×' ? 2 : v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${f.unit === '/s' ? Math.round(v).toLocaleString('en') : v.toFixed(digits)}${f.unit === '/s' ? '' : ` ${f.unit}`}`.replace(
    ' ×',
    '×',
  );
}

function comparison() {
  if (!beforeFile || !existsSync(beforeFile)) return [];
  const before = JSON.parse(readFileSync(beforeFile, 'utf8'));
  const rows = figures.map((f) => {
    const b = before.figures.find((x) => x.name === f.name);
    const change = b ? (f.higher ? f.value / b.value : b.value / f.value) : undefined;
    return [
      f.name,
      show(b),
      show(f),
      change === undefined
        ? '—'
        : `${change >= 1 ? `${change.toFixed(change >= 10 ? 0 : 1)}× better` : `${(1 / change).toFixed(1)}× worse`}`,
    ];
  });
  return [
    '## Before and after',
    '',
    `The same benchmarks (this commit's \`bench/\`) run on this machine against the build before the work of issue 8 (${before.commit ?? 'unknown'}; measured ${before.when ? before.when.slice(0, 16).replace('T', ' ') : ''} UTC, load average ${before.load ?? '?'} at its start) and against this one (above). Both runs share the machine with other jobs, so single figures move by tens of per cent between runs; the large factors are the work's.`,
    '',
    table(['figure', 'before', 'after', ''], rows),
    '',
  ];
}
const dirty = git('status', '--porcelain', '--untracked-files=no');
const issue19 = done.flatMap((s) => s.issue19 ?? []);
/** Issue 19's targets, each beside the before build's figure from this same run. */
function issue19Table() {
  if (issue19.length === 0) return [];
  return [
    '## Issue 19: targets against the before build',
    '',
    `Each figure beside the same figure of ${beforeBuild ? `the before build (${beforeRef}, ${beforeCommit}), measured in this same run on the same inputs` : 'no before build (--no-before-build)'}; ratios against js-yaml and yaml-language-server are taken side by side in this run.`,
    '',
    table(
      ['figure', 'target', 'before', 'after', '', 'measured reason, where missed'],
      issue19.map((t) => [t.name, t.target, t.before, t.after, t.met ? 'met' : '**missed**', t.met ? '' : t.note]),
    ),
    '',
  ];
}
for (const t of issue19)
  console.log(
    `issue 19 · ${t.name}: target ${t.target}; before ${t.before}; after ${t.after} — ${t.met ? 'met' : 'MISSED'}`,
  );
const targets = done.flatMap((s) => s.targets);
const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` (\`bench/run.mjs\`) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit ?? 'unknown'}${dirty ? ' with uncommitted changes' : ''}. Every figure below was measured in this one run; ratios compare figures taken side by side in it.`,
  '',
  table(
    ['machine', ''],
    [
      ['CPU', m.cpu],
      ['memory', m.memory],
      ['Node', `${m.node} (V8 ${m.v8})`],
      ['OS', m.os],
      ['load average (1, 5, 15 min) at the start', done[0]?.loadBefore ?? loadAverage()],
    ],
  ),
  '',
  `The machine is shared (${m.cores} cores; other jobs may run beside the benchmark): the load average is given before and after each section. With a load above the number of cores, wall-clock figures are pessimistic; CPU-time figures (batch) are less affected.`,
  '',
  '## Targets',
  '',
  table(
    ['what', 'target', 'measured', ''],
    targets.map((t) => [t.name, t.target, t.value, t.met ? 'met' : '**missed**']),
  ),
  '',
  ...issue19Table(),
  ...comparison(),
  ...done.flatMap((s) => [
    `## ${s.number}. ${s.title}`,
    '',
    `_Load average ${s.loadBefore} before, ${s.loadAfter} after; ${s.seconds.toFixed(0)} s._`,
    '',
    s.markdown,
    '',
  ]),
];
writeFileSync(out, `${lines.join('\n').trimEnd()}\n`);
console.log(`\nwrote ${out}`);
