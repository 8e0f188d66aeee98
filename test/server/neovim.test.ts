/**
 * Debian's Neovim (0.7, the `neovim` package) headless, with exactly the setup docs/other-editors.md gives, against
 * the real language server: the file type that keeps YAML's settings (Tab inserts spaces), the workspace root
 * (last year's report on disk is read: NB306), hover, completion (and why pinyin needs a plugin there), go to
 * last year's cell, formatting, and the settings in the initialization options.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { documentedSetup, editorWorkspace } from '../support/editorSetup';
import type { EditorWorkspace } from '../support/editorSetup';
import { ROOT } from '../support/paths';

const HARNESS = join(ROOT, 'test', 'support', 'editors', 'neovim-harness.lua');

interface Found {
  errors: string[];
  filetype: string;
  expandtab: boolean;
  shiftwidth: number;
  commentstring: string;
  syntax: string;
  attached: boolean;
  root: string;
  diagnostics: { line: number; message: string }[];
  tabLine: string;
  hover: string;
  completionLabels: string[];
  completionFilterText: string;
  builtinForPinyin: number;
  builtinForChinese: number;
  definition: { uri: string; line: number; character: number };
  formatBefore: string;
  formatAfter: string;
  formatOriginal: string;
}

let ws: EditorWorkspace;
before(() => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, 'Neovim is missing: apt-get install neovim (see .ci/run)');
  ws = editorWorkspace('nianbao-nvim-');
});
after(() => rmSync(ws.root, { recursive: true, force: true }));

/** Neovim with the documented init.lua (`edit` applied to it), the harness run on the report; what it found. */
function runNeovim(edit: (setup: string) => string = (s) => s): Found {
  const init = join(ws.root, 'init.lua');
  writeFileSync(init, edit(documentedSetup('neovim-0.7')));
  const out = join(ws.root, 'found.json');
  rmSync(out, { force: true });
  const r = spawnSync('nvim', ['--headless', '-i', 'NONE', '-u', init, ws.report, '-c', `luafile ${HARNESS}`], {
    cwd: ws.folder,
    encoding: 'utf8',
    env: { ...process.env, PATH: ws.path, NB_OUT: out, XDG_STATE_HOME: ws.root, XDG_DATA_HOME: ws.root },
  });
  assert.equal(r.status, 0, `nvim exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Found;
}

let found: Found;
test('the documented setup: file type yaml.nianbao with YAML’s settings, attached with the workspace as root', () => {
  found = runNeovim();
  assert.deepEqual(found.errors, []);
  assert.equal(found.filetype, 'yaml.nianbao');
  assert.equal(found.expandtab, true, 'Tab inserts spaces');
  assert.equal(found.shiftwidth, 2);
  assert.match(found.commentstring, /^#/);
  assert.equal(found.syntax, 'yaml', 'YAML highlighting');
  assert.equal(found.attached, true);
  assert.equal(found.root, ws.folder);
  assert.ok(!found.tabLine.includes('\t') && /^ +yygk$/.test(found.tabLine), JSON.stringify(found.tabLine));
});

test('diagnostics in Chinese, including the carry-over from last year’s report nobody opened', () => {
  const messages = found.diagnostics.map((d) => d.message);
  assert.ok(
    messages.some((m) => /上年结转政府信息公开申请数量·总计 应为 6：2021年度年报（eco-2021\.nianbao\.yaml）/.test(m)),
    messages.join('\n'),
  );
  assert.ok(
    messages.some((m) => /应为 6（自然人 2/.test(m)),
    'the row total',
  );
});

test('hover, completion by pinyin through filterText (which Neovim’s own completion ignores), F12 to last year', () => {
  assert.match(found.hover, /二、上年结转政府信息公开申请数量/);
  assert.ok(
    found.completionLabels.some((l) => l.includes('（一）予以公开')),
    found.completionLabels.join(' | '),
  );
  assert.match(found.completionFilterText, /yygk/);
  assert.equal(found.builtinForPinyin, 0, 'omnifunc keeps only items that start with the typed text');
  assert.ok(found.builtinForChinese > 0);
  const lastYear = readFileSync(ws.lastYear, 'utf8').split('\n');
  assert.equal(found.definition.uri, pathToFileURL(ws.lastYear).href);
  assert.equal(
    found.definition.line,
    lastYear.findIndex((l) => l.startsWith('  结转下年度继续办理:')),
  );
  assert.equal(found.definition.character, '  结转下年度继续办理: ['.length);
});

test('formatting puts an untidy row back in the canonical layout', () => {
  assert.notEqual(found.formatBefore, found.formatOriginal);
  assert.equal(found.formatAfter, found.formatOriginal);
});

test('the settings in init_options are read: language = "en" gives English messages', () => {
  const english = runNeovim((setup) => {
    const edited = setup.replace("language = 'zh'", "language = 'en'");
    assert.notEqual(edited, setup);
    return edited;
  });
  assert.deepEqual(english.errors, []);
  assert.ok(
    english.diagnostics.some((d) => /should be 6/.test(d.message)),
    english.diagnostics.map((d) => d.message).join('\n'),
  );
});
