/**
 * The style sheet embedded in an exported page: the plain black-on-white look of a published report — a serif
 * title, 黑体 section headings, 仿宋 body text with indented paragraphs, and fully ruled tables — on screen and
 * on A4 paper. The preview has its own theme-aware sheet (media/preview.css) with the same table geometry.
 *
 * Printed, the page has the margins of the official document format (GB/T 9704-2012: 37 / 35 / 28 / 26 mm) and
 * breaks as the Word export does: a heading stays with its table, a row is never split, and the rows the grid
 * marks `keepWithNext` (`nb-keep`: header rows, a 第二十条 sub-table but its last row) stay with the row after
 * them. A row that opens a row group (三、本年度办理结果 spans 22 rows) may break between the rows it spans —
 * else Chromium carries the whole group to the next page and leaves one nearly empty.
 */
import { LABEL_COLUMN_SHARES } from './tableGrid';

const SONG = '"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif';
const FANGSONG =
  '"FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif';
const HEI = '"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const KAI = '"KaiTi", "楷体", "KaiTi_GB2312", "STKaiti", "Noto Serif CJK SC", "Source Han Serif SC", serif';
const TITLE = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", ${SONG}`;

/** The label columns' widths of `LABEL_COLUMN_SHARES`, as the Word document has them. */
const LABEL_WIDTHS = Object.entries(LABEL_COLUMN_SHARES)
  .flatMap(([kind, shares]) =>
    shares.map((share, i) => `.nb-${kind} .nb-col-label-${i + 1} { width: ${Math.round(share * 1000) / 10}%; }`),
  )
  .join('\n');

export const PAGE_STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #fff; color: #000; -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 56rem; padding: 2rem 1.5rem 4rem; font: 16px/1.8 ${FANGSONG}; }
.nb-title { margin: 0.5em 0 1.2em; font: 700 22px/1.5 ${TITLE}; text-align: center; }
.nb-heading { margin: 1.4em 0 0.6em; font: 400 16px/1.8 ${HEI}; }
.nb-p { margin: 0 0 0.4em; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
.nb-h1, .nb-lead-1 { font-family: ${HEI}; }
.nb-h2, .nb-lead-2 { font-family: ${KAI}; }
.nb-table-wrap { margin: 0.6em 0 1.2em; overflow-x: auto; }
.nb-table { width: 100%; border-collapse: collapse; table-layout: fixed; font: 14px/1.45 ${SONG}; }
.nb-table th, .nb-table td { padding: 4px 3px; border: 1px solid #000; text-align: center; vertical-align: middle; font-weight: 400; overflow-wrap: anywhere; }
.nb-table .nb-caption, .nb-table .nb-header { font-weight: 700; }
.nb-table .nb-label { text-align: left; }
.nb-table .nb-corner { font-size: 13px; }
.nb-table .nb-value { font-variant-numeric: tabular-nums; }
${LABEL_WIDTHS}
.nb-band { min-width: 48rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 16pt; }
  .nb-title { font-size: 22pt; }
  .nb-heading, .nb-h1, .nb-h2 { font-size: 16pt; break-after: avoid; }
  .nb-table { font-size: 10.5pt; }
  .nb-table-wrap { overflow: visible; }
  .nb-table tr { break-inside: avoid; }
  .nb-table tr:has(> [rowspan]) { break-inside: auto; }
  .nb-table tr:has(> [rowspan]) > :not([rowspan]) { break-inside: avoid; }
  .nb-table tr.nb-keep { break-after: avoid; }
  .nb-band { min-width: 0; }
}
`;
