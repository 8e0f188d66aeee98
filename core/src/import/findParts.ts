/**
 * Where the report's parts are in a sequence of lines: the title (agency and year), the publication date when
 * the page labels one, and the six section headings, found in order so that a heading repeated inside a
 * section's own text (`一、总体情况` under 一、总体情况) stays part of that text.
 */
import { editDistance, nearestLabel, normaliseLabel } from '../template/nearestLabel';
import type { TemplateNode } from '../template/types';
import type { Line, SourceDocument } from './sourceLines';
import { lineText, ownCells, trimSpace } from './sourceLines';
import { sectionNodes } from './templateLabels';

export interface TitleInfo {
  readonly year: number;
  readonly agency: string;
  /** Index of the title line, -1 when the title came from the HTML `<title>`. */
  readonly line: number;
  /** Index of the line the agency came from when it stands above the title. */
  readonly agencyLine?: number;
  /** Index of the title's last line (the title may be broken over two). */
  readonly end: number;
}

export interface Heading {
  readonly node: TemplateNode;
  readonly line: number;
  /** Text after the heading on the same line (`一、总体情况：2020年，…`). */
  readonly rest: string;
  /** Edit distance to the template's title after normalisation (0 when it matched exactly). */
  readonly distance: number;
}

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * `二〇二〇年` → `2020年`, full-width digits as ASCII; spaces dropped (`2020 年` is common in copied text). Nothing
 * else changes: an agency keeps its full-width brackets exactly as printed.
 */
function compact(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((c) => CHINESE_DIGITS[c]).join(''));
}

const REPORT = '(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)';
/** 某某机关2020年政府信息公开工作年度报告 */
const TITLE_YEAR_FIRST = new RegExp(`^(.*?)(?:关于)?((?:19|20)\\d{2})年度?(?:本(?:机关|单位))?${REPORT}`);
/** 2019年某某机关政府信息公开工作年度报告 */
const TITLE_YEAR_LEAD = new RegExp(`^((?:19|20)\\d{2})年度?(.{2,40}?)${REPORT}`);
/** 某某机关政府信息公开工作年度报告（2020年度） */
const TITLE_YEAR_LAST = new RegExp(`^(.*?)${REPORT}[(（]((?:19|20)\\d{2})年?度?[)）]`);
/** What a title line may print after 报告: nothing but closing marks or a bracketed note (（全文）, (2020年度)). */
const TITLE_END = /^(?:[》」”"』]?|[(（][^)）]{0,16}[)）])$/;
/** A page's `<title>` goes on after the report's title with the site's name. */
const PAGE_TITLE_END = /^(?:$|[|｜_＿\-—–>»›:：\s(（])/;
/** Sentence punctuation, quotation and citation marks: a line with them before the year is a sentence, not a title. */
const SENTENCE = /[，。；！？,;!?《》“”"「」]/;

/** Separators that put site names or breadcrumbs before the agency in a page title. */
const TITLE_SEPARATORS = /[|｜_＿\-—>»›:：]+/;

function cleanAgency(prefix: string): string {
  const parts = prefix.split(TITLE_SEPARATORS).filter((p) => p !== '');
  const last = parts.length ? parts[parts.length - 1] : '';
  return last
    .replace(/^关于/, '')
    .replace(/关于$/, '')
    .replace(/^[《“"'「]+|[》”"'」]+$/g, '');
}

/**
 * Year and agency of a title line. A sentence that cites a title (关于做好2024年政府信息公开工作年度报告编制公布工作的
 * 通知) is none: the title must end at 报告, and nothing before its year may read like a sentence. `page` relaxes
 * the end for a page's `<title>`, which goes on with the site's name.
 */
function parseTitle(text: string, page = false): { year: number; agency: string } | undefined {
  const t = compact(text);
  const ends = (m: RegExpExecArray): boolean =>
    (page ? PAGE_TITLE_END : TITLE_END).test(t.slice(m.index + m[0].length));
  const first = TITLE_YEAR_FIRST.exec(t);
  if (first && ends(first) && (page || !SENTENCE.test(first[1])))
    return { year: Number(first[2]), agency: cleanAgency(first[1]) };
  const lead = TITLE_YEAR_LEAD.exec(t);
  if (lead && ends(lead) && !SENTENCE.test(lead[2])) return { year: Number(lead[1]), agency: cleanAgency(lead[2]) };
  const last = TITLE_YEAR_LAST.exec(t);
  if (last && ends(last) && (page || !SENTENCE.test(last[1])))
    return { year: Number(last[2]), agency: cleanAgency(last[1]) };
  return undefined;
}

/** A line that could be an agency name standing above the title: short, no sentence punctuation, no digits. */
function agencyLike(text: string): boolean {
  const t = trimSpace(text);
  return t.length >= 2 && t.length <= 40 && !/[\d>：:|/，。、？！;；,.?!]/.test(t);
}

/** How far above the first heading a title is looked for. */
const TITLE_WINDOW = 60;

/**
 * The title nearest above the first section heading (page furniture such as lists of other years' reports
 * comes earlier), possibly broken over two lines; the agency from the title, the line above it, or the page's
 * `<title>`.
 */
export function findTitle(doc: SourceDocument, firstHeading: number): TitleInfo | undefined {
  const lines = doc.lines;
  const end = firstHeading > 0 ? firstHeading : Math.min(lines.length, TITLE_WINDOW);
  const fromPage = doc.title ? parseTitle(doc.title, true) : undefined;
  for (let i = end - 1; i >= 0 && i >= end - TITLE_WINDOW; i--) {
    const text = lineText(lines[i]);
    const next = i + 1 < end ? lineText(lines[i + 1]) : '';
    const alone = parseTitle(text);
    const found = alone ?? (next ? parseTitle(text + next) : undefined);
    if (!found) continue;
    const last = alone ? i : i + 1;
    if (found.agency) return { ...found, line: i, end: last };
    // The agency often stands on its own line above the title.
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const candidate = lineText(lines[j]);
      if (agencyLike(candidate))
        return { year: found.year, agency: trimSpace(candidate), line: i, agencyLine: j, end: last };
    }
    return { year: found.year, agency: fromPage?.year === found.year ? fromPage.agency : '', line: i, end: last };
  }
  return fromPage ? { ...fromPage, line: -1, end: -1 } : undefined;
}

/**
 * A labelled date: 发布时间：, 发布日期, 公开日期, 时间：, 日期： (a bare 时间/日期 needs its colon, and a 统计时间 or 截止日期
 * is no publication date).
 */
const PUBLISHED =
  /(?:^|[^统截计止至成])(?:(?:发布|公开|发文|印发)(?:时间|日期)[:：]?|(?:时间|日期)[:：])((?:19|20)\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})/;

/** A publication date the page labels as such (`发布时间：2021-01-20`); a signature's date is read by `signatureDate`. */
export function findPublished(
  lines: readonly Line[],
  from: number,
  to: number,
): { date: string; line: number } | undefined {
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    const m = PUBLISHED.exec(compact(lineText(lines[i])));
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return { date: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, line: i };
  }
  return undefined;
}

/** The line's text when it holds a single printed cell (a paragraph, or a caption row of a table). */
function singleText(line: Line): string | undefined {
  const texts = ownCells(line)
    .map((c) => c.text)
    .filter((t) => t !== '');
  return texts.length === 1 ? texts[0].replace(/\n/g, '') : undefined;
}

const HEADING_PUNCTUATION = /^[、.．,，:：\s\u3000]+/;

/**
 * What a section heading printed in other words still says, by section: 五、存在的主要问题及明年工作计划 and
 * 五、政府信息公开工作存在的主要问题及改进情况 are section 五. Only a heading with the section's own ordinal, found in
 * order, is read this way.
 */
const HEADING_WORDS: Readonly<Record<string, readonly RegExp[]>> = {
  overview: [/总体情况|概述|基本情况/],
  active: [/主动公开/],
  applications: [/(?:收到|受理|办理|处理).*申请|依申请公开/],
  appeals: [/行政复议|行政诉讼|复议.*诉讼/],
  problems: [/(?:存在|主要)的?(?:主要)?问题|改进(?:情况|措施)/],
  other: [/其他.*(?:报告|事项)/],
};

function matchHeading(text: string, node: TemplateNode): { rest: string; distance: number } | undefined {
  const numeral = node.ordinal.charAt(0);
  const t = trimSpace(text);
  const target = normaliseLabel(node.printed);
  if (!t.startsWith(numeral) || /^[一二三四五六七八九十]{2}/.test(t)) {
    // Without its ordinal only the exact title counts, with no other ordinal either (（二）主动公开… is a
    // paragraph heading inside section 一).
    return t.normalize('NFKC').replace(/[\s\u3000]+/g, '') === node.printed.normalize('NFKC')
      ? { rest: '', distance: 0 }
      : undefined;
  }
  const body = t.slice(numeral.length);
  if (body !== '' && !HEADING_PUNCTUATION.test(body)) return undefined;
  const label = body.replace(HEADING_PUNCTUATION, '');
  if (normaliseLabel(label) === target) return { rest: '', distance: 0 };
  if (label.startsWith(node.printed)) {
    const rest = label.slice(node.printed.length);
    if (/^[:：。.\s]/.test(rest)) return { rest: trimSpace(rest.replace(/^[:：。.]/, '')), distance: 0 };
  }
  const near = nearestLabel(label, [node], (n) => [n.printed]);
  if (near) return { rest: '', distance: near.distance };
  const words = HEADING_WORDS[node.id] ?? [];
  if (label.length <= node.printed.length + 16 && !/[。；]/.test(label) && words.some((w) => w.test(label)))
    return { rest: '', distance: Math.max(1, editDistance(normaliseLabel(label), target)) };
  return undefined;
}

/** The six headings in template order; a heading not found is left out and the search goes on from the last one. */
export function findHeadings(lines: readonly Line[], from: number): Heading[] {
  const headings: Heading[] = [];
  let position = Math.max(0, from);
  for (const node of sectionNodes()) {
    for (let i = position; i < lines.length; i++) {
      const text = singleText(lines[i]);
      if (text === undefined || text.length > node.printed.length + 40) continue;
      const hit = matchHeading(text, node);
      if (!hit) continue;
      headings.push({ node, line: i, ...hit });
      position = i + 1;
      break;
    }
  }
  return headings;
}

const DATE_LINE = /^((?:19|20)\d{2})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?$/;

/**
 * The signature closing a report — the agency's name and a date on the last lines — which belongs to no
 * section. Returns how many of `lines` (the last section's) it takes, 0 when there is none.
 */
export function signatureLength(lines: readonly Line[], agency: string): number {
  const n = lines.length;
  if (n === 0 || !DATE_LINE.test(compact(lineText(lines[n - 1])))) return 0;
  if (n >= 2) {
    const above = compact(lineText(lines[n - 2]));
    if ((agency && above === compact(agency)) || (agencyLike(above) && above.length >= 4 && n >= 3)) return 2;
  }
  return 1;
}

/** The date under a signature (`signatureLength` lines at the end of `lines`), as YYYY-MM-DD. */
export function signatureDate(lines: readonly Line[], length: number): string | undefined {
  if (length === 0) return undefined;
  const m = DATE_LINE.exec(compact(lineText(lines[lines.length - 1])));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The agency name of a signature, for a report whose title names none. */
export function signatureAgency(lines: readonly Line[], length: number): string {
  return length === 2 ? trimSpace(lineText(lines[lines.length - 2])) : '';
}

/** A section's ordinal without its punctuation, for messages: `三`. */
export function sectionOrdinal(node: TemplateNode): string {
  return node.ordinal.replace(/、$/, '');
}
