/**
 * Debian's Emacs (28, `emacs-nox`) with eglot (`elpa-eglot` 1.9) and yaml-mode (`elpa-yaml-mode`), in batch, with
 * exactly the setup docs/other-editors.md gives, against the real language server: the mode derived from
 * yaml-mode (no tabs), the project root (last year's report on disk is read: NB306), completion by pinyin initials,
 * hover, M-. to last year's cell, formatting, and the settings in the initialization options.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { documentedSetup, editorWorkspace } from '../support/editorSetup';
import type { EditorWorkspace } from '../support/editorSetup';
import { ROOT } from '../support/paths';

const HARNESS = join(ROOT, 'test', 'support', 'editors', 'emacs-harness.el');

interface Found {
  errors: string[];
  mode: string;
  derivedFromYaml: boolean;
  indentTabsMode: boolean;
  commentStart: string;
  connected: boolean;
  root: string;
  diagnostics: string[];
  tabLine: string;
  completions: string[];
  hover: string;
  formatOriginal: string;
  formatBefore: string;
  formatAfter: string;
  definitionFile: string;
  definitionLine: number;
  definitionColumn: number;
}

let ws: EditorWorkspace;
before(() => {
  const version = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
  assert.equal(
    version.status,
    0,
    'Emacs is missing: apt-get install emacs-nox elpa-eglot elpa-yaml-mode (see .ci/run)',
  );
  ws = editorWorkspace('nianbao-emacs-');
});
after(() => rmSync(ws.root, { recursive: true, force: true }));

/** Emacs in batch with the documented init (`edit` applied to it) and the harness; what it found. */
function runEmacs(edit: (setup: string) => string = (s) => s): Found {
  const init = join(ws.root, 'init.el');
  writeFileSync(init, edit(documentedSetup('emacs')));
  const out = join(ws.root, 'found.json');
  rmSync(out, { force: true });
  // -q: no user init file (ours is loaded with -l), but Debian's site start-up, which puts its elpa packages on the
  // load path as in a normal Emacs.
  const r = spawnSync('emacs', ['--batch', '-q', '-l', init, '-l', HARNESS], {
    cwd: ws.folder,
    encoding: 'utf8',
    env: { ...process.env, PATH: ws.path, HOME: ws.root, NB_FILE: ws.report, NB_OUT: out },
  });
  assert.equal(r.status, 0, `emacs exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Found;
}

let found: Found;
test('the documented setup: nianbao-mode from yaml-mode (spaces, # comments), eglot connected at the project root', () => {
  found = runEmacs();
  assert.deepEqual(found.errors, []);
  assert.equal(found.mode, 'nianbao-mode');
  assert.equal(found.derivedFromYaml, true);
  assert.equal(found.indentTabsMode, false);
  assert.equal(found.commentStart, '# ');
  assert.equal(found.connected, true);
  assert.equal(found.root.replace(/\/$/, ''), ws.folder);
  assert.ok(!found.tabLine.includes('\t') && /^ +yygk$/.test(found.tabLine), JSON.stringify(found.tabLine));
});

test('Flymake shows the findings in Chinese, the carry-over from last year’s report nobody opened included', () => {
  assert.ok(
    found.diagnostics.some((m) => /NB306.*上年结转政府信息公开申请数量·总计 应为 6/.test(m)),
    found.diagnostics.join('\n'),
  );
});

test('completion finds 予以公开 from yygk; hover; M-. opens last year’s cell', () => {
  assert.ok(
    found.completions.some((c) => c.includes('予以公开')),
    found.completions.join(' | '),
  );
  assert.match(found.hover, /二、上年结转政府信息公开申请数量/);
  assert.equal(found.definitionFile, ws.lastYear);
  const lastYear = readFileSync(ws.lastYear, 'utf8').split('\n');
  assert.equal(
    found.definitionLine,
    lastYear.findIndex((l) => l.startsWith('  结转下年度继续办理:')),
  );
  assert.equal(found.definitionColumn, '  结转下年度继续办理: ['.length);
});

test('eglot-format-buffer puts an untidy row back in the canonical layout', () => {
  assert.notEqual(found.formatBefore, found.formatOriginal);
  assert.equal(found.formatAfter, found.formatOriginal);
});

test('the settings in :initializationOptions are read: :language "en" gives English messages', () => {
  const english = runEmacs((setup) => {
    const edited = setup.replace(':language "zh"', ':language "en"');
    assert.notEqual(edited, setup);
    return edited;
  });
  assert.deepEqual(english.errors, []);
  assert.ok(
    english.diagnostics.some((m) => /should be 6/.test(m)),
    english.diagnostics.join('\n'),
  );
});
