/**
 * The requests behind 生成下一年度年报 (`nianbao/nextYear`) and 导入已发布的年报 (`nianbao/import`), through the real
 * server with a workspace folder: next year's report continues this year's and knows when it already exists (on
 * disk or unsaved); the importer reads bytes in any encoding it handles, reports its notes, and refuses what is
 * not a report with its own message.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { analyze } from '../../core/src/index';
import type { ImportResult, NextYearResult, WorkspaceIndexResult } from '../../protocol/src/protocol';
import { LspClient, VSCODE_CAPABILITIES } from '../support/lspClient';
import { EXAMPLES, FIXTURES, SERIES } from '../support/paths';

const CONSISTENT = SERIES.consistent;
const IMPORT = join(FIXTURES, 'import');

let root: string;
let client: LspClient;

const uriOf = (path: string): string => pathToFileURL(path).href;
const nextYear = (uri: string): Promise<NextYearResult> =>
  client.connection.sendRequest<NextYearResult>('nianbao/nextYear', { uri });
const importBytes = (bytes: Uint8Array, c = client): Promise<ImportResult> =>
  c.connection.sendRequest<ImportResult>('nianbao/import', { base64: Buffer.from(bytes).toString('base64') });

function row(text: string, key: string): number[] {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(`${key}:`));
  assert.ok(line, key);
  return JSON.parse(line.slice(line.indexOf('[')).replace(/#.*$/, '').trim()) as number[];
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-commands-'));
  for (const name of readdirSync(CONSISTENT)) copyFileSync(join(CONSISTENT, name), join(root, name));
  copyFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), join(root, 'caozhen-2020.nianbao.yaml'));
  client = await LspClient.start({ workspaceFolders: [root], capabilities: VSCODE_CAPABILITIES });
  const stats = await client.connection.sendRequest<WorkspaceIndexResult>('nianbao/workspaceIndex');
  assert.equal(stats.reports, 6);
});

after(async () => {
  await client.stop();
  rmSync(root, { recursive: true, force: true });
});

test("next year's report continues this year's and checks clean against it, unsaved", async () => {
  const path = join(root, 'eco-2023.nianbao.yaml');
  const current = readFileSync(path, 'utf8');
  await client.open(uriOf(path), current);
  const result = await nextYear(uriOf(path));
  assert.ok(result.text, result.error);
  assert.deepEqual(
    [result.year, result.edition, result.agency, result.existing, result.sourceErrors],
    [2024, 2021, '示范市临江区生态环境局（本级）', undefined, undefined],
  );
  assert.deepEqual(row(result.text, '上年结转政府信息公开申请数量'), row(current, '结转下年度继续办理'));
  assert.deepEqual(
    analyze(result.text).diagnostics.map((d) => d.code),
    ['NB311'],
    'only the empty 五 is left to write',
  );

  // Opened as an untitled document (what the command does), it joins the index: no cross finding …
  const untitled = 'untitled:' + join(root, 'eco-2024.nianbao.yaml');
  const opened = await client.open(untitled, result.text);
  assert.deepEqual(
    opened.map((d) => d.code),
    ['NB311'],
  );
  // … until its carry-over disagrees with 2023, which is then named and pointed at.
  const wrong = result.text.replace(
    /上年结转政府信息公开申请数量: \[[^\]]*\]/,
    '上年结转政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]',
  );
  const after = await client.replace(untitled, wrong);
  const carry = after.filter((d) => d.code === 'NB306');
  assert.ok(carry.length > 0);
  assert.ok(
    carry.every(
      (d) => d.relatedInformation?.[0]?.location.uri === uriOf(path) && d.message.includes('eco-2023.nianbao.yaml'),
    ),
  );

  // The unsaved report counts: asking again says it exists.
  const again = await nextYear(uriOf(path));
  assert.deepEqual(again.existing, [untitled]);
  await client.close(untitled);
  assert.equal((await nextYear(uriOf(path))).existing, undefined, 'closed unsaved: gone');
  await client.close(uriOf(path));
});

test("next year's report that already exists in the workspace is named, not made again", async () => {
  const path = join(root, 'eco-2022.nianbao.yaml');
  await client.open(uriOf(path), readFileSync(path, 'utf8'));
  const result = await nextYear(uriOf(path));
  assert.deepEqual(result.existing, [uriOf(join(root, 'eco-2023.nianbao.yaml'))]);
  assert.equal(result.year, 2023);
  await client.close(uriOf(path));
});

test('next year from a report without 年度, or one not open: a clear message and no text', async () => {
  const uri = 'untitled:Untitled-1';
  await client.open(uri, '格式: 2021\n机关: 某局\n');
  assert.deepEqual(await nextYear(uri), { error: '无法生成下一年度年报：文件缺少有效的「机关」或「年度」' });
  await client.close(uri);
  assert.deepEqual(await nextYear(uriOf(join(root, 'eco-2021.nianbao.yaml'))), {
    error: '请先打开要据以生成下一年度年报的年报',
  });
});

test('import: a Word page saved as GBK, passed as bytes, gives the expected YAML and its notes', async () => {
  const result = await importBytes(readFileSync(join(IMPORT, 'word-2020-gbk.html')));
  assert.equal(result.error, undefined);
  assert.equal(result.yaml, readFileSync(join(IMPORT, 'word-2020-gbk.expected.yaml'), 'utf8'));
  assert.match(result.encoding ?? '', /^(gbk|gb2312|gb18030)$/i);
  assert.deepEqual(
    [result.kind, result.edition, result.year, result.agency],
    ['html', 2019, 2020, '示范县市场监督管理局'],
  );
  assert.ok((result.fuzzy ?? 0) >= 1);
  assert.ok(
    result.notes?.some((n) => n.trim() === '三「2、其他法律行政止公开」→「2.其他法律行政法规禁止公开」'),
    result.notes?.join('\n'),
  );
  assert.equal(result.existing, undefined);
});

test('import: pasted text of a report the workspace already has names that file', async () => {
  const result = await client.connection.sendRequest<ImportResult>('nianbao/import', {
    text: readFileSync(join(IMPORT, 'caozhen-2020-report.txt'), 'utf8'),
  });
  assert.ok(result.yaml, result.error);
  assert.deepEqual([result.kind, result.year, result.agency], ['text', 2020, '湛河区曹镇乡人民政府']);
  assert.deepEqual(result.existing, [uriOf(join(root, 'caozhen-2020.nianbao.yaml'))]);
  // The same tables as the seed example.
  const imported = analyze(result.yaml).report;
  const example = analyze(readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8')).report;
  for (const [id, r] of example.rows) {
    assert.deepEqual(
      imported.rows.get(id)?.cells.map((c) => c.value),
      r.cells.map((c) => c.value),
      id,
    );
  }
});

test('import: inputs that are not a report are refused with the importer’s message, and nothing is returned to open', async () => {
  const cases: [string, RegExp][] = [
    ['unrelated.html', /这似乎不是政府信息公开工作年度报告，未导入/],
    ['truncated.html', /只找到 1 个部分标题/],
    ['tables-as-images.html', /表格中没有任何可读的数值/],
    ['binary.png', /输入不是文本或网页/],
    ['empty.txt', /输入为空/],
  ];
  for (const [name, message] of cases) {
    const result = await importBytes(readFileSync(join(IMPORT, 'bad', name)));
    assert.match(result.error ?? '', message, name);
    assert.deepEqual(Object.keys(result), ['error'], `${name}: nothing but the message`);
  }
  assert.deepEqual(await client.connection.sendRequest<ImportResult>('nianbao/import', {}), {
    error: '没有可导入的内容',
  });
});

test('import messages follow the editor’s language', async () => {
  const en = await LspClient.start({ locale: 'en' });
  try {
    const result = await importBytes(readFileSync(join(IMPORT, 'bad', 'unrelated.html')), en);
    assert.match(result.error ?? '', /^No report title with a year/);
    const ok = await importBytes(readFileSync(join(IMPORT, 'word-2020-gbk.html')), en);
    assert.ok(
      ok.notes?.some((n) => n.trim() === '三 “2、其他法律行政止公开” → “2.其他法律行政法规禁止公开”'),
      ok.notes?.join('\n'),
    );
  } finally {
    await en.stop();
  }
});
