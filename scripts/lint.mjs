// `npm run lint` (and the first step of `npm test`): ESLint (eslint.config.mjs), the formatting (Prettier) and the
// layering (dependency-cruiser, .dependency-cruiser.cjs), side by side; each one's output is printed when it ends,
// and the exit code is non-zero when any failed. ESLint and Prettier keep a cache under out/, so a second run
// checks only the files that changed; a clean clone checks everything.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const CHECKS = [
  ['eslint', bin('eslint'), ['--cache', '--cache-strategy', 'content', '--cache-location', 'out/.eslintcache', '.']],
  [
    'prettier',
    bin('prettier'),
    ['--check', '--log-level', 'warn', '--cache', '--cache-location', 'out/.prettiercache', '.'],
  ],
  [
    'dependency-cruiser',
    bin('depcruise'),
    [
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err',
      'core',
      'word',
      'extract',
      'protocol',
      'server',
      'client',
      'cli',
      'tools',
      'test',
    ],
  ],
];

function run([name, command, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.stack ?? error}\n`)));
    child.on('close', (status) => {
      const ok = status === 0;
      const text = Buffer.concat(output).toString('utf8').trim();
      if (text) console.log(text);
      console.log(`lint: ${name} ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolve(ok);
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
