/**
 * The style sheet embedded in an exported page: the plain black-on-white look of a published report — a serif
 * title, 黑体 section headings, 仿宋 body text with indented paragraphs, and fully ruled tables — on screen and
 * on A4 paper. The preview has its own theme-aware sheet (media/preview.css) with the same table geometry.
 */
const SONG = '"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif';
const FANGSONG =
  '"FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif';
const HEI = '"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const TITLE = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", ${SONG}`;

export const PAGE_STYLE = `
@page { size: A4; margin: 2.54cm 2.2cm; }
html { background: #fff; color: #000; -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 56rem; padding: 2rem 1.5rem 4rem; font: 16px/1.8 ${FANGSONG}; }
.nb-title { margin: 0.5em 0 1.2em; font: 700 22px/1.5 ${TITLE}; text-align: center; }
.nb-heading { margin: 1.4em 0 0.6em; font: 400 16px/1.8 ${HEI}; }
.nb-p { margin: 0 0 0.4em; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
.nb-table-wrap { margin: 0.6em 0 1.2em; overflow-x: auto; }
.nb-table { width: 100%; border-collapse: collapse; table-layout: fixed; font: 14px/1.45 ${SONG}; }
.nb-table th, .nb-table td { padding: 4px 3px; border: 1px solid #000; text-align: center; vertical-align: middle; font-weight: 400; overflow-wrap: anywhere; }
.nb-table .nb-caption, .nb-table .nb-header { font-weight: 700; }
.nb-table .nb-label { text-align: left; }
.nb-table .nb-corner { font-size: 13px; }
.nb-table .nb-value { font-variant-numeric: tabular-nums; }
.nb-captioned .nb-col-label { width: 31%; }
.nb-matrix .nb-col-label-1, .nb-matrix .nb-col-label-2 { width: 9%; }
.nb-matrix .nb-col-label-3 { width: 26%; }
.nb-band { min-width: 48rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 16pt; }
  .nb-title { font-size: 22pt; }
  .nb-heading { font-size: 16pt; break-after: avoid; }
  .nb-table { font-size: 10.5pt; }
  .nb-table-wrap { overflow: visible; }
  .nb-table tr { break-inside: avoid; }
  .nb-band { min-width: 0; }
}
`;
