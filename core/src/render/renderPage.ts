/**
 * `renderPage(analysis)`: a standalone HTML page an agency can publish as is or print to PDF — UTF-8,
 * `lang="zh-CN"`, the style embedded, no scripts, and a Content-Security-Policy that forbids loading anything.
 */
import { escapeHtml } from './escapeHtml';
import { PAGE_STYLE } from './pageStyle';
import type { RenderInput, RenderedReport } from './renderReport';
import { renderReport } from './renderReport';

export interface RenderedPage extends Omit<RenderedReport, 'html'> {
  readonly html: string;
}

/** Nothing may load or run; the embedded style sheet is the only resource. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * What comes before a rendered body in a whole HTML document: UTF-8, the style embedded, the CSP above. A page is
 * `pageHead(…) + body + PAGE_TAIL`, so that a renderer writing its body in pieces joins the page once.
 */
export function pageHead(title: string, style: string, lang = 'zh-CN'): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="nianbao">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '',
  ].join('\n');
}

export const PAGE_TAIL = '\n</body>\n</html>\n';

/** A whole HTML document around a rendered body. */
export function standalonePage(title: string, body: string, style: string, lang = 'zh-CN'): string {
  return pageHead(title, style, lang) + body + PAGE_TAIL;
}

export function renderPage(input: RenderInput): RenderedPage {
  const body = renderReport(input, { annotate: false });
  return { title: body.title, counts: body.counts, html: standalonePage(body.title, body.html, PAGE_STYLE) };
}
