/**
 * The official document format (公文格式) of GB/T 9704-2012 《党政机关公文格式》 as data, in the units a Word
 * document counts in (twips: 1/20 pt; font sizes in points): the A4 page and its margins, the fonts and their
 * sizes, the paragraph styles of the title, headings, body, tables and signature, and the page number. The Word
 * export (`officialDocument.ts`, written out by `word/`) takes every measure from here.
 *
 * The standard, as it applies to a report: 版心 156 mm × 225 mm on A4, 天头 37 mm, 订口 28 mm (so the margins are
 * top 37, bottom 35, left 28, right 26 mm); 22 lines of 28 characters of 3号 仿宋 (16 pt) a page; the title in 2号
 * 小标宋 centred; headings of the first level in 黑体, of the second in 楷体; page numbers in 4号 半角宋体 Arabic
 * numerals between two 一字线 ("— 1 —"), 7 mm below the 版心, odd pages right and even pages left, one character in;
 * the signature (发文机关署名 and 成文日期, without a seal: 7.3.5.2) right-aligned two characters in, the date in Arabic
 * numerals with 年月日 and no leading zeros.
 */

/** Twips in a millimetre and in a point. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const TWIPS_PER_PT = 20;

export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

/** A font the document names, with what Word and WPS put in its place when it is not installed. */
export interface FontFace {
  readonly name: string;
  /** The font table's `w:altName`: the face a word processor substitutes (Windows has 仿宋, not 仿宋_GB2312). */
  readonly altName?: string;
  /** PANOSE-1 of the face, so that a substitute of the same kind is chosen. */
  readonly panose: string;
  /** `86`: GB2312; `00`: ANSI. */
  readonly charset: string;
  readonly family: 'roman' | 'swiss' | 'modern' | 'auto';
}

export const FONTS = {
  title: { name: '方正小标宋简体', altName: '宋体', panose: '02010601030101010101', charset: '86', family: 'auto' },
  body: { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern' },
  hei: { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern' },
  kai: { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern' },
  song: { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto' },
  /** Latin letters and digits of every style. */
  latin: { name: 'Times New Roman', panose: '02020603050405020304', charset: '00', family: 'roman' },
} as const satisfies Record<string, FontFace>;

export type FontKey = keyof typeof FONTS;

/** Chinese font sizes (字号) in points. */
export const SIZE = { er: 22, san: 16, si: 14, wu: 10.5 } as const;

/** The page: A4 portrait and the margins of the 版心. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /**
   * From the page's bottom edge to the foot of the page number: its 一字线 are 7 mm below the 版心 (whose bottom is
   * 35 mm up), and the number's line (4号, exactly 14 pt) ends one line height further down.
   */
  footer: mm(35 - 7) - SIZE.si * TWIPS_PER_PT,
  header: mm(15),
} as const;

/** The 版心's width: the width of a table. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** 22 lines on the 225 mm 版心: exactly 28.95 pt a line. */
export const LINE_PITCH = 579;

export type ParagraphStyleId = 'title' | 'heading1' | 'heading2' | 'body' | 'tableText' | 'signature' | 'pageNumber';

export interface ParagraphStyle {
  /** The name Word shows in its styles list. */
  readonly name: string;
  /** The face of Chinese text. */
  readonly font: FontKey;
  /** The face of Latin letters and digits: Times New Roman unless the standard says otherwise. */
  readonly latinFont?: FontKey;
  /** Points. */
  readonly size: number;
  readonly bold?: boolean;
  readonly align: 'left' | 'center' | 'right' | 'both';
  /** First-line indent in hundredths of a character (200: two characters). */
  readonly firstLineChars?: number;
  /** Exact line height, twips. */
  readonly line: number;
  readonly keepNext?: boolean;
  /** Outline level of a heading (0: 一、, 1: （一）), for Word's navigation pane. */
  readonly outlineLevel?: number;
}

export const STYLES: Readonly<Record<ParagraphStyleId, ParagraphStyle>> = {
  title: { name: '公文标题', font: 'title', size: SIZE.er, align: 'center', line: 35 * TWIPS_PER_PT, keepNext: true },
  heading1: {
    name: '一级标题',
    font: 'hei',
    size: SIZE.san,
    align: 'both',
    firstLineChars: 200,
    line: LINE_PITCH,
    keepNext: true,
    outlineLevel: 0,
  },
  heading2: {
    name: '二级标题',
    font: 'kai',
    size: SIZE.san,
    align: 'both',
    firstLineChars: 200,
    line: LINE_PITCH,
    keepNext: true,
    outlineLevel: 1,
  },
  body: { name: '公文正文', font: 'body', size: SIZE.san, align: 'both', firstLineChars: 200, line: LINE_PITCH },
  /** Tables are set smaller, in 5号 宋体, so that section 三's ten and section 四's fifteen columns fit the 版心. */
  tableText: { name: '表格文字', font: 'song', size: SIZE.wu, align: 'center', line: 15 * TWIPS_PER_PT },
  signature: { name: '署名和成文日期', font: 'body', size: SIZE.san, align: 'right', line: LINE_PITCH },
  /** 4号半角宋体阿拉伯数字: the digits in 宋体 too. */
  pageNumber: {
    name: '页码',
    font: 'song',
    latinFont: 'song',
    size: SIZE.si,
    align: 'right',
    line: SIZE.si * TWIPS_PER_PT,
  },
};

/** A character of a style (a full-width character is as wide as the font is high), twips. */
export const charWidth = (style: ParagraphStyleId): number => STYLES[style].size * TWIPS_PER_PT;

/** The page number between 一字线, "— 1 —": the text before and after the number. */
export const PAGE_NUMBER = { before: '— ', after: ' —' } as const;

/** Table cells: a little room on each side of the text, twips. */
export const CELL_MARGIN = { left: 57, right: 57, top: 28, bottom: 28 } as const;
