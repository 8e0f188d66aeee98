/**
 * The VS Code client's preview shell (`previewShell` in client/src/preview/previewShell.ts, the function the
 * webview panel uses): its CSP, the nonce on the one style sheet and the one script, no other source; then the
 * very output loaded in Chromium: the page script and style run, and nothing else can run or load under it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SCRIPT_FILE, STYLE_FILE, newNonce, previewShell, readShell } from '../../client/src/preview/previewShell';
import { analyze, renderReport } from '../../core/src/index';
import { launch, serve } from '../support/browser';
import type { Browser, Served } from '../support/browser';
import { EXAMPLES, ROOT } from '../support/paths';

const MEDIA = join(ROOT, 'media');
const TEMPLATE = readShell(MEDIA);
// What `webview.asWebviewUri` gives for the media files in VS Code 1.100.
const STYLE_URI = 'https://file+.vscode-resource.vscode-cdn.net/ext/nianbao/media/preview.css';
const SCRIPT_URI = 'https://file+.vscode-resource.vscode-cdn.net/ext/nianbao/media/preview.js';

interface ShellFacts {
  csp: string[];
  scripts: { src: string | null; nonce: string; inline: string }[];
  styles: { href: string | null; rel: string | null; nonce: string }[];
  inlineStyles: number;
  withSource: string[];
  handlers: string[];
  forbidden: string[];
  title: string;
}

let browser: Browser;
let served: Served;
let page: Page;

before(async () => {
  browser = await launch({ width: 900, height: 700 });
  served = await serve();
  page = await browser.context.newPage();
  await page.goto('about:blank');
});

after(async () => {
  await browser?.close();
  await served?.close();
});

/** The shell's structure as Chromium's HTML parser reads it (DOMParser: nothing runs). */
function facts(html: string): Promise<ShellFacts> {
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const all = [...doc.querySelectorAll('*')];
    const sourceAttrs = [
      'src',
      'href',
      'action',
      'formaction',
      'srcset',
      'poster',
      'data',
      'background',
      'xlink:href',
      'ping',
    ];
    return {
      csp: [...doc.querySelectorAll('meta[http-equiv]')]
        .filter((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy')
        .map((m) => m.getAttribute('content') ?? ''),
      scripts: [...doc.querySelectorAll('script')].map((s) => ({
        src: s.getAttribute('src'),
        nonce: s.getAttribute('nonce') ?? '',
        inline: s.textContent ?? '',
      })),
      styles: [...doc.querySelectorAll('link')].map((l) => ({
        href: l.getAttribute('href'),
        rel: l.getAttribute('rel'),
        nonce: l.getAttribute('nonce') ?? '',
      })),
      inlineStyles: doc.querySelectorAll('style, [style]').length,
      withSource: all.flatMap((el) =>
        sourceAttrs.filter((a) => el.hasAttribute(a)).map((a) => `${el.tagName.toLowerCase()}[${a}]`),
      ),
      handlers: all.flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))),
      forbidden: all
        .map((el) => el.tagName.toLowerCase())
        .filter((t) => ['form', 'iframe', 'frame', 'object', 'embed', 'base', 'img', 'a'].includes(t)),
      title: doc.title,
    };
  }, html);
}

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('the shell the client fills in', () => {
  test('one CSP: default-src none, style and script by the page’s nonce only; every other fetch directive none', async () => {
    const nonce = newNonce();
    const html = previewShell(TEMPLATE, {
      nonce,
      styleUri: STYLE_URI,
      scriptUri: SCRIPT_URI,
      title: '预览 caozhen-2020.nianbao.yaml',
    });
    assert.doesNotMatch(html, /\{\{/);
    const f = await facts(html);
    assert.equal(f.csp.length, 1);
    const d = directives(f.csp[0]);
    assert.deepEqual(d.get('default-src'), ["'none'"]);
    assert.deepEqual(d.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(d.get('style-src'), [`'nonce-${nonce}'`]);
    for (const [name, values] of d) {
      if (name === 'script-src' || name === 'style-src') continue;
      assert.deepEqual(values, ["'none'"], name);
    }
    for (const name of ['form-action', 'base-uri', 'img-src', 'font-src', 'connect-src', 'frame-src'])
      assert.ok(d.has(name), name);
    assert.doesNotMatch(f.csp[0], /unsafe|\*|https?:|data:|blob:|'self'|vscode-resource/);
  });

  test('the nonce is on the one style sheet and the one script, both from the media folder; no other source', async () => {
    const nonce = newNonce();
    const f = await facts(previewShell(TEMPLATE, { nonce, styleUri: STYLE_URI, scriptUri: SCRIPT_URI, title: 't' }));
    assert.deepEqual(f.scripts, [{ src: SCRIPT_URI, nonce, inline: '' }]);
    assert.deepEqual(f.styles, [{ href: STYLE_URI, rel: 'stylesheet', nonce }]);
    assert.deepEqual(f.withSource.sort(), ['link[href]', 'script[src]']);
    assert.equal(f.inlineStyles, 0, 'no inline style');
    assert.deepEqual(f.handlers, [], 'no event handler attributes');
    assert.deepEqual(f.forbidden, [], 'no forms, frames, objects, base, images or links');
    assert.ok(SCRIPT_URI.endsWith(`/media/${SCRIPT_FILE}`) && STYLE_URI.endsWith(`/media/${STYLE_FILE}`));
  });

  test('a fresh nonce for every page; a title is text; a bad nonce or an unknown placeholder is refused', async () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9+/]{22}==$/, '128 bits, base64');
    const title = '</title><script>window.__pwned=1</script>" onload="x';
    const html = previewShell(TEMPLATE, { nonce: newNonce(), styleUri: STYLE_URI, scriptUri: SCRIPT_URI, title });
    const f = await facts(html);
    assert.equal(f.title, title);
    assert.equal(f.scripts.length, 1);
    // A URI that tries to leave its attribute stays inside it.
    const odd = await facts(
      previewShell(TEMPLATE, {
        nonce: newNonce(),
        styleUri: '"><script>x()</script>',
        scriptUri: SCRIPT_URI,
        title: 't',
      }),
    );
    assert.equal(odd.scripts.length, 1);
    assert.equal(odd.styles[0].href, '"><script>x()</script>');
    for (const nonce of ['', 'short', "abc' 'unsafe-inline", 'a"b'.repeat(8), `${newNonce()} 'unsafe-eval'`]) {
      assert.throws(
        () => previewShell(TEMPLATE, { nonce, styleUri: STYLE_URI, scriptUri: SCRIPT_URI, title: 't' }),
        /nonce/,
        nonce,
      );
    }
    assert.throws(
      () =>
        previewShell(`${TEMPLATE}{{missing}}`, {
          nonce: newNonce(),
          styleUri: STYLE_URI,
          scriptUri: SCRIPT_URI,
          title: 't',
        }),
      /\{\{missing\}\}/,
    );
  });
});

describe('the shell in Chromium', () => {
  test('the nonce’d page script and style run; inline code, handlers, string timers, other scripts and loads are blocked', async () => {
    const nonce = newNonce();
    const html = previewShell(TEMPLATE, {
      nonce,
      styleUri: '/media/preview.css',
      scriptUri: '/media/preview.js',
      title: '预览',
    });
    served.set('/shell.html', html);
    served.set('/media/preview.js', readFileSync(join(MEDIA, 'preview.js'), 'utf8'), 'text/javascript; charset=utf-8');
    served.set('/media/preview.css', readFileSync(join(MEDIA, 'preview.css'), 'utf8'), 'text/css; charset=utf-8');
    served.set('/other.js', 'window.__pwned = "other script";', 'text/javascript; charset=utf-8');
    const violations: string[] = [];
    const errors: string[] = [];
    const shell = await browser.context.newPage();
    shell.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      else if (m.type() === 'error') errors.push(m.text());
    });
    shell.on('pageerror', (e) => errors.push(e.message));
    served.requests.length = 0;
    await shell.goto(`${served.origin}/shell.html`);
    await shell.waitForLoadState('load');
    assert.deepEqual(served.requests, ['/shell.html', '/media/preview.css', '/media/preview.js']);

    // The page script runs (it patches a body in), the style sheet applies.
    const seed = readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8');
    const body = renderReport(analyze(seed), { annotate: true }).html;
    await shell.evaluate((html) => window.postMessage({ type: 'render', html, version: 1 }, '*'), body);
    await shell.locator('h1.nb-title').waitFor();
    assert.equal(
      await shell.evaluate(() => getComputedStyle(document.querySelector('td.nb-value')!).borderTopStyle),
      'solid',
    );

    // Nothing else runs or loads.
    const attempts = await shell.evaluate(async () => {
      const w = window as unknown as { __pwned?: string };
      const results: Record<string, string> = {};
      // (Code evaluated through the DevTools protocol may use eval itself; the page's own paths are what count.)
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__pwned = "handler"');
      document.body.appendChild(button);
      button.click();
      const timer = 'window.__pwned = "timer"';
      (window.setTimeout as unknown as (code: string, ms: number) => number)(timer, 0);
      const jsLink = document.createElement('a');
      jsLink.href = 'javascript:window.__pwned = "link"';
      document.body.appendChild(jsLink);
      jsLink.click();
      const inline = document.createElement('script');
      inline.textContent = 'window.__pwned = "inline"';
      document.body.appendChild(inline);
      const other = document.createElement('script');
      other.src = '/other.js';
      document.body.appendChild(other);
      const img = document.createElement('img');
      img.src = '/loaded/img.png';
      document.body.appendChild(img);
      const style = document.createElement('style');
      style.textContent = 'body { background: rgb(1, 2, 3) !important; }';
      document.head.appendChild(style);
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/loaded/other.css';
      document.head.appendChild(link);
      try {
        await fetch('/loaded/fetch');
        results.fetch = 'ran';
      } catch {
        results.fetch = 'blocked';
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      results.pwned = w.__pwned ?? 'none';
      results.background = getComputedStyle(document.body).backgroundColor;
      return results;
    });
    assert.equal(attempts.fetch, 'blocked');
    assert.equal(attempts.pwned, 'none');
    assert.notEqual(attempts.background, 'rgb(1, 2, 3)');
    assert.deepEqual(
      served.requests,
      ['/shell.html', '/media/preview.css', '/media/preview.js'],
      'nothing else was requested',
    );
    assert.ok(violations.length >= 5, `CSP reported the attempts: ${violations.length}`);
    assert.deepEqual(errors, []);
    await shell.close();
  });

  test('high contrast (dark and light): the theme’s colours, rules in the contrast border, marks without fills', async () => {
    const shell = await browser.context.newPage();
    const errors: string[] = [];
    shell.on('pageerror', (e) => errors.push(e.message));
    await shell.goto(`${served.origin}/shell.html`);
    const shifan = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8')
      .replace('予以公开: [38, 5, 0, 1, 1, 1, 46]', '予以公开: [38, 5, 0, 1, 1, 1, 47]')
      .replace('行政强制: 57', '行政强制: "57件"')
      .replace('行政许可: 1523', '行政许可: ~');
    const body = renderReport(analyze(shifan), { annotate: true }).html;
    await shell.evaluate((html) => window.postMessage({ type: 'render', html, version: 1 }, '*'), body);
    await shell.locator('td.nb-marked.nb-error').first().waitFor();
    await shell.locator('td.nb-marked.nb-warning').first().waitFor();
    const themes = {
      'vscode-high-contrast': {
        '--vscode-editor-background': '#000000',
        '--vscode-editor-foreground': '#ffffff',
        '--vscode-contrastBorder': '#6fc3df',
        '--vscode-editorError-foreground': '#f48771',
        '--vscode-editorWarning-foreground': '#ffd370',
        '--vscode-focusBorder': '#f38518',
      },
      'vscode-high-contrast-light': {
        '--vscode-editor-background': '#ffffff',
        '--vscode-editor-foreground': '#292929',
        '--vscode-contrastBorder': '#0f4a85',
        '--vscode-editorError-foreground': '#b5200d',
        '--vscode-editorWarning-foreground': '#895503',
        '--vscode-focusBorder': '#006bbd',
      },
    };
    const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    for (const [theme, vars] of Object.entries(themes)) {
      // As VS Code applies a theme to a webview: a body class, and the colours as properties on <html>.
      const seen = await shell.evaluate(
        ({ theme, vars }) => {
          document.body.className =
            theme === 'vscode-high-contrast-light' ? 'vscode-high-contrast-light vscode-high-contrast' : theme;
          for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
          const error = document.querySelector('td.nb-marked.nb-error')!;
          const warning = document.querySelector('td.nb-marked.nb-warning')!;
          const value = document.querySelector('td.nb-value')!;
          error.classList.add('nb-cursor');
          const cursor = getComputedStyle(error).outlineColor;
          error.classList.remove('nb-cursor');
          return {
            bg: getComputedStyle(document.body).backgroundColor,
            fg: getComputedStyle(document.body).color,
            rule: getComputedStyle(value).borderTopColor,
            errorFill: getComputedStyle(error).backgroundColor,
            errorEdge: getComputedStyle(error).boxShadow,
            warningOutline: getComputedStyle(warning).outlineStyle,
            cursor,
            head: getComputedStyle(document.querySelector('.nb-table thead th')!).backgroundColor,
          };
        },
        { theme, vars },
      );
      assert.equal(seen.bg, rgb(vars['--vscode-editor-background']), theme);
      assert.equal(seen.fg, rgb(vars['--vscode-editor-foreground']), theme);
      assert.equal(seen.rule, rgb(vars['--vscode-contrastBorder']), theme);
      assert.equal(seen.errorFill, 'rgba(0, 0, 0, 0)', `${theme}: no fill behind a marked cell`);
      assert.match(
        seen.errorEdge,
        new RegExp(`^${rgb(vars['--vscode-editorError-foreground']).replace(/[()]/g, '\\$&')} 0px 0px 0px 2px inset$`),
        theme,
      );
      assert.equal(seen.warningOutline, 'dashed', `${theme}: a warning is dashed, not only coloured`);
      assert.equal(seen.cursor, rgb(vars['--vscode-focusBorder']), theme);
      assert.equal(seen.head, 'rgba(0, 0, 0, 0)', theme);
    }
    assert.deepEqual(errors, []);
    await shell.close();
  });
});
