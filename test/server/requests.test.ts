/** The custom requests behind the VS Code commands (新建年报), through the real server. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyze } from '../../core/src/index';
import type { EditionInfo, SkeletonResult } from '../../protocol/src/protocol';
import { LspClient } from '../support/lspClient';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

test('nianbao/editions lists both template editions with their years', async () => {
  const editions = await client.connection.sendRequest<EditionInfo[]>('nianbao/editions');
  assert.deepEqual(
    editions.map((e) => [e.edition, e.document, e.from, e.to]),
    [
      [2019, '国办公开办函〔2019〕60号', 2019, 2020],
      [2021, '国办公开办函〔2021〕30号', 2021, undefined],
    ],
  );
});

test('nianbao/skeleton writes a whole report, complete but for the narrative, or says why not', async () => {
  const skeleton = (edition: number, year: number, agency: string): Promise<SkeletonResult> =>
    client.connection.sendRequest<SkeletonResult>('nianbao/skeleton', { edition, year, agency });
  const ok = await skeleton(2021, 2024, '  示范市临江区人民政府 ');
  assert.ok(ok.text);
  assert.match(ok.text, /^格式: 2021 [^\n]*\n机关: 示范市临江区人民政府\n年度: 2024\n/);
  const findings = (text: string): string[] => analyze(text).diagnostics.map((d) => `${d.code} ${d.severity}`);
  assert.deepEqual(findings(ok.text), ['NB311 warning'], 'only the empty 五 is left to write');
  assert.deepEqual(await skeleton(2021, 2020, '某机关'), { error: '2020年度报告应使用 2019 年版格式' });
  assert.deepEqual(await skeleton(2019, 2018, '某机关'), { error: '2018年度早于现行年报格式（2019年起适用）' });
  assert.deepEqual(await skeleton(2020, 2020, '某机关'), { error: '没有 2020 年版的年报格式' });
  assert.deepEqual(await skeleton(2019, 2020, '  '), { error: '机关名称不能为空' });
  const odd = await skeleton(2019, 2020, '某局: "#1"');
  assert.ok(odd.text);
  assert.deepEqual(findings(odd.text), ['NB311 warning'], 'an agency name that needs quoting is quoted');
});
