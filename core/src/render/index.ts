/** Rendering a report as HTML: the body for the preview, the standalone page for export. */
export { renderReport } from './renderReport';
export type { RenderInput, RenderOptions, RenderedReport } from './renderReport';
export { renderPage, PAGE_CSP } from './renderPage';
export type { RenderedPage } from './renderPage';
export { tableGrid } from './tableGrid';
export type { GridCell, GridCellKind, GridRow, TableGrid } from './tableGrid';
export { escapeHtml } from './escapeHtml';
export { notRenderable } from './renderable';
export type { NotRenderable } from './renderable';
export { officialDocument, chineseDate, xmlText } from './officialDocument';
export type {
  DocBlock,
  DocCell,
  DocParagraph,
  DocRow,
  DocRun,
  DocTable,
  OfficialDocument,
  OfficialDocumentOptions,
} from './officialDocument';
export * as gongwen from './gongwenFormat';
export { cellContent } from './cellText';
