/**
 * The server's workspace index through the real server over stdio: a folder of reports (the broken series of
 * test/fixtures/rules/nb306/broken.fail/ copied to a temporary folder) indexed from disk, cross findings published on
 * files nobody opened, unsaved edits of last year's report changing this year's diagnostics, files created, changed,
 * renamed and deleted on disk (workspace/didChangeWatchedFiles, workspace/didRenameFiles), duplicates, related
 * locations in the other file, and the quick fix of a carry-over.
 */
import assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../core/src/index';
import type { WorkspaceIndexResult } from '../../protocol/src/protocol';
import { actualMarkers, expectedMarkers } from '../support/fixtures';
import { LspClient, VSCODE_CAPABILITIES } from '../support/lspClient';
import { SERIES } from '../support/paths';

const BROKEN = SERIES.broken;
const CHANGED = 2;
const DELETED = 3;
const CREATED = 1;

let root: string;
let series: string;
let client: LspClient;

const uriOf = (path: string): string => pathToFileURL(path).href;
const fileIn = (dir: string, year: number, suffix = ''): string => join(dir, `eco-${year}${suffix}.nianbao.yaml`);

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

/** The latest publication for `uri` once it satisfies `predicate` (an earlier one that did is not enough). */
function settled(uri: string, describe: string, predicate: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return client.waitFor(`${describe} (${uri})`, () => {
    const last = [...client.publications].reverse().find((p) => p.uri === uri);
    return last && predicate(last.diagnostics) ? last.diagnostics : undefined;
  });
}

const indexStats = (): Promise<WorkspaceIndexResult> =>
  client.connection.sendRequest<WorkspaceIndexResult>('nianbao/workspaceIndex');

function watched(changes: { uri: string; type: number }[]): Promise<void> {
  return client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  series = join(root, 'series');
  mkdirSync(series);
  for (const name of readdirSync(BROKEN)) copyFileSync(join(BROKEN, name), join(series, name));
  // Never indexed: dependencies and hidden folders.
  for (const skipped of ['node_modules', '.history']) {
    mkdirSync(join(root, skipped));
    copyFileSync(join(BROKEN, 'eco-2020.nianbao.yaml'), join(root, skipped, 'eco-2020.nianbao.yaml'));
  }
  client = await LspClient.start({
    workspaceFolders: [root],
    capabilities: {
      ...VSCODE_CAPABILITIES,
      workspace: { ...VSCODE_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
    },
  });
});

after(async () => {
  await client.stop();
  rmSync(root, { recursive: true, force: true });
});

test('the folder is indexed from disk; files nobody opened get their own and their cross findings', async () => {
  const stats = await indexStats();
  assert.deepEqual(
    [stats.reports, stats.agencies, stats.years],
    [5, 1, [2019, 2020, 2021, 2022, 2023]],
    'node_modules and .history are skipped',
  );
  for (const year of [2020, 2021, 2022]) {
    const path = fileIn(series, year);
    const published = await settled(uriOf(path), 'published', () => true);
    assert.deepEqual(actualMarkers(published), expectedMarkers(readFileSync(path, 'utf8')), `eco-${year}`);
  }
  assert.equal(
    client.publications.filter((p) => p.uri === uriOf(fileIn(series, 2019)) && p.diagnostics.length > 0).length,
    0,
    'a clean file is not published',
  );
  // The server asked the client to watch report files (and deletions, which report a deleted folder alone).
  const registration = client.requests.find((r) => r.method === 'client/registerCapability');
  const watchers = (
    registration?.params as {
      registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[];
    }
  ).registrations[0];
  assert.equal(watchers.method, 'workspace/didChangeWatchedFiles');
  assert.deepEqual(
    watchers.registerOptions.watchers.map((w) => w.globPattern),
    ['**/*.{nianbao.yaml,nianbao.yml}', '**/*'],
  );
});

test("related information points at last year's cell in the other file", async () => {
  const current = await settled(uriOf(fileIn(series, 2020)), 'NB306', (d) => d.some((x) => x.code === 'NB306'));
  const previousText = readFileSync(fileIn(series, 2019), 'utf8');
  const lines = new LineIndex(previousText);
  const carry = current.filter((d) => d.code === 'NB306');
  assert.equal(carry.length, 2);
  for (const d of carry) {
    assert.match(d.message, /eco-2019\.nianbao\.yaml/, 'the message names last year’s file');
    const related = d.relatedInformation?.[0];
    assert.ok(related, 'a related location');
    assert.equal(related.location.uri, uriOf(fileIn(series, 2019)));
    const range = related.location.range;
    const shown = previousText.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
    assert.equal(lines.lineText(range.start.line).trim().split(':')[0], '结转下年度继续办理');
    assert.match(related.message, new RegExp(`= ${shown}$`), 'the related message states the cell’s value');
  }
  const natural = carry.find((d) => d.message.includes('自然人'));
  const related = natural?.relatedInformation?.[0]?.location.range;
  assert.ok(related);
  assert.equal(previousText.slice(lines.offsetAt(related.start), lines.offsetAt(related.end)), '1');
});

test('the preview of a report marks its cross findings (last year’s carry-over) like its own', async () => {
  const path = fileIn(series, 2020);
  const uri = uriOf(path);
  await client.open(uri, readFileSync(path, 'utf8'));
  const result = await client.connection.sendRequest<{ html?: string }>('nianbao/render', { uri, lang: 'zh' });
  const html = result.html ?? '';
  assert.match(html, /NB306/, 'the summary lists the carry-over finding');
  assert.match(html, /class="[^"]*nb-error[^"]*"[^>]*title="[^"]*NB306/, 'the cell carries the mark and the message');
  await client.close(uri);
});

test("unsaved edits of last year's report change this year's diagnostics; closing without saving brings the disk back", async () => {
  const lastYear = fileIn(series, 2019);
  const thisYear = uriOf(fileIn(series, 2020));
  const onDisk = readFileSync(fileIn(series, 2020), 'utf8');
  const text = readFileSync(lastYear, 'utf8');
  const analyses = async (): Promise<number> =>
    (await client.connection.sendRequest<{ analyses: number }>('nianbao/analyses')).analyses;
  const startAnalyses = await analyses();
  const startDisk = (await indexStats()).diskAnalyses;
  await client.open(uriOf(lastYear), text);
  const before = (await indexStats()).rechecks;
  const fixed = text.replace('结转下年度继续办理: [1, 2, 0, 1, 0, 1, 5]', '结转下年度继续办理: [2, 2, 0, 1, 0, 1, 6]');
  assert.notEqual(fixed, text);
  await client.replace(uriOf(lastYear), fixed);
  const cleared = await settled(thisYear, 'NB306 cleared', (d) => !d.some((x) => x.code === 'NB306'));
  assert.deepEqual(codes(cleared), ['NB308', 'NB308'], 'the other findings stay');
  assert.equal((await indexStats()).rechecks - before, 2, 'only last year and this year were re-checked');
  assert.equal(readFileSync(fileIn(series, 2020), 'utf8'), onDisk, "this year's file was not touched");
  // Parse once per version: the index took the document store's analysis of each version (open, edit).
  assert.equal((await analyses()) - startAnalyses, 2);
  assert.equal((await indexStats()).diskAnalyses, startDisk);

  // Broken again in the editor: back.
  await client.replace(
    uriOf(lastYear),
    fixed.replace('结转下年度继续办理: [2, 2, 0, 1, 0, 1, 6]', '结转下年度继续办理: [3, 2, 0, 1, 0, 1, 7]'),
  );
  const back = await settled(thisYear, 'NB306 back', (d) => d.filter((x) => x.code === 'NB306').length === 2);
  assert.ok(
    back.some((d) => d.message.includes('应为 3')),
    back.map((d) => d.message).join('\n'),
  );

  // Closed without saving: the file on disk counts again.
  await client.close(uriOf(lastYear));
  const disk = await settled(thisYear, 'disk text again', (d) =>
    d.some((x) => x.code === 'NB306' && x.message.includes('应为 1')),
  );
  assert.deepEqual(codes(disk), ['NB306', 'NB306', 'NB308', 'NB308']);
});

test("the quick fix of a carry-over writes last year's value", async () => {
  const path = fileIn(series, 2021);
  const uri = uriOf(path);
  const diagnostics = await client.open(uri, readFileSync(path, 'utf8'));
  const carry = diagnostics.filter((d) => d.code === 'NB306');
  assert.equal(carry.length, 2, 'an open document has its cross findings from the first publication');
  // The status bar counts them too.
  const status = await client.waitFor('status', () =>
    [...client.notifications]
      .reverse()
      .find((n) => n.method === 'nianbao/status' && (n.params as { uri: string }).uri === uri),
  );
  assert.equal((status.params as { errors: number }).errors, diagnostics.filter((d) => d.severity === 1).length);
  assert.ok(diagnostics.filter((d) => d.severity === 1).length >= 2);
  // 上年结转 agrees with its row and with this year's printed rule: writing last year's 1 over it alone would break
  // both, so no value is offered (which of this year's figures follows is not in the text).
  const commercial = carry.find((d) => d.message.includes('商业企业'));
  assert.ok(commercial);
  const actions = await client.codeActions(uri, commercial.range, [commercial]);
  assert.ok(!actions.some((a) => a.title.includes('覆盖')), actions.map((a) => a.title).join(', '));
  await client.close(uri);
});

test("a stock's quick fix overwrites the printed figure with last year's arithmetic, and is never preferred", async () => {
  const path = fileIn(series, 2022);
  const uri = uriOf(path);
  const diagnostics = await client.open(uri, readFileSync(path, 'utf8'));
  const stock = diagnostics.find((d) => d.code === 'NB307');
  assert.ok(stock, diagnostics.map((d) => d.code).join(' '));
  const actions = await client.codeActions(uri, stock.range, [stock]);
  const fix = actions.find((a) => a.title.startsWith('以上年年报的'));
  assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
  assert.match(fix.title, /^以上年年报的 \d+ 覆盖本表所填的 \d+$/);
  assert.notEqual(fix.isPreferred, true);
  const after = await client.applyEdit(uri, fix.edit);
  assert.ok(!after.some((d) => d.code === 'NB307'));
  await client.close(uri);
});

test('a file changed on disk (not open) updates the findings of next year', async () => {
  const path = fileIn(series, 2021);
  const next = uriOf(fileIn(series, 2022));
  await settled(next, 'NB307', (d) => d.some((x) => x.code === 'NB307'));
  writeFileSync(path, readFileSync(path, 'utf8').replace('行政规范性文件: [2, 2, 11]', '行政规范性文件: [2, 2, 16]'));
  await watched([{ uri: uriOf(path), type: CHANGED }]);
  await indexStats();
  const after = await settled(next, 'NB307 gone', (d) => !d.some((x) => x.code === 'NB307'));
  assert.deepEqual(after, []);
});

test('a duplicate created on disk is an error on both files, pointing at each other; deleting it clears both', async () => {
  const copy = join(series, 'eco-2022-copy.nianbao.yaml');
  const original = uriOf(fileIn(series, 2022));
  copyFileSync(fileIn(series, 2022), copy);
  await watched([{ uri: uriOf(copy), type: CREATED }]);
  const mine = await settled(original, 'NB320', (d) => d.some((x) => x.code === 'NB320'));
  const theirs = await settled(uriOf(copy), 'NB320', (d) => d.some((x) => x.code === 'NB320'));
  for (const [diagnostics, other] of [
    [mine, copy],
    [theirs, fileIn(series, 2022)],
  ] as const) {
    const d = diagnostics.find((x) => x.code === 'NB320');
    assert.ok(d);
    assert.equal(d.severity, 1, 'an error');
    const related = d.relatedInformation?.[0];
    assert.equal(related?.location.uri, uriOf(other));
    const text = readFileSync(other, 'utf8');
    const lines = new LineIndex(text);
    assert.ok(related);
    assert.equal(
      lines.lineText(related.location.range.start.line).split('#')[0].trim(),
      '机关: 示范市临江区生态环境局（本级）',
    );
  }
  // With two 2022 reports, which one carries over into 2023 is unknown: nothing is claimed there.
  rmSync(copy);
  await watched([{ uri: uriOf(copy), type: DELETED }]);
  await settled(original, 'NB320 gone', (d) => !d.some((x) => x.code === 'NB320'));
  await settled(uriOf(copy), 'cleared', (d) => d.length === 0);
  assert.equal((await indexStats()).reports, 5);
});

test("a renamed file: this year's findings name and point at the new file", async () => {
  const from = fileIn(series, 2019);
  const to = fileIn(series, 2019, '-final');
  renameSync(from, to);
  // What VS Code's file watcher reports for a rename.
  await watched([
    { uri: uriOf(from), type: DELETED },
    { uri: uriOf(to), type: CREATED },
  ]);
  const renamed = await settled(uriOf(fileIn(series, 2020)), 'names the new file', (d) =>
    d.some((x) => x.code === 'NB306' && x.message.includes('eco-2019-final.nianbao.yaml')),
  );
  for (const d of renamed.filter((x) => x.code === 'NB306'))
    assert.equal(d.relatedInformation?.[0]?.location.uri, uriOf(to));
  assert.equal((await indexStats()).reports, 5);
});

test('a folder renamed in the editor (workspace/didRenameFiles) and then deleted takes its reports along', async () => {
  const moved = join(root, 'archive');
  renameSync(series, moved);
  await client.connection.sendNotification('workspace/didRenameFiles', {
    files: [{ oldUri: uriOf(series), newUri: uriOf(moved) }],
  });
  const stats = await indexStats();
  assert.equal(stats.reports, 5);
  await settled(uriOf(fileIn(moved, 2020)), 'published at the new place', (d) => d.some((x) => x.code === 'NB306'));
  await settled(uriOf(fileIn(series, 2020)), 'cleared at the old place', (d) => d.length === 0);

  // A file watcher reports a deleted folder alone.
  rmSync(moved, { recursive: true });
  await watched([{ uri: uriOf(moved), type: DELETED }]);
  assert.equal((await indexStats()).reports, 0);
  for (const year of [2020, 2021]) await settled(uriOf(fileIn(moved, year)), 'cleared', (d) => d.length === 0);
});
