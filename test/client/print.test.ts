/**
 * The exported page and the preview printed to A4 by Chromium (`page.pdf`, print media), read back with
 * pdftotext: A4 pages, and page breaks that keep a heading, a 第二十条 caption or a header row with what follows and
 * leave no page nearly empty — for both examples, with narratives of many lengths so that every table meets a page
 * end somewhere.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { analyze, renderPage, renderReport } from '../../core/src/index';
import type { Edition } from '../../core/src/index';
import { launch, serve, servePreview } from '../support/browser';
import type { Browser, Served } from '../support/browser';
import { badPageEnds, withLongerNarrative } from '../support/pageBreaks';
import { isA4, pdfPages } from '../support/pdfText';
import { EXAMPLES } from '../support/paths';

const EXAMPLE: Record<Edition, string> = { 2019: 'caozhen-2020.nianbao.yaml', 2021: 'shifan-2024.nianbao.yaml' };

let browser: Browser;
let served: Served;
let dir: string;

before(async () => {
  browser = await launch({ width: 900, height: 900 });
  served = await serve();
  servePreview(served);
  dir = mkdtempSync(join(tmpdir(), 'nianbao-print-'));
});

after(async () => {
  await browser?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function printed(page: Page, name: string): Promise<ReturnType<typeof pdfPages>> {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true }));
  return pdfPages(path);
}

for (const edition of [2019, 2021] as const) {
  describe(`${edition} report printed to A4`, () => {
    const text = readFileSync(join(EXAMPLES, EXAMPLE[edition]), 'utf8');

    test('the exported page: A4, no heading, caption or header row ending a page, no nearly empty page', async () => {
      const page = await browser.context.newPage();
      try {
        const problems: string[] = [];
        for (let n = 0; n <= 36; n += 4) {
          served.set(`/${edition}-${n}.html`, renderPage(analyze(withLongerNarrative(text, n))).html);
          await page.goto(`${served.origin}/${edition}-${n}.html`);
          const pages = await printed(page, `page-${edition}-${n}`);
          assert.ok(pages.length > 1 && pages.every(isA4), `${n}: ${pages.length} A4 pages`);
          problems.push(...badPageEnds(pages, edition).map((p) => `${n} more paragraphs: ${p}`));
        }
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test('the preview printed: the same page breaks', async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${served.origin}/preview.html`);
        const problems: string[] = [];
        for (let n = 0; n <= 27; n += 9) {
          const html = renderReport(analyze(withLongerNarrative(text, n)), { annotate: true }).html;
          await page.evaluate(
            ({ html, version }) =>
              new Promise<void>((resolve) => {
                const done = (event: Event) => {
                  const m = (event as CustomEvent).detail as { type: string; version: number };
                  if (m.type !== 'rendered' || m.version !== version) return;
                  window.removeEventListener('nb-posted', done);
                  resolve();
                };
                window.addEventListener('nb-posted', done);
                window.postMessage({ type: 'render', html, version }, '*');
              }),
            { html, version: n + 1 },
          );
          const pages = await printed(page, `preview-${edition}-${n}`);
          assert.ok(pages.every(isA4));
          problems.push(...badPageEnds(pages, edition).map((p) => `${n} more paragraphs: ${p}`));
        }
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  });
}
