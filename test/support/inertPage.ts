/**
 * What the hostile-content browser suites share: markup payloads, the tags and attributes a rendered report may
 * carry, firing every event an injected handler could listen to, and reading back whether anything ran or came from
 * the file.
 */
import type { Page } from 'playwright-core';

export const PAYLOADS = [
  '<script>window.__pwned="script"</script>',
  '<img src="/loaded/img" onerror="window.__pwned=\'img\'">',
  '<a href="javascript:window.__pwned=\'link\'">点我</a>',
  'javascript:window.__pwned="url"',
  '</style><script>window.__pwned="style"</script>',
  '</title><script>window.__pwned="title"</script>',
  '" onmouseover="window.__pwned=\'dq\'" x="',
  "' onclick='window.__pwned=\"sq\"' y='",
  '<svg onload="window.__pwned=\'svg\'"></svg>',
  '<iframe src="/loaded/frame"></iframe>',
  '<link rel="stylesheet" href="/loaded/css">',
  '<style>@import url(/loaded/import);</style>',
  '<meta http-equiv="refresh" content="0;url=/loaded/refresh">',
  '<base href="/loaded/base/">',
  '<form action="/loaded/form"><button>提交</button></form>',
  '<object data="/loaded/object"></object>',
  '{{nonce}} {{scriptUri}}',
  '&lt;script&gt;window.__pwned="entity"&lt;/script&gt;',
  '--><!--<script>window.__pwned="comment"</script>',
];

/** Elements and attributes the renderer writes (a report's body, a comparison); the page's fence keeps only these. */
export const ALLOWED_TAGS = [
  'ARTICLE',
  'ASIDE',
  'P',
  'SPAN',
  'OL',
  'LI',
  'H1',
  'H2',
  'SECTION',
  'DIV',
  'TABLE',
  'COLGROUP',
  'COL',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'BR',
  'DEL',
  'INS',
];
export const ALLOWED_ATTRS = [
  'class',
  'data-path',
  'data-start',
  'data-end',
  'data-section',
  'data-edition',
  'title',
  'rowspan',
  'colspan',
  'scope',
  'aria-label',
  'data-cell',
  'data-target',
];

/** Fire every event an injected handler could listen to, on every element under `root`, and click a few. */
export async function provoke(
  page: Page,
  root = 'article',
  clicks = ['h1 span', 'td.nb-value', 'th.nb-label', 'p.nb-p'],
): Promise<void> {
  await page.evaluate((selector) => {
    for (const el of document.querySelectorAll(`${selector} *`)) {
      for (const type of ['mouseover', 'click', 'focus', 'error', 'load'])
        el.dispatchEvent(new Event(type, { bubbles: true }));
    }
  }, root);
  for (const selector of clicks) {
    const el = page.locator(selector).first();
    if (await el.count()) await el.click();
  }
}

export interface PageState {
  readonly pwned: string | undefined;
  readonly badTags: string[];
  readonly badAttrs: string[];
  readonly scripts: string[];
  readonly location: string;
  readonly text: string;
}

/** What ran, which elements and attributes under `root` are outside the allowlists, the scripts, the text. */
export async function pageState(
  page: Page,
  root = 'article',
  tags: readonly string[] = ALLOWED_TAGS,
  attrs: readonly string[] = ALLOWED_ATTRS,
): Promise<PageState> {
  return page.evaluate(
    ({ root, tags, attrs }) => {
      const top = document.querySelector(root);
      const all = [...(top?.querySelectorAll('*') ?? [])];
      return {
        pwned: (window as unknown as { __pwned?: string }).__pwned,
        badTags: all.map((e) => e.tagName).filter((t) => !tags.includes(t)),
        badAttrs: all.flatMap((e) => e.getAttributeNames()).filter((a) => !attrs.includes(a)),
        scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline'),
        location: location.pathname,
        text: top?.textContent ?? '',
      };
    },
    { root, tags: [...tags], attrs: [...attrs] },
  );
}
