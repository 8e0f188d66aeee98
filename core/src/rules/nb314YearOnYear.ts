/**
 * 同比 statements of the narrative (较上年增长12%、同比下降3.5个百分点、比上年增加15件、与上年持平) against last
 * year's report of the same 机关: this year's and last year's table quantities must give the change as printed —
 * a percentage or a share to the places it is written (16.13% within 0.005), a count exactly, an amount to its
 * places. Without last year's report nothing is said; a statement whose own figure already contradicts this year's
 * table is NB309's, not this rule's. A warning: the text is a claim about the tables, not a table.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ChangeFact, ReportFacts } from '../model/reportFacts';
import { M, fmt } from '../i18n/messages';
import { quantityLabel } from '../narrative/quantities';
import type { Localized } from '../template/types';
import type { IndexedReport, YearPairRule } from './crossRule';
import { fileOf } from './crossRule';

/** 万元 per unit of a stated amount. */
const TO_WAN: Readonly<Record<string, number>> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };
/** What a share (占45.1%) may be a share of. */
const BASES: readonly (readonly string[])[] = [
  ['received'],
  ['received', 'carriedOver'],
  ['handled'],
  ['review'],
  ['litigation'],
  ['review', 'litigation'],
];
const EPSILON = 1e-9;

function sum(facts: ReportFacts, terms: readonly string[]): number | undefined {
  let s = 0;
  for (const t of terms) {
    const v = facts.quantity(t);
    if (v === undefined) return undefined;
    s += v;
  }
  return Math.round(s * 1e6) / 1e6;
}

function labelOf(terms: readonly string[]): Localized {
  const labels = terms.map((t) => quantityLabel(t) ?? { zh: t, en: t });
  return { zh: labels.map((l) => l.zh).join('与'), en: labels.map((l) => l.en).join(' + ') };
}

function half(decimals: number): number {
  return 0.5 * 10 ** -decimals + EPSILON;
}

function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

interface Verdict {
  /** The change as the tables give it, in the statement's terms (percent, points, count in its unit). */
  readonly actual: number;
  readonly holds: boolean;
  /** For a share: this year's and last year's shares and what they are of. */
  readonly shares?: { readonly now: number; readonly before: number; readonly base: Localized };
}

/** The share a points change is about: the one base whose share this year is the share printed. */
function shareBase(
  change: ChangeFact,
  now: ReportFacts,
  before: ReportFacts,
  x: number,
  y: number,
): Verdict['shares'] | 'ambiguous' | undefined {
  const share = change.share;
  if (!share) return undefined;
  let found: Verdict['shares'] | undefined;
  for (const base of BASES) {
    if (base.some((b) => change.terms.includes(b))) continue;
    const b = sum(now, base);
    const bPrev = sum(before, base);
    if (b === undefined || bPrev === undefined || b === 0 || bPrev === 0) continue;
    const shareNow = (x / b) * 100;
    if (Math.abs(shareNow - share.value) > half(share.decimals)) continue;
    const candidate = { now: shareNow, before: (y / bPrev) * 100, base: labelOf(base) };
    if (found && Math.abs(found.before - candidate.before) > EPSILON) return 'ambiguous';
    found ??= candidate;
  }
  return found;
}

function judge(change: ChangeFact, now: ReportFacts, before: ReportFacts, x: number, y: number): Verdict | undefined {
  const signed = change.direction * change.value;
  switch (change.kind) {
    case 'flat':
      return { actual: x - y, holds: Math.abs(x - y) <= EPSILON };
    case 'count': {
      const factor = TO_WAN[change.unit];
      const diff = x - y;
      if (factor !== undefined) {
        // An amount: compared in the unit stated, to the places stated.
        const stated = diff / factor;
        return { actual: stated, holds: Math.abs(stated - signed) <= half(change.decimals) };
      }
      return { actual: diff, holds: Math.abs(diff - signed) <= EPSILON };
    }
    case 'percent': {
      if (y === 0) return undefined;
      const actual = ((x - y) / y) * 100;
      return { actual, holds: Math.abs(actual - signed) <= half(change.decimals) };
    }
    case 'points': {
      const shares = shareBase(change, now, before, x, y);
      if (!shares || shares === 'ambiguous' || !change.share) return undefined;
      const actual = shares.now - shares.before;
      // The writer may have subtracted the two shares as printed: allow their rounding too.
      const tolerance = half(change.decimals) + half(change.share.decimals);
      return { actual, holds: Math.abs(actual - signed) <= tolerance, shares };
    }
  }
}

/** The unit a count change is written in (a flat statement: the unit of the figure it follows). */
function countUnit(change: ChangeFact): string {
  if (change.kind === 'count') return change.unit;
  return change.kind === 'flat' ? (change.stated?.unit ?? '') : '';
}

/** The change as a reader would write it, to the places the statement used (at least one for a fraction). */
function shown(actual: number, change: ChangeFact): number {
  const whole = change.kind === 'flat' || (change.kind === 'count' && TO_WAN[change.unit] === undefined);
  const places = Math.max(change.decimals, whole ? 0 : 1);
  return round(actual, places);
}

/** The figure stated before the change agrees with this year's table (to the places it was written). */
function statedAgrees(change: ChangeFact, x: number): boolean {
  const stated = change.stated;
  if (!stated) return true;
  const factor = TO_WAN[stated.unit];
  if (factor === undefined) return Math.abs(stated.value - x) <= EPSILON;
  return Math.abs(stated.value * factor - x) <= half(stated.decimals) * factor;
}

function check(previous: IndexedReport, current: IndexedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const change of current.facts.changes) {
    const x = sum(current.facts, change.terms);
    const y = sum(previous.facts, change.terms);
    // A figure that contradicts this year's table is NB309's finding: the change is not judged on top of it.
    if (x === undefined || y === undefined || !statedAgrees(change, x)) continue;
    const verdict = judge(change, current.facts, previous.facts, x, y);
    if (!verdict || verdict.holds) continue;
    const label = labelOf(change.terms);
    const year = previous.facts.year ?? 0;
    const amount =
      change.kind !== 'points' && change.terms.some((t) => t === 'feeAmount' || t === 'procurement.amount');
    const unit = amount ? '万元' : '';
    const actual = shown(verdict.actual, change);
    const shares = verdict.shares;
    const message = M.yearOnYearMismatch(
      change.section,
      change.phrase,
      label,
      M.yearOnYearValue(fmt(x), unit, shares && { value: fmt(round(shares.now, 2)), base: shares.base }),
      year,
      fileOf(previous),
      M.yearOnYearValue(fmt(y), unit, shares && { value: fmt(round(shares.before, 2)), base: shares.base }),
      M.yearOnYearActual(change.kind, actual, countUnit(change)),
    );
    // The number is corrected in place when the direction is right; a wrong direction needs rewording.
    const sameDirection = change.kind !== 'flat' && Math.sign(actual) === change.direction;
    const anchor = previous.facts.agencyRange;
    out.push({
      code: 'NB314',
      severity: 'warning',
      message,
      range: change.range,
      path: change.path,
      related: anchor
        ? [
            {
              uri: previous.uri,
              range: anchor,
              path: ['机关'],
              message: M.previousYearQuantity(year, label, `${fmt(y)}${unit}`),
            },
          ]
        : [],
      ...(change.exact && sameDirection
        ? {
            fix: {
              kind: 'replaceText' as const,
              // Written to the places the statement used: 增长50% becomes 增长33%, not 增长33.3%.
              text: fmt(Math.abs(round(verdict.actual, change.decimals))),
              range: change.range,
            },
          }
        : {}),
    });
  }
  return out;
}

export const nb314YearOnYear: YearPairRule = {
  code: 'NB314',
  title: {
    zh: '跨年度：文字中的同比变化（较上年增长12%、同比下降3.5个百分点、比上年增加15件）与上年年报的表格一致',
    en: "Across years: changes stated in the narrative (较上年增长12%, 同比下降3.5个百分点, 比上年增加15件) match last year's tables",
  },
  severity: 'warning',
  check,
};
