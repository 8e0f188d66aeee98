// Import time for the seed text, the import fixtures and rendered example pages (after `npm run build`).
// Usage: node scripts/bench-import.mjs [rounds]   — prints medians and p95; asserts nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianP95 } from '../bench/lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(import.meta.url)(join(root, 'out/core/src/index.js'));
const rounds = Number(process.argv[2] ?? 200);

const measure = (fn) => medianP95(fn, { calls: rounds, warm: 20, digits: 2 });

const fixtures = join(root, 'test', 'fixtures', 'import');
const inputs = readdirSync(fixtures)
  .filter((n) => /\.(html|txt)$/.test(n))
  .map((n) => [n, readFileSync(join(fixtures, n))]);
for (const name of readdirSync(join(root, 'examples')).filter((n) => n.endsWith('.nianbao.yaml'))) {
  const page = core.renderPage(core.analyze(readFileSync(join(root, 'examples', name), 'utf8'))).html;
  inputs.push([`${name} rendered`, Buffer.from(page)]);
}
console.log(`importReport, ${rounds} rounds each`);
for (const [name, bytes] of inputs)
  console.log(
    `  ${name.padEnd(40)} ${String(bytes.length).padStart(6)} bytes  ${measure(() => core.importReport(bytes))}`,
  );
