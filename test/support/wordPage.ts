/**
 * A report as Word's (or WPS's) "save as web page" writes it: Office namespaces and `mso-` styles, `MsoNormal`
 * paragraphs with `<span lang=EN-US>` around digits and `<o:p>` endings, list ordinals in `<![if !supportLists]>`,
 * tables as `MsoNormalTable` with `width=` on every cell and, on an irregular grid (`wordGrid.ts`), the
 * `<![if !supportMisalignedColumns]>` spacer row giving the grid columns' widths. Options reproduce the title,
 * date and heading variants real pages print.
 */
import type { Edition, GridCell, ReportData, TableGrid } from '../../core/src/index';
import { TEMPLATES, tableGrid, templateIndex } from '../../core/src/index';
import type { PlacedNode, GroupNode } from '../../core/src/index';
import type { WordCell, WordGridOptions, WordTable } from './wordGrid';
import { wordTable } from './wordGrid';

export interface WordPageOptions extends WordGridOptions {
  /**
   * `one`: 机关2020年政府信息公开工作年度报告 in one paragraph; `split`: the agency in a paragraph of its own above
   * 2020年政府信息公开工作年度报告; `yearFirst`: 2020年机关政府信息公开工作年度报告; `broken`: one title broken over two
   * paragraphs after 政府信息公开.
   */
  readonly title?: 'one' | 'split' | 'yearFirst' | 'broken';
  /** How the publication date is printed: a labelled line above 一 (`时间：`…) or only under the signature. */
  readonly date?: { readonly label: '发布时间：' | '时间：' | '日期：' | 'signature'; readonly value: string };
  /** A long opening paragraph before 一 that cites the notice on compiling the reports. */
  readonly opening?: boolean;
  /** Section headings in other words (五、存在的主要问题及明年工作计划, 四、…行政法复议…). */
  readonly headings?: 'template' | 'variant';
  /** How values are printed: as written, or integers of four digits and more with thousands separators. */
  readonly separators?: boolean;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Digits and Latin letters in `<span lang=EN-US>`, as Word marks them in Chinese text. */
function spans(text: string): string {
  return escape(text).replace(/[0-9A-Za-z.,%+-]+/g, (m) => `<span lang=EN-US>${m}</span>`);
}

const HEAD = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="report.files/filelist.xml">
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>政务公开办</o:Author>
  <o:Pages>7</o:Pages>
 </o:DocumentProperties>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	font-family:等线;
	mso-font-kerning:1.0pt;}
@page WordSection1
	{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;
	mso-header-margin:42.55pt;
	mso-footer-margin:49.6pt;
	mso-paper-source:0;
	layout-grid:15.6pt;}
div.WordSection1
	{page:WordSection1;}
-->
</style>
<!--[if gte mso 10]>
<style>
 /* Style Definitions */
 table.MsoNormalTable
	{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}
</style>
<![endif]--><!--[if gte mso 9]><xml>
 <o:shapedefaults v:ext="edit" spidmax="1026"/>
</xml><![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>
`;

function paragraph(text: string, style = 'text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'): string {
  const body = text.split('\n').map(spans).join('<br>\n');
  return `<p class=MsoNormal style='${style}'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${body}<span
lang=EN-US><o:p></o:p></span></span></p>\n`;
}

function titleParagraph(text: string): string {
  return `<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span
style='font-size:22.0pt;font-family:方正小标宋简体'>${spans(text)}<span lang=EN-US><o:p></o:p></span></span></b></p>\n`;
}

function heading(ordinal: string, text: string): string {
  return `<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-size:16.0pt;font-family:黑体'>${ordinal}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span><![endif]><b><span style='font-size:16.0pt;font-family:黑体'>${spans(text)}<span lang=EN-US><o:p></o:p></span></span></b></p>\n`;
}

function cellMarkup(cell: WordCell, widths: readonly number[]): string {
  const width = widths.slice(cell.column, cell.column + cell.colspan).reduce((a, b) => a + b, 0);
  const span = `${cell.colspan > 1 ? ` colspan=${cell.colspan}` : ''}${cell.rowspan > 1 ? ` rowspan=${cell.rowspan}` : ''}`;
  const align = cell.kind === 'label' ? '' : ` align=center style='text-align:center'`;
  const bold = cell.kind === 'caption' || cell.kind === 'header';
  const body =
    cell.text === ''
      ? `<span lang=EN-US style='font-size:10.0pt'><o:p>&nbsp;</o:p></span>`
      : `${bold ? '<b>' : ''}<span style='font-size:10.0pt;font-family:宋体'>${cell.text
          .split('\n')
          .map(spans)
          .join('<br>\n')}<span lang=EN-US><o:p></o:p></span></span>${bold ? '</b>' : ''}`;
  return `  <td width=${Math.round(width)}${span} valign=center style='width:${((width * 3) / 4).toFixed(1)}pt;border:solid windowtext 1.0pt;
  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal${align}>${body}</p>
  </td>\n`;
}

function tableMarkup(table: WordTable): string {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const out = [
    `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=${Math.round(total)}
 style='width:${((total * 3) / 4).toFixed(1)}pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n`,
  ];
  table.rows.forEach((row, i) => {
    out.push(`<tr style='mso-yfti-irow:${i};${i === 0 ? 'mso-yfti-firstrow:yes;' : ''}height:20.0pt'>\n`);
    for (const cell of row) out.push(cellMarkup(cell, table.widths));
    out.push('</tr>\n');
  });
  out.push(' <![if !supportMisalignedColumns]>\n <tr height=0>\n');
  for (const w of table.widths) out.push(`  <td width=${Math.round(w)} style='border:none'></td>\n`);
  out.push(' </tr>\n <![endif]>\n</table>\n');
  return out.join('');
}

/** A value as a person types it into Word. */
function printed(value: number | null | undefined, separators: boolean): string {
  if (value === null || value === undefined) return '';
  if (separators && Number.isInteger(value) && Math.abs(value) >= 1000) return value.toLocaleString('en-US');
  return String(value);
}

const VARIANT_HEADINGS: Readonly<Record<string, string>> = {
  active: '主动公开政府信息情况',
  applications: '收到和处理政府信息公开申请情况',
  appeals: '政府信息公开行政复议、行政诉讼情况',
  problems: '存在的主要问题及明年工作计划',
  other: '其他需要报告的事项',
  overview: '总体情况',
};

export type WordBlock =
  | {
      readonly kind: 'title' | 'heading' | 'paragraph';
      readonly text: string;
      readonly ordinal?: string;
      readonly align?: 'center' | 'right';
    }
  | { readonly kind: 'blank' }
  | { readonly kind: 'table'; readonly table: WordTable };

/** The report as Word paragraphs and tables, its tables on irregular grids drawn by `random`. */
export function wordBlocks(report: ReportData, random: () => number, options: WordPageOptions = {}): WordBlock[] {
  const edition = report.edition as Edition;
  const index = templateIndex(edition);
  const agency = report.agency ?? '';
  const year = report.year;
  const out: WordBlock[] = [];
  const title = (text: string): void => void out.push({ kind: 'title', text });
  switch (options.title ?? 'one') {
    case 'one':
      title(`${agency}${year}年政府信息公开工作年度报告`);
      break;
    case 'split':
      title(agency);
      title(`${year}年政府信息公开工作年度报告`);
      break;
    case 'yearFirst':
      title(`${year}年${agency}政府信息公开工作年度报告`);
      break;
    case 'broken':
      title(`${agency}${year}年政府信息公开`);
      title('工作年度报告');
      break;
  }
  out.push({ kind: 'blank' });
  if (options.date && options.date.label !== 'signature')
    out.push({ kind: 'paragraph', text: `${options.date.label}${options.date.value}`, align: 'center' });
  if (options.opening)
    out.push({
      kind: 'paragraph',
      text: `根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于做好${year}年政府信息公开工作年度报告编制公布工作的通知》要求，现公布${agency}${year}年政府信息公开工作年度报告。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    });
  const ordinals = ['一、', '二、', '三、', '四、', '五、', '六、'];
  const sections = TEMPLATES[edition].root.children.filter((n) => n.kind !== 'meta');
  sections.forEach((node, i) => {
    const text = options.headings === 'variant' ? (VARIANT_HEADINGS[node.id] ?? node.printed) : node.printed;
    out.push({ kind: 'heading', ordinal: ordinals[i], text });
    if (node.kind === 'group' && node.table) {
      const placed = index.byId.get(node.id) as PlacedNode & { node: GroupNode };
      const grid: TableGrid = tableGrid(index, placed);
      const cellText = (cell: GridCell): string => {
        if (cell.kind !== 'value') return cell.kind === 'void' ? '' : cell.text;
        const row = cell.placed ? report.rows?.[cell.placed.node.id] : undefined;
        return printed(row?.[cell.columnIndex ?? 0], options.separators === true);
      };
      out.push({ kind: 'table', table: wordTable(grid, cellText, random, options) }, { kind: 'blank' });
    } else {
      const body = report.texts?.[node.id] ?? '';
      for (const p of body.split(/\n\s*\n/)) {
        const lines = p.split('\n').filter((l) => l.trim() !== '');
        if (lines.length) out.push({ kind: 'paragraph', text: lines.join('\n') });
      }
    }
  });
  if (options.date?.label === 'signature') {
    const [y, m, d] = options.date.value.split('-').map(Number);
    out.push(
      { kind: 'paragraph', text: agency, align: 'right' },
      { kind: 'paragraph', text: `${y}年${m}月${d}日`, align: 'right' },
    );
  }
  return out;
}

/** The Word page ("save as web page") of `report` with its tables on irregular grids drawn by `random`. */
export function wordPage(report: ReportData, random: () => number, options: WordPageOptions = {}): string {
  const out = [HEAD];
  for (const block of wordBlocks(report, random, options)) {
    switch (block.kind) {
      case 'title':
        out.push(titleParagraph(block.text));
        break;
      case 'heading':
        out.push(heading(block.ordinal ?? '', block.text));
        break;
      case 'paragraph':
        out.push(block.align ? paragraph(block.text, `text-align:${block.align}`) : paragraph(block.text));
        break;
      case 'blank':
        out.push(`<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n`);
        break;
      case 'table':
        out.push(tableMarkup(block.table));
        break;
    }
  }
  out.push('\n</div>\n\n</body>\n\n</html>\n');
  return out.join('');
}
