/**
 * Each hostile input through the real language server (`dist/server.js --stdio`, a fresh process per input):
 * opened in the editor (didOpen), it gets its finding published; hover, completion, code actions, outline, folding
 * and the preview's render are answered; the server stays up and logs no failure. The time from didOpen to the
 * diagnostics and the server's peak memory are measured and printed. Then every input as a file of a workspace
 * folder: indexed from disk, each gets its finding, the 50 MB file without being read.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { decodeText } from '../../cli/src/decodeText';
import { LspClient, fileUri } from '../support/lspClient';
import { CPU_BOUND_MS, HOSTILE, MEMORY_BOUND_MB, PWNED, summarise } from '../support/hostile/inputs';
import { cpuTimeMs, peakMemoryMB } from '../support/hostile/peakMemory';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** No exit, nothing on standard error, no internal failure logged. */
function healthy(client: LspClient): void {
  assert.equal(client.process.exitCode, null, 'the server exited');
  assert.equal(client.stderr.join(''), '', 'the server wrote to standard error');
  const failures = client.notifications.filter(
    (n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1,
  );
  assert.deepEqual(failures, [], 'the server logged a failure');
}

for (const c of HOSTILE) {
  test(`server: ${c.name} — ${c.what}`, async () => {
    let text = decodeText(c.bytes());
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const client = await LspClient.start();
    try {
      const uri = fileUri(`hostile-${c.name}.nianbao.yaml`);
      const baseline = peakMemoryMB(client.process.pid as number);
      const cpuBefore = cpuTimeMs(client.process.pid as number);
      const started = performance.now();
      const diagnostics = await client.open(uri, text);
      const ms = performance.now() - started;
      const codes = diagnostics.map((d) => String(d.code));
      assert.equal(c.expect(codes), undefined);
      // Every feature answers on the hostile document.
      const at = { line: 0, character: 0 };
      const mid = { line: Math.floor(text.split('\n').length / 2), character: 3 };
      await client.hover(uri, at);
      await client.hover(uri, mid);
      await client.completion(uri, mid);
      await client.codeActions(uri, { start: at, end: mid }, diagnostics.slice(0, 50));
      await client.symbols(uri);
      await client.folding(uri);
      const render = await client.connection.sendRequest<{ html?: string; stale?: boolean }>('nianbao/render', {
        uri,
        version: 1,
      });
      assert.ok(typeof render.html === 'string', 'the preview body');
      const peak = peakMemoryMB(client.process.pid as number);
      const cpu = cpuTimeMs(client.process.pid as number) - cpuBefore;
      console.log(
        `hostile ${c.name} via server (didOpen): ${summarise(codes)} published ${ms.toFixed(0)} ms after didOpen; peak RSS ${peak.toFixed(0)} MB (${baseline.toFixed(0)} MB before the document; bound ${MEMORY_BOUND_MB} MB); ${cpu.toFixed(0)} ms of CPU for every request (bound ${CPU_BOUND_MS} ms)`,
      );
      assert.ok(peak < MEMORY_BOUND_MB, `peak RSS ${peak} MB`);
      assert.ok(cpu < CPU_BOUND_MS, `the server spent ${cpu} ms of CPU time`);
      healthy(client);
      assert.equal(existsSync(PWNED), false, 'a tag was executed');
    } finally {
      await client.stop();
    }
  });
}

test('server: every hostile input as a file of the workspace, indexed from disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-ws-'));
  dirs.push(dir);
  for (const c of HOSTILE) writeFileSync(join(dir, `${c.name}.nianbao.yaml`), c.bytes());
  const started = performance.now();
  const client = await LspClient.start({ workspaceFolders: [dir] });
  try {
    await client.connection.sendRequest('nianbao/workspaceIndex');
    const ms = performance.now() - started;
    const lines: string[] = [];
    for (const c of HOSTILE) {
      const uri = pathToFileURL(join(dir, `${c.name}.nianbao.yaml`)).href;
      const diagnostics = await client.diagnosticsFor(uri);
      const codes = diagnostics.map((d) => String(d.code));
      lines.push(`${c.name}: ${summarise(codes)}`);
      // Cross findings may add NB320 between the copies of the same report: the file's own findings are checked.
      assert.equal(c.expect(codes.filter((code) => code !== 'NB320')), undefined, c.name);
      if (c.name === 'file-50mb')
        assert.ok(diagnostics[0].message.includes('不读取'), `refused unread: ${diagnostics[0].message}`);
    }
    const peak = peakMemoryMB(client.process.pid as number);
    const cpu = cpuTimeMs(client.process.pid as number);
    console.log(
      `hostile files via server (workspace index): all ${HOSTILE.length} indexed in ${ms.toFixed(0)} ms; peak RSS ${peak.toFixed(0)} MB (bound ${MEMORY_BOUND_MB} MB); ${cpu.toFixed(0)} ms of CPU since start (bound ${CPU_BOUND_MS} ms); ${lines.join('; ')}`,
    );
    assert.ok(peak < MEMORY_BOUND_MB);
    assert.ok(cpu < CPU_BOUND_MS, `the server spent ${cpu} ms of CPU time`);
    healthy(client);
  } finally {
    await client.stop();
  }
});
