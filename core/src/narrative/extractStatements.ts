/**
 * Statements of table figures in a narrative: each number that counts something of this year's tables, with the
 * quantity (or quantities) it states. Silence is the default: a number is a statement only when a known phrase
 * names what it counts, its unit fits, and nothing around it makes it a comparison, an estimate, a subset, another
 * period or another kind of thing. False alarms cost more than a missed check.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './numerals';
import {
  ALL_UNITS,
  APPEAL_MEASURES,
  APPEAL_SUBJECTS,
  APPEAL_VETO,
  APPLICATION_PHRASES,
  DECISION_NOUN,
  DECISION_SUBJECTS,
  DECISION_VETO,
  DOC_MEASURES,
  DOC_SUBJECTS,
  DOC_VETO,
  EACH,
  FEE_SUBJECT,
  FEE_VETO,
  FILLER,
  FLOW_VETO,
  FOUR_DIGIT_YEAR,
  GLOBAL_VETO,
  HANDLED_VETO,
  LIST_JOINER,
  MONTH,
  PROCUREMENT_SUBJECT,
  PROCUREMENT_VETO,
  RECEIVED_NOUN,
  RECEIVED_VERB,
  RECEIVED_VETO,
  RESPECTIVELY,
  RIGHT_VETO,
  SUM,
  UNITS,
  YEAR_END,
} from './phrases';
import type { SubjectPhrase } from './phrases';
import { PhraseSet } from './phraseSet';
import type { Match } from './phraseSet';

/** One thing a number asserts: the number equals the sum of these quantities (usually one). */
export interface Claim {
  readonly terms: readonly string[];
  /**
   * 经清理，现行有效规范性文件35件，本年制发6件: a stock stated after a 清理 beside this year's new documents may be
   * the stock the 清理 kept, before them; the claim then holds too when the number plus this equals the terms.
   */
  readonly plusIssued?: number;
}

export interface Statement {
  /** Offsets of the number (digits or numeral, without the unit) in the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
  /** Written as a Chinese numeral (十七): a fix writes the table's value the same way. */
  readonly chinese: boolean;
  readonly unit: string;
  /** Every claim must hold (`行政复议、行政诉讼均为0件` makes two). */
  readonly claims: readonly Claim[];
}

export interface ExtractOptions {
  /** The report year: numbers about other years are not this year's figures. */
  readonly year?: number;
  /**
   * The word for the reporting government's own area (`全区` for a 区人民政府, see `ownScope`): a figure of 全区 is
   * then the report's own, not a region's around it.
   */
  readonly scope?: string;
}

/** `全区` for …区人民政府, `全市` for …市人民政府, `全县`, `全旗`, `全州`, `全镇`, `全乡`; none for anything else. */
export function ownScope(agency: string | undefined): string | undefined {
  const m = /([区市县旗州镇乡])人民政府(?:[（(]本级[）)])?$/.exec((agency ?? '').replace(/\s+/g, ''));
  return m ? `全${m[1]}` : undefined;
}

type Domain = keyof typeof UNITS;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly unitEnd: number;
  readonly text: string;
  readonly value: number;
  readonly chinese: boolean;
  readonly unit: string;
  readonly approximate: boolean;
}

interface Classified {
  readonly domain: Domain;
  /** Quantity ids named, in text order. */
  readonly ids: readonly string[];
  readonly matches: readonly Match[];
  /** Where the last naming phrase ends (the closest one wins when two kinds of thing are named). */
  readonly lastEnd: number;
}

/**
 * A numeral starts where a run of numeral characters starts. Without the look-behind the engine would retry the
 * run from every character inside it, each time scanning to its end for a unit: quadratic in the run's length
 * (a 100,000-character run of 一百零一 took over a minute). A match can only begin at the run's start anyway, since
 * any ending a later start could reach, the start of the run reaches too.
 */
const NUMERAL = `(?<![${CHINESE_NUMERAL_CHARS}])[${CHINESE_NUMERAL_CHARS}]+`;
const TOKEN = new RegExp(
  `(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${NUMERAL})[ \\t\\u3000]*(${ALL_UNITS.join('|')})`,
  'g',
);
/** A table of character codes: 1 where a clause stops to the left of a number, 2 where also to its right. */
const STOPS = new Uint8Array(0x10000);
for (const c of '，,：:（）()【】[]“”"‘’《》—') STOPS[c.charCodeAt(0)] = 3;
for (const c of '、。；;！!？?\n') STOPS[c.charCodeAt(0)] = 2;
/** Where the clause before a number starts: after one of ，,：:（）()【】[]“”"‘’《》—. */
const isNearStop = (c: number): boolean => (STOPS[c] & 1) !== 0;
/** Where the words after a number end: the same, and 、。；;！!？? and a line break. */
const isRightStop = (c: number): boolean => STOPS[c] !== 0;
/** Before a number: an estimate or the upper end of a range. */
const APPROX_BEFORE =
  /(?:约|近|超|超过|逾|不足|不到|将近|大约|(?:\d|[零〇一二两三四五六七八九十百千])\s*(?:至|到|-|~|—|－|～))\s*$/;
/** Before a Chinese numeral: 几十件, 数十件, 上百件. */
const APPROX_BEFORE_NUMERAL = /[几数上]$/;
/** Words a single 一 belongs to (统一, 唯一, 进一步): not a count. */
const WORD_BEFORE_ONE = /[统唯同逐单每之任某另专合归划整进第万]$/;
const FLOW_EXEMPT = new Set(['inForce', 'totalPublished']);
/** 两个确保, 三个必须: a numbered slogan, not a count. */
const SLOGAN_AFTER = /^(?:确保|坚持|必须|务必|维护|到位|优先|聚焦|一|全覆盖|结合|同步|统一)/;

const FULL_WIDTH_DIGITS = /[０-９．]/;

/** Full-width digits and point as ASCII (the same length: offsets are kept). */
export function foldDigits(text: string): string {
  if (!FULL_WIDTH_DIGITS.test(text)) return text;
  return text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The same pattern, tried at one position at a time. */
const TOKEN_AT = new RegExp(TOKEN.source, 'y');
/** 1 for each character code a number can start with: an ASCII digit or a Chinese numeral. */
const NUMBER_START = new Uint8Array(0x10000);
for (const c of `0123456789${CHINESE_NUMERAL_CHARS}`) NUMBER_START[c.charCodeAt(0)] = 1;

/** Characters a number can start with: an ASCII digit or a Chinese numeral. */
function mayStartNumber(c: number): boolean {
  return NUMBER_START[c] === 1;
}

/**
 * Every match of TOKEN, left to right, as a global search finds them; the pattern is only tried where a number
 * can start (most characters of a narrative are words), so a long text is not searched position by position.
 */
function tokenMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let i = 0; i < text.length;) {
    if (!mayStartNumber(text.charCodeAt(i))) {
      i++;
      continue;
    }
    TOKEN_AT.lastIndex = i;
    const m = TOKEN_AT.exec(text);
    if (m === null || m[0].length === 0) {
      i++;
      continue;
    }
    out.push(m);
    i += m[0].length;
  }
  return out;
}

function scanTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of tokenMatches(text)) {
    const start = m.index;
    const numberText = m[1];
    const unit = m[2];
    const before = text.slice(Math.max(0, start - 8), start);
    if (/第\s*$/.test(before)) continue; // an ordinal: 第711号, 第二十条
    // A slogan or a name in quotes (“三个一”工作机制) counts nothing; nor does 两个确保 and its kind.
    if (/[“"「『‘][^”"」』’]{0,6}$/.test(before) && /^[^“"「『‘]{0,8}[”"」』’]/.test(text.slice(m.index + m[0].length)))
      continue;
    if (!/\d/.test(m[1]) && m[2] === '个' && SLOGAN_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const chinese = !/\d/.test(numberText);
    if (chinese && numberText === '一' && WORD_BEFORE_ONE.test(before)) continue;
    const value = chinese
      ? parseChineseNumeral(numberText)
      : Number(numberText.includes(',') ? numberText.replace(/,/g, '') : numberText);
    if (value === undefined || !Number.isFinite(value)) continue;
    const end = start + numberText.length;
    const unitEnd = start + m[0].length;
    tokens.push({
      start,
      end,
      unitEnd,
      text: numberText,
      value,
      chinese,
      unit,
      approximate: APPROX_BEFORE.test(before) || (chinese && APPROX_BEFORE_NUMERAL.test(before)),
    });
  }
  return tokens;
}

/** Every match of a global pattern (exec with lastIndex: matchAll would clone the pattern on each call). */
function allMatches(text: string, re: RegExp, id: string, parent?: string): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(
      parent
        ? { id, start: m.index, end: m.index + m[0].length, parent }
        : { id, start: m.index, end: m.index + m[0].length },
    );
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Keep the longest of overlapping matches, then let a specific quantity replace its parent. */
function resolve(matches: readonly Match[]): Match[] {
  if (matches.length <= 1) return matches.slice();
  const kept: Match[] = [];
  for (const m of matches.slice().sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    let overlaps = false;
    for (const k of kept) if (m.start < k.end && k.start < m.end) overlaps = true;
    if (!overlaps) kept.push(m);
  }
  // A kept match that is another kept match's parent gives way to it (the parent's id is then named).
  const out: Match[] = [];
  for (const k of kept) {
    let isParent = false;
    for (const c of kept) if (c.parent === k.id) isParent = true;
    if (!isParent) out.push(k);
  }
  return out.sort((a, b) => a.start - b.start);
}

const phraseSets = new WeakMap<readonly SubjectPhrase[], PhraseSet>();

function phraseMatches(text: string, phrases: readonly SubjectPhrase[]): Match[] {
  let set = phraseSets.get(phrases);
  if (!set) phraseSets.set(phrases, (set = new PhraseSet(phrases)));
  return resolve(set.matches(text));
}

function distinctIds(matches: readonly Match[]): string[] {
  const ids: string[] = [];
  for (const m of matches) if (!ids.includes(m.id)) ids.push(m.id);
  return ids;
}

function isFiller(text: string): boolean {
  return text.replace(FILLER, '').replace(/[，,、。；;：:（）()\s]/g, '') === '';
}

/** The text left once the named phrases and filler words are taken out. */
function remainder(text: string, matches: readonly Match[]): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start);
    at = Math.max(at, m.end);
  }
  return (out + text.slice(at)).replace(FILLER, '').replace(/[，,、：:（）()\s]/g, '');
}

/** Between two figures of a list: nothing but 、和及与 and filler. */
function continuesList(lead: string): boolean {
  return lead.replace(FILLER, '').replace(/以及|和|及|与|或|[，,、\s]/g, '') === '';
}

function lastEnd(matches: readonly Match[]): number {
  return matches.reduce((e, m) => Math.max(e, m.end), -1);
}

/** One test per kind before the detailed matching: most clauses name nothing at all. */
const anyOf = (sources: readonly (RegExp | SubjectPhrase | { re: RegExp })[]): RegExp =>
  new RegExp(sources.map((x) => (x instanceof RegExp ? x.source : x.re.source)).join('|'));
const MAY_NAME_APPEAL = anyOf([...APPEAL_SUBJECTS, ...APPEAL_MEASURES]);
const MAY_NAME_DOCUMENT = anyOf([...DOC_SUBJECTS, ...DOC_MEASURES]);
const MAY_NAME_DECISION = anyOf(DECISION_SUBJECTS);
/** Units that some kind of statement is made in; numbers with other units only separate clauses. */
const STATEMENT_UNITS = new Set(Object.values(UNITS).flatMap((set) => [...set]));

/** The application phrases, and the verbs of receiving (which alone may name 收到…申请 too). */
const APPLICATION_SET = new PhraseSet(APPLICATION_PHRASES, [RECEIVED_VERB]);
const isCombined = (p: SubjectPhrase): boolean => (p as (typeof APPLICATION_PHRASES)[number]).combined === true;

function applications(text: string, right: string, year: number | undefined): Classified | undefined {
  if (APPLICATION_SET.startsIn(text).length === 0) return undefined;
  const listed = RESPECTIVELY.test(text);
  const matched: Match[] = APPLICATION_SET.matches(text, listed ? isCombined : undefined);
  const found = matched.filter((m) => {
    // 结转下年度继续办理的申请: the carry-forward row's own words, not a count of requests handled.
    if (m.id === 'handled' && text.startsWith('办理', m.start) && text.slice(0, m.start).endsWith('继续')) return false;
    // 因本机关不掌握等原因无法提供: 等 widens the reason to the whole row group, which then is what is counted.
    return (
      !m.parent ||
      !matched.some((p) => p.id === m.parent && p.start >= m.end && text.slice(m.end, p.start).includes('等'))
    );
  });
  // 结转至2025年: only next year's number is this report's carry-forward.
  const checked = found.filter((m) => {
    if (m.id !== 'carriedForward' || year === undefined) return true;
    const y = /\d{4}/.exec(text.slice(m.start, m.end));
    return !y || Number(y[0]) === year + 1;
  });
  const verbs = allMatches(text, RECEIVED_VERB, 'received');
  const verb = verbs[verbs.length - 1];
  if (verb && !RECEIVED_VETO.test(text) && !RECEIVED_VETO.test(right)) {
    const noun = RECEIVED_NOUN.exec(text.slice(verb.start));
    if (noun) checked.push({ id: 'received', start: verb.start, end: verb.start + noun.index + noun[0].length });
    else if (RECEIVED_NOUN.test(right)) checked.push(verb);
  }
  const kept = resolve(checked).filter((m) => m.id !== 'handled' || !HANDLED_VETO.test(text));
  if (kept.length === 0) return undefined;
  return { domain: 'applications', ids: distinctIds(kept), matches: kept, lastEnd: lastEnd(kept) };
}

/**
 * Subject × measure (行政复议 × 结果维持, 规范性文件 × 废止). A measure alone takes its subject from earlier in
 * the sentence when the clause says nothing else (`制发行政规范性文件6件，废止2件`) and the sentence names one.
 */
function subjectMeasure(
  text: string,
  right: string,
  prefix: string,
  subjects: readonly SubjectPhrase[],
  measures: readonly SubjectPhrase[],
  measureRequired: boolean,
): { ids: string[]; matches: Match[] } | undefined {
  let subjectMatches = phraseMatches(text, subjects);
  const measureMatches = phraseMatches(text, measures).filter(
    (m) => !subjectMatches.some((s) => m.start < s.end && s.start < m.end),
  );
  if (subjectMatches.length === 0 && measureMatches.length === 0) return undefined;
  if (subjectMatches.length === 0) {
    const fromRight = phraseMatches(right, subjects);
    if (fromRight.length > 0) subjectMatches = fromRight.map((m) => ({ ...m, start: -1, end: -1 }));
    else {
      if (remainder(text, measureMatches) !== '') return undefined;
      const named = distinctIds(phraseMatches(prefix, subjects));
      if (named.length !== 1) return undefined;
      subjectMatches = [{ id: named[0], start: -1, end: -1 }];
    }
  }
  if (measureRequired && measureMatches.length === 0) {
    // 制发规章1件、行政规范性文件6件: the measure, too, may come from earlier in the sentence.
    if (subjectMatches.some((m) => m.start < 0) || remainder(text, subjectMatches) !== '') return undefined;
    const named = distinctIds(phraseMatches(prefix, measures));
    if (named.length !== 1) return undefined;
    const ids = distinctIds(subjectMatches).map((s) => `${s}.${named[0]}`);
    return { ids, matches: subjectMatches };
  }
  const subjectIds = distinctIds(subjectMatches);
  const measureIds = distinctIds(measureMatches);
  const ids: string[] = [];
  for (const subjectId of subjectIds) {
    if (measureIds.length === 0) ids.push(subjectId);
    else for (const measureId of measureIds) ids.push(`${subjectId}.${measureId}`);
  }
  const matches: Match[] = [];
  for (const m of subjectMatches) if (m.start >= 0) matches.push(m);
  for (const m of measureMatches) matches.push(m);
  return { ids, matches: matches.sort((a, b) => a.start - b.start) };
}

function appeals(text: string, right: string, prefix: string): Classified | undefined {
  if (!MAY_NAME_APPEAL.test(text) || APPEAL_VETO.test(text)) return undefined;
  const r = subjectMeasure(text, right, prefix, APPEAL_SUBJECTS, APPEAL_MEASURES, false);
  if (!r) return undefined;
  return { domain: 'appeals', ids: r.ids, matches: r.matches, lastEnd: lastEnd(r.matches) };
}

function documents(text: string, right: string, prefix: string): Classified | undefined {
  if (!MAY_NAME_DOCUMENT.test(text) || DOC_VETO.test(text) || DOC_VETO.test(right)) return undefined;
  const r = subjectMeasure(text, right, prefix, DOC_SUBJECTS, DOC_MEASURES, true);
  if (!r) return undefined;
  return { domain: 'documents', ids: r.ids, matches: r.matches, lastEnd: lastEnd(r.matches) };
}

function decisions(text: string, right: string): Classified | undefined {
  if (!MAY_NAME_DECISION.test(text) || DECISION_VETO.test(text)) return undefined;
  const subjects = phraseMatches(text, DECISION_SUBJECTS);
  if (subjects.length !== 1) return undefined;
  const after = text.slice(subjects[0].end);
  if (!DECISION_NOUN.test(after) && !DECISION_NOUN.test(right)) return undefined;
  return { domain: 'decisions', ids: [`${subjects[0].id}.decisions`], matches: subjects, lastEnd: text.length };
}

function fees(text: string, right: string): Classified | undefined {
  if (FEE_VETO.test(text) || FEE_VETO.test(right)) return undefined;
  const m = allMatches(text, FEE_SUBJECT, 'feeAmount');
  if (m.length === 0) return undefined;
  return { domain: 'amounts', ids: ['feeAmount'], matches: m, lastEnd: lastEnd(m) };
}

function procurement(text: string, right: string, unit: string): Classified | undefined {
  if (PROCUREMENT_VETO.test(text) || PROCUREMENT_VETO.test(right)) return undefined;
  const m = allMatches(text, PROCUREMENT_SUBJECT, 'procurement');
  if (m.length === 0) return undefined;
  const amount = UNITS.amounts.has(unit);
  return {
    domain: amount ? 'amounts' : 'items',
    ids: [amount ? 'procurement.amount' : 'procurement.items'],
    matches: m,
    lastEnd: lastEnd(m),
  };
}

/** What the words name, among the kinds whose unit fits; undefined when nothing or two things equally close. */
function classify(
  text: string,
  right: string,
  prefix: string,
  unit: string,
  year: number | undefined,
): Classified | undefined {
  // Only the kinds whose unit fits can be the answer; the others are not even looked for.
  const candidates = [
    UNITS.applications.has(unit) ? applications(text, right, year) : undefined,
    UNITS.appeals.has(unit) ? appeals(text, right, prefix) : undefined,
    UNITS.documents.has(unit) ? documents(text, right, prefix) : undefined,
    UNITS.decisions.has(unit) ? decisions(text, right) : undefined,
    UNITS.amounts.has(unit) ? fees(text, right) : undefined,
    UNITS.amounts.has(unit) || UNITS.items.has(unit) ? procurement(text, right, unit) : undefined,
  ];
  // The one whose naming words end closest to the number; two kinds equally close name nothing.
  let best: Classified | undefined;
  let ties = 0;
  for (const c of candidates) {
    if (c === undefined || !UNITS[c.domain].has(unit)) continue;
    if (best === undefined || c.lastEnd > best.lastEnd) {
      best = c;
      ties = 1;
    } else if (c.lastEnd === best.lastEnd) {
      ties++;
    }
  }
  return ties > 1 ? undefined : best;
}

/** Items of a list joined only by 、和及与: what a 共 adds up. */
function isList(text: string, matches: readonly Match[]): boolean {
  const real = matches.filter((m) => m.start >= 0);
  for (let i = 1; i < real.length; i++) {
    if (!LIST_JOINER.test(text.slice(real[i - 1].end, real[i].start))) return false;
  }
  return real.length > 1;
}

/** Other years, months and cumulative wording: not this year's flow (stocks may say 截至年底). */
function periodVeto(text: string, ids: readonly string[], year: number | undefined): boolean {
  const flows = ids.some((id) => !FLOW_EXEMPT.has(id.slice(id.lastIndexOf('.') + 1)));
  if (flows && FLOW_VETO.test(text)) return true;
  // Both a month and a year are written with their character: without it, nothing to look for.
  if (text.includes('月') && MONTH.test(text.replace(YEAR_END, ''))) return true;
  if (year !== undefined && text.includes('年')) {
    for (const m of allMatches(text, FOUR_DIGIT_YEAR, 'year')) {
      const y = Number(text.slice(m.start, m.start + 4));
      if (y === year) continue;
      if (y === year + 1 && ids.every((id) => id === 'carriedForward')) continue;
      if (y === year - 1 && ids.every((id) => id === 'carriedOver')) continue;
      return true;
    }
  }
  return false;
}

interface Context {
  readonly token: Token;
  /** The clause right before the number (back to the previous comma or the previous figure). */
  readonly near: string;
  /** Earlier clauses of the same stretch, closest first. */
  readonly earlier: readonly string[];
  readonly right: string;
  /** The sentence up to the clause, where an omitted subject is looked up. */
  readonly prefix: string;
  /** From the previous figure to this number: empty or filler means this number continues a list. */
  readonly lead: string;
}

/** How far before a number its naming words may stand, and how far back a sentence lends its subject. */
const NEAR_WINDOW = 80;
const PREFIX_WINDOW = 240;
/** 。；;！!？? and a line break end a sentence. */
function isHardStop(c: number): boolean {
  return (
    c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0x21 || c === 0xff1f || c === 0x3f || c === 0x0a
  );
}

/** Each number's surroundings, in one forward pass with bounded windows: linear in the text, whatever its shape. */
function contexts(text: string, tokens: readonly Token[]): Context[] {
  const out: Context[] = [];
  let previousRightEnd = 0;
  let sentenceStart = 0;
  let scanned = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    for (; scanned < t.start; scanned++) if (isHardStop(text.charCodeAt(scanned))) sentenceStart = scanned + 1;
    const windowStart = Math.max(sentenceStart, t.start - NEAR_WINDOW);
    const leftStart = Math.max(windowStart, Math.min(previousRightEnd, t.start));
    let nearStart = t.start;
    while (nearStart > leftStart && !isNearStop(text.charCodeAt(nearStart - 1))) nearStart--;
    const earlier: string[] = [];
    let segEnd = nearStart - 1;
    while (segEnd > leftStart) {
      let segStart = segEnd;
      while (segStart > leftStart && !isNearStop(text.charCodeAt(segStart - 1))) segStart--;
      earlier.push(text.slice(segStart, segEnd));
      segEnd = segStart - 1;
    }
    let rightEnd = t.unitEnd;
    const nextStart = Math.min(i + 1 < tokens.length ? tokens[i + 1].start : text.length, t.unitEnd + NEAR_WINDOW);
    while (rightEnd < nextStart && !isRightStop(text.charCodeAt(rightEnd))) rightEnd++;
    previousRightEnd = rightEnd;
    out.push({
      token: t,
      near: text.slice(nearStart, t.start),
      earlier,
      right: text.slice(t.unitEnd, rightEnd),
      prefix: text.slice(Math.max(sentenceStart, nearStart - PREFIX_WINDOW), nearStart),
      lead: text.slice(leftStart, t.start),
    });
  }
  return out;
}

interface Reading {
  readonly classified: Classified;
  /** The text the matches index into. */
  readonly named: string;
  /** The clause before the number (for the connective words 各, 共, 分别). */
  readonly clause: string;
}

function read(c: Context, year: number | undefined, scope: string | undefined): Reading | 'veto' | undefined {
  const { token, near, right, prefix } = c;
  // The whole stretch since the previous figure: 截至目前，今年已收到… is a part of the year. 全区 of a 区人民政府 is
  // its own scope.
  const lead = scope && c.lead.includes(scope) ? c.lead.split(scope).join('') : c.lead;
  if (GLOBAL_VETO.test(lead) || RIGHT_VETO.test(right)) return 'veto';
  const direct = classify(near, right, prefix, token.unit, year);
  if (direct) return { classified: direct, named: near, clause: near };
  if (!isFiller(near)) return undefined;
  for (const segment of c.earlier) {
    const found = classify(segment, right, prefix, token.unit, year);
    if (found) return { classified: found, named: segment, clause: segment + near };
    if (!isFiller(segment)) break;
  }
  // 其中46件予以公开: the thing counted follows the number.
  const after = classify(right, '', prefix, token.unit, year);
  return after ? { classified: after, named: right, clause: near } : undefined;
}

/** 收到申请106件（含上年结转5件）: the figure includes last year's carry-over. */
const INCLUDES_CARRIED_OVER = /^[（(]?(?:含|包括|其中|含有)上一?年度?结转/;

function claimsOf(reading: Reading, after: string): Claim[] | 'respectively' | undefined {
  const { classified, clause, named } = reading;
  if (classified.ids.length === 1) {
    if (classified.ids[0] === 'received' && INCLUDES_CARRIED_OVER.test(after))
      return [{ terms: ['received', 'carriedOver'] }];
    return [{ terms: classified.ids }];
  }
  if (RESPECTIVELY.test(clause)) return 'respectively';
  if (EACH.test(clause)) return classified.ids.map((id) => ({ terms: [id] }));
  if (SUM.test(clause) && isList(named, classified.matches)) return [{ terms: classified.ids }];
  return undefined;
}

function acceptable(token: Token, claims: readonly Claim[], c: Context, year: number | undefined): boolean {
  const ids: string[] = [];
  for (const claim of claims) for (const term of claim.terms) ids.push(term);
  const amount = UNITS.amounts.has(token.unit);
  if (!amount && !Number.isInteger(token.value)) return false;
  return !periodVeto(c.near + c.earlier.join(''), ids, year);
}

export function extractStatements(source: string, options: ExtractOptions = {}): Statement[] {
  const text = foldDigits(source);
  const tokens = scanTokens(text);
  const ctx = contexts(text, tokens);
  const out: Statement[] = [];
  const statement = (t: Token, claims: readonly Claim[]): Statement => ({
    start: t.start,
    end: t.end,
    text: source.slice(t.start, t.end),
    value: t.value,
    chinese: t.chinese,
    unit: t.unit,
    claims,
  });
  for (let i = 0; i < ctx.length; i++) {
    const c = ctx[i];
    if (c.token.approximate || !STATEMENT_UNITS.has(c.token.unit)) continue;
    const reading = read(c, options.year, options.scope);
    if (!reading || reading === 'veto') continue;
    const claims = claimsOf(reading, text.slice(c.token.unitEnd, c.token.unitEnd + 12));
    if (!claims) continue;
    if (claims === 'respectively') {
      // 予以公开、部分公开分别为46件、9件: the following figures, in order, one per named quantity.
      const ids = reading.classified.ids;
      let run = 1;
      while (i + run < ctx.length && run < ids.length + 1 && continuesList(ctx[i + run].lead)) run++;
      if (run === ids.length) {
        for (let k = 0; k < run; k++) {
          const ck = ctx[i + k];
          const claim = [{ terms: [ids[k]] }];
          if (UNITS[reading.classified.domain].has(ck.token.unit) && acceptable(ck.token, claim, c, options.year))
            out.push(statement(ck.token, claim));
        }
      }
      i += run - 1;
      continue;
    }
    if (acceptable(c.token, claims, c, options.year)) out.push(statement(c.token, claims));
  }
  return text.includes(CLEANUP) ? withIssuedAfterCleanup(text, out) : out;
}

const CLEANUP = '清理';

/** The sentence (between 。；!? and line breaks) around an offset. */
function sentenceAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !isHardStop(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && !isHardStop(text.charCodeAt(end))) end++;
  return [start, end];
}

/**
 * A stock (X.inForce) in a sentence that speaks of a 清理 and states this year's new documents of the same kind
 * (X.issued, one figure): the stock may leave the new ones out, so N + M agrees as well as N. Without the 清理 or
 * without M in the sentence the stock is read as it stands.
 */
function withIssuedAfterCleanup(text: string, statements: Statement[]): Statement[] {
  return statements.map((s) => {
    if (s.claims.length !== 1 || s.claims[0].terms.length !== 1) return s;
    const term = s.claims[0].terms[0];
    if (!term.endsWith('.inForce')) return s;
    const [start, end] = sentenceAround(text, s.start);
    if (!text.slice(start, end).includes(CLEANUP)) return s;
    const issuedId = `${term.slice(0, -'.inForce'.length)}.issued`;
    const issued = statements.filter(
      (o) =>
        o.start >= start &&
        o.end <= end &&
        o.claims.length === 1 &&
        o.claims[0].terms.length === 1 &&
        o.claims[0].terms[0] === issuedId,
    );
    if (issued.length !== 1) return s;
    return { ...s, claims: [{ terms: [term], plusIssued: issued[0].value }] };
  });
}
