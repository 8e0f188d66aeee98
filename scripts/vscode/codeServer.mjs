// Start code-server on loopback with all its state in a fresh temporary folder (never $HOME), no auth, no
// telemetry, no marketplace; stop it with its whole process group (extension hosts outlive the main pid).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer } from './installCodeServer.mjs';

const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'git.autofetch': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'files.autoSave': 'off',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * @param {{ port?: number, settings?: object, install?: string[], env?: object, keepState?: boolean, locale?: string }} options
 */
export async function startCodeServer(options = {}) {
  const bin = ensureCodeServer();
  const port = options.port ?? (await freePort());
  const state = mkdtempSync(join(tmpdir(), 'nianbao-code-server-'));
  for (const d of ['ud/User', 'ext', 'xdg-config', 'xdg-data', 'tmp', 'ws'])
    mkdirSync(join(state, d), { recursive: true });
  const config = join(state, 'config.yaml');
  writeFileSync(
    config,
    [
      `bind-addr: 127.0.0.1:${port}`,
      'auth: none',
      'cert: false',
      'disable-telemetry: true',
      'disable-update-check: true',
      'disable-workspace-trust: true',
      'disable-getting-started-override: true',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(state, 'ud/User/settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(options.settings ?? {}) }, null, 2),
  );
  if (options.locale) writeFileSync(join(state, 'ud/User/argv.json'), JSON.stringify({ locale: options.locale }));
  const args = ['--config', config, '--user-data-dir', join(state, 'ud'), '--extensions-dir', join(state, 'ext')];
  const env = {
    ...process.env,
    TMPDIR: join(state, 'tmp'),
    XDG_CONFIG_HOME: join(state, 'xdg-config'),
    XDG_DATA_HOME: join(state, 'xdg-data'),
    EXTENSIONS_GALLERY: '{}',
    // Skip the login-shell environment probe: faster, and the extension host sees exactly this environment.
    VSCODE_CLI: '1',
    ...(options.env ?? {}),
  };
  for (const vsix of options.install ?? []) {
    const r = spawnSync(bin, [...args, '--install-extension', vsix, '--force'], { cwd: state, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed:\n${r.stdout}${r.stderr}`);
  }
  const logFile = join(state, 'code-server.log');
  const fd = openSync(logFile, 'w');
  const child = spawn(bin, [...args, '--ignore-last-opened', ...(options.locale ? ['--locale', options.locale] : [])], {
    cwd: state,
    env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const stop = async () => {
    if (groupAlive()) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      for (let i = 0; i < 50 && groupAlive(); i++) await sleep(100);
      if (groupAlive()) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }
    }
    if (!options.keepState) rmSync(state, { recursive: true, force: true });
  };
  for (let i = 0; !(await healthy(port)); i++) {
    if (child.exitCode !== null || i > 600) {
      const log = readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`code-server did not come up:\n${log}`);
    }
    await sleep(100);
  }
  // The VS Code server starts lazily on the first workbench request; start it now.
  http.get({ host: '127.0.0.1', port, path: '/' }, (res) => res.resume()).on('error', () => {});
  return { port, url: `http://127.0.0.1:${port}`, state, workspace: join(state, 'ws'), pid: child.pid, logFile, stop };
}

/** Chromium flags for this machine: no network beyond loopback, no background services. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
