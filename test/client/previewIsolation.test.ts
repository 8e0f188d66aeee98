/**
 * Isolation of the preview and trust of the workspace, read from the code itself (the panel's real options are
 * checked again in VS Code by test/client/integration/preview.test.ts):
 * - the webview options come from one function: scripts on (for the nonce'd page script), forms off, command links
 *   off, resources only from the extension's media folder;
 * - every webview the client creates or restores gets exactly those options, and no other file of the client sets
 *   any of them;
 * - the manifest declares untrusted workspaces supported and virtual workspaces not, and what makes the first
 *   true holds: no setting names a program or a path, the server is the extension's own bundle, and neither the
 *   client nor the server evaluates or spawns anything.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { previewWebviewOptions } from '../../client/src/preview/webviewOptions';
import { ROOT } from '../support/paths';

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [{ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

const CLIENT = sources(join(ROOT, 'client', 'src'));
const SERVER = sources(join(ROOT, 'server', 'src'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('the webview options: scripts for the page, no forms, no command links, resources from media/ only', () => {
  assert.deepEqual(previewWebviewOptions('MEDIA'), {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: ['MEDIA'],
  });
  const reportPreview = CLIENT.find((f) => f.path.endsWith('reportPreview.ts'))?.text ?? '';
  assert.match(
    reportPreview,
    /previewWebviewOptions\(vscode\.Uri\.joinPath\(extensionUri, 'media'\)\)/,
    'the media folder of the extension',
  );
});

test('every webview panel the client creates or restores gets those options and nothing that widens them', () => {
  const creations = CLIENT.flatMap((f) =>
    [...f.text.matchAll(/createWebviewPanel\(([\s\S]*?)\);/g)].map((m) => ({ path: f.path, call: m[1] })),
  );
  assert.ok(creations.length >= 1, 'the preview panel is created somewhere');
  for (const { path, call } of creations) {
    assert.match(call, /\.\.\.webviewOptions\(this\.extensionUri\)/, `${path}: options from webviewOptions()`);
    // Only display options may be added beside them.
    const extra = [...call.matchAll(/(\w+):/g)]
      .map((m) => m[1])
      .filter((k) => !['viewColumn', 'preserveFocus', 'enableFindWidget', 'retainContextWhenHidden'].includes(k));
    assert.deepEqual(extra, [], `${path}: other webview options`);
  }
  const assignments = CLIENT.flatMap((f) =>
    [...f.text.matchAll(/\.webview\.options\s*=\s*([^;]+);/g)].map((m) => ({ path: f.path, value: m[1] })),
  );
  assert.ok(assignments.length >= 1, 'a restored panel gets its options again');
  for (const { path, value } of assignments) assert.equal(value.trim(), 'webviewOptions(deps.extensionUri)', path);
  for (const f of CLIENT) {
    if (f.path.endsWith('webviewOptions.ts')) continue;
    // Reading the options back (the status command) is fine; stating one is not.
    assert.doesNotMatch(
      f.text,
      /(?:enableCommandUris|enableScripts|enableForms)\s*:\s*(?:true|false|\[)|localResourceRoots\s*:\s*\[/,
      `${f.path} sets a webview option itself`,
    );
  }
});

test('the page loads nothing but its own script and style: the CSP of media/preview.html', () => {
  const shell = readFileSync(join(ROOT, 'media', 'preview.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(shell)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-\{\{nonce\}\}'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
});

test('the trends page (年度趋势) loads nothing but its own scripts and style: the CSP of media/trends.html', () => {
  const shell = readFileSync(join(ROOT, 'media', 'trends.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(shell)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-\{\{nonce\}\}'/);
  assert.match(csp, /style-src 'nonce-\{\{nonce\}\}'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
  // Two scripts (the charting library, then the page's), one style sheet, all with the nonce, all from media/.
  assert.deepEqual(
    [...shell.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => [m[1], /nonce="\{\{nonce\}\}"/.test(m[0])]),
    [
      ['link', true],
      ['script', true],
      ['script', true],
    ],
  );
});

test('workspace trust: untrusted workspaces supported, virtual workspaces not (with the reason)', () => {
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
  assert.match(pkg.capabilities.virtualWorkspaces.description, /^%capabilities\.virtualWorkspaces%$/);
});

test('what makes an untrusted workspace safe: no setting names a program or a path; nothing is evaluated or spawned', () => {
  for (const [name, setting] of Object.entries(
    pkg.contributes.configuration.properties as Record<string, { type: string; enum?: unknown[] }>,
  )) {
    assert.ok(
      setting.type === 'boolean' || Array.isArray(setting.enum),
      `${name}: a free-form setting a workspace could point at a program`,
    );
  }
  for (const f of [...CLIENT, ...SERVER]) {
    assert.doesNotMatch(
      f.text,
      /\bchild_process\b|\beval\(|new Function\(|\brequire\(/,
      `${f.path} evaluates or spawns something`,
    );
  }
  const connection = CLIENT.find((f) => f.path.endsWith('serverConnection.ts'))?.text ?? '';
  assert.match(
    connection,
    /const module = this\.context\.asAbsolutePath\('dist\/server\.js'\)/,
    'the server is the extension’s own bundle',
  );
});
