/**
 * Go to definition and find references across years through the real server over stdio, on the consistent series of
 * test/fixtures/rules/nb306/consistent.pass/ copied to a workspace folder: from this year's report (open) to last
 * year's (on disk, never opened) and back, following unsaved edits of last year's report.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Location, LocationLink, Position } from 'vscode-languageserver-protocol';
import { LspClient, VSCODE_CAPABILITIES, positionOf } from '../support/lspClient';
import { SERIES } from '../support/paths';

let root: string;
let client: LspClient;
const pathOf = (year: number): string => join(root, `eco-${year}.nianbao.yaml`);
const uriOf = (year: number): string => pathToFileURL(pathOf(year)).href;
const textOf = (year: number): string => readFileSync(pathOf(year), 'utf8');

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-links-'));
  for (const name of readdirSync(SERIES.consistent)) copyFileSync(join(SERIES.consistent, name), join(root, name));
  client = await LspClient.start({
    workspaceFolders: [root],
    capabilities: {
      ...VSCODE_CAPABILITIES,
      textDocument: { ...VSCODE_CAPABILITIES.textDocument, definition: { linkSupport: true } },
    },
  });
  await client.connection.sendRequest('nianbao/workspaceIndex');
});

after(async () => {
  await client.stop();
  rmSync(root, { recursive: true, force: true });
});

function definitionAt(uri: string, position: Position): Promise<LocationLink[] | Location[] | null> {
  return client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position });
}

function referencesAt(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
  return client.connection.sendRequest('textDocument/references', {
    textDocument: { uri },
    position,
    context: { includeDeclaration },
  });
}

/** The text a range covers in a file's current text. */
function slice(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split('\n');
  assert.equal(range.start.line, range.end.line, 'one line');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

test('the server announces definition and references', () => {
  assert.equal(client.initializeResult?.capabilities.definitionProvider, true);
  assert.equal(client.initializeResult?.capabilities.referencesProvider, true);
});

test('F12 on a 上年结转 cell opens last year’s 结转下年度继续办理 cell of that column, in a file nobody opened', async () => {
  const text = textOf(2022);
  await client.open(uriOf(2022), text);
  const row = '上年结转政府信息公开申请数量: [2, 1, 0, 2, 0, 1, 6]';
  const links = (await definitionAt(uriOf(2022), positionOf(text, row, row.indexOf('2, 0')))) as LocationLink[];
  assert.equal(links.length, 1);
  const [link] = links;
  assert.equal(link.targetUri, uriOf(2021));
  const last = textOf(2021);
  assert.equal(
    link.targetRange.start.line,
    last.split('\n').findIndex((l) => l.startsWith('  结转下年度继续办理:')),
  );
  assert.equal(slice(last, link.targetRange), '2');
  assert.equal(link.targetRange.start.character, '  结转下年度继续办理: [2, 1, 0, '.length, '社会公益组织 column');
  assert.equal(slice(text, link.originSelectionRange as LocationLink['targetRange']), '2');
});

test('F12 on the 上年结转 key opens last year’s whole row; on 现行有效件数, last year’s 现行有效件数', async () => {
  const text = textOf(2022);
  const onKey = (await definitionAt(
    uriOf(2022),
    positionOf(text, '上年结转政府信息公开申请数量', 3),
  )) as LocationLink[];
  assert.equal(slice(textOf(2021), onKey[0].targetRange), '2, 1, 0, 2, 0, 1, 6');
  const stock = (await definitionAt(
    uriOf(2022),
    positionOf(text, '行政规范性文件: [3, 3, 11]', '行政规范性文件: [3, 3, 1'.length),
  )) as LocationLink[];
  assert.equal(stock[0].targetUri, uriOf(2021));
  assert.equal(slice(textOf(2021), stock[0].targetRange), '11');
  assert.equal(await definitionAt(uriOf(2022), positionOf(text, '总体情况')), null, 'nothing to go to');
});

test('last year’s unsaved edits move the target; references from last year lead to this year’s 上年结转', async () => {
  const last = textOf(2021);
  await client.open(uriOf(2021), last);
  await client.replace(uriOf(2021), `# 新加的一行\n${last}`);
  const text = textOf(2022);
  const links = (await definitionAt(
    uriOf(2022),
    positionOf(text, '上年结转政府信息公开申请数量: [2', '上年结转政府信息公开申请数量: ['.length),
  )) as LocationLink[];
  const row = last.split('\n').findIndex((l) => l.startsWith('  结转下年度继续办理:'));
  assert.equal(links[0].targetRange.start.line, row + 1, 'the editor’s text of last year');

  const edited = client.text(uriOf(2021));
  const at = positionOf(
    edited,
    '结转下年度继续办理: [2, 1, 0, 2, 0, 1, 6]',
    '结转下年度继续办理: [2, 1, 0, 2, 0, 1, '.length,
  );
  const refs = (await referencesAt(uriOf(2021), at, true)) as Location[];
  assert.deepEqual(
    refs.map((r) => [r.uri === uriOf(2021) ? 2021 : r.uri === uriOf(2022) ? 2022 : r.uri, r.range.start.line]),
    [
      [2021, at.line],
      [2022, text.split('\n').findIndex((l) => l.startsWith('  上年结转政府信息公开申请数量:'))],
    ],
  );
  assert.equal(slice(text, refs[1].range), '6');
  const withoutSelf = (await referencesAt(uriOf(2021), at, false)) as Location[];
  assert.deepEqual(
    withoutSelf.map((r) => r.uri),
    [uriOf(2022)],
  );
  await client.close(uriOf(2021));
  await client.close(uriOf(2022));
});

test('a client without link support gets plain locations', async () => {
  const plain = await LspClient.start({ workspaceFolders: [root] });
  try {
    await plain.connection.sendRequest('nianbao/workspaceIndex');
    const text = textOf(2023);
    await plain.open(uriOf(2023), text);
    const result = (await plain.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uriOf(2023) },
      position: positionOf(text, '上年结转政府信息公开申请数量', 1),
    })) as Location[];
    assert.equal(result.length, 1);
    assert.equal(result[0].uri, uriOf(2022));
    assert.ok(!('targetUri' in result[0]));
  } finally {
    await plain.stop();
  }
});

test('without a workspace folder the server says that only open reports are compared', async () => {
  const alone = await LspClient.start();
  try {
    const logged = await alone.waitFor('the log message', () =>
      alone.notifications.find(
        (n) =>
          n.method === 'window/logMessage' && /没有打开工作区文件夹/.test((n.params as { message: string }).message),
      ),
    );
    assert.ok(logged);
    assert.equal(
      client.notifications.some(
        (n) =>
          n.method === 'window/logMessage' && /没有打开工作区文件夹/.test((n.params as { message: string }).message),
      ),
      false,
      'not with a folder',
    );
  } finally {
    await alone.stop();
  }
});
