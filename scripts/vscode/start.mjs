// `npm start`: build the extension and open examples/ with it — in the user's own VS Code when `code` is on the
// PATH (--extensionDevelopmentPath), otherwise in a local code-server on 127.0.0.1 whose URL is printed.
// Options: --code-server (use code-server even if `code` exists), --port=N, env PORT.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './codeServer.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));
const portArg = process.argv.slice(2).find((a) => a.startsWith('--port='));
const port = Number(portArg ? portArg.slice(7) : process.env.PORT || 18080);

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const hasCode =
  !args.has('--code-server') && spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim() !== '';
if (hasCode) {
  const child = spawn('code', ['--extensionDevelopmentPath', ROOT, '--new-window', join(ROOT, 'examples')], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const cs = await startCodeServer({ port });
  // A copy of the examples, so that trying the product never edits the repository's files.
  const workspace = join(cs.state, 'ws', 'examples');
  mkdirSync(workspace, { recursive: true });
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${cs.port}${ROOT}`],
    ['skipWelcome', 'true'],
  ];
  const url = `${cs.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log('\nnianbao is running in code-server (VS Code in the browser). Open this address:\n');
  console.log(`  ${url}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await cs.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
