// Render time of the preview body and the export page for the examples (after `npm run build`).
// Usage: node scripts/bench-render.mjs [rounds]   — prints medians and p95; asserts nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianP95 } from '../bench/lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(import.meta.url)(join(root, 'out/core/src/index.js'));
const rounds = Number(process.argv[2] ?? 300);

const measure = (fn) => medianP95(fn, { calls: rounds, warm: 30, digits: 3 });

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
