/**
 * Formatting through the real server over stdio: `textDocument/formatting` turns a report typed in any layout into
 * the canonical one with line edits, `rangeFormatting` touches only the sections in the range, and a document
 * with a syntax error gets no edits and one message saying why.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ShowMessageParams } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from '../support/lspClient';
import { EXAMPLES } from '../support/paths';
import { untidyReport } from '../support/untidyReport';

const CANONICAL = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');

/** The example untidy, and a section moved up as well. */
function untidy(text: string): string {
  const lines = untidyReport(text).split('\n');
  const appeals = lines.findIndex((l) => l.startsWith('政府信息公开行政复议'));
  const block = lines.splice(appeals, 5);
  const active = lines.findIndex((l) => l.startsWith('主动公开政府信息情况'));
  lines.splice(active, 0, ...block);
  return lines.join('\n');
}

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

test('the server announces document and range formatting', () => {
  const caps = client.initializeResult?.capabilities;
  assert.equal(caps?.documentFormattingProvider, true);
  assert.equal(caps?.documentRangeFormattingProvider, true);
});

test('a report typed in another layout formats to the canonical one, by line edits, with the same diagnostics', async () => {
  const uri = fileUri('format-untidy.nianbao.yaml');
  const text = untidy(CANONICAL);
  assert.notEqual(text, CANONICAL);
  const before = await client.open(uri, text);
  const edits = await client.format(uri);
  assert.ok(edits && edits.length > 1, 'several edits, not one replacement of everything');
  for (const e of edits) assert.equal(e.range.start.character, 0, 'edits of whole lines');
  const formatted = client.applied(uri, edits);
  assert.equal(formatted, CANONICAL);
  const afterEdits = await client.replace(uri, formatted);
  assert.deepEqual(
    afterEdits.map((d) => d.code),
    before.map((d) => d.code),
  );
  assert.deepEqual(await client.format(uri), [], 'a formatted report needs no edits');
  await client.close(uri);
});

test('range formatting changes only the sections the range touches', async () => {
  const uri = fileUri('format-range.nianbao.yaml');
  const text = untidy(CANONICAL);
  await client.open(uri, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('收到和处理政府信息公开申请情况'));
  const edits = await client.format(uri, {
    start: { line: line + 2, character: 0 },
    end: { line: line + 2, character: 5 },
  });
  assert.ok(edits && edits.length > 0);
  const out = client.applied(uri, edits).split('\n');
  const sectionEnd = lines.findIndex((l, i) => i > line && /^\S/.test(l));
  assert.deepEqual(out.slice(0, line), lines.slice(0, line), 'lines above the section as they were');
  assert.equal(out[line + 1], '  本年新收政府信息公开申请数量: [86, 9, 0, 1, 3, 2, 101]');
  assert.deepEqual(out.slice(out.length - (lines.length - sectionEnd)), lines.slice(sectionEnd), 'lines below');
  await client.close(uri);
});

test('a report with a syntax error is not formatted, and the user is told why once', async () => {
  const uri = fileUri('format-broken.nianbao.yaml');
  await client.open(uri, '格式: 2021\n机关: 某\n年度: 2024\n行政复议: [1, 2\n');
  const since = client.notifications.length;
  assert.deepEqual(await client.format(uri), []);
  assert.deepEqual(await client.format(uri), []);
  const messages = await client.waitFor('a message', () => {
    const shown = client.notifications.slice(since).filter((n) => n.method === 'window/showMessage');
    return shown.length ? shown : undefined;
  });
  assert.equal(messages.length, 1);
  assert.match((messages[0].params as ShowMessageParams).message, /未格式化.*语法错误/);
  await client.close(uri);
});
