/**
 * Resilience of the real server process: a request that makes its handler fail inside (malformed parameters a
 * broken client might send) is logged and answered with that request's empty result, never an error, and the server
 * keeps serving; long requests honour cancellation (render of a huge document, checking hundreds of files, waiting
 * for the workspace index); the size limits are its own and said so.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_MAX_LENGTH, MAX_FILE_BYTES, writeReport } from '../../core/src/index';
import type { CheckFilesResult, RenderResult, ServerInfoResult } from '../../protocol/src/protocol';
import { LspClient, fileUri, positionOf } from '../support/lspClient';
import { EXAMPLES } from '../support/paths';

const REPORT = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');
const REQUEST_CANCELLED = -32800;

function failuresLogged(client: LspClient): string[] {
  return client.notifications
    .filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1)
    .map((n) => (n.params as { message: string }).message);
}

let cancelledSeq = 0;

/** One JSON-RPC message as it goes over the pipe. */
function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/**
 * Send a request and cancel it at once; resolves to its result or its error. The two messages leave in one write
 * of their bytes, so the server reads the cancellation with the request, as it would when a client cancels a request
 * still queued behind others — not a race with the handler. (The connection's own writer cannot do this: it waits
 * for each header to be written before writing the body, so its messages always leave in several writes.) The
 * answer is read from the server's output beside the connection, which ignores an answer to an id it did not send.
 */
async function sendCancelled<T>(
  client: LspClient,
  method: string,
  params: unknown,
): Promise<{ result?: T; code?: number }> {
  const id = `cancelled-${++cancelledSeq}`;
  const stdout = client.process.stdout;
  const answer = new Promise<{ result?: T; code?: number }>((resolve) => {
    let seen = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      seen = Buffer.concat([seen, chunk]);
      const text = seen.toString('latin1');
      const at = text.indexOf(`"id":"${id}"`);
      if (at < 0) return;
      const header = text.lastIndexOf('Content-Length: ', at);
      const length = Number(/^Content-Length: (\d+)/.exec(text.slice(header))?.[1]);
      const bodyStart = text.indexOf('\r\n\r\n', header) + 4;
      if (seen.length < bodyStart + length) return;
      stdout.off('data', onData);
      const message = JSON.parse(seen.subarray(bodyStart, bodyStart + length).toString('utf8')) as {
        result?: T;
        error?: { code: number };
      };
      resolve(message.error ? { code: message.error.code } : { result: message.result as T });
    };
    stdout.on('data', onData);
  });
  client.process.stdin.write(
    Buffer.concat([
      frame({ jsonrpc: '2.0', id, method, params }),
      frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }),
    ]),
  );
  return answer;
}

describe('a failing request handler', () => {
  let client: LspClient;
  const uri = fileUri('resilience.nianbao.yaml');

  before(async () => {
    client = await LspClient.start();
    await client.open(uri, REPORT);
  });
  after(() => client.stop());

  const broken: [string, string, unknown, (result: unknown) => boolean][] = [
    ['hover with no position', 'textDocument/hover', { textDocument: { uri }, position: null }, (r) => r === null],
    [
      'completion with no position',
      'textDocument/completion',
      { textDocument: { uri }, position: null },
      (r) => r === null,
    ],
    [
      'code actions with no context',
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
        context: null,
      },
      (r) => r === null,
    ],
    ['inlay hints with no range', 'textDocument/inlayHint', { textDocument: { uri }, range: null }, (r) => r === null],
    [
      'checkFiles with no list of files',
      'nianbao/checkFiles',
      { uris: null },
      (r) => (r as CheckFilesResult).files === 0 && typeof (r as CheckFilesResult).error === 'string',
    ],
    [
      'skeleton with no agency',
      'nianbao/skeleton',
      { edition: 2021, year: 2024, agency: null },
      (r) => typeof (r as { error?: string }).error === 'string',
    ],
    [
      'import of a number',
      'nianbao/import',
      { text: 42, base64: 42 },
      (r) => typeof (r as { error?: string }).error === 'string',
    ],
  ];

  for (const [name, method, params, empty] of broken) {
    test(`${name}: logged with its stack, answered with the empty result, and the server goes on`, async () => {
      const logged = failuresLogged(client).length;
      const result = await client.connection.sendRequest(method, params);
      assert.ok(empty(result), `answer ${JSON.stringify(result)}`);
      const log = failuresLogged(client).slice(logged);
      // The import of a number is refused by the handler itself ("nothing to import"), not a failure.
      if (method !== 'nianbao/import') {
        assert.equal(log.length, 1, 'one failure logged');
        assert.ok(log[0].includes(method) && /TypeError|Error/.test(log[0]) && /\n\s+at /.test(log[0]), log[0]);
      }
      // Still serving: a hover on a key, and an edit's diagnostics.
      const hover = await client.hover(uri, positionOf(REPORT, '行政许可'));
      assert.ok(hover && JSON.stringify(hover.contents).includes('行政许可'));
      const diagnostics = await client.replace(
        uri,
        client.text(uri).replace('行政复议: [2, 1, 0, 1, 4]', '行政复议: [2, 1, 0, 1, 5]'),
      );
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 1).map((d) => d.code),
        ['NB304'],
      );
      await client.replace(uri, REPORT);
      assert.equal(client.process.exitCode, null);
      assert.equal(client.stderr.join(''), '');
    });
  }

  test('invalid parameters the handler checks are still an error the client can read (not a failure)', async () => {
    const logged = failuresLogged(client).length;
    await assert.rejects(
      client.connection.sendRequest('nianbao/render', { uri: 42 }),
      (e: { code?: number }) => e.code === -32602,
    );
    assert.equal(failuresLogged(client).length, logged);
  });
});

describe('cancellation', () => {
  let client: LspClient;
  let dir = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-cancel-'));
    for (let i = 0; i < 400; i++) {
      writeFileSync(join(dir, `r${i}.nianbao.yaml`), writeReport({ edition: 2021, agency: `机关${i}`, year: 2024 }));
    }
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('render of a huge document, cancelled at once: RequestCancelled; asked again, it renders', async () => {
    const uri = fileUri('huge.nianbao.yaml');
    const line = `  ${'本年度收到申请101件，予以公开十七件。'.repeat(30)}\n`;
    const huge = REPORT.replace('总体情况: |\n', `总体情况: |\n${line.repeat(8000)}`);
    await client.open(uri, huge);
    const cancelled = await sendCancelled<RenderResult>(client, 'nianbao/render', { uri, version: 1 });
    assert.equal(cancelled.code, REQUEST_CANCELLED, `answer ${JSON.stringify(cancelled.result)?.slice(0, 100)}`);
    const rendered = await client.connection.sendRequest<RenderResult>('nianbao/render', { uri, version: 1 });
    assert.ok(rendered.html && rendered.html.length > huge.length / 2);
    await client.close(uri);
  });

  test('checking 400 files, cancelled at once: RequestCancelled; asked again, all 400 are checked', async () => {
    const uris = Array.from({ length: 400 }, (_, i) => pathToFileURL(join(dir, `r${i}.nianbao.yaml`)).href);
    const cancelled = await sendCancelled<CheckFilesResult>(client, 'nianbao/checkFiles', { uris });
    assert.equal(cancelled.code, REQUEST_CANCELLED, `answer ${JSON.stringify(cancelled.result)}`);
    const checked = await client.connection.sendRequest<CheckFilesResult>('nianbao/checkFiles', { uris });
    assert.equal(checked.files, 400);
  });

  test('waiting for the workspace index, cancelled: RequestCancelled while it indexes', async () => {
    const indexing = await LspClient.start({ workspaceFolders: [dir] });
    try {
      const cancelled = await sendCancelled(indexing, 'nianbao/workspaceIndex', null);
      assert.equal(cancelled.code, REQUEST_CANCELLED);
      const stats = await indexing.connection.sendRequest<{ reports: number }>('nianbao/workspaceIndex');
      assert.equal(stats.reports, 400);
    } finally {
      await indexing.stop();
    }
  });
});

describe('size limits', () => {
  let client: LspClient;
  let dir = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-limits-'));
    client = await LspClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the server states its limits: the core’s document length, three bytes a character on disk', async () => {
    const info = await client.connection.sendRequest<ServerInfoResult>('nianbao/serverInfo');
    assert.equal(info.pid, client.process.pid);
    assert.equal(info.maxDocumentLength, DEFAULT_MAX_LENGTH);
    assert.equal(info.maxFileBytes, MAX_FILE_BYTES);
  });

  test('an open document one character past the limit: NB107 says so, nothing is checked, every feature answers', async () => {
    const uri = fileUri('past-limit.nianbao.yaml');
    const text = `${REPORT}# ${'x'.repeat(DEFAULT_MAX_LENGTH - REPORT.length - 2)}`;
    assert.equal(text.length, DEFAULT_MAX_LENGTH);
    assert.deepEqual(
      (await client.open(uri, text)).map((d) => d.code).filter((c) => c === 'NB107'),
      [],
    );
    const over = await client.replace(uri, `${text}x`);
    assert.deepEqual(
      over.map((d) => d.code),
      ['NB107'],
    );
    assert.match(over[0].message, /文件过大.*未检查/);
    assert.equal(await client.hover(uri, { line: 3, character: 1 }), null);
    assert.deepEqual(await client.symbols(uri), []);
    await client.close(uri);
  });

  test('a file on disk past MAX_FILE_BYTES: NB107 without reading it, and checkFiles names it', async () => {
    const path = join(dir, 'huge.nianbao.yaml');
    writeFileSync(path, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const uri = pathToFileURL(path).href;
    const result = await client.connection.sendRequest<CheckFilesResult>('nianbao/checkFiles', { uris: [uri] });
    assert.deepEqual(result.tooLarge, [uri]);
    assert.equal(result.errors, 1);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['NB107'],
    );
    assert.match(diagnostics[0].message, /48 MB 的文件不读取/);
  });
});
