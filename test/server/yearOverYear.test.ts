/**
 * Year over year through the real server over stdio, on a workspace folder holding one agency's series
 * (test/fixtures/rules/nb314/yoy.fail/): NB314 (同比 statements against last year's tables) reaches the client through
 * the one diagnostics publisher, for files nobody opened and for an open document alike; `nianbao/compare` finds last
 * year's report in the index and `nianbao/trends` reads the index's facts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CompareRequest, TrendsRequest, WorkspaceIndexRequest } from '../../protocol/src/protocol';
import { actualMarkers, expectedMarkers } from '../support/fixtures';
import { LspClient } from '../support/lspClient';
import { SERIES } from '../support/paths';

const YEARS = [2019, 2020, 2021, 2022, 2023];
const pathOf = (year: number): string => join(SERIES.yoy, `eco-${year}.nianbao.yaml`);
const uriOf = (year: number): string => pathToFileURL(pathOf(year)).href;

let client: LspClient;

before(async () => {
  client = await LspClient.start({ workspaceFolders: [SERIES.yoy] });
});

after(async () => {
  await client.stop();
});

/** The latest publication for `uri` (undefined before the first). */
function lastPublished(uri: string): Diagnostic[] | undefined {
  return [...client.publications].reverse().find((p) => p.uri === uri)?.diagnostics;
}

test('files nobody opened get their NB314 findings from the index, with every other marker of the fixture', async () => {
  const stats = await client.connection.sendRequest(WorkspaceIndexRequest.type);
  assert.deepEqual([stats.reports, stats.years], [5, YEARS]);
  for (const year of YEARS.slice(1)) {
    const published = await client.waitFor(`eco-${year} published`, () => lastPublished(uriOf(year)));
    assert.ok(
      published.some((d) => d.code === 'NB314'),
      `eco-${year} has an NB314 finding`,
    );
    assert.deepEqual(actualMarkers(published), expectedMarkers(readFileSync(pathOf(year), 'utf8')), `eco-${year}`);
  }
});

test('an open report gets its NB314 finding from the same publisher; compare and trends answer from the index', async () => {
  const uri = uriOf(2023);
  const diagnostics = await client.open(uri, readFileSync(pathOf(2023), 'utf8'));
  assert.deepEqual(actualMarkers(diagnostics), expectedMarkers(readFileSync(pathOf(2023), 'utf8')));

  const compared = await client.connection.sendRequest(CompareRequest.type, { uri, lang: 'zh' });
  assert.equal(compared.error, undefined);
  assert.equal(compared.uri, uri);
  assert.equal(compared.previous, uriOf(2022), 'last year found in the index');
  assert.ok((compared.findings ?? 0) >= 1, 'the 同比 finding between the two years');
  assert.match(compared.html ?? '', /nb-compare/);

  const trends = await client.connection.sendRequest(TrendsRequest.type, { uri });
  assert.equal(trends.agencies.length, 1);
  assert.deepEqual(trends.trends?.years, YEARS);
  assert.deepEqual(trends.trends?.uris, [...YEARS.slice(0, -1).map(uriOf), uri], 'the open report by its editor URI');
});
