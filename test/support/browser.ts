/**
 * A real Chromium for the browser suites (Debian's /usr/bin/chromium driven by playwright-core), a loopback
 * HTTP server for the pages under test, and the preview shell filled in by the VS Code client's own
 * `previewShell` (client/src/preview/previewShell.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { newNonce, previewShell, readShell } from '../../client/src/preview/previewShell';
import { ROOT } from './paths';

export const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh persistent context in a temporary profile directory, removed on close. */
export async function launch(viewport = { width: 1000, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set NIANBAO_CHROMIUM)`);
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Served {
  readonly origin: string;
  /** Every path requested, in order. */
  readonly requests: string[];
  set(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/** A loopback server for fixed pages; anything else is a 404 (and stays in `requests`). */
export async function serve(): Promise<Served> {
  const pages = new Map<string, { body: string; type: string }>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    set(path, body, type = 'text/html; charset=utf-8') {
      pages.set(path, { body, type });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Serve the preview shell at /preview.html with media/preview.js and preview.css, plus a harness script that
 * stands in for the webview API (`acquireVsCodeApi`): it records what the page posts to the host (and passes it
 * to `window.__nbHost` when a test exposes one) and keeps the webview state in sessionStorage.
 */
export function servePreview(served: Served, title = '预览'): void {
  const nonce = newNonce();
  const shell = previewShell(readShell(join(ROOT, 'media')), {
    nonce,
    styleUri: '/media/preview.css',
    scriptUri: '/media/preview.js',
    title,
  }).replace('<script nonce=', `<script nonce="${nonce}" src="/harness.js"></script>\n<script nonce=`);
  served.set('/preview.html', shell);
  served.set(
    '/media/preview.js',
    readFileSync(join(ROOT, 'media', 'preview.js'), 'utf8'),
    'text/javascript; charset=utf-8',
  );
  served.set('/media/preview.css', readFileSync(join(ROOT, 'media', 'preview.css'), 'utf8'), 'text/css; charset=utf-8');
  served.set('/harness.js', HARNESS, 'text/javascript; charset=utf-8');
}

/**
 * The harness that stands in for the webview API: what the page posts is recorded (and passed to `window.__nbHost`
 * when a test sets one), the webview state kept in sessionStorage, and every Content-Security-Policy violation
 * recorded in `window.__violations`.
 */
const HARNESS = [
  'window.__posted = [];',
  'window.__violations = [];',
  'document.addEventListener("securitypolicyviolation", function (e) {',
  '  window.__violations.push(e.violatedDirective + " " + e.blockedURI);',
  '});',
  // The webview state survives a reload of the page, as VS Code keeps it when it rebuilds a hidden webview.
  'window.acquireVsCodeApi = function () {',
  '  return {',
  '    postMessage: function (m) {',
  '      window.__posted.push(m);',
  '      window.dispatchEvent(new CustomEvent("nb-posted", { detail: m }));',
  '      if (typeof window.__nbHost === "function") window.__nbHost(m);',
  '    },',
  '    getState: function () { var s = sessionStorage.getItem("nb-state"); return s ? JSON.parse(s) : undefined; },',
  '    setState: function (v) { sessionStorage.setItem("nb-state", JSON.stringify(v)); },',
  '  };',
  '};',
].join('\n');

/**
 * Serve the trends page at /trends.html — media/trends.html filled by the client's `previewShell`, the charting
 * library from media/vendor (copied there by the build), media/trends.js and trends.css — with the same harness.
 */
export function serveTrends(served: Served, title = '年度趋势'): void {
  const nonce = newNonce();
  const shell = previewShell(readShell(join(ROOT, 'media'), 'trends.html'), {
    nonce,
    styleUri: '/media/trends.css',
    scriptUri: '/media/trends.js',
    chartUri: '/media/vendor/chart.umd.min.js',
    title,
  }).replace('<script nonce=', `<script nonce="${nonce}" src="/harness.js"></script>\n<script nonce=`);
  served.set('/trends.html', shell);
  for (const [path, type] of [
    ['trends.js', 'text/javascript'],
    ['trends.css', 'text/css'],
    ['vendor/chart.umd.min.js', 'text/javascript'],
  ])
    served.set(`/media/${path}`, readFileSync(join(ROOT, 'media', path), 'utf8'), `${type}; charset=utf-8`);
  served.set('/harness.js', HARNESS, 'text/javascript; charset=utf-8');
}

/**
 * Let the pages load only what `served` serves: any other request — another origin, or one of the `/loaded/` paths
 * the hostile payloads point at — is aborted and recorded in `foreign`.
 */
export async function onlyServed(browser: Browser, served: Served, foreign: string[]): Promise<void> {
  await browser.context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(served.origin) && !new URL(url).pathname.startsWith('/loaded/')) await route.continue();
    else {
      foreign.push(url);
      await route.abort();
    }
  });
}

/** Where screenshots go: out/screenshots always; docs/ too when NIANBAO_SCREENSHOTS=docs. */
export function screenshotPaths(name: string): string[] {
  const paths = [join(ROOT, 'out', 'screenshots', name)];
  if (process.env.NIANBAO_SCREENSHOTS === 'docs') paths.push(join(ROOT, 'docs', name));
  return paths;
}

/** A message the preview page (`media/preview.js`) posts to the extension, as the browser tests record it. */
export interface Posted {
  readonly type: string;
  readonly version?: number;
  readonly ms?: number;
  readonly path?: (string | number)[];
  readonly start?: number;
  readonly end?: number;
}
