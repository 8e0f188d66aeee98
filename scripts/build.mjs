// Build: type-check and emit `out/` for the tests (tsc -b), then bundle the entry points into `dist/` (esbuild).
// Usage: node scripts/build.mjs [--no-tsc] [--watch]
import { build, context } from 'esbuild';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

if (!args.has('--no-tsc')) {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/**
 * The charting library of the trends page, where the webview may load it from: media/vendor/ (not committed; its
 * licence banner kept, the source-map comment dropped so that nothing asks for a file that is not shipped).
 */
const vendor = join(root, 'media', 'vendor');
mkdirSync(vendor, { recursive: true });
writeFileSync(
  join(vendor, 'chart.umd.min.js'),
  readFileSync(join(root, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), 'utf8').replace(
    /\n?\/\/# sourceMappingURL=.*\s*$/,
    '\n',
  ),
);

/**
 * Bundles: the CLI (and its worker threads), the language server and the VS Code client (`vscode` is provided by the
 * editor), and the PDF reader's worker thread (pdfjs-dist), which the CLI and the server start from beside them.
 */
const entries = [
  { in: 'cli/src/main.ts', out: 'dist/cli.js' },
  // The CLI's worker threads (`cli/src/pool.ts` starts `cliWorker.js` from beside itself).
  { in: 'cli/src/cliWorker.ts', out: 'dist/cliWorker.js' },
  { in: 'server/src/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js' },
  // pdf.js tells some of its classes apart by `constructor.name`: their names are kept there.
  { in: 'extract/src/pdfWorker.ts', out: 'dist/pdfWorker.js', keepNames: true },
].filter((e) => existsSync(join(root, e.in)));

/**
 * pdfjs-dist's binary CMaps for Chinese fonts that a PDF names without embedding them (the GB encodings and
 * the Adobe-GB1 character collection), read by the PDF reader from dist/cmaps.
 */
function copyCmaps() {
  const from = join(root, 'node_modules', 'pdfjs-dist', 'cmaps');
  if (!existsSync(from)) return;
  const to = join(root, 'dist', 'cmaps');
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from))
    if (/^(?:Adobe-GB1|UniGB|GB)/.test(name)) copyFileSync(join(from, name), join(to, name));
}

const options = (e) => ({
  absWorkingDir: root,
  entryPoints: [e.in],
  outfile: e.out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  minify: !args.has('--watch'),
  // Elsewhere nothing reads a function's `name`; keeping names wraps every closure in a call that sets it, each
  // time it is created, which cost about 3 % of a batch check's CPU.
  keepNames: e.keepNames === true,
  logLevel: 'warning',
  legalComments: 'none',
});

if (args.has('--watch')) {
  for (const e of entries) await (await context(options(e))).watch();
  console.log('watching', entries.map((e) => e.in).join(', '));
} else {
  await Promise.all(entries.map((e) => build(options(e))));
}
copyCmaps();

/**
 * The project's own commands in node_modules/.bin, where `npx` looks first: without them `npx nianbao` in a checkout
 * (the README's start) would install the checkout into npm's cache and build it again, about 40 s, because npm links
 * the bins of dependencies only. npm ci recreates node_modules, so this runs again through `prepare`.
 */
function linkOwnBins() {
  const binDir = join(root, 'node_modules', '.bin');
  if (!existsSync(join(root, 'node_modules'))) return;
  mkdirSync(binDir, { recursive: true });
  const bins = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin;
  for (const [name, target] of Object.entries(bins)) {
    const link = join(binDir, process.platform === 'win32' ? `${name}.cmd` : name);
    rmSync(link, { force: true });
    if (process.platform === 'win32')
      writeFileSync(link, `@node "%~dp0\\..\\..\\${target.replace(/\//g, '\\')}" %*\r\n`);
    else symlinkSync(join('..', '..', target), link);
  }
}
linkOwnBins();
