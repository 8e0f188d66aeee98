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

export function renderPage(input: RenderInput): RenderedPage {
  const body = renderReport(input, { annotate: false });
  const html = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="nianbao">',
    `<title>${escapeHtml(body.title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    body.html,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { title: body.title, counts: body.counts, html };
}
