/**
 * Diagnostics from the real server over stdio: fixtures against their `# expect:` markers, versions, clearing on
 * close, the status notification, the language of messages, debouncing a burst of edits (and no debounce when the
 * client asks for none), checking files on disk.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { LineIndex, ReportIndex, agencyKey, analyze } from '../../core/src/index';
import type { StatusParams } from '../../protocol/src/protocol';
import { DEFAULT_DIAGNOSTICS_DELAY_MS, diagnosticsDelay } from '../../server/src/settings';
import { actualMarkers, expectedMarkers, fixtures } from '../support/fixtures';
import { LspClient, fileUri } from '../support/lspClient';
import { EXAMPLES } from '../support/paths';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

describe('fixtures', () => {
  // The server's own fixtures, and the core's test set (test/fixtures/core) where it is present.
  const all = [...fixtures('server/fixable'), ...fixtures('server/diagnostics'), ...fixtures('rules')];
  test('there are fixtures', () => assert.ok(all.length >= 15));
  for (const f of all) {
    test(`${f.name}: the diagnostics its markers expect`, async () => {
      const diagnostics = await client.open(f.uri, f.text);
      assert.deepEqual(actualMarkers(diagnostics), expectedMarkers(f.text));
      for (const d of diagnostics) {
        assert.equal(d.source, 'nianbao');
        assert.match(d.message, /[\u4e00-\u9fff]/, 'messages are Chinese for a zh-cn editor');
      }
      await client.close(f.uri);
    });
  }
  for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.nianbao.yaml'))) {
    test(`example ${name} is clean`, async () => {
      const uri = pathToFileURL(join(EXAMPLES, name)).toString();
      assert.deepEqual(await client.open(uri, readFileSync(join(EXAMPLES, name), 'utf8')), []);
      await client.close(uri);
    });
  }
});

describe('lifecycle', () => {
  const base = fixtures('server/fixable').find((f) => f.name.endsWith('nb304-appeal-total.nianbao.yaml'));
  test('diagnostics carry the document version and follow changes', async () => {
    assert.ok(base);
    const uri = fileUri('lifecycle.nianbao.yaml');
    const first = await client.open(uri, base.text);
    assert.equal(first.length, 2);
    const fixed = base.text
      .replace('行政复议: [2, 1, 0, 1, 5]', '行政复议: [2, 1, 0, 1, 4]')
      .replace('复议后起诉: [0, 0, 0, 1, 0]', '复议后起诉: [0, 0, 0, 1, 1]');
    assert.deepEqual(await client.replace(uri, fixed), []);
    const last = client.publications.filter((p) => p.uri === uri).at(-1);
    assert.equal(last?.version, 2);
    await client.close(uri);
  });

  test('closing a document clears its diagnostics', async () => {
    assert.ok(base);
    const uri = fileUri('closing.nianbao.yaml');
    assert.equal((await client.open(uri, base.text)).length, 2);
    const before = client.publications.length;
    await client.close(uri);
    const cleared = await client.waitFor('cleared diagnostics', () =>
      client.publications.slice(before).find((p) => p.uri === uri && p.diagnostics.length === 0),
    );
    assert.equal(cleared.version, undefined);
  });

  test('a status notification accompanies each publication', async () => {
    assert.ok(base);
    const uri = fileUri('status.nianbao.yaml');
    await client.open(uri, base.text);
    const status = await client.waitFor('status', () => {
      const n = client.notifications
        .filter((x) => x.method === 'nianbao/status' && (x.params as StatusParams).uri === uri)
        .at(-1);
      return n?.params as StatusParams | undefined;
    });
    assert.deepEqual(
      {
        edition: status.edition,
        source: status.editionSource,
        year: status.year,
        agency: status.agency,
        errors: status.errors,
        warnings: status.warnings,
        version: status.version,
      },
      {
        edition: 2021,
        source: 'declared',
        year: 2024,
        agency: '示范市临江区人民政府',
        errors: 2,
        warnings: 0,
        version: 1,
      },
    );
    await client.close(uri);
  });
});

describe('a burst of 200 rapid edits', () => {
  test('ends with diagnostics for the last version only', async () => {
    const base = fixtures('server/fixable').find((f) => f.name.endsWith('nb303-row-total.nianbao.yaml'));
    assert.ok(base);
    const uri = fileUri('burst.nianbao.yaml');
    await client.open(uri, base.text);
    const start = client.publications.length;
    // Type 200 characters into the narrative, one change each, as fast as the pipe takes them; then set a
    // cell that makes the report clean again, so that only the last version is clean.
    const line = base.text.split('\n').findIndex((l) => l.startsWith('  本年度，'));
    const lineText = base.text.split('\n')[line];
    for (let i = 0; i < 199; i++) {
      const character = lineText.length + i;
      client.sendChange(uri, [{ range: { start: { line, character }, end: { line, character } }, text: '字' }]);
    }
    const totalLine = base.text.split('\n').findIndex((l) => l.includes('予以公开: [38, 5, 0, 1, 1, 1, 47]'));
    const col = base.text.split('\n')[totalLine].indexOf('47');
    const last = client.sendChange(uri, [
      {
        range: { start: { line: totalLine, character: col }, end: { line: totalLine, character: col + 2 } },
        text: '46',
      },
    ]);
    assert.equal(last, 201);
    const final = await client.diagnosticsFor(uri, last);
    assert.deepEqual(final, [], 'the last version is clean');
    // Nothing older may arrive afterwards: wait for the server to go quiet past its debounce interval.
    await client.hover(uri, { line: 0, character: 0 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const during = client.publications.slice(start).filter((p) => p.uri === uri);
    const versions = during.map((p) => p.version ?? -1);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions never go back',
    );
    assert.equal(versions.at(-1), last, 'the last publication is for the last version');
    assert.ok(during.length < 20, `debounced: ${during.length} publications for 200 edits`);
    // Every publication matches the text of the version it names (checked for the last: it is the clean one).
    assert.equal(analyze(client.text(uri)).diagnostics.length, 0);
    await client.close(uri);
  });
});

describe('diagnosticsDelayMs', () => {
  test('the initialization option takes a delay from 0 to 10 s; anything else keeps the default 150 ms', () => {
    assert.equal(DEFAULT_DIAGNOSTICS_DELAY_MS, 150);
    assert.equal(diagnosticsDelay(undefined), 150);
    assert.equal(diagnosticsDelay(0), 0);
    assert.equal(diagnosticsDelay(40), 40);
    assert.equal(diagnosticsDelay(1e9), 10_000);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '0', null, {}])
      assert.equal(diagnosticsDelay(bad), 150, String(bad));
  });

  test('with 0, every change that the server has processed is checked and published, none coalesced', async () => {
    const prompt = await LspClient.start({ initializationOptions: { diagnosticsDelayMs: 0 } });
    try {
      const text = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');
      const uri = fileUri('prompt.nianbao.yaml');
      await prompt.open(uri, text);
      const start = prompt.publications.length;
      const line = text.split('\n').findIndex((l) => l.startsWith('    部分公开:'));
      const character = text.split('\n')[line].indexOf('[') + 1;
      // Each change is followed by a request whose answer proves the server has read the change; with a debounce
      // the next change would replace the pending one, without it each version is published before the next.
      let last = 1;
      for (let i = 0; i < 20; i++) {
        last = prompt.sendChange(uri, [
          { range: { start: { line, character }, end: { line, character: character + 1 } }, text: String(7 + (i % 2)) },
        ]);
        await prompt.hover(uri, { line, character });
      }
      await prompt.diagnosticsFor(uri, last, start);
      const versions = prompt.publications
        .slice(start)
        .filter((p) => p.uri === uri)
        .map((p) => p.version);
      assert.deepEqual(
        versions,
        Array.from({ length: 20 }, (_, i) => i + 2),
      );
    } finally {
      await prompt.stop();
    }
  });
});

describe('language', () => {
  test('messages follow the editor language, a setting forces one, and a change republishes', async () => {
    const f = fixtures('server/fixable').find((x) => x.name.endsWith('nb304-appeal-total.nianbao.yaml'));
    assert.ok(f);
    const en = await LspClient.start({ locale: 'en' });
    try {
      const uri = fileUri('english.nianbao.yaml');
      const d = await en.open(uri, f.text);
      assert.match(d[0].message, /should be 4/);
      const before = en.publications.length;
      await en.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { nianbao: { language: 'zh' } },
      });
      const republished = await en.waitFor('republished', () =>
        en.publications.slice(before).find((p) => p.uri === uri),
      );
      assert.match(republished.diagnostics[0].message, /应为 4/);
    } finally {
      await en.stop();
    }
    const forced = await LspClient.start({ locale: 'zh-cn', initializationOptions: { settings: { language: 'en' } } });
    try {
      const d = await forced.open(fileUri('forced.nianbao.yaml'), f.text);
      assert.match(d[0].message, /should be 4/);
    } finally {
      await forced.stop();
    }
    const silent = await LspClient.start({ locale: '' });
    try {
      const d = await silent.open(fileUri('silent.nianbao.yaml'), f.text);
      assert.match(d[0].message, /应为 4/, 'Chinese when the editor names no language');
    } finally {
      await silent.stop();
    }
  });
});

describe('nianbao/checkFiles', () => {
  test('publishes diagnostics for report files on disk, cross-report findings included, and counts them', async () => {
    const files = fixtures('server/fixable');
    const open = files[0];
    await client.open(open.uri, open.text);
    const before = client.publications.length;
    const result = await client.connection.sendRequest<{
      files: number;
      errors: number;
      warnings: number;
      withProblems: number;
      unreadable: string[];
    }>('nianbao/checkFiles', {
      uris: [...files.map((f) => f.uri), pathToFileURL(join(EXAMPLES, 'missing.nianbao.yaml')).toString()],
    });
    // The files are a workspace: the core's index over the same texts says what to expect (here NB320 on every
    // file whose 机关 and 年度 can be read and are another fixture's too: most share them).
    const keys = files.map((f) => {
      const { agency, year } = analyze(f.text).report;
      return agency && year !== undefined ? `${agencyKey(agency)} ${year}` : undefined;
    });
    const shared = keys.filter((k) => k !== undefined && keys.indexOf(k) !== keys.lastIndexOf(k)).length;
    assert.ok(shared >= files.length - 4, `${shared} of ${files.length} fixtures share 机关 and 年度`);
    const index = new ReportIndex();
    for (const f of files) index.set(f.uri, f.text);
    let errors = 0;
    let warnings = 0;
    let duplicates = 0;
    for (const f of files) {
      const diagnostics = index.diagnostics(f.uri);
      errors += diagnostics.filter((d) => d.severity === 'error').length;
      warnings += diagnostics.filter((d) => d.severity === 'warning').length;
      duplicates += diagnostics.filter((d) => d.code === 'NB320').length;
    }
    assert.equal(duplicates, shared);
    assert.deepEqual(
      {
        files: result.files,
        errors: result.errors,
        warnings: result.warnings,
        withProblems: result.withProblems,
        unreadable: result.unreadable.length,
      },
      { files: files.length, errors, warnings, withProblems: files.length, unreadable: 1 },
    );
    const published = client.publications.slice(before);
    for (const f of files.slice(1)) {
      const p = [...published].reverse().find((x) => x.uri === f.uri);
      assert.ok(p, `published ${f.name}`);
      const lines = new LineIndex(f.text);
      assert.deepEqual(
        p.diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`).sort(),
        index
          .diagnostics(f.uri)
          .map((d) => `${lines.positionAt(d.range.start).line} ${d.code}`)
          .sort(),
      );
    }
    // The open document is published from the editor's text (its version), now with its duplicates too.
    const live = published.filter((x) => x.uri === open.uri);
    assert.ok(live.length > 0 && live.every((x) => x.version === client.version(open.uri)));
    assert.ok(live.at(-1)?.diagnostics.some((d) => d.code === 'NB320'));
    await client.close(open.uri);
  });
});

describe('one analysis per document version', () => {
  test('every feature on one version shares one analysis; a change makes one more', async () => {
    const f = fixtures('server/fixable').find((x) => x.name.endsWith('nb303-row-total.nianbao.yaml'));
    assert.ok(f);
    const count = async (): Promise<number> =>
      (await client.connection.sendRequest<{ analyses: number }>('nianbao/analyses')).analyses;
    const uri = fileUri('parse-once.nianbao.yaml');
    const start = await count();
    const diagnostics = await client.open(uri, f.text);
    const everything = async (): Promise<void> => {
      const whole = { start: { line: 0, character: 0 }, end: { line: 80, character: 0 } };
      await client.hover(uri, { line: 25, character: 6 });
      await client.completion(uri, { line: 25, character: 4 });
      await client.inlayHints(uri, whole);
      await client.symbols(uri);
      await client.folding(uri);
      await client.codeActions(uri, diagnostics[0].range, diagnostics);
    };
    await everything();
    assert.equal((await count()) - start, 1);
    await client.replace(uri, `${f.text}\n`);
    await everything();
    await everything();
    assert.equal((await count()) - start, 2);
    await client.close(uri);
  });
});
