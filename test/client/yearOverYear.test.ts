/**
 * The year-over-year webviews in Chromium: the comparison in the preview's own page (media/preview.html, the same
 * CSP, fence and click handling) and the trends page (media/trends.html with Chart.js from media/vendor). Hostile
 * content in every field of both reports, in a file name and in an agency's name: nothing runs, nothing loads, no
 * Content-Security-Policy violation, and the payloads show as text. Then both pages fed by the real server's
 * `nianbao/compare` and `nianbao/trends` on a workspace folder; screenshots for the docs.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  ReportIndex,
  agencyKey,
  analyze,
  compareReports,
  renderComparison,
  renderComparisonPage,
  trendsOf,
} from '../../core/src/index';
import type { Trends, YearReport } from '../../core/src/index';
import type { CompareResult, TrendsData, TrendsResult } from '../../protocol/src/protocol';
import { launch, onlyServed, screenshotPaths, serve, servePreview, serveTrends } from '../support/browser';
import type { Browser, Served } from '../support/browser';
import { hostileEverywhere } from '../support/hostileEverywhere';
import { PAYLOADS, pageState, provoke } from '../support/inertPage';
import { LspClient } from '../support/lspClient';
import { SERIES } from '../support/paths';

const YOY = SERIES.yoy;
const HOSTILE = PAYLOADS.join(' ');
const HOSTILE_FILE = `<img src="/loaded/file" onerror="window.__pwned='file'">.nianbao.yaml`;

let browser: Browser;
let served: Served;
const foreign: string[] = [];

before(async () => {
  browser = await launch({ width: 1100, height: 1000 });
  served = await serve();
  servePreview(served, '对比');
  serveTrends(served);
  await onlyServed(browser, served, foreign);
});

after(async () => {
  await browser?.close();
  await served?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  foreign.length = 0;
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', async (d) => {
    errors.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  await page.goto(`${served.origin}${path}`);
  return { page, errors };
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
}

async function assertInert(page: Page, errors: string[], label: string, root = 'article'): Promise<void> {
  await page.waitForTimeout(50);
  const state = await pageState(page, root);
  assert.equal(state.pwned, undefined, `${label}: injected code ran (${state.pwned})`);
  assert.deepEqual(state.badTags, [], `${label}: elements from the files`);
  assert.deepEqual(state.badAttrs, [], `${label}: attributes from the files`);
  assert.deepEqual(errors, [], `${label}: page errors`);
  assert.deepEqual(foreign, [], `${label}: requests`);
  assert.ok(!state.location.startsWith('/loaded/'), `${label}: navigated away`);
  assert.ok(state.text.includes('window.__pwned'), `${label}: the payloads are shown as text`);
}

async function showBody(page: Page, html: string): Promise<void> {
  await page.evaluate((body) => window.postMessage({ type: 'render', html: body, version: 1 }, '*'), html);
  await page.locator('article').waitFor();
}

/** Two consecutive years of the fixture series with payloads in the narrative (and so in the sentence diff). */
function hostileSeries(): { from: string; to: string } {
  const poison = (text: string): string => text.replace(/^总体情况: \|\n/m, `总体情况: |\n  ${HOSTILE}\n\n`);
  return {
    from: poison(readFileSync(join(YOY, 'eco-2021.nianbao.yaml'), 'utf8')),
    to: poison(readFileSync(join(YOY, 'eco-2022.nianbao.yaml'), 'utf8')).replace(
      /^存在的主要问题及改进情况: \|\n/m,
      `存在的主要问题及改进情况: |\n  ${PAYLOADS.slice(3).join('')}\n`,
    ),
  };
}

describe('the comparison, in the preview page', () => {
  const cases = [
    [
      'every field, cell and key of both editions hostile',
      hostileEverywhere(2019, { meta: true }).text,
      hostileEverywhere(2021).text,
    ],
    [
      'every section a string',
      hostileEverywhere(2019, { shapes: true }).text,
      hostileEverywhere(2021, { shapes: true }).text,
    ],
    [
      'consecutive years with hostile narratives and a hostile file name (findings quote it)',
      hostileSeries().from,
      hostileSeries().to,
    ],
  ] as const;
  for (const [name, fromText, toText] of cases) {
    test(`${name}: nothing runs, nothing loads, no CSP violation`, async () => {
      const to = analyze(toText);
      const comparison = compareReports(
        { uri: HOSTILE_FILE, analysis: analyze(fromText) },
        { uri: 'to.nianbao.yaml', analysis: to },
      );
      const body = renderComparison({ comparison, to: to.report }).html;
      const { page, errors } = await open('/preview.html');
      await showBody(page, body);
      await provoke(page, 'article', ['td.nb-value', 'li.nb-problem', 'li.nb-changed', 'th.nb-label']);
      await assertInert(page, errors, name);
      assert.deepEqual(await violations(page), [], 'CSP violations');
      await page.close();

      // The standalone page of `nianbao compare --format html`: no script at all, same result.
      served.set('/compare-page.html', renderComparisonPage({ comparison, to: to.report }).html);
      const standalone = await open('/compare-page.html');
      await provoke(standalone.page);
      const state = await pageState(standalone.page);
      assert.equal(state.pwned, undefined);
      assert.deepEqual(state.scripts, []);
      assert.deepEqual(foreign, []);
      assert.deepEqual(standalone.errors, []);
      await standalone.page.close();
    });
  }

  test('a finding scrolls to its cell and marks it; a click asks the editor to reveal that cell', async () => {
    const from = analyze(readFileSync(join(YOY, 'eco-2021.nianbao.yaml'), 'utf8'));
    const to = analyze(readFileSync(join(YOY, 'eco-2022.nianbao.yaml'), 'utf8'));
    const comparison = compareReports(
      { uri: 'eco-2021.nianbao.yaml', analysis: from },
      { uri: 'eco-2022.nianbao.yaml', analysis: to },
    );
    const { page, errors } = await open('/preview.html');
    await showBody(page, renderComparison({ comparison, to: to.report }).html);
    const finding = page.locator('li.nb-problem').first();
    const target = await finding.getAttribute('data-target');
    assert.equal(target, 's-overview', 'the 同比 finding points at 一、总体情况');
    await finding.click();
    assert.match((await page.locator(`[data-cell="${target}"]`).getAttribute('class')) ?? '', /nb-cursor/);
    const cell = page.locator('td.nb-cmp.nb-up').first();
    await cell.click();
    const posted = await page.evaluate(
      () => (window as unknown as { __posted: { type: string; start?: number }[] }).__posted,
    );
    const reveal = posted.filter((m) => m.type === 'reveal').at(-1);
    assert.equal(typeof reveal?.start, 'number');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

function hostileTrends(): Trends {
  const index = new ReportIndex();
  for (const year of [2019, 2020, 2021, 2022, 2023]) {
    const text = readFileSync(join(YOY, `eco-${year}.nianbao.yaml`), 'utf8').replace(
      /^机关: .*$/m,
      `机关: ${JSON.stringify(HOSTILE)}`,
    );
    index.set(`file:///t/eco-${year}.nianbao.yaml`, text);
  }
  const key = agencyKey(HOSTILE);
  const reports: YearReport[] = index.yearsOf(key).map((y) => {
    const uri = index.reportOf(key, y) as string;
    return { uri, facts: index.facts(uri)! };
  });
  return trendsOf(reports);
}

async function showTrends(page: Page, trends: Trends | TrendsData): Promise<void> {
  await page.evaluate(
    (t) =>
      window.postMessage(
        {
          type: 'trends',
          trends: t,
          lang: 'zh',
          strings: { title: '年度趋势', tableCaption: '（数据表）', item: '项目', none: '—' },
        },
        '*',
      ),
    trends,
  );
  await page.waitForFunction(() =>
    (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'rendered'),
  );
}

describe('the trends page', () => {
  test('a hostile agency name: four charts drawn under the CSP, no violation, nothing runs; the tables hold the numbers', async () => {
    const trends = hostileTrends();
    assert.deepEqual(trends.years, [2019, 2020, 2021, 2022, 2023]);
    const { page, errors } = await open('/trends.html');
    await showTrends(page, trends);
    const drawn = await page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart;
      return [...document.querySelectorAll('canvas')].filter((c) => chart.getChart(c)).length;
    });
    assert.equal(drawn, 4);
    await provoke(page, 'main', ['canvas', 'td']);
    await page.mouse.move(300, 300);
    const state = await pageState(
      page,
      'main',
      ['H1', 'P', 'SECTION', 'H2', 'DIV', 'CANVAS', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TR', 'TH', 'TD'],
      ['class', 'aria-hidden', 'scope', 'width', 'height', 'style', 'role'],
    );
    assert.equal(state.pwned, undefined);
    assert.deepEqual(state.badTags, []);
    assert.deepEqual(state.badAttrs, []);
    assert.ok(state.text.includes('<script>window.__pwned="script"</script>'), 'the name is text');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    // The table of 本年新收 by applicant: 自然人 of each year, and the 2019-edition years without 现行有效件数 as gaps.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('table.nb-data')].map((t) =>
        [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
      ),
    );
    assert.deepEqual(rows[0][0], ['自然人', ...trends.charts[0].series[0].values.map(String)]);
    assert.deepEqual(rows[3][1].slice(0, 3), ['现行有效规范性文件', '—', '—']);
    await page.close();
  });

  test('the theme’s chart colours are used, and a theme change redraws in the new ones', async () => {
    const { page, errors } = await open('/trends.html');
    await showTrends(page, hostileTrends());
    const colour = (): Promise<unknown> =>
      page.evaluate(() => {
        const chart = (
          window as unknown as {
            Chart: { getChart(c: HTMLCanvasElement): { data: { datasets: { backgroundColor: unknown }[] } } };
          }
        ).Chart;
        return chart.getChart(document.querySelector('canvas') as HTMLCanvasElement).data.datasets[0].backgroundColor;
      });
    assert.equal(await colour(), '#1a85ff', 'the fallback outside VS Code');
    await page.evaluate(() => {
      document.body.style.setProperty('--vscode-charts-blue', 'rgb(10, 20, 30)');
      document.body.className = 'vscode-dark';
    });
    await page.waitForFunction(() => {
      const chart = (
        window as unknown as {
          Chart: { getChart(c: HTMLCanvasElement): { data: { datasets: { backgroundColor: unknown }[] } } };
        }
      ).Chart;
      return (
        chart.getChart(document.querySelector('canvas') as HTMLCanvasElement)?.data.datasets[0].backgroundColor ===
        'rgb(10, 20, 30)'
      );
    });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('fed by the real server on a workspace folder', () => {
  let server: LspClient;
  before(async () => {
    server = await LspClient.start({ workspaceFolders: [YOY] });
  });
  after(() => server?.stop());

  test('nianbao/compare finds last year’s report of the same 机关 (2019 edition) and the page shows both years', async () => {
    const uri = pathToFileURL(join(YOY, 'eco-2021.nianbao.yaml')).href;
    await server.open(uri, readFileSync(join(YOY, 'eco-2021.nianbao.yaml'), 'utf8'));
    const result = await server.connection.sendRequest<CompareResult>('nianbao/compare', { uri, lang: 'zh' });
    assert.equal(result.previous, pathToFileURL(join(YOY, 'eco-2020.nianbao.yaml')).href);
    assert.equal(result.findings, 1);
    assert.ok(result.html);
    const { page, errors } = await open('/preview.html');
    await showBody(page, result.html);
    const received = page.locator('td.nb-cmp', { hasText: '25' }).filter({ hasText: '19' }).first();
    assert.equal(await received.locator('.nb-delta').textContent(), '+6');
    assert.ok(await page.locator('table.nb-only-table').count(), 'the 2019-only cells in a table of their own');
    await page.setViewportSize({ width: 1100, height: 1400 });
    for (const path of screenshotPaths('compare.png')) {
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path });
    }
    assert.deepEqual(errors, []);
    await page.close();
    // No report of the year before: the client is told so and asks for a file.
    const first = pathToFileURL(join(YOY, 'eco-2019.nianbao.yaml')).href;
    const missing = await server.connection.sendRequest<CompareResult>('nianbao/compare', { uri: first });
    assert.deepEqual(missing.missing, { agency: '示范市临江区生态环境局（本级）', year: 2018 });
    await server.close(uri);
  });

  test('nianbao/trends: the agency of a report, its five years; and the list of agencies to choose from', async () => {
    const uri = pathToFileURL(join(YOY, 'eco-2023.nianbao.yaml')).href;
    const result = await server.connection.sendRequest<TrendsResult>('nianbao/trends', { uri });
    assert.deepEqual(
      result.agencies.map((a) => a.years),
      [[2019, 2020, 2021, 2022, 2023]],
    );
    assert.ok(result.trends);
    assert.deepEqual(result.trends.years, [2019, 2020, 2021, 2022, 2023]);
    const { page, errors } = await open('/trends.html');
    await page.setViewportSize({ width: 1100, height: 1500 });
    await showTrends(page, result.trends);
    for (const path of screenshotPaths('trends.png')) {
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path });
    }
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
