// Round trips to the real language server over stdio (after `npm run build`): completion, hover, an edit followed
// by completion (a new version analysed), and an edit until its diagnostics arrive (the 150 ms debounce included).
// Usage: node scripts/bench-server.mjs [rounds]   — prints medians and p95; asserts nothing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { LspClient, fileUri } = createRequire(import.meta.url)(join(root, 'out/test/support/lspClient.js'));
const rounds = Number(process.argv[2] ?? 100);

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`;
}

async function measure(n, fn) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return stats(times);
}

const text = readFileSync(join(root, 'examples', 'shifan-2024.nianbao.yaml'), 'utf8');
const line = text.split('\n').findIndex((l) => l.startsWith('    部分公开:'));
const client = await LspClient.start();
try {
  const uri = fileUri('bench.nianbao.yaml');
  await client.open(uri, text);
  const edit = (i) =>
    client.sendChange(uri, [
      { range: { start: { line, character: 11 }, end: { line, character: 12 } }, text: String(7 + (i % 2)) },
    ]);
  await measure(20, () => client.completion(uri, { line, character: 4 })); // warm up
  console.log(
    `completion, same version:        ${await measure(rounds, () => client.completion(uri, { line, character: 4 }))}`,
  );
  console.log(
    `hover, same version:             ${await measure(rounds, () => client.hover(uri, { line, character: 12 }))}`,
  );
  console.log(
    `edit + completion (re-analysed): ${await measure(rounds, (i) => (edit(i), client.completion(uri, { line, character: 4 })))}`,
  );
  console.log(
    `edit → its diagnostics:          ${await measure(Math.min(rounds, 30), (i) => client.diagnosticsFor(uri, edit(i)))}`,
  );
} finally {
  await client.stop();
}
