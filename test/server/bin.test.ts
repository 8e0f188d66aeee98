/**
 * `nianbao-language-server --stdio` for editors other than VS Code: a plain LSP client (no snippets, no
 * documentChanges, no locale) gets initialize, diagnostics and completion.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fixtures } from '../support/fixtures';
import { LspClient, SERVER_BIN, fileUri, positionOf } from '../support/lspClient';
import { vscodeFilter } from '../support/vscodeFilter';

test('answers initialize, publishes diagnostics and completes for a plain LSP client', async () => {
  const client = await LspClient.start({ args: [SERVER_BIN, '--stdio'], capabilities: {}, locale: '' });
  try {
    const result = client.initializeResult;
    assert.equal(result?.serverInfo?.name, 'nianbao-language-server');
    const caps = result?.capabilities;
    assert.ok(caps?.completionProvider && caps.hoverProvider && caps.codeActionProvider && caps.documentSymbolProvider);
    assert.ok(caps.inlayHintProvider && caps.foldingRangeProvider);
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });

    const f = fixtures('server/fixable').find((x) => x.name.endsWith('nb304-appeal-total.nianbao.yaml'));
    assert.ok(f);
    const uri = fileUri('neovim.nianbao.yaml');
    const diagnostics = await client.open(uri, f.text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.message]),
      [
        ['NB304', 1, '行政复议·总计 应为 4（结果维持 2 + 结果纠正 1 + 尚未审结 1），实为 5，相差 1'],
        ['NB304', 1, '行政诉讼（复议后起诉）·总计 应为 1（尚未审结 1），实为 0，相差 1'],
      ],
    );

    const text = f.text.replace('    未经复议直接起诉: [1, 0, 0, 1, 2]\n', '    wjfy\n');
    client.sendChange(uri, [{ text }]);
    const position = positionOf(text, '    wjfy', 8);
    const items = await client.completion(uri, position);
    const shown = vscodeFilter(items, '    wjfy', position.character);
    assert.equal(shown[0].label, '未经复议直接起诉');
    assert.equal(shown[0].insertTextFormat, 1, 'plain text for a client without snippets');
    assert.equal(shown[0].textEdit?.newText, '未经复议直接起诉: [0, 0, 0, 0, 0]');
  } finally {
    await client.stop();
  }
  assert.equal(client.process.exitCode, 0, 'exits cleanly after shutdown and exit');
});

test('without a transport it prints its usage instead of hanging', () => {
  const r = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8', input: '' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: nianbao-language-server --stdio/);
  const help = spawnSync(process.execPath, [SERVER_BIN, '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
});
