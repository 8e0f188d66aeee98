// Render time of the preview body and the export page for the examples (after `npm run build`).
// Usage: node scripts/bench-render.mjs [rounds]   — prints medians and p95; asserts nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(import.meta.url)(join(root, 'out/core/src/index.js'));
const rounds = Number(process.argv[2] ?? 300);

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms`;
}

function measure(fn) {
  for (let i = 0; i < 30; i++) fn(); // warm up the JIT
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return stats(times);
}

const examples = readdirSync(join(root, 'examples')).filter((n) => n.endsWith('.nianbao.yaml'));
for (const name of examples) {
  const text = readFileSync(join(root, 'examples', name), 'utf8');
  const analysis = core.analyze(text);
  const body = core.renderReport(analysis, { annotate: true });
  console.log(`${name} (${text.length} chars → body ${body.html.length} chars), ${rounds} rounds`);
  console.log(`  analyze               ${measure(() => core.analyze(text))}`);
  console.log(`  renderReport (preview) ${measure(() => core.renderReport(analysis, { annotate: true }))}`);
  console.log(`  renderPage (export)    ${measure(() => core.renderPage(analysis))}`);
}
