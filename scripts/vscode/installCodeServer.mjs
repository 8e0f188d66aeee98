// Install code-server (VS Code 1.100.3 in a browser, the newest whose server runs on Node 20) into
// .vscode-test/code-server on first use, and reuse it after. Only the npm registry is used: Debian's ripgrep
// stands in for the GitHub-hosted prebuilt, Debian's Node headers for node-gyp's download.
// Usage: node scripts/vscode/installCodeServer.mjs   (prints the path of the code-server executable)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PREFIX = process.env.NIANBAO_CODE_SERVER_PREFIX || join(ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER = join(PREFIX, 'node_modules', '.bin', 'code-server');

function installedVersion() {
  try {
    return JSON.parse(readFileSync(join(PREFIX, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** @vscode/ripgrep's postinstall looks in this cache before it calls api.github.com. */
function seedRipgrepCache() {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep is missing: apt-get install ripgrep (see .ci/run)');
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cache, { recursive: true });
  const tarball = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!existsSync(tarball)) execFileSync('tar', ['czf', tarball, '-C', dirname(rg), 'rg']);
}

export function ensureCodeServer({ quiet = false } = {}) {
  if (installedVersion() === CODE_SERVER_VERSION && existsSync(CODE_SERVER)) return CODE_SERVER;
  const started = Date.now();
  if (!quiet)
    console.error(`[code-server] installing ${CODE_SERVER_VERSION} into ${PREFIX} (first use; about 2 minutes)`);
  seedRipgrepCache();
  mkdirSync(PREFIX, { recursive: true });
  const pkg = join(PREFIX, 'package.json');
  if (!existsSync(pkg)) writeFileSync(pkg, '{"name":"nianbao-code-server-cache","private":true}\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: PREFIX,
    stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      // postinstall.sh refuses to run as root without it
      npm_config_unsafe_perm: 'true',
      // node-pty's post-install runs `npx node-gyp`; npx must not stop to ask
      npm_config_yes: 'true',
      // node-gyp builds against Debian's Node headers instead of downloading them
      npm_config_nodedir: process.env.npm_config_nodedir || '/usr',
    },
  });
  if (r.status !== 0 || installedVersion() !== CODE_SERVER_VERSION) {
    throw new Error(`code-server install failed (exit ${r.status}); see the output above`);
  }
  if (!quiet) console.error(`[code-server] installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return CODE_SERVER;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer());
  } catch (error) {
    console.error(String(error.message || error));
    process.exit(2);
  }
}
