/**
 * Statements of change against last year in a narrative — 较上年增长12%, 同比下降3.5个百分点, 比上年增加15件,
 * 与上年持平 — each with the table quantity it is about. As for the figures themselves, silence is the default: a
 * change is a statement only when it says last year (同比, 较上年, 较2023年 for a 2024 report), a number with a unit
 * that fits, and the quantity is named either in its own clause (收到申请数量较上年增长12%) or by the figure stated
 * right before it (收到申请101件，同比增长12%: the figure must itself be a statement the extractor reads). Anything
 * else — another period, a region, an estimate, a share without its figure, a quantity that is not in the tables —
 * is left alone.
 */
import { extractStatements, foldDigits } from './extractStatements';
import type { Statement } from './extractStatements';
import type { ChangeKind, ChangeStatement, StatedFigure } from '../model/changeStatement';
import { parseChineseNumeral } from './numerals';

export type { ChangeKind, ChangeStatement, StatedFigure } from '../model/changeStatement';

export interface ExtractChangesOptions {
  /** The report year: 较2023年 is last year only in a 2024 report. */
  readonly year?: number;
}

/** The comparison with last year; a group catches a year written out (较2023年). */
const MARKER = /同比|(?:较|比|相比|相较|相较于|与|和|同)(?:上一?年度?|去年|(\d{4})年度?)(?:同期)?(?:相比|比较|而言)?/g;
/** A change: direction word, then the number and its unit. */
const CHANGE = new RegExp(
  '(增长|增加|上升|提高|提升|增多|上涨|多|下降|减少|降低|回落|下滑|少)了?(?:为|达到?)?\\s*' +
    '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)\\s*(%|％|个百分点|百分点|件次|件|宗|起|个|份|例|项|部|篇|次|万元|亿元|元)',
  'g',
);
/** 与上年持平 / 同比持平; 基本持平 is an estimate and is left alone. */
const FLAT = /(?<!基本)持平/g;
/**
 * Words of another period and of estimates: a sentence that holds one is left alone. Whose figures a sentence
 * states (the agency's own, a region's, other bodies') is the figure extractor's call: a change follows the
 * figure it refers to, or names its subject in words the extractor reads.
 */
const SENTENCE_VETO =
  /上半年|下半年|季度|前三季|\d{1,2}月|[一二三四五六七八九十]{1,2}月|1至|累计|以来|历年|约|近|超过|左右|以上|以下|余|多个|大幅|翻番|倍/;
/** What stops a clause: the clause of a change runs back from its direction word to one of these. */
const CLAUSE_STOP = /[，,、：:；;（）()]/;
/** Words that name nothing: a clause made of these and the comparison takes its subject from the figure before. */
const FILLER_WORDS =
  /其中|共计|合计|总计|总数|总量|数量|件数|一共|总共|共|分别|各|均|为|是|达到|达|有|全年|本年度|本年|年内|今年|\d{4}年度?|了|的|已|也|则|又|再|继续|进一步|相比|而言|比较|，|,|\s/g;
/** A share printed after a figure: 占45.1% / 占比45.1%. */
const SHARE = /占(?:[^，,。；;%％]{0,12}?)(?:比|比例|比重)?(?:为|达)?\s*(\d+(?:\.\d+)?)\s*[%％]$/;

const UP = new Set(['增长', '增加', '上升', '提高', '提升', '增多', '上涨', '多']);
const AMOUNT_UNITS = new Set(['万元', '亿元', '元']);
const HARD_STOP = /[。；;！!？?\n]/;

interface Sentence {
  readonly start: number;
  readonly text: string;
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || HARD_STOP.test(text[i])) {
      if (i > start) out.push({ start, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

function decimalsOf(numberText: string): number {
  const dot = numberText.indexOf('.');
  return dot < 0 ? 0 : numberText.length - dot - 1;
}

function numberValue(numberText: string): number | undefined {
  if (/\d/.test(numberText)) return Number(numberText);
  return parseChineseNumeral(numberText);
}

/** Where the clause that ends at `at` starts (after the last clause stop before it). */
function clauseStart(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && !CLAUSE_STOP.test(text[i - 1])) i--;
  return i;
}

/** A clause whose subject is only the word for the number of requests: it is about the figure before it. */
const BACK_REFERENCE = /^(?:政府信息公开)?申请(?:量|数)?$/; // 数量 is a filler word, already gone

/** The quantity a clause names by itself: the clause read as if it stated a figure (`收到申请数量` + `1件`). */
function namedIn(words: string, unit: string, year: number | undefined): string[] | undefined {
  const units = unit === '%' || unit === '个百分点' ? ['件', '万元'] : [unit];
  for (const u of units) {
    const probe = `${words}1${u}`;
    const found = extractStatements(probe, { year });
    const last = found[found.length - 1];
    if (last && last.end === words.length + 1 && found.length === 1 && last.claims.length === 1)
      return [...last.claims[0].terms];
  }
  return undefined;
}

interface Found {
  /** Offsets in the sentence. */
  readonly numberStart: number;
  readonly numberEnd: number;
  readonly verbStart: number;
  readonly end: number;
  readonly markerStart: number;
  readonly phraseStart: number;
  readonly kind: ChangeKind;
  readonly direction: 1 | -1 | 0;
  readonly value: number;
  readonly numberText: string;
  readonly decimals: number;
  readonly unit: string;
}

/** The comparisons of one sentence whose marker says last year, in order. */
function changesIn(sentence: string, year: number | undefined): Found[] | undefined {
  const markers: { start: number; end: number }[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(sentence); m !== null; m = MARKER.exec(sentence)) {
    // 较2023年 is last year only in a 2024 report; another year makes the whole sentence another comparison.
    if (m[1] !== undefined && (year === undefined || Number(m[1]) !== year - 1)) return undefined;
    // 上年结转 is a quantity, not a comparison.
    if (/^结转|^遗留|^未办结/.test(sentence.slice(m.index + m[0].length))) continue;
    markers.push({ start: m.index, end: m.index + m[0].length });
  }
  if (markers.length === 0) return [];
  const found: Found[] = [];
  const firstMarker = markers[0].start;
  const markerBefore = (at: number): { start: number; end: number } | undefined => {
    let best: { start: number; end: number } | undefined;
    for (const m of markers) if (m.end <= at) best = m;
    return best;
  };
  CHANGE.lastIndex = 0;
  for (let m = CHANGE.exec(sentence); m !== null; m = CHANGE.exec(sentence)) {
    const verbStart = m.index;
    if (verbStart < firstMarker) continue;
    const marker = markerBefore(verbStart);
    if (!marker) continue;
    const numberText = m[2];
    const value = numberValue(numberText);
    if (value === undefined || !Number.isFinite(value)) continue;
    const rawUnit = m[3];
    const unit = rawUnit === '％' ? '%' : rawUnit === '百分点' ? '个百分点' : rawUnit;
    const kind: ChangeKind = unit === '%' ? 'percent' : unit === '个百分点' ? 'points' : 'count';
    const numberStart = m.index + m[0].indexOf(numberText, m[1].length);
    // The marker opens the phrase when it is in the same clause; otherwise the phrase is the change alone.
    const sameClause = clauseStart(sentence, verbStart, 0) <= marker.start;
    found.push({
      numberStart,
      numberEnd: numberStart + numberText.length,
      verbStart,
      end: m.index + m[0].length,
      markerStart: marker.start,
      phraseStart: sameClause ? marker.start : verbStart,
      kind,
      direction: UP.has(m[1]) ? 1 : -1,
      value,
      numberText,
      decimals: decimalsOf(numberText),
      unit,
    });
  }
  FLAT.lastIndex = 0;
  for (let m = FLAT.exec(sentence); m !== null; m = FLAT.exec(sentence)) {
    const marker = markerBefore(m.index);
    if (!marker || clauseStart(sentence, m.index, 0) > marker.start) continue;
    found.push({
      numberStart: m.index,
      numberEnd: m.index + m[0].length,
      verbStart: marker.start,
      end: m.index + m[0].length,
      markerStart: marker.start,
      phraseStart: marker.start,
      kind: 'flat',
      direction: 0,
      value: 0,
      numberText: m[0],
      decimals: 0,
      unit: '',
    });
  }
  return found.sort((a, b) => a.numberStart - b.numberStart);
}

/** A number with a unit anywhere in the sentence: what a subjectless change may refer back to. */
const ANY_FIGURE =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*(%|％|个百分点|万元|亿元|元|件次|人次|件|宗|起|个|份|例|项|部|条|次|场|期|篇|家|名|人|户|批|天|日|小时)/g;

interface Figure {
  readonly start: number;
  readonly end: number;
  /** Inside parentheses that close before `at` (含上年结转5件): not what a later change is about. */
  readonly depth: number;
}

function figures(sentence: string): Figure[] {
  const out: Figure[] = [];
  ANY_FIGURE.lastIndex = 0;
  for (let m = ANY_FIGURE.exec(sentence); m !== null; m = ANY_FIGURE.exec(sentence)) {
    let depth = 0;
    for (let i = 0; i < m.index; i++) {
      const c = sentence[i];
      if (c === '（' || c === '(') depth++;
      else if ((c === '）' || c === ')') && depth > 0) depth--;
    }
    out.push({ start: m.index, end: m.index + m[0].length, depth });
  }
  return out;
}

function parenDepthAt(sentence: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = sentence[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth;
}

interface Subject {
  readonly terms: readonly string[];
  readonly stated?: StatedFigure;
  readonly share?: { readonly value: number; readonly decimals: number };
}

export function extractChanges(source: string, options: ExtractChangesOptions = {}): ChangeStatement[] {
  const text = foldDigits(source);
  if (!/同比|上一?年|去年|\d{4}年/.test(text) || !/持平|\d|[一二三四五六七八九十]/.test(text)) return [];
  const out: ChangeStatement[] = [];
  for (const s of sentences(text)) {
    const found = changesIn(s.text, options.year);
    if (!found || found.length === 0 || SENTENCE_VETO.test(s.text)) continue;
    const statements = extractStatements(s.text, { year: options.year });
    const byStart = new Map<number, Statement>(statements.map((st) => [st.start, st]));
    const allFigures = figures(s.text);
    /** What each change (by its number's start) was found to be about, for the changes after it. */
    const subjects = new Map<number, Subject>();
    for (const f of found) {
      const subject = subjectOf(s.text, f, allFigures, byStart, subjects, options.year);
      if (!subject) continue;
      subjects.set(f.numberStart, subject);
      if (f.kind === 'points' && !subject.share) continue;
      if (f.kind !== 'points' && subject.share) continue;
      if (f.kind === 'count' && subject.stated !== undefined && !unitsAgree(f.unit, subject.stated.unit)) continue;
      out.push({
        start: s.start + f.numberStart,
        end: s.start + f.numberEnd,
        text: source.slice(s.start + f.numberStart, s.start + f.numberEnd),
        phrase: source.slice(s.start + f.phraseStart, s.start + f.end),
        kind: f.kind,
        direction: f.direction,
        value: f.value,
        decimals: f.decimals,
        unit: f.unit,
        terms: subject.terms,
        ...(subject.stated !== undefined ? { stated: subject.stated } : {}),
        ...(subject.share ? { share: subject.share } : {}),
      });
    }
  }
  return out;
}

function unitsAgree(a: string, b: string): boolean {
  return AMOUNT_UNITS.has(a) === AMOUNT_UNITS.has(b);
}

/**
 * What a change is about: the quantity its clause names, or — when the clause holds only the comparison — the
 * figure right before it (a statement, a share of one, or an earlier change of the same sentence).
 */
function subjectOf(
  sentence: string,
  f: Found,
  allFigures: readonly Figure[],
  statements: ReadonlyMap<number, Statement>,
  earlier: ReadonlyMap<number, Subject>,
  year: number | undefined,
): Subject | undefined {
  const start = clauseStart(sentence, f.verbStart, 0);
  const words = sentence.slice(start, f.verbStart);
  const own = words
    .replace(MARKER, '')
    .replace(FILLER_WORDS, '')
    .replace(/[（）()]/g, '');
  // 申请数量 / 申请量 right after the figure of the requests received refers back to it (受理申请859件，申请数量较去年
  // 回落12.3%); on its own it names nothing.
  const refersBack = BACK_REFERENCE.test(own);
  if (own !== '' && !refersBack) {
    // The clause names its subject: 收到申请数量较上年增长12%, 行政复议案件同比下降20%.
    const subjectWords = words.replace(MARKER, '').replace(/[（）()]/g, '');
    const terms = namedIn(subjectWords, f.kind === 'count' ? f.unit : '%', year);
    return terms ? { terms } : undefined;
  }
  // The figure before the clause, skipping parentheticals closed in between (含上年结转5件).
  const depth = parenDepthAt(sentence, start);
  let before: Figure | undefined;
  for (const fig of allFigures) {
    if (fig.end > start) break;
    if (fig.depth > depth && closesBefore(sentence, fig.end, start)) continue;
    before = fig;
  }
  if (!before) return undefined;
  // Only words may stand between (a noun after the number: 36件政府信息公开申请), and closed parentheticals.
  const between = sentence.slice(before.end, start).replace(/（[^（）]*）|\([^()]*\)/g, '');
  if (/\d/.test(between)) return undefined;
  if (refersBack) {
    const statement = statements.get(before.start);
    const terms = statement?.claims.length === 1 ? statement.claims[0].terms : undefined;
    if (!statement || !terms || terms.join('+') !== 'received') return undefined;
    return { terms, stated: statedOf(statement) };
  }
  const chained = earlier.get(before.start) ?? earlierChange(earlier, before);
  if (chained) return { ...chained, share: undefined };
  const statement = statements.get(before.start);
  if (statement) {
    if (statement.claims.length !== 1) return undefined;
    return { terms: statement.claims[0].terms, stated: statedOf(statement) };
  }
  // A share of the figure before it: 予以公开46件，占45.1%，同比下降3.5个百分点.
  const share = SHARE.exec(sentence.slice(0, before.end));
  if (share) {
    const shareStart = share.index;
    let owner: Figure | undefined;
    for (const fig of allFigures) if (fig.end <= shareStart) owner = fig;
    const ownerStatement = owner ? statements.get(owner.start) : undefined;
    if (!owner || !ownerStatement || ownerStatement.claims.length !== 1) return undefined;
    if (/\d/.test(sentence.slice(owner.end, shareStart))) return undefined;
    const raw = share[1];
    return {
      terms: ownerStatement.claims[0].terms,
      stated: statedOf(ownerStatement),
      share: { value: Number(raw), decimals: decimalsOf(raw) },
    };
  }
  return undefined;
}

function statedOf(statement: Statement): StatedFigure {
  return { value: statement.value, unit: statement.unit, decimals: decimalsOf(statement.text) };
}

function closesBefore(sentence: string, from: number, to: number): boolean {
  const part = sentence.slice(from, to);
  return /[）)]/.test(part);
}

/** An earlier change whose number is the figure `fig` (the figure's match may start at the change's number). */
function earlierChange(earlier: ReadonlyMap<number, Subject>, fig: Figure): Subject | undefined {
  for (const [start, subject] of earlier) if (start >= fig.start && start < fig.end) return subject;
  return undefined;
}
