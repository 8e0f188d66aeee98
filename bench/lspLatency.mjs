// 2. Language-server latency: the real bundled server (dist/server.js --stdio) and yaml-language-server (with the
// project's generated JSON Schema associated to *.nianbao.yaml, the schema store off, the network closed) side
// by side in one run, on the same documents and the same edits:
// - didChange → publishDiagnostics, both debounces set to 0 (ours: initialization option diagnosticsDelayMs;
//   theirs: its fixed 200 ms validation delay patched to 0, bench/yamlLanguageServer.cjs), over N edits, each
//   setting a random table cell of the report to a random number; the two servers get the edits interleaved;
// - completion: on the current version, and right after an edit (the new version analysed first), at a line
//   where a row group is missing (both servers offer it).
// They check the schema only; we check the schema and every invariant (and the narrative against the tables).
import { join } from 'node:path';
import { random } from './generateReports.mjs';
import { BenchClient, fileUri } from './lspClient.mjs';
import { ROOT, median, percentile, table, targetRow, verdict, x } from './lib.mjs';
import { stressReport, typicalReport } from './stressReport.mjs';

export const TARGET_P99_MS = 20;
export const TARGET_VS_THEIRS = 0.5;

const SCHEMA = join(ROOT, 'schemas', 'nianbao.schema.json');
const YAML_SETTINGS = {
  yaml: {
    schemas: { [fileUri(SCHEMA)]: ['*.nianbao.yaml', '*.nianbao.yml'] },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
  },
  http: { proxy: '', proxyStrictSSL: false },
  '[yaml]': {},
  editor: {},
};

/** Offsets of every number in a table row (`key: [1, 2, 3]` or `key: 1523`). */
function cells(text) {
  const out = [];
  const row = /^( +)[^#\n:]+: (\[[^\]\n]*\]|[\d.]+)[ \t]*(?:#.*)?$/gm;
  for (let m = row.exec(text); m; m = row.exec(text)) {
    const valuesAt = m.index + m[0].indexOf(m[2]);
    const number = /\d+(?:\.\d+)?/g;
    for (let n = number.exec(m[2]); n; n = number.exec(m[2]))
      out.push([valuesAt + n.index, valuesAt + n.index + n[0].length]);
  }
  return out;
}

/** The report with the 不予处理 group taken out and an empty line, indented as its rows, where it was. */
function completionDocument(text) {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l === '    不予处理:');
  if (at < 0) throw new Error('the typical report has no 不予处理 group');
  let end = at + 1;
  while (lines[end].startsWith('      ')) end++;
  lines.splice(at, end - at, '    ');
  return { text: lines.join('\n'), position: { line: at, character: 4 } };
}

const stats = (xs) => ({
  p50: percentile(xs, 50),
  p99: percentile(xs, 99),
  max: Math.max(...xs),
  median: median(xs),
  n: xs.length,
});

async function startBoth(before) {
  const ours = await BenchClient.start([join(ROOT, 'dist/server.js'), '--stdio'], {
    initializationOptions: { diagnosticsDelayMs: 0 },
  });
  // The before build's server, given the same edits (issue 19's before figures).
  const old = before
    ? await BenchClient.start([join(before, 'dist/server.js'), '--stdio'], {
        initializationOptions: { diagnosticsDelayMs: 0 },
      })
    : undefined;
  const theirs = await BenchClient.start([join(ROOT, 'bench/yamlLanguageServer.cjs'), '--stdio'], {
    settings: YAML_SETTINGS,
  });
  // Ours again with a young generation four times the default: how much of the tail is garbage collection.
  const big = await BenchClient.start(['--max-semi-space-size=64', join(ROOT, 'dist/server.js'), '--stdio'], {
    initializationOptions: { diagnosticsDelayMs: 0 },
  });
  // A server that does no work: the round trip of this machine alone, given the same edits.
  const floor = await BenchClient.start([join(ROOT, 'bench/nullServer.cjs')]);
  return { ours, theirs, old, big, floor };
}

function checkOffline(theirs) {
  if (/network request attempted/.test(theirs.stderr))
    throw new Error(`yaml-language-server tried the network:\n${theirs.stderr}`);
}

/** Both servers must really check the schema: an unknown key is reported by each. */
async function sanity(ours, theirs) {
  const text = typicalReport().replace('机关类型: 人民政府', '机关类型: 人民政府\n未知的键: 1');
  const uri = fileUri(join(ROOT, 'bench', 'tmp', 'sanity.nianbao.yaml'));
  const a = await ours.open(uri, text, 'nianbao');
  const b = await theirs.open(uri, text, 'yaml');
  if (!a.diagnostics.some((d) => d.code === 'NB201')) throw new Error('nianbao server: no NB201 for an unknown key');
  if (!b.diagnostics.some((d) => /未知的键/.test(d.message)))
    throw new Error(
      `yaml-language-server reported no schema error for an unknown key: ${JSON.stringify(b.diagnostics)}`,
    );
  const clean = typicalReport();
  const c = await theirs.open(fileUri(join(ROOT, 'bench', 'tmp', 'clean.nianbao.yaml')), clean, 'yaml');
  return { ours: a.diagnostics.length, theirs: b.diagnostics.length, theirsOnClean: c.diagnostics.length };
}

async function diagnosticsLatency(ours, theirs, text, { edits, warmup, seed, name, old, big, floor }) {
  const uri = fileUri(join(ROOT, 'bench', 'tmp', `${name}.nianbao.yaml`));
  await ours.open(uri, text, 'nianbao');
  await theirs.open(uri, text, 'yaml');
  if (old) await old.open(uri, text, 'nianbao');
  if (big) await big.open(uri, text, 'nianbao');
  if (floor) await floor.open(uri, text, 'nianbao');
  const rand = random(seed);
  const times = { ours: [], theirs: [], old: [], big: [], floor: [] };
  const findings = { ours: [], theirs: [] };
  // Edits in pairs, as a person makes them: a random cell set to a random number (a sum breaks), then set back.
  let restore;
  for (let i = 0; i < warmup + edits; i++) {
    const current = ours.text(uri);
    let start;
    let end;
    let value;
    if (restore) {
      [start, value] = restore;
      end = start + /^[\d.]+/.exec(current.slice(start))[0].length;
      restore = undefined;
    } else {
      const all = cells(current);
      [start, end] = all[Math.floor(rand() * all.length)];
      value = String(Math.floor(rand() * 100));
      if (value === current.slice(start, end)) value = String(Number(value) + 1);
      restore = [start, current.slice(start, end)];
    }
    const a = await ours.timedChange(uri, start, end, value, { versioned: true });
    const b = await theirs.timedChange(uri, start, end, value, { versioned: false });
    const c = old ? await old.timedChange(uri, start, end, value, { versioned: true }) : undefined;
    const d = big ? await big.timedChange(uri, start, end, value, { versioned: true }) : undefined;
    const e = floor ? await floor.timedChange(uri, start, end, value, { versioned: true }) : undefined;
    if (theirs.text(uri) !== ours.text(uri)) throw new Error('the two servers hold different texts');
    if (i < warmup) continue;
    times.ours.push(a.ms);
    times.theirs.push(b.ms);
    if (c) times.old.push(c.ms);
    if (d) times.big.push(d.ms);
    if (e) times.floor.push(e.ms);
    findings.ours.push(a.diagnostics.length);
    findings.theirs.push(b.diagnostics.length);
  }
  return {
    ours: stats(times.ours),
    theirs: stats(times.theirs),
    old: times.old.length ? stats(times.old) : undefined,
    big: times.big.length ? stats(times.big) : undefined,
    floor: times.floor.length ? stats(times.floor) : undefined,
    findings: { ours: median(findings.ours), theirs: median(findings.theirs) },
    cells: cells(text).length,
  };
}

async function completionLatency(ours, theirs, { rounds, warmup, seed }) {
  const { text, position } = completionDocument(typicalReport());
  const uri = fileUri(join(ROOT, 'bench', 'tmp', 'completion.nianbao.yaml'));
  await ours.open(uri, text, 'nianbao');
  await theirs.open(uri, text, 'yaml');
  const steady = { ours: [], theirs: [] };
  const afterEdit = { ours: [], theirs: [] };
  const items = { ours: 0, theirs: 0 };
  const offers = { ours: false, theirs: false };
  const rand = random(seed);
  for (let i = 0; i < warmup + rounds; i++) {
    for (const [name, client] of [
      ['ours', ours],
      ['theirs', theirs],
    ]) {
      const r = await client.completion(uri, position);
      if (i >= warmup) steady[name].push(r.ms);
      items[name] = r.items.length;
      offers[name] = r.items.some(
        (item) => String(item.label).includes('不予处理') || String(item.insertText ?? '').includes('不予处理'),
      );
    }
  }
  for (let i = 0; i < warmup + rounds; i++) {
    const all = cells(ours.text(uri));
    const [start, end] = all[Math.floor(rand() * all.length)];
    const value = String(Math.floor(rand() * 100));
    for (const [name, client] of [
      ['ours', ours],
      ['theirs', theirs],
    ]) {
      // Wait until the change's own diagnostics are out, so that they do not queue in front of the next round.
      const published = client.nextDiagnostics(uri);
      client.change(uri, start, end, value);
      const r = await client.completion(uri, position);
      if (i >= warmup) afterEdit[name].push(r.ms);
      await published;
    }
  }
  return {
    steady: { ours: stats(steady.ours), theirs: stats(steady.theirs) },
    afterEdit: { ours: stats(afterEdit.ours), theirs: stats(afterEdit.theirs) },
    items,
    offers,
  };
}

const f = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** One run: both servers started fresh, the sanity check, the edits, completion, the edits of the large report. */
async function oneRun({ edits, stressEdits, completions, seed, before }) {
  const { ours, theirs, old, big, floor } = await startBoth(before);
  try {
    const sane = await sanity(ours, theirs);
    const typical = await diagnosticsLatency(ours, theirs, typicalReport(), {
      edits,
      warmup: 30,
      seed,
      name: 'typical',
      old,
      big,
      floor,
    });
    const completion = await completionLatency(ours, theirs, { rounds: completions, warmup: 20, seed: seed + 1 });
    const stress = await diagnosticsLatency(ours, theirs, stressReport(), {
      edits: stressEdits,
      warmup: 5,
      seed: seed + 2,
      name: 'stress',
    });
    checkOffline(theirs);
    return { sane, typical, completion, stress, version: theirs.initializeResult?.serverInfo?.version ?? 'unknown' };
  } finally {
    await ours.stop();
    await theirs.stop();
    await old?.stop();
    await big.stop();
    await floor.stop();
    checkOffline(theirs);
  }
}

/** Several runs' figures as one: the median of each percentile, the largest maximum, per-run ratios' median. */
function combine(list) {
  const side = (k) => ({
    p50: median(list.map((r) => r[k].p50)),
    p99: median(list.map((r) => r[k].p99)),
    max: Math.max(...list.map((r) => r[k].max)),
    n: list.reduce((a, r) => a + r[k].n, 0),
    p99s: list.map((r) => r[k].p99),
  });
  return {
    ours: side('ours'),
    theirs: side('theirs'),
    ratio50: median(list.map((r) => r.ours.p50 / r.theirs.p50)),
    ratio99: median(list.map((r) => r.ours.p99 / r.theirs.p99)),
    old: list[0].old ? { p50: median(list.map((r) => r.old.p50)), p99: median(list.map((r) => r.old.p99)) } : undefined,
    oldRatio99: list[0].old ? median(list.map((r) => r.old.p99 / r.theirs.p99)) : undefined,
    big: list[0].big ? { p50: median(list.map((r) => r.big.p50)), p99: median(list.map((r) => r.big.p99)) } : undefined,
    bigRatio99: list[0].big ? median(list.map((r) => r.big.p99 / r.theirs.p99)) : undefined,
    floor: list[0].floor
      ? { p50: median(list.map((r) => r.floor.p50)), p99: median(list.map((r) => r.floor.p99)) }
      : undefined,
    floorRatio99: list[0].floor ? median(list.map((r) => r.floor.p99 / r.theirs.p99)) : undefined,
    findings: list[0].findings,
    cells: list[0].cells,
  };
}

/** What fewer garbage collections change in our p99: its share, or that they do not lower it in this run. */
function gcShare(typical) {
  const share = Math.round((1 - typical.big.p99 / typical.ours.p99) * 100);
  return share >= 2
    ? `garbage collection is ${share} % of our p99`
    : 'fewer collections do not lower it in this run, so garbage collection is not what sets it';
}

export async function lspLatency({ quick = false, before } = {}) {
  const runs = [];
  const count = quick ? 1 : 3;
  for (let k = 0; k < count; k++) {
    runs.push(
      await oneRun({
        edits: quick ? 100 : 500,
        stressEdits: quick ? 20 : 100,
        completions: quick ? 50 : 200,
        seed: 8 + 100 * k,
        before,
      }),
    );
  }
  const sane = runs[0].sane;
  const version = runs[0].version;
  const typical = combine(runs.map((r) => r.typical));
  const stress = combine(runs.map((r) => r.stress));
  const completion = {
    steady: combine(runs.map((r) => r.completion.steady)),
    afterEdit: combine(runs.map((r) => r.completion.afterEdit)),
    items: runs[0].completion.items,
    offers: runs[0].completion.offers,
  };
  const row = (label, r) => [
    label,
    `${f(r.ours.p50)} / ${f(r.ours.p99)} / ${f(r.ours.max)}`,
    `${f(r.theirs.p50)} / ${f(r.theirs.p99)} / ${f(r.theirs.max)}`,
    x(r.ratio50),
    x(r.ratio99),
  ];
  const markdown = [
    `The real bundled server (\`node dist/server.js --stdio\`) and yaml-language-server ${version} (\`node_modules/yaml-language-server\`, started through \`bench/yamlLanguageServer.cjs\`) in the same run, on the same documents, receiving the same edits one after the other (ours, then theirs, then the next edit): a random table cell set to a random number, then set back (a sum breaks and is mended), and so on. Times from writing the message to reading the answer, in ms: p50 / p99 / max — ${runs.length > 1 ? `the median of ${runs.length} runs' percentiles (each run with both servers started afresh and its own random edits), the largest maximum; ratios are the median of the runs' ratios` : 'one run'}. Both debounces are 0 for the measurement, and both servers then check right after the change is processed (\`setImmediate\`, not a timer: a 0 ms timer waits at least 1 ms in Node) — ours through the initialization option \`diagnosticsDelayMs: 0\` (the default stays 150 ms), theirs by patching its fixed 200 ms validation delay to the same. yaml-language-server has the project's generated JSON Schema (\`schemas/nianbao.schema.json\`) associated with \`*.nianbao.yaml\`, the schema store and the Kubernetes CRD store off, and no network (any HTTP request would fail the run; none was made). They check the schema only; we check the schema, every invariant and the narrative's figures (sanity check before measuring: on an unknown key we report ${sane.ours} finding(s), they ${sane.theirs}; on the clean typical report they report ${sane.theirsOnClean}).`,
    '',
    table(
      ['', 'nianbao (ms)', 'yaml-language-server (ms)', 'ours / theirs p50', 'ours / theirs p99'],
      [
        row(
          `didChange → publishDiagnostics, typical report (${typical.ours.n} edits at random cells, of ${typical.cells})`,
          typical,
        ),
        row(`didChange → publishDiagnostics, large stress report (${stress.ours.n} edits)`, stress),
        row(`completion on the analysed version (${completion.steady.ours.n} requests)`, completion.steady),
        row(`completion right after an edit (${completion.afterEdit.ours.n} edits)`, completion.afterEdit),
      ],
    ),
    '',
    `Median findings per published version during the edits: ours ${typical.findings.ours}, theirs ${typical.findings.theirs} (typical report; a changed cell breaks the tables' sums, which only we report). Completion at an empty line where the 不予处理 group is missing: ours ${completion.items.ours} items${completion.offers.ours ? ' including 不予处理' : ''}, theirs ${completion.items.theirs} items${completion.offers.theirs ? ' including 不予处理' : ''}.`,
    '',
    `p99 of each run on the typical report, ours: ${typical.ours.p99s.map((v) => f(v)).join(', ')} ms; theirs: ${typical.theirs.p99s.map((v) => f(v)).join(', ')} ms.${typical.big ? ` Our server started with \`--max-semi-space-size=64\` (a young generation of 64 MB: fewer garbage collections), given the same edits in the same runs: p50 ${f(typical.big.p50)} ms, p99 ${f(typical.big.p99)} ms (${x(typical.bigRatio99)} of theirs at p99).` : ''}${typical.floor ? ` A server that does no work at all (\`bench/nullServer.cjs\`: an empty publish for every change), given the same edits in the same runs — the round trip of this machine alone, two processes and a pipe each way: p50 ${f(typical.floor.p50)} ms, p99 ${f(typical.floor.p99)} ms (${x(typical.floorRatio99)} of theirs at p99).` : ''}`,
    '',
    `Targets: p99 ≤ ${TARGET_P99_MS} ms on the typical report — ${f(typical.ours.p99)} ms: ${verdict(typical.ours.p99 <= TARGET_P99_MS)}; at most half of yaml-language-server's — ${x(typical.ratio99)} of theirs at p99: ${verdict(typical.ratio99 <= TARGET_VS_THEIRS)}.`,
  ].join('\n');
  const issue19 = [
    targetRow(
      'didChange → publishDiagnostics p99 / yaml-language-server p99, typical report',
      `≤ ${TARGET_VS_THEIRS}×`,
      typical.old ? `${x(typical.oldRatio99)} (${f(typical.old.p99)} ms; p50 ${f(typical.old.p50)} ms)` : '—',
      `${x(typical.ratio99)} (${f(typical.ours.p99)} vs ${f(typical.theirs.p99)} ms; p50 ${f(typical.ours.p50)} ms)`,
      typical.ratio99 <= TARGET_VS_THEIRS,
      typical.big
        ? `${typical.floor ? `this machine's round trip alone — a server that does no work, given the same edits — has a p99 of ${f(typical.floor.p99)} ms (p50 ${f(typical.floor.p50)} ms), ${x(typical.floorRatio99)} of their p99 before any work is done; ` : ''}the same server with a young generation of 64 MB (\`--max-semi-space-size=64\`, fewer collections), given the same edits: p99 ${f(typical.big.p99)} ms, ${x(typical.bigRatio99)} of theirs — ${gcShare(typical)}; the rest is the work of an edit (parse, bind, every check, the narrative's figures) against their schema check alone (p50 ${x(typical.ratio50)} of theirs)`
        : '',
    ),
  ];
  return {
    issue19,
    title: 'Language server latency',
    markdown,
    figures: [
      { name: 'didChange → diagnostics p50, typical report', value: typical.ours.p50, unit: 'ms' },
      { name: 'didChange → diagnostics p99, typical report', value: typical.ours.p99, unit: 'ms' },
      { name: 'ours / yaml-language-server at p99, typical report', value: typical.ratio99, unit: '×' },
      { name: 'didChange → diagnostics p50, large stress report', value: stress.ours.p50, unit: 'ms' },
      { name: 'completion right after an edit, p50', value: completion.afterEdit.ours.p50, unit: 'ms' },
    ],
    results: { typical, stress, completion, sane, version },
    targets: [
      {
        name: 'LSP diagnostics p99, typical report',
        target: `≤ ${TARGET_P99_MS} ms`,
        value: `${f(typical.ours.p99)} ms (p50 ${f(typical.ours.p50)} ms)`,
        met: typical.ours.p99 <= TARGET_P99_MS,
      },
      {
        name: 'LSP diagnostics p99 vs yaml-language-server',
        target: `≤ ${TARGET_VS_THEIRS}× theirs`,
        value: `${x(typical.ratio99)} (${f(typical.ours.p99)} vs ${f(typical.theirs.p99)} ms)`,
        met: typical.ratio99 <= TARGET_VS_THEIRS,
      },
    ],
  };
}
