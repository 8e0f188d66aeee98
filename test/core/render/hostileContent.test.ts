/**
 * Hostile report content — markup, event handlers, `javascript:` URLs, style and title breakouts, quotes that
 * would end an attribute, shell placeholders — in every string field, in table cells and in keys. In Chromium,
 * on the exported page, on the bare body without any CSP, and in the preview page: nothing runs, nothing loads,
 * and the text is shown as text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { analyze, renderPage, renderReport } from '../../../core/src/index';
import { launch, onlyServed, serve, servePreview } from '../../support/browser';
import { hostileVariants } from '../../support/hostileEverywhere';
import { PAYLOADS, pageState, provoke } from '../../support/inertPage';
import { LspClient, fileUri } from '../../support/lspClient';
import type { RenderResult } from '../../../protocol/src/protocol';
import type { Browser, Served } from '../../support/browser';
import { EXAMPLES } from '../../support/paths';

const HOSTILE = PAYLOADS.join(' ');
const q = (s: string): string => JSON.stringify(s);

/** The 2021 example with the payloads in every string field, in cells of all three tables and as keys. */
function hostile2021(): string {
  const text = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8')
    .replace(/^机关: .*$/m, `机关: ${q(HOSTILE)}`)
    .replace(/^发布日期: .*$/m, `发布日期: ${q(HOSTILE)}`)
    .replace(/^机关类型: .*$/m, `机关类型: ${q(HOSTILE)}`)
    .replace(/^总体情况: \|\n/m, `总体情况: |\n  ${HOSTILE}\n\n`)
    .replace(
      '    规章: [0, 0, 0]',
      `    规章: [${q(PAYLOADS[1])}, ${q(PAYLOADS[6])}, ${q(PAYLOADS[7])}]\n    ${q(PAYLOADS[0])}: 1`,
    )
    .replace('    行政许可: 1523', `    行政许可: ${q(HOSTILE)}`)
    .replace(
      '  本年新收政府信息公开申请数量: [',
      `  ${q(PAYLOADS[2])}: [1]\n  本年新收政府信息公开申请数量: [${q(PAYLOADS[4])}, `,
    )
    .replace('  行政复议: [', `  行政复议: [${q(PAYLOADS[5])}, `)
    .replace(/^存在的主要问题及改进情况: \|\n/m, `存在的主要问题及改进情况: |\n  ${HOSTILE}\n\n`)
    .replace(/^其他需要报告的事项: .*$/m, `其他需要报告的事项: ${q(HOSTILE)}`);
  return `${text}\n${PAYLOADS.map((p, i) => `${q(`${p}#${i}`)}: ${q(p)}`).join('\n')}\n`;
}

/** The seed report with the payloads in 格式 and 年度 as well (fields a number is expected in). */
function hostile2019(): string {
  return readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8')
    .replace(/^格式: .*$/m, `格式: ${q(HOSTILE)}`)
    .replace(/^年度: .*$/m, `年度: ${q(HOSTILE)}`)
    .replace(/^机关: .*$/m, `机关: ${q(PAYLOADS[4])}`)
    .replace('    政府集中采购: [11, 3020.782]', `    政府集中采购: [11, ${q(HOSTILE)}]`);
}

const DOCUMENTS = { '2021 example': hostile2021(), '2019 example': hostile2019() };

let browser: Browser;
let served: Served;
/** Requests to anything but the loopback pages under test, and the loopback paths not served. */
const foreign: string[] = [];
const dialogs: string[] = [];

before(async () => {
  browser = await launch();
  served = await serve();
  servePreview(served);
  await onlyServed(browser, served, foreign);
});

after(async () => {
  await browser?.close();
  await served?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  foreign.length = 0;
  dialogs.length = 0;
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`${served.origin}${path}`);
  return { page, errors };
}

async function assertInert(
  page: Page,
  errors: string[],
  label: string,
  shownAsText: readonly string[] = ['<script>window.__pwned="script"</script>', '</style><script>'],
): Promise<void> {
  await page.waitForTimeout(50);
  const state = await pageState(page);
  assert.equal(state.pwned, undefined, `${label}: injected code ran (${state.pwned})`);
  assert.deepEqual(state.badTags, [], `${label}: elements from the file`);
  assert.deepEqual(state.badAttrs, [], `${label}: attributes from the file`);
  assert.deepEqual(errors, [], `${label}: page errors`);
  assert.deepEqual(dialogs, [], `${label}: dialogs`);
  assert.deepEqual(foreign, [], `${label}: requests`);
  assert.ok(!state.location.startsWith('/loaded/'), `${label}: navigated away`);
  assert.ok(
    shownAsText.some((t) => state.text.includes(t)),
    `${label}: the payload is shown as text`,
  );
  for (const s of state.scripts) assert.ok(['/harness.js', '/media/preview.js'].includes(s), `${label}: script ${s}`);
}

for (const [name, text] of Object.entries(DOCUMENTS)) {
  describe(`hostile content, ${name}`, () => {
    const analysis = analyze(text);
    const id = name.slice(0, 4);

    test('the file is read as a report with problems (the payloads are reported, not dropped)', () => {
      assert.ok(analysis.doc.root && analysis.doc.root.kind === 'map');
      assert.ok(analysis.diagnostics.length > 0);
    });

    test('exported page: nothing runs, nothing loads', async () => {
      const page = renderPage(analysis);
      served.set(`/export-${id}.html`, page.html);
      const { page: p, errors } = await open(`/export-${id}.html`);
      await provoke(p);
      await assertInert(p, errors, 'export');
      assert.equal(await p.title(), page.title);
      assert.equal(
        await p.evaluate(() => document.querySelectorAll('style, link, meta[http-equiv="refresh"], base').length),
        1,
      );
      await p.close();
    });

    test('the annotated body alone, without any CSP: escaping by itself keeps it inert', async () => {
      const body = renderReport(analysis, { annotate: true }).html;
      served.set(
        `/bare-${id}.html`,
        `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>bare</title></head><body>${body}</body></html>`,
      );
      const { page, errors } = await open(`/bare-${id}.html`);
      await provoke(page);
      await assertInert(page, errors, 'bare body');
      // The problem summary quotes the hostile keys, as text.
      assert.ok(
        (await page.locator('.nb-problem').allTextContents()).some((t) =>
          t.includes('<iframe src="/loaded/frame"></iframe>'),
        ) || id === '2019',
      );
      await page.close();
    });

    test('preview page: nothing runs, nothing loads, clicks only report their node', async () => {
      const { page, errors } = await open('/preview.html');
      const body = renderReport(analysis, { annotate: true }).html;
      await page.evaluate((html) => window.postMessage({ type: 'render', html, version: 1 }, '*'), body);
      await page.locator('article').waitFor();
      await provoke(page);
      await assertInert(page, errors, 'preview');
      const kinds = await page.evaluate(() => [
        ...new Set((window as unknown as { __posted: { type: string }[] }).__posted.map((m) => m.type)),
      ]);
      assert.deepEqual(kinds.sort(), ['ready', 'rendered', 'reveal']);
      await page.close();
    });
  });
}

test('the preview page’s own fence drops markup that did not come from the renderer', async () => {
  const { page, errors } = await open('/preview.html');
  const forged = [
    '<article class="nb-report">',
    '<p class="nb-p" onclick="window.__pwned=\'p\'" style="background:url(/loaded/style)">x</p>',
    '<img src="/loaded/forged" onerror="window.__pwned=\'img\'">',
    '<script>window.__pwned="script"</script>',
    '<a href="javascript:window.__pwned=\'a\'">a</a>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    '<h1 class="nb-title"><span>&lt;script&gt;window.__pwned="script"&lt;/script&gt;</span></h1>',
    '</article>',
  ].join('');
  await page.evaluate((html) => window.postMessage({ type: 'render', html, version: 1 }, '*'), forged);
  await page.locator('article').waitFor();
  await provoke(page);
  await assertInert(page, errors, 'forged body');
  assert.equal(await page.locator('p.nb-p').getAttribute('onclick'), null);
  assert.equal(await page.locator('p.nb-p').getAttribute('style'), null);
  await page.close();
});

describe('every string field and every key, rendered by the real server into the client’s preview shell', () => {
  let server: LspClient;
  before(async () => {
    server = await LspClient.start();
  });
  after(() => server?.stop());

  const variants = hostileVariants();

  for (const [name, doc] of variants) {
    test(`${name} (${doc.fields} fields): the preview page and the export run nothing, load nothing`, async () => {
      const uri = fileUri(`hostile-${name.replace(/\W+/g, '-')}.nianbao.yaml`);
      const diagnostics = await server.open(uri, doc.text);
      assert.ok(diagnostics.length > 0, 'the payloads are reported');
      const body = await server.connection.sendRequest<RenderResult>('nianbao/render', {
        uri,
        version: 1,
        kind: 'body',
      });
      assert.ok(body.html, 'a body');
      const { page, errors } = await open('/preview.html');
      await page.evaluate((html) => window.postMessage({ type: 'render', html, version: 1 }, '*'), body.html);
      await page.locator('article').waitFor();
      await provoke(page);
      // What is shown of the payloads is text: the field ids of the payloads appear as characters on the page.
      await assertInert(page, errors, `preview, ${name}`, ['window.__pwned=']);
      await page.close();

      const exported = await server.connection.sendRequest<RenderResult>('nianbao/render', {
        uri,
        version: 1,
        kind: 'page',
      });
      if (exported.html) {
        served.set(`/export-everywhere-${doc.fields}.html`, exported.html);
        const p = await open(`/export-everywhere-${doc.fields}.html`);
        await provoke(p.page);
        await assertInert(p.page, p.errors, `export, ${name}`, ['window.__pwned=']);
        await p.page.close();
      } else {
        assert.ok(exported.notReport, 'the export says why there is nothing to publish');
      }
      await server.close(uri);
    });
  }
});
