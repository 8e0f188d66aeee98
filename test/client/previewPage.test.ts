/**
 * The preview page (media/preview.html + preview.js + preview.css under the webview's CSP) in Chromium, fed
 * bodies the way the client feeds them: it patches the page in place, the scroll position holds, the editor's
 * cursor highlights its cell, a click reports the YAML node, the theme and the print style apply. The update
 * latency (text change → patched DOM) is measured and printed, never asserted.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { analyze, renderReport } from '../../core/src/index';
import { launch, screenshotPaths, serve, servePreview } from '../support/browser';
import type { Browser, Posted, Served } from '../support/browser';
import { EXAMPLES } from '../support/paths';

const SEED = readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8');
const SHIFAN = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');

function body(text: string): string {
  return renderReport(analyze(text), { annotate: true }).html;
}

/** Post a body to the page and resolve once it reports the patch, with the in-page and round-trip times. */
async function update(page: Page, html: string, version: number): Promise<{ patch: number; layout: number }> {
  return page.evaluate(
    ({ html, version }) =>
      new Promise<{ patch: number; layout: number }>((resolve) => {
        const started = performance.now();
        const done = (event: Event) => {
          const m = (event as CustomEvent).detail as { type: string; version: number; ms: number };
          if (m.type !== 'rendered' || m.version !== version) return;
          window.removeEventListener('nb-posted', done);
          void document.body.offsetHeight; // force style and layout: the page is ready to paint
          resolve({ patch: m.ms, layout: performance.now() - started });
        };
        window.addEventListener('nb-posted', done);
        window.postMessage({ type: 'render', html, version }, '*');
      }),
    { html, version },
  );
}

async function posted(page: Page): Promise<Posted[]> {
  return page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

let browser: Browser;
let served: Served;
let page: Page;
const errors: string[] = [];
let version = 0;

before(async () => {
  browser = await launch({ width: 900, height: 700 });
  served = await serve();
  servePreview(served);
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${served.origin}/preview.html`);
});

after(async () => {
  await browser?.close();
  await served?.close();
});

describe('the preview page', () => {
  test('loads under its CSP: the nonce’d style and script apply, and it says it is ready', async () => {
    assert.deepEqual(
      (await posted(page)).map((m) => m.type),
      ['ready'],
    );
    await update(page, body(SEED), ++version);
    const border = await page.evaluate(() => getComputedStyle(document.querySelector('td.nb-value')!).borderTopStyle);
    assert.equal(border, 'solid');
    assert.equal(await page.locator('h1.nb-title').textContent(), '湛河区曹镇乡人民政府2020年政府信息公开工作年度报告');
    assert.deepEqual(errors, []);
    assert.ok(
      served.requests.every((p) =>
        ['/preview.html', '/media/preview.css', '/harness.js', '/media/preview.js'].includes(p),
      ),
      served.requests.join(),
    );
  });

  test('an edit is patched in place: the same elements stay, only what changed changes', async () => {
    await update(page, body(SEED), ++version);
    await page.evaluate(() => {
      const w = window as unknown as {
        __cells: Element[];
        __mutations: MutationRecord[];
        __observer: MutationObserver;
      };
      w.__cells = [...document.querySelectorAll('section[data-section="applications"] td')];
      w.__mutations = [];
      w.__observer = new MutationObserver((records) => w.__mutations.push(...records));
      w.__observer.observe(document.querySelector('section[data-section="applications"]')!, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    const edited = SEED.replace('予以公开: [0, 0, 0, 0, 0, 0, 0]', '予以公开: [5, 0, 0, 0, 0, 0, 0]');
    await update(page, body(edited), ++version);
    const result = await page.evaluate(() => {
      const w = window as unknown as {
        __cells: Element[];
        __mutations: MutationRecord[];
        __observer: MutationObserver;
      };
      w.__observer.disconnect();
      const now = [...document.querySelectorAll('section[data-section="applications"] td')];
      const structural = w.__mutations.filter(
        (m) =>
          m.type === 'childList' && [...m.addedNodes, ...m.removedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE),
      );
      const cell = (i: number) =>
        now.find(
          (td) =>
            td.getAttribute('data-path') ===
            JSON.stringify(['收到和处理政府信息公开申请情况', '本年度办理结果', '予以公开', i]),
        )!;
      return {
        same: now.length === w.__cells.length && now.every((el, i) => el === w.__cells[i]),
        structural: structural.length,
        text: cell(0).textContent,
        marked: cell(6).className,
        summary: document.querySelector('.nb-summary-head')!.textContent,
      };
    });
    assert.ok(result.same, 'every cell element is kept');
    assert.equal(result.structural, 0, 'no element added or removed in the table');
    assert.equal(result.text, '5');
    assert.match(result.marked, /nb-marked nb-error/);
    assert.match(result.summary ?? '', /个错误/);
  });

  test('the scroll position holds while typing above and below the viewport', async () => {
    await update(page, body(SEED), ++version);
    await page.evaluate(() =>
      document.querySelector('table[data-section="applications"]')!.scrollIntoView({ block: 'start' }),
    );
    const before = await page.evaluate(() => ({
      y: window.scrollY,
      top: document.querySelector('table[data-section="applications"]')!.getBoundingClientRect().top,
    }));
    assert.ok(before.y > 500);

    // Below the viewport: section 四.
    await update(page, body(SEED.replace('复议后起诉: [0, 0, 0, 0, 0]', '复议后起诉: [1, 0, 0, 0, 1]')), ++version);
    assert.equal(await page.evaluate(() => window.scrollY), before.y);

    // Above it: a new paragraph in 总体情况 pushes the content down; what the user looks at stays put.
    const longer = SEED.replace(
      '  曹镇乡信息公开工作年度报告\n',
      '  曹镇乡信息公开工作年度报告\n\n  新增的一段说明文字，新增的一段说明文字，新增的一段说明文字。\n\n  又一段。\n',
    );
    await update(page, body(longer), ++version);
    const afterAbove = await page.evaluate(() => ({
      y: window.scrollY,
      top: document.querySelector('table[data-section="applications"]')!.getBoundingClientRect().top,
    }));
    assert.ok(Math.abs(afterAbove.top - before.top) <= 1, `table moved from ${before.top} to ${afterAbove.top}`);
    assert.ok(afterAbove.y > before.y);
  });

  test('the editor cursor highlights its cell and scrolls it into view', async () => {
    const text = SEED;
    await update(page, body(text), ++version);
    await page.evaluate(() => window.scrollTo(0, 0));
    const offset = text.indexOf('复议后起诉: [0, 0, 0, 0, 0]') + '复议后起诉: [0, 0, '.length;
    await page.evaluate((offset) => window.postMessage({ type: 'cursor', offset }, '*'), offset);
    const cell = page.locator('.nb-cursor');
    await cell.waitFor();
    assert.equal(
      await cell.getAttribute('data-path'),
      JSON.stringify(['政府信息公开行政复议、行政诉讼情况', '行政诉讼', '复议后起诉', 2]),
    );
    assert.ok(await page.evaluate(() => window.scrollY > 0));
    assert.ok(await cell.isVisible());
    const inView = await cell.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView);
    // The highlight survives the next edit.
    await update(page, body(text.replace('行政复议: [0, 0, 0, 0, 0]', '行政复议: [0, 0, 0, 0, 1]')), ++version);
    assert.equal(
      await page.locator('.nb-cursor').getAttribute('data-path'),
      JSON.stringify(['政府信息公开行政复议、行政诉讼情况', '行政诉讼', '复议后起诉', 2]),
    );
  });

  test('a click on a cell, a label or a paragraph reports its YAML path and offsets', async () => {
    const text = SEED;
    await update(page, body(text), ++version);
    const repeated = ['收到和处理政府信息公开申请情况', '本年度办理结果', '不予处理', '重复申请', 3];
    const targets = [
      { selector: `td[data-path='${JSON.stringify(repeated)}']`, at: '重复申请: [0, 0, 0, 0, 0, 0, 0]' },
      { selector: 'th.nb-label:has-text("政府集中采购")', at: '政府集中采购' },
      { selector: 'section[data-section="problems"] p.nb-p >> nth=1', at: '（二）改进情况' },
    ];
    for (const t of targets) {
      const before = (await posted(page)).length;
      await page.locator(t.selector).click();
      const messages = (await posted(page)).slice(before);
      assert.equal(messages.length, 1);
      const m = messages[0];
      assert.equal(m.type, 'reveal');
      assert.equal(m.version, version);
      const expected = text.indexOf(t.at);
      assert.ok(expected >= 0);
      assert.ok(m.start !== undefined && m.end !== undefined);
      if (t.at.startsWith('重复申请')) {
        assert.deepEqual(m.path, repeated);
        assert.equal(m.start, expected + '重复申请: [0, 0, 0, '.length);
        assert.equal(text.slice(m.start, m.end), '0');
      } else {
        assert.equal(m.start, expected);
      }
    }
  });

  test('the problem summary lists each problem and a click on one reports where it is', async () => {
    const text = SEED.replace(
      '本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]',
      '本年新收政府信息公开申请数量: [2, 0, 0, 0, 0, 0, 1]',
    );
    const { diagnostics } = analyze(text);
    await update(page, body(text), ++version);
    assert.equal(await page.locator('.nb-problem').count(), diagnostics.length);
    const before = (await posted(page)).length;
    await page.locator('.nb-problem').first().click();
    const [m] = (await posted(page)).slice(before);
    assert.equal(m.type, 'reveal');
    assert.equal(m.start, diagnostics[0].range.start);
    assert.deepEqual(m.path, diagnostics[0].path);
  });
});

describe('theme and print', () => {
  const problems = SHIFAN.replace('予以公开: [38, 5, 0, 1, 1, 1, 46]', '予以公开: [38, 5, 0, 1, 1, 1, 47]').replace(
    '行政强制: 57',
    '行政强制: "57件"',
  );

  test('light and dark themes follow the VS Code variables; screenshots', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((theme) => {
        document.body.className = `vscode-${theme}`;
        const vars: Record<string, string> =
          theme === 'dark'
            ? {
                '--vscode-editor-background': '#1f1f1f',
                '--vscode-editor-foreground': '#cccccc',
                '--vscode-focusBorder': '#0078d4',
                '--vscode-editorError-foreground': '#f14c4c',
                '--vscode-inputValidation-errorBackground': '#5a1d1d',
                '--vscode-editorWarning-foreground': '#cca700',
                '--vscode-inputValidation-warningBackground': '#352a05',
                '--vscode-descriptionForeground': '#9d9d9d',
                '--vscode-editorWidget-background': '#202020',
                '--vscode-panel-border': '#2b2b2b',
              }
            : {};
        const style = document.documentElement.style;
        for (let i = style.length - 1; i >= 0; i--) style.removeProperty(style[i]);
        for (const [k, v] of Object.entries(vars)) style.setProperty(k, v);
      }, theme);
      await update(page, body(problems), ++version);
      await page.evaluate(() => window.scrollTo(0, 0));
      const colours = await page.evaluate(() => ({
        bg: getComputedStyle(document.body).backgroundColor,
        fg: getComputedStyle(document.body).color,
      }));
      if (theme === 'dark') assert.deepEqual(colours, { bg: 'rgb(31, 31, 31)', fg: 'rgb(204, 204, 204)' });
      else assert.deepEqual(colours, { bg: 'rgb(255, 255, 255)', fg: 'rgb(31, 31, 31)' });
      const total = page.locator('td.nb-marked.nb-error').first();
      await total.scrollIntoViewIfNeeded();
      assert.match((await total.getAttribute('title')) ?? '', /^NB\d{3} /);
      for (const path of screenshotPaths(`preview-${theme}.png`)) {
        mkdirSync(dirname(path), { recursive: true });
        await page.mouse.move(0, 0);
        await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 900, height: 1300 } });
      }
    }
  });

  test('printed, the preview is black on white without marks or summary', async () => {
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const marked = document.querySelector('td.nb-marked')!;
      return {
        summary: getComputedStyle(document.querySelector('.nb-summary')!).display,
        bg: getComputedStyle(document.body).backgroundColor,
        fg: getComputedStyle(document.body).color,
        cellBg: getComputedStyle(marked).backgroundColor,
        rule: getComputedStyle(document.querySelector('td.nb-value')!).borderTopColor,
      };
    });
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(printed, {
      summary: 'none',
      bg: 'rgb(255, 255, 255)',
      fg: 'rgb(0, 0, 0)',
      cellBg: 'rgba(0, 0, 0, 0)',
      rule: 'rgb(0, 0, 0)',
    });
  });
});

describe('update latency (measured, not asserted)', () => {
  test('text change → analysis → body → patched DOM', async (t) => {
    await page.evaluate(() => {
      document.body.className = 'vscode-light';
      window.scrollTo(0, 0);
    });
    for (const [name, source] of [
      ['caozhen-2020 (2019 edition)', SEED],
      ['shifan-2024 (2021 edition)', SHIFAN],
    ] as const) {
      await update(page, body(source), ++version);
      const analyzeMs: number[] = [];
      const renderMs: number[] = [];
      const patchMs: number[] = [];
      const totalMs: number[] = [];
      const rounds = 40;
      for (let i = 0; i < rounds; i++) {
        // A keystroke in a cell: the value in the first row of section 三 goes 0…9 and back.
        const text = source.replace(/(本年新收政府信息公开申请数量: \[)(\d+)/, `$1${i % 10}`);
        const t0 = performance.now();
        const analysis = analyze(text);
        const t1 = performance.now();
        const html = renderReport(analysis, { annotate: true }).html;
        const t2 = performance.now();
        const { patch } = await update(page, html, ++version);
        const t3 = performance.now();
        analyzeMs.push(t1 - t0);
        renderMs.push(t2 - t1);
        patchMs.push(patch);
        totalMs.push(t3 - t0);
      }
      const fmt = (xs: number[]) =>
        `median ${percentile(xs, 50).toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms`;
      const lines = [
        `${name}, ${rounds} edits:`,
        `  analyze            ${fmt(analyzeMs)}`,
        `  render body        ${fmt(renderMs)}`,
        `  patch in page      ${fmt(patchMs)}`,
        `  text → patched DOM ${fmt(totalMs)} (incl. the test driver's round trip to Chromium)`,
      ];
      for (const line of lines) t.diagnostic(line);
      console.log(lines.join('\n'));
    }
    assert.deepEqual(errors, []);
  });
});
