/**
 * The live preview end to end without VS Code: the real language server over stdio, the client's own update
 * scheduler (`PreviewUpdater`) and shell (`previewShell`), and media/preview.js in Chromium. Keystrokes go to
 * the server as LSP changes, the scheduler asks `nianbao/render` for the newest version and posts the body to the
 * page, which patches it in place. Checked: every edit reaches the page and versions only grow, the DOM is the
 * same as a fresh rendering of the last text while elements stay, the scroll position holds, the cursor
 * highlight and clicks map to the text. The latency from a text change to the patched DOM is measured and
 * printed (`npm run bench:preview`), never asserted.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { THROTTLE_MS, PreviewUpdater } from '../../client/src/preview/previewUpdater';
import { analyze, renderReport } from '../../core/src/index';
import type { RenderResult } from '../../protocol/src/protocol';
import { RenderRequest } from '../../protocol/src/protocol';
import { launch, serve, servePreview } from '../support/browser';
import type { Browser, Posted, Served } from '../support/browser';
import { LspClient, fileUri } from '../support/lspClient';
import { EXAMPLES } from '../support/paths';

const SEED = readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8');
const SHIFAN = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The host side of one preview, as `ReportPreview` does it in VS Code: the updater's requests go to the real
 * server, its bodies to the page; the page's messages come back here.
 */
class Harness {
  readonly posted: Posted[] = [];
  /** Versions the page reported patched, in order, with the time each arrived. */
  readonly rendered: { version: number; at: number; ms: number }[] = [];
  /** Versions handed to `show`, in order. */
  readonly shown: number[] = [];
  readonly failures: unknown[] = [];
  readonly serverMs: number[] = [];
  last: RenderResult | undefined;
  updater!: PreviewUpdater;
  private waiters: (() => void)[] = [];

  constructor(
    readonly page: Page,
    readonly client: LspClient,
    readonly uri: string,
  ) {}

  start(): void {
    this.updater = new PreviewUpdater({
      version: () => this.client.version(this.uri),
      fetch: async (version) => {
        const t0 = performance.now();
        const result = await this.client.connection.sendRequest<RenderResult>(RenderRequest.method, {
          uri: this.uri,
          version,
        });
        this.serverMs.push(performance.now() - t0);
        return result;
      },
      show: (result) => {
        this.shown.push(result.version);
        this.last = result;
        this.post(result);
      },
      failed: (error) => this.failures.push(error),
    });
  }

  post(result: RenderResult): void {
    void this.page.evaluate((m) => window.postMessage(m, '*'), {
      type: 'render',
      html: result.html,
      version: result.version,
      source: this.uri,
    });
  }

  onPosted(m: Posted): void {
    this.posted.push(m);
    if (m.type === 'rendered' && typeof m.version === 'number')
      this.rendered.push({ version: m.version, at: performance.now(), ms: m.ms ?? 0 });
    if (m.type === 'ready' && this.last) this.post(this.last);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves when the page has patched in `version` or a newer one; returns the time it did. */
  async patched(version: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const hit = this.rendered.find((r) => r.version >= version);
      if (hit) return hit.at;
      if (Date.now() - started > 30_000)
        throw new Error(`the page never showed version ${version}; last ${this.rendered.at(-1)?.version}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 500);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** One keystroke: replace `length` characters at `offset` by `text`; the editor tells the preview. */
  edit(offset: number, length: number, text: string): number {
    const position = (o: number) => {
      const before = this.client.text(this.uri).slice(0, o).split('\n');
      return { line: before.length - 1, character: before.at(-1)!.length };
    };
    const version = this.client.sendChange(this.uri, [
      { range: { start: position(offset), end: position(offset + length) }, text },
    ]);
    this.updater.changed();
    return version;
  }

  text(): string {
    return this.client.text(this.uri);
  }
}

let browser: Browser;
let served: Served;
let page: Page;
let client: LspClient;
let harness: Harness | undefined;
const errors: string[] = [];

async function openPreview(name: string, text: string): Promise<Harness> {
  const uri = fileUri(name);
  await client.open(uri, text);
  const h = new Harness(page, client, uri);
  harness = h;
  await page.goto(`${served.origin}/preview.html`);
  h.start();
  h.updater.changed();
  await h.patched(1);
  return h;
}

async function closePreview(h: Harness): Promise<void> {
  h.updater.dispose();
  await client.close(h.uri);
  harness = undefined;
}

before(async () => {
  client = await LspClient.start();
  browser = await launch({ width: 900, height: 700 });
  served = await serve();
  servePreview(served);
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.exposeFunction('__nbHost', (m: Posted) => harness?.onPosted(m));
});

after(async () => {
  await browser?.close();
  await served?.close();
  await client?.stop();
});

/** Every element of the page's report (or of a body parsed fresh) as tag, attributes and own text. */
async function pageSnapshot(html?: string): Promise<string[]> {
  return page.evaluate((html) => {
    const root =
      html === undefined
        ? document.getElementById('nb-root')!
        : new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    const out: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const attrs = el
        .getAttributeNames()
        .sort()
        .map(
          (n) =>
            `${n}=${n === 'class' ? (el.getAttribute(n) ?? '').replace(/\s*\bnb-cursor\b/, '') : el.getAttribute(n)}`,
        );
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.nodeValue)
        .join('');
      out.push(`${el.tagName} ${attrs.join(' ')} ${own}`);
    }
    return out;
  }, html);
}

describe('typing with the preview open', () => {
  test('every keystroke reaches the page, versions only grow, the DOM equals a fresh rendering and the elements stay', async () => {
    const h = await openPreview('live-typing.nianbao.yaml', SEED);
    await page.evaluate(() => {
      const w = window as unknown as {
        __cells: Element[];
        __mutations: MutationRecord[];
        __observer: MutationObserver;
      };
      w.__cells = [...document.querySelectorAll('table td')];
      w.__mutations = [];
      w.__observer = new MutationObserver((records) => w.__mutations.push(...records));
      for (const table of document.querySelectorAll('table'))
        w.__observer.observe(table, { subtree: true, childList: true });
    });
    // Type 2, 0, 2, 1 into 行政许可's first cell (replacing its 0), then a sentence into 六, one key at a time.
    const cell = h.text().indexOf('行政许可: [0') + '行政许可: ['.length;
    let last = h.edit(cell, 1, '2');
    for (const [i, digit] of ['0', '2', '1'].entries()) {
      await sleep(7);
      last = h.edit(cell + 1 + i, 0, digit);
    }
    // 六 reads `  无`: extend its paragraph.
    let at = h.text().indexOf('\n', h.text().indexOf('其他需要报告的事项: |') + '其他需要报告的事项: |\n'.length);
    for (const ch of '。本年度没有其他需要报告的事项') {
      await sleep(7);
      last = h.edit(at++, 0, ch);
    }
    await h.patched(last);
    assert.ok(h.text().includes('行政许可: [2021, 0, 0]'));
    assert.ok(h.text().includes('其他需要报告的事项: |\n  无。本年度没有其他需要报告的事项\n'));
    assert.equal(
      await page.locator('section[data-section="other"] p').textContent(),
      '无。本年度没有其他需要报告的事项',
    );

    const shown = h.shown;
    assert.ok(
      shown.every((v, i) => i === 0 || v > shown[i - 1]),
      `shown versions grow: ${shown.join(',')}`,
    );
    const patched = h.rendered.map((r) => r.version);
    assert.ok(
      patched.every((v, i) => i === 0 || v > patched[i - 1]),
      `patched versions grow: ${patched.join(',')}`,
    );
    assert.equal(patched.at(-1), last, 'the page ends on the last version');
    assert.ok(shown.length < last, `throttled: ${shown.length} bodies for ${last} versions`);

    const fresh = renderReport(analyze(h.text()), { annotate: true, lang: 'zh' }).html;
    assert.deepEqual(
      await pageSnapshot(),
      await pageSnapshot(fresh),
      'the patched page is the rendering of the last text',
    );
    const kept = await page.evaluate(() => {
      const w = window as unknown as {
        __cells: Element[];
        __mutations: MutationRecord[];
        __observer: MutationObserver;
      };
      w.__observer.disconnect();
      const now = [...document.querySelectorAll('table td')];
      const structural = w.__mutations.filter((m) =>
        [...m.addedNodes, ...m.removedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE),
      );
      return {
        same: now.length === w.__cells.length && now.every((el, i) => el === w.__cells[i]),
        structural: structural.length,
      };
    });
    assert.ok(kept.same, 'every table cell is the element it was');
    assert.equal(kept.structural, 0, 'no element added to or removed from a table');
    assert.equal(
      await page
        .locator(`td[data-path='${JSON.stringify(['主动公开政府信息情况', '第二十条第（五）项', '行政许可', 0])}']`)
        .textContent(),
      '2021',
    );
    assert.deepEqual(h.failures, []);
    assert.deepEqual(errors, []);
    await closePreview(h);
  });

  test('the scroll position holds while text above the viewport grows, line by line', async () => {
    const h = await openPreview('live-scroll.nianbao.yaml', SEED);
    await page.evaluate(() =>
      document.querySelector('table[data-section="applications"]')!.scrollIntoView({ block: 'start' }),
    );
    const top = () =>
      page.evaluate(() => document.querySelector('table[data-section="applications"]')!.getBoundingClientRect().top);
    const before = { top: await top(), y: await page.evaluate(() => window.scrollY) };
    assert.ok(before.y > 500);
    const at = h.text().indexOf('  (一)做好信息公开工作');
    let last = 0;
    let insertAt = at;
    for (const line of [
      '  新增一段说明。\n',
      '\n',
      '  又新增一段，长一些的说明文字，长一些的说明文字，长一些的说明文字，长一些的说明文字。\n',
      '\n',
    ]) {
      for (const ch of line) {
        last = h.edit(insertAt, 0, ch);
        insertAt++;
        await sleep(3);
      }
    }
    await h.patched(last);
    const afterTop = await top();
    assert.ok(Math.abs(afterTop - before.top) <= 1, `the table stayed where it was: ${before.top} → ${afterTop}`);
    assert.ok((await page.evaluate(() => window.scrollY)) > before.y, 'the page scrolled by what was added above');
    await closePreview(h);
  });

  test('the cursor highlights its cell through edits; a click reports offsets into the text shown', async () => {
    const h = await openPreview('live-cursor.nianbao.yaml', SHIFAN);
    await page.evaluate(() => window.scrollTo(0, 0));
    const rowAt = h.text().indexOf('复议后起诉: [');
    const offset = rowAt + '复议后起诉: ['.length;
    const expectedPath = JSON.stringify(['政府信息公开行政复议、行政诉讼情况', '行政诉讼', '复议后起诉', 0]);
    await page.evaluate((offset) => window.postMessage({ type: 'cursor', offset, reveal: true }, '*'), offset);
    await page.locator('.nb-cursor').waitFor();
    assert.equal(await page.locator('.nb-cursor').getAttribute('data-path'), expectedPath);
    assert.ok(await page.evaluate(() => window.scrollY > 0), 'scrolled to the cell');
    // Type into that cell: the highlight stays on it as its text changes.
    const cellEnd = h.text().indexOf(',', offset);
    const last = h.edit(cellEnd, 0, '7');
    await page.evaluate((offset) => window.postMessage({ type: 'cursor', offset, reveal: true }, '*'), cellEnd + 1);
    await h.patched(last);
    assert.equal(await page.locator('.nb-cursor').getAttribute('data-path'), expectedPath);
    assert.equal(await page.locator('.nb-cursor').count(), 1);

    const count = h.posted.length;
    await page
      .locator(`td[data-path='${JSON.stringify(['政府信息公开行政复议、行政诉讼情况', '行政复议', 2])}']`)
      .click();
    const reveal = h.posted.slice(count).find((m) => m.type === 'reveal');
    assert.ok(reveal && reveal.start !== undefined && reveal.end !== undefined);
    assert.equal(reveal.version, last);
    const text = h.text();
    const row = text.indexOf('  行政复议: [');
    assert.ok(reveal.start > row && reveal.end < text.indexOf('\n', row));
    const values = text
      .slice(row, text.indexOf('\n', row))
      .match(/\[(.*)\]/)![1]
      .split(',')
      .map((v) => v.trim());
    assert.equal(text.slice(reveal.start, reveal.end), values[2]);
    await closePreview(h);
  });

  test('a page rebuilt (hidden tab, reloaded window) returns to its scroll position and keeps its report’s URI', async () => {
    const h = await openPreview('live-restore.nianbao.yaml', SEED);
    await page.evaluate(() =>
      document.querySelector('section[data-section="problems"]')!.scrollIntoView({ block: 'start' }),
    );
    await sleep(50);
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 1000);
    const state = await page.evaluate(() => JSON.parse(sessionStorage.getItem('nb-state') ?? 'null'));
    assert.deepEqual(state, { source: h.uri, scrollY: y });
    const before = h.rendered.length;
    await page.reload();
    await h.patched(1);
    while (h.rendered.length === before) await sleep(10);
    assert.equal(await page.evaluate(() => window.scrollY), y);
    await closePreview(h);
  });

  test('a version the server has not seen yet is asked again, never shown out of order', async () => {
    const uri = fileUri('live-stale.nianbao.yaml');
    await client.open(uri, SEED);
    const shown: number[] = [];
    let answers = 0;
    let stale = 0;
    let editorVersion = 1;
    const updater = new PreviewUpdater({
      version: () => editorVersion,
      fetch: async (version) => {
        const result = await client.connection.sendRequest<RenderResult>(RenderRequest.method, { uri, version });
        answers++;
        if (result.stale) stale++;
        return result;
      },
      show: (result) => shown.push(result.version),
      failed: () => assert.fail('no failure expected'),
    });
    updater.changed();
    while (!shown.length) await sleep(5);
    // The editor is at version 3 while its changes are still on the way to the server.
    editorVersion = 3;
    updater.changed();
    while (stale < 2) await sleep(5);
    client.sendChange(uri, [{ text: `${SEED}\n` }]);
    client.sendChange(uri, [{ text: `${SEED}\n\n` }]);
    while (shown.length < 2) await sleep(5);
    updater.dispose();
    assert.deepEqual(shown, [1, 3]);
    assert.ok(answers >= 4);
    await client.close(uri);
  });
});

describe('update latency (measured, not asserted)', () => {
  test('text change → server → body → patched DOM, through the client’s scheduler', async (t) => {
    const lines: string[] = [];
    const fmt = (xs: number[]): string =>
      `median ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
    for (const [name, source] of [
      ['caozhen-2020 (2019 edition)', SEED],
      ['shifan-2024 (2021 edition)', SHIFAN],
    ] as const) {
      const h = await openPreview(`latency-${source === SEED ? 2019 : 2021}.nianbao.yaml`, source);
      const cell = h.text().indexOf('本年新收政府信息公开申请数量: [') + '本年新收政府信息公开申请数量: ['.length;
      const digits = (i: number): string => String(i % 10);

      // Single edits with the preview idle (a pause longer than the throttle before each).
      const single: number[] = [];
      h.serverMs.length = 0;
      for (let i = 0; i < 30; i++) {
        await sleep(THROTTLE_MS + 30);
        const t0 = performance.now();
        const version = h.edit(cell, 1, digits(i + 1));
        single.push((await h.patched(version)) - t0);
      }
      const server = [...h.serverMs];
      const patch = h.rendered.slice(-30).map((r) => r.ms);

      // Steady typing: a key every 120 ms (a fast typist), and a burst every 15 ms (key repeat, IME commit).
      const typing = async (interval: number, keys: number): Promise<{ latency: number[]; bodies: number }> => {
        const sent: { version: number; at: number }[] = [];
        const shownBefore = h.shown.length;
        for (let i = 0; i < keys; i++) {
          const at = performance.now();
          sent.push({ version: h.edit(cell, 1, digits(i)), at });
          await sleep(interval);
        }
        await h.patched(sent.at(-1)!.version);
        const latency = await Promise.all(sent.map(async (s) => (await h.patched(s.version)) - s.at));
        return { latency, bodies: h.shown.length - shownBefore };
      };
      const steady = await typing(120, 25);
      const burst = await typing(15, 60);

      lines.push(
        `${name}:`,
        `  single edit, preview idle       ${fmt(single)}  (30 edits)`,
        `    of which server round trip    ${fmt(server)}`,
        `    of which in-page patch        ${fmt(patch)}`,
        `  typing, a key every 120 ms      ${fmt(steady.latency)}  (25 keys, ${steady.bodies} bodies)`,
        `  burst, a key every 15 ms        ${fmt(burst.latency)}  (60 keys, ${burst.bodies} bodies; throttle ${THROTTLE_MS} ms)`,
      );
      assert.deepEqual(h.failures, []);
      await closePreview(h);
    }
    lines.push('  (each: from sending the LSP change to the page reporting the patch, incl. the DevTools round trip)');
    for (const line of lines) t.diagnostic(line);
    console.log(lines.join('\n'));
    assert.deepEqual(errors, []);
  });
});
