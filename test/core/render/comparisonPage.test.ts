/**
 * The comparison's two HTML forms: the webview's body carries source links on every cell and finding (a click
 * reveals the cell in the editor); the standalone page of `nianbao compare --format html` has nothing to follow them
 * and leaves them out, and is otherwise the same body in the same document shell as every exported page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, compareReports, renderComparison, renderComparisonPage } from '../../../core/src/index';
import { PAGE_STYLE } from '../../../core/src/render/pageStyle';
import { COMPARISON_PAGE_STYLE } from '../../../core/src/render/renderComparison';
import { standalonePage } from '../../../core/src/render/renderPage';
import { SERIES } from '../../support/paths';

const YOY = SERIES.yoy;

for (const [fromYear, toYear] of [
  [2020, 2021],
  [2022, 2023],
] as const) {
  test(`${fromYear} → ${toYear}: the page has the body without source links, in the standard page shell`, () => {
    const from = analyze(readFileSync(join(YOY, `eco-${fromYear}.nianbao.yaml`), 'utf8'));
    const to = analyze(readFileSync(join(YOY, `eco-${toYear}.nianbao.yaml`), 'utf8'));
    const comparison = compareReports(
      { uri: `eco-${fromYear}.nianbao.yaml`, analysis: from },
      { uri: `eco-${toYear}.nianbao.yaml`, analysis: to },
    );
    const webview = renderComparison({ comparison, to: to.report });
    assert.match(webview.html, /<td class="nb-value nb-cmp[^"]*" data-cell="c\d+" data-path="\[/);
    assert.match(webview.html, /data-start="\d+" data-end="\d+"/);

    for (const lang of ['zh', 'en'] as const) {
      const page = renderComparisonPage({ comparison, to: to.report }, { lang });
      const bare = renderComparison({ comparison, to: to.report }, { lang, annotate: false });
      assert.doesNotMatch(page.html, /data-path=|data-start=|data-end=/);
      assert.equal(page.title, bare.title);
      assert.equal(
        page.html,
        standalonePage(bare.title, bare.html, `${PAGE_STYLE}${COMPARISON_PAGE_STYLE}`, lang === 'en' ? 'en' : 'zh-CN'),
      );
      // Everything else of the webview's body is on the page: the same cells, values and findings' targets.
      const strip = (html: string): string => html.replace(/ data-(?:path|start|end)="[^"]*"/g, '');
      assert.equal(strip(renderComparison({ comparison, to: to.report }, { lang }).html), bare.html);
    }
  });
}
