/**
 * `nianbao/render` through the real server over stdio: the body (and the export page) of the version asked for,
 * equal to the core renderer's output for that text; stale versions refused; one analysis per version shared
 * with the other features; bad requests answered with an error while the server keeps running.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc/node';
import { analyze, officialDocument, renderPage, renderReport } from '../../core/src/index';
import type { EditionInfo, RenderParams, RenderResult } from '../../protocol/src/protocol';
import { RenderRequest } from '../../protocol/src/protocol';
import { LspClient, fileUri, positionOf } from '../support/lspClient';
import { EXAMPLES } from '../support/paths';
import { runText } from '../support/wordXml';
import { unzipText } from '../support/zip';
import { writeDocx } from '../../word/src/writeDocx';

const SEED = readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8');
const SHIFAN = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

function render(params: RenderParams | Record<string, unknown> | null): Promise<RenderResult> {
  return client.connection.sendRequest<RenderResult>(RenderRequest.method, params);
}

async function renderError(params: unknown): Promise<ResponseError<unknown>> {
  try {
    await client.connection.sendRequest(RenderRequest.method, params);
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  assert.fail('the request should have failed');
}

const analyses = async (): Promise<number> =>
  (await client.connection.sendRequest<{ analyses: number }>('nianbao/analyses')).analyses;

describe('the body of a version', () => {
  test('the seed report: the version asked for, the core renderer’s body, title and counts', async () => {
    const uri = fileUri('render-seed.nianbao.yaml');
    await client.open(uri, SEED);
    const result = await render({ uri, version: 1 });
    const expected = renderReport(analyze(SEED), { annotate: true, lang: 'zh' });
    assert.equal(result.uri, uri);
    assert.equal(result.version, 1);
    assert.equal(result.stale, undefined);
    assert.equal(result.html, expected.html);
    assert.equal(result.title, '湛河区曹镇乡人民政府2020年政府信息公开工作年度报告');
    assert.deepEqual(result.counts, { error: 0, warning: 0, information: 0 });
    assert.match(result.html ?? '', /data-start="\d+"/, 'annotated with source offsets');
    await client.close(uri);
  });

  test('a 2021 report with problems: marks and summary, in the language asked for', async () => {
    const uri = fileUri('render-problems.nianbao.yaml');
    const text = SHIFAN.replace('予以公开: [38, 5, 0, 1, 1, 1, 46]', '予以公开: [38, 5, 0, 1, 1, 1, 47]');
    await client.open(uri, text);
    const analysis = analyze(text);
    assert.ok(analysis.diagnostics.length > 0);
    const zh = await render({ uri, version: 1 });
    assert.equal(
      zh.html,
      renderReport(analysis, { annotate: true, lang: 'zh' }).html,
      'the server’s language (zh-cn editor)',
    );
    assert.match(zh.html ?? '', /nb-marked nb-error/);
    assert.match(zh.html ?? '', /个错误/);
    const en = await render({ uri, version: 1, lang: 'en' });
    assert.equal(en.html, renderReport(analysis, { annotate: true, lang: 'en' }).html);
    assert.match(en.html ?? '', /error/);
    assert.deepEqual(en.counts, renderReport(analysis).counts);
    await client.close(uri);
  });

  test('without a version: the current one', async () => {
    const uri = fileUri('render-current.nianbao.yaml');
    await client.open(uri, SEED);
    const edited = SEED.replace('予以公开: [0, 0, 0, 0, 0, 0, 0]', '予以公开: [3, 0, 0, 0, 0, 0, 3]');
    client.sendChange(uri, [{ text: edited }]);
    const result = await render({ uri });
    assert.equal(result.version, 2);
    assert.equal(result.html, renderReport(analyze(edited), { annotate: true, lang: 'zh' }).html);
    await client.close(uri);
  });

  test('the export page: the core’s standalone page; a text that holds no report is refused with the reason', async () => {
    const uri = fileUri('render-page.nianbao.yaml');
    await client.open(uri, SEED);
    const page = await render({ uri, version: 1, kind: 'page' });
    assert.equal(page.html, renderPage(analyze(SEED)).html);
    assert.match(page.html ?? '', /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.doesNotMatch(page.html ?? '', /<script|data-start/);
    await client.close(uri);

    for (const [name, text, reason] of [
      ['empty', '', /没有可以导出的年报/],
      ['list', '- 1\n- 2\n', /顶层应是/],
    ] as const) {
      const other = fileUri(`render-page-${name}.nianbao.yaml`);
      await client.open(other, text);
      const refused = await render({ uri: other, version: 1, kind: 'page' });
      assert.equal(refused.html, undefined, name);
      assert.match(refused.notReport ?? '', reason, name);
      const body = await render({ uri: other, version: 1 });
      assert.ok(body.html?.startsWith('<article'), `${name}: the preview still shows what there is`);
      await client.close(other);
    }
  });

  test('the Word document: the core’s official document as .docx bytes (base64), with the signature when asked; counts; refused without a report', async () => {
    const uri = fileUri('render-docx.nianbao.yaml');
    const broken = SHIFAN.replace('行政复议: [2, 1, 0, 1, 4]', '行政复议: [2, 1, 0, 1, 5]');
    await client.open(uri, broken);
    const plain = await render({ uri, version: 1, kind: 'docx' });
    assert.equal(plain.html, undefined);
    assert.equal(plain.title, '示范市临江区人民政府2024年政府信息公开工作年度报告');
    assert.deepEqual(plain.counts, analyzeCounts(broken), 'the counts the export confirms with');
    assert.ok((plain.counts?.error ?? 0) > 0);
    const bytes = Buffer.from(plain.docx ?? '', 'base64');
    const document = unzipText(bytes).get('word/document.xml') ?? '';
    const text = runText(document);
    assert.ok(text.includes('示范市临江区人民政府\n2024年政府信息公开工作年度报告'));
    assert.ok(!text.includes('2025年3月20日'), 'no signature unless asked');
    const signed = await render({ uri, version: 1, kind: 'docx', signature: true });
    assert.ok(
      runText(unzipText(Buffer.from(signed.docx ?? '', 'base64')).get('word/document.xml') ?? '').endsWith(
        '示范市临江区人民政府2025年3月20日',
      ),
    );
    // The same document the core and the writer make of that text (the package's dates aside).
    const expected = unzipText(await writeDocx(officialDocument(analyze(broken)))).get('word/document.xml');
    assert.equal(document, expected);
    await client.close(uri);

    const empty = fileUri('render-docx-empty.nianbao.yaml');
    await client.open(empty, '');
    const refused = await render({ uri: empty, version: 1, kind: 'docx' });
    assert.equal(refused.docx, undefined);
    assert.match(refused.notReport ?? '', /没有可以导出的年报/);
    await client.close(empty);
  });
});

function analyzeCounts(text: string): { error: number; warning: number; information: number } {
  const counts = { error: 0, warning: 0, information: 0 };
  for (const d of analyze(text).diagnostics) counts[d.severity]++;
  return counts;
}

describe('versions', () => {
  test('an older or unknown version is refused as stale, with the current version; the current one renders', async () => {
    const uri = fileUri('render-versions.nianbao.yaml');
    await client.open(uri, SEED);
    let text = SEED;
    for (let i = 1; i <= 3; i++) {
      const at = text.indexOf('本年新收政府信息公开申请数量: [') + '本年新收政府信息公开申请数量: ['.length;
      const position = positionOf(text, '本年新收政府信息公开申请数量: [', '本年新收政府信息公开申请数量: ['.length);
      client.sendChange(uri, [
        {
          range: { start: position, end: { line: position.line, character: position.character + 1 } },
          text: String(i),
        },
      ]);
      text = `${text.slice(0, at)}${i}${text.slice(at + 1)}`;
    }
    assert.equal(client.version(uri), 4);
    assert.equal(client.text(uri), text);
    for (const version of [1, 2, 3, 5, 99, 0, -1]) {
      assert.deepEqual(await render({ uri, version }), { uri, version: 4, stale: true }, `version ${version}`);
    }
    const current = await render({ uri, version: 4 });
    assert.equal(current.version, 4);
    assert.equal(current.html, renderReport(analyze(text), { annotate: true, lang: 'zh' }).html);
    assert.match(current.html ?? '', />3<\/td>/);
    await client.close(uri);
  });

  test('a burst of edits: each request right after its change gets that version; older ones are stale', async () => {
    const uri = fileUri('render-burst.nianbao.yaml');
    await client.open(uri, SEED);
    const results: Promise<RenderResult>[] = [];
    const versions: number[] = [];
    for (let i = 0; i < 60; i++) {
      const version = client.sendChange(uri, [
        { text: SEED.replace('行政复议: [0, 0, 0, 0, 0]', `行政复议: [${i}, 0, 0, 0, ${i}]`) },
      ]);
      versions.push(version);
      // Messages are handled in order: the change before the request.
      results.push(render({ uri, version }));
    }
    const answered = await Promise.all(results);
    answered.forEach((r, i) => {
      assert.equal(r.version, versions[i]);
      assert.equal(r.stale, undefined);
    });
    assert.match(answered.at(-1)?.html ?? '', />59<\/td>/);
    const late = await Promise.all(versions.slice(0, -1).map((version) => render({ uri, version })));
    assert.ok(late.every((r) => r.stale === true && r.version === versions.at(-1)));
    await client.close(uri);
  });

  test('parse once: rendering shares the version’s analysis with diagnostics and the other features', async () => {
    const uri = fileUri('render-once.nianbao.yaml');
    const start = await analyses();
    await client.open(uri, SEED);
    await render({ uri, version: 1 });
    await render({ uri, version: 1, kind: 'page' });
    await client.hover(uri, positionOf(SEED, '予以公开'));
    await render({ uri, version: 1, lang: 'en' });
    assert.equal((await analyses()) - start, 1);
    const version = client.sendChange(uri, [{ text: `${SEED}\n` }]);
    await render({ uri, version });
    await client.diagnosticsFor(uri, version);
    await render({ uri, version });
    assert.equal((await analyses()) - start, 2);
    await client.close(uri);
  });
});

describe('bad requests', () => {
  test('an unknown, closed or missing uri and malformed parameters are errors; the server keeps serving', async () => {
    const closed = fileUri('render-closed.nianbao.yaml');
    await client.open(closed, SEED);
    await client.close(closed);
    const cases: [unknown, RegExp][] = [
      [{ uri: fileUri('never-opened.nianbao.yaml'), version: 1 }, /未打开/],
      [{ uri: closed }, /未打开/],
      [{ uri: 'not a uri at all', version: 1 }, /未打开/],
      [{ version: 1 }, /需要一个已打开文档的 uri/],
      [{ uri: 42 }, /需要一个已打开文档的 uri/],
      [null, /需要一个已打开文档的 uri/],
      [{ uri: closed, version: 'two' }, /整数/],
      [{ uri: closed, version: 1.5 }, /整数/],
      [{ uri: closed, kind: 'pdf' }, /未知的渲染类型：pdf/],
    ];
    for (const [params, message] of cases) {
      const error = await renderError(params);
      assert.equal(error.code, -32602, JSON.stringify(params));
      assert.match(error.message, message, JSON.stringify(params));
    }
    assert.equal(client.process.exitCode, null, 'still running');
    const editions = await client.connection.sendRequest<EditionInfo[]>('nianbao/editions');
    assert.equal(editions.length, 2);
    assert.deepEqual(client.stderr.join('').match(/Error|exception/gi) ?? [], []);
  });
});
