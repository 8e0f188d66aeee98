/**
 * The exported pages of the seed report (2019 edition) and the 2021 example in Chromium: screenshots, and the
 * table geometry as laid out by the browser — value columns aligned under their headers, header blocks spanning
 * exactly the columns and rows the template prints them over.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { analyze, renderPage } from '../../../core/src/index';
import type { Edition } from '../../../core/src/index';
import { launch, screenshotPaths, serve } from '../../support/browser';
import type { Browser, Served } from '../../support/browser';
import { EXAMPLES } from '../../support/paths';

interface Box {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly value: boolean;
}

interface TableBoxes {
  readonly table: Box;
  readonly head: Box[][];
  readonly body: Box[][];
}

/** Every cell's box, row by row, for the table of a section. */
async function boxes(page: Page, section: string): Promise<TableBoxes> {
  return page.evaluate((id) => {
    const table = document.querySelector(`table[data-section="${id}"]`) as HTMLTableElement;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return {
        text: (el.textContent ?? '').trim(),
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        value: el.classList.contains('nb-value'),
      };
    };
    const rows = (part: HTMLTableSectionElement | null) =>
      part ? [...part.rows].map((r) => [...r.cells].map(box)) : [];
    return { table: box(table), head: rows(table.tHead), body: rows(table.tBodies[0]) };
  }, section);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1;

function assertSpans(outer: Box, first: Box, last: Box, what: string): void {
  assert.ok(
    close(outer.left, first.left) && close(outer.right, last.right),
    `${what}: ${outer.left}–${outer.right} vs ${first.left}–${last.right}`,
  );
}

function find(rows: Box[][], text: string): Box {
  const found = rows.flat().find((b) => b.text === text);
  assert.ok(found, `cell ${text}`);
  return found;
}

const EXAMPLE: Record<Edition, { file: string; shot: string }> = {
  2019: { file: 'caozhen-2020.nianbao.yaml', shot: 'export-caozhen-2020.png' },
  2021: { file: 'shifan-2024.nianbao.yaml', shot: 'export-shifan-2024.png' },
};

let browser: Browser;
let served: Served;

before(async () => {
  browser = await launch({ width: 960, height: 900 });
  served = await serve();
});

after(async () => {
  await browser?.close();
  await served?.close();
});

for (const edition of [2019, 2021] as const) {
  describe(`exported ${edition} report in Chromium`, () => {
    let page: Page;
    const errors: string[] = [];

    before(async () => {
      const text = readFileSync(join(EXAMPLES, EXAMPLE[edition].file), 'utf8');
      served.set(`/${edition}.html`, renderPage(analyze(text)).html);
      page = await browser.context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${served.origin}/${edition}.html`);
      await page.evaluate(() => document.fonts.ready);
    });

    after(async () => page?.close());

    test('loads with no errors and no other requests; screenshot', async () => {
      assert.deepEqual(errors, []);
      assert.deepEqual(
        served.requests.filter((r) => !/^\/20(19|21)\.html$/.test(r)),
        [],
      );
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal(await page.evaluate(() => document.characterSet), 'UTF-8');
      for (const path of screenshotPaths(EXAMPLE[edition].shot)) {
        mkdirSync(dirname(path), { recursive: true });
        await page.screenshot({ path, fullPage: true });
      }
    });

    test('section 三: seven value columns aligned under 自然人 … 总计 in every row', async () => {
      const t = await boxes(page, 'applications');
      const [row1, row2, row3] = t.head;
      const corner = row1[0];
      const columns = [row2[0], ...row3, row2[2]];
      assert.deepEqual(
        columns.map((c) => c.text),
        ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      );
      for (const row of t.body) {
        const values = row.filter((c) => c.value);
        assert.equal(values.length, 7);
        values.forEach((v, i) =>
          assert.ok(
            close(v.left, columns[i].left) && close(v.right, columns[i].right),
            `column ${i} of ${row[0].text}`,
          ),
        );
        // The labels fill the three label columns exactly, up to the first value.
        assert.ok(close(values[0].left, corner.right));
      }
      assertSpans(find(t.head, '申请人情况'), columns[0], columns[6], '申请人情况');
      assertSpans(find(t.head, '法人或其他组织'), columns[1], columns[5], '法人或其他组织');
      // The rule block: the three label columns wide, the three header rows high.
      assert.ok(
        close(corner.left, t.table.left) && close(corner.top, row1[1].top) && close(corner.bottom, row3[0].bottom),
      );
      assert.match(corner.text, /勾稽关系/);
      // 自然人 and 总计 reach down through both lower header rows.
      assert.ok(close(columns[0].bottom, row3[0].bottom) && close(columns[6].top, row2[1].top));
    });

    test('section 三: row groups span their rows', async () => {
      const t = await boxes(page, 'applications');
      const rowTop = (label: string) => t.body.find((r) => r.some((c) => c.text === label))![0].top;
      const results = find(t.body, '三、本年度办理结果');
      const firstResult = find(t.body, '（一）予以公开');
      const carried = find(t.body, '四、结转下年度继续办理');
      assert.ok(
        close(results.top, firstResult.top) && close(results.bottom, carried.top),
        '三、本年度办理结果 spans （一）…（七）',
      );
      const refused = find(t.body, '（三）不予公开');
      assert.ok(
        close(refused.top, rowTop('（三）不予公开')) && close(refused.bottom, find(t.body, '（四）无法提供').top),
      );
      const other = find(t.body, '（六）其他处理');
      if (edition === 2021) {
        assert.ok(close(other.bottom, find(t.body, '（七）总计').top), '（六） spans its three rows');
        assert.ok(other.right < find(t.body, '3.其他').left + 1, '（六） is a group label beside its rows');
      } else {
        assert.ok(
          close(other.left, firstResult.left) && close(other.right, firstResult.right),
          '（六） is one row spanning two label columns',
        );
      }
      for (const label of [
        '一、本年新收政府信息公开申请数量',
        '二、上年结转政府信息公开申请数量',
        '四、结转下年度继续办理',
      ]) {
        const cell = find(t.body, label);
        assert.ok(
          close(cell.left, t.table.left) && close(cell.right, t.head[0][0].right),
          `${label} spans three label columns`,
        );
      }
    });

    test('section 四: 行政复议 over five columns, 行政诉讼 over ten, the fifteen values aligned', async () => {
      const t = await boxes(page, 'appeals');
      const [top, middle, bottom] = t.head;
      const values = t.body[0];
      assert.equal(values.length, 15);
      const leaves = [...middle.slice(0, 5), ...bottom];
      assert.equal(leaves.length, 15);
      values.forEach((v, i) =>
        assert.ok(close(v.left, leaves[i].left) && close(v.right, leaves[i].right), `appeal column ${i}`),
      );
      assertSpans(find([top], '行政复议'), values[0], values[4], '行政复议');
      assertSpans(find([top], '行政诉讼'), values[5], values[14], '行政诉讼');
      assertSpans(find([middle], '未经复议直接起诉'), values[5], values[9], '未经复议直接起诉');
      assertSpans(find([middle], '复议后起诉'), values[10], values[14], '复议后起诉');
      for (const cell of middle.slice(0, 5))
        assert.ok(close(cell.bottom, bottom[0].bottom), `${cell.text} spans two header rows`);
    });

    test('section 二: captions span the table; value cells line up with their headers', async () => {
      const t = await boxes(page, 'active');
      const captions = t.body.filter((r) => r.length === 1).map((r) => r[0]);
      assert.equal(captions.length, edition === 2021 ? 4 : 5);
      for (const c of captions) assert.ok(close(c.left, t.table.left) && close(c.right, t.table.right), c.text);
      const wide = t.body[1].slice(1);
      assert.equal(wide.length, 3);
      for (const row of t.body.filter((r) => r.some((c) => c.value))) {
        const values = row.filter((c) => c.value);
        if (values.length === 1)
          assertSpans(values[0], wide[0], wide[2], `${row[0].text} spans the three value columns`);
        else
          values.forEach((v, i) =>
            assert.ok(close(v.left, wide[i].left) && close(v.right, wide[i].right), `${row[0].text} column ${i}`),
          );
      }
    });
  });
}
