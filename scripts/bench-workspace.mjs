// The language server's workspace index over a folder of generated, consistent reports (after `npm run build`):
// the initial index (server-side time and wall time until the index answers), the open document's first
// diagnostics while the folder is being indexed, the server's memory, and the time from an unsaved edit of one
// year's carry-forward to the republished diagnostics of next year's file (which nobody opened), with the number
// of reports re-checked. Prints figures; asserts nothing.
//
// Usage: node scripts/bench-workspace.mjs [--agencies 100] [--years 12] [--edits 20]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { series } from '../bench/generateReports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { LspClient, VSCODE_CAPABILITIES } = require(join(root, 'out/test/support/lspClient.js'));
const { DEFAULT_DIAGNOSTICS_DELAY_MS: DEBOUNCE_MS } = require(join(root, 'out/server/src/settings.js'));

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const AGENCIES = option('--agencies', 100);
const YEARS = option('--years', 12);
const EDITS = option('--edits', 20);
const FIRST_YEAR = 2019;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) =>
  `median ${median(xs).toFixed(1)} ms, min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
function rssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return (kb / 1024).toFixed(0);
  } catch {
    return '?';
  }
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-ws-'));
const pathOf = (a, year) => join(dir, `agency${a + 1}`, `${year}.nianbao.yaml`);
let count = 0;
for (let a = 0; a < AGENCIES; a++) {
  mkdirSync(join(dir, `agency${a + 1}`));
  for (const r of series({
    agency: `示范省第${a + 1}号测试机关`,
    firstYear: FIRST_YEAR,
    years: YEARS,
    seed: a + 1,
    government: a % 5 === 0,
  })) {
    writeFileSync(pathOf(a, r.year), r.text);
    count++;
  }
}
console.log(
  `${count} reports (${AGENCIES} agencies × ${YEARS} years, ${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}) in ${dir}`,
);

const caps = {
  ...VSCODE_CAPABILITIES,
  workspace: { ...VSCODE_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
};
let client;
try {
  // The report that will be edited: mid-series of an agency in the middle of the folder (indexed late).
  const agency = Math.floor(AGENCIES / 2);
  const year = FIRST_YEAR + Math.floor(YEARS / 2);
  const editedPath = pathOf(agency, year);
  const nextUri = pathToFileURL(pathOf(agency, year + 1)).href;
  const uri = pathToFileURL(editedPath).href;
  const text = readFileSync(editedPath, 'utf8');

  const started = performance.now();
  client = await LspClient.start({ workspaceFolders: [dir], capabilities: caps });
  const openAt = performance.now();
  await client.open(uri, text);
  const firstDiagnostics = performance.now() - openAt;
  // Hovers while the folder is being indexed: the editor is served between files.
  let indexed = false;
  const statsPromise = client.connection.sendRequest('nianbao/workspaceIndex').then((s) => ((indexed = true), s));
  const hovers = [];
  const hoverLine = text.split('\n').findIndex((l) => l.includes('本年新收政府信息公开申请数量'));
  while (!indexed) {
    const t = performance.now();
    await client.hover(uri, { line: hoverLine, character: 4 });
    if (!indexed) hovers.push(performance.now() - t);
  }
  const stats = await statsPromise;
  const wall = performance.now() - started;
  console.log(
    `first diagnostics of an open document while the folder is indexed: ${firstDiagnostics.toFixed(1)} ms after didOpen`,
  );
  console.log(
    `initial index: ${stats.initialIndexMs.toFixed(0)} ms in the server (${((stats.initialIndexMs / count) * 1000).toFixed(0)} µs/report, ` +
      `${stats.filesRead} files read, ${stats.reports} reports, ${stats.agencies} agencies); ${wall.toFixed(0)} ms from spawning the server until the index answers`,
  );
  if (hovers.length) console.log(`hover round trips during the initial index: ${hovers.length}, ${fmt(hovers)}`);
  console.log(
    `server process RSS after indexing: ${rssMb(client.process.pid)} MB; publications so far: ${client.publications.length}`,
  );

  // One unsaved edit of the carry-forward, then back: next year's file (not open) gets NB306, then loses it.
  const broken = text.replace(/  结转下年度继续办理: \[(\d+),/, (_m, n) => `  结转下年度继续办理: [${Number(n) + 1},`);
  if (broken === text) throw new Error('no carry-forward row to edit');
  const lastFor = (u) => [...client.publications].reverse().find((p) => p.uri === u);
  const toNext = [];
  const rechecks = [];
  for (let k = 0; k < EDITS; k++) {
    const wantBroken = k % 2 === 0;
    const before = (await client.connection.sendRequest('nianbao/workspaceIndex')).rechecks;
    const t = performance.now();
    client.sendChange(uri, [{ text: wantBroken ? broken : text }]);
    await client.waitFor('next year republished', () => {
      const p = lastFor(nextUri);
      const has = p?.diagnostics.some((d) => d.code === 'NB306') ?? false;
      return has === wantBroken && p ? true : undefined;
    });
    toNext.push(performance.now() - t);
    rechecks.push((await client.connection.sendRequest('nianbao/workspaceIndex')).rechecks - before);
  }
  console.log(
    `unsaved edit of one carry-forward → next year's file republished: ${fmt(toNext)} (of which ${DEBOUNCE_MS} ms is the debounce)`,
  );
  console.log(
    `  without the debounce: median ${(median(toNext) - DEBOUNCE_MS).toFixed(1)} ms; reports re-checked per edit: ${[...new Set(rechecks)].join(' or ')}`,
  );

  const own = [];
  const quiet = [];
  for (let k = 0; k < EDITS; k++) {
    const before = (await client.connection.sendRequest('nianbao/workspaceIndex')).rechecks;
    const t = performance.now();
    const version = client.sendChange(uri, [
      {
        text: text.replace(
          '本机关无其他需要报告的事项。',
          k % 2 ? '本机关无其他需要报告的事项。' : '本机关无其他需要报告的事项，特此报告。',
        ),
      },
    ]);
    await client.diagnosticsFor(uri, version);
    own.push(performance.now() - t);
    quiet.push((await client.connection.sendRequest('nianbao/workspaceIndex')).rechecks - before);
  }
  console.log(
    `edit in 六 (no cross fact moves) → its own diagnostics: ${fmt(own)}; cross re-checks per edit: ${[...new Set(quiet)].join(' or ')}`,
  );
} finally {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
}
