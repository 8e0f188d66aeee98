/**
 * Matching a label as someone typed or printed it (`1、属于国家秘密`, `危及"三安全一稳定"`, `其他法律行政止公开`)
 * to the official one: normalise the noise away, then take the nearest by edit distance within a threshold.
 */

const ORDINAL = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+\s*[.．、]|[①-⑳])\s*/;
const QUOTES = /[“”"'‘’「」『』]/g;
const SPACES = /[\s\u3000\u00a0]+/g;

/** Strip ordinals, whitespace, quote style and width differences. */
export function normaliseLabel(label: string): string {
  let s = label.normalize('NFKC');
  for (let i = 0; i < 3 && ORDINAL.test(s); i++) s = s.replace(ORDINAL, '');
  return s.replace(SPACES, '').replace(QUOTES, '"').replace(/[（]/g, '(').replace(/[）]/g, ')');
}

/** Levenshtein distance over UTF-16 units (all labels are in the BMP), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

export interface LabelMatch<T> {
  readonly item: T;
  readonly distance: number;
  /** True when the match needed more than normalisation (a typo or a missing character). */
  readonly fuzzy: boolean;
}

/**
 * The candidate whose label is nearest to `text`, or undefined when none is within the threshold
 * (a third of the label's length, at least 1), or when two candidates tie at the best distance.
 */
export function nearestLabel<T>(
  text: string,
  candidates: readonly T[],
  labelsOf: (item: T) => readonly string[],
): LabelMatch<T> | undefined {
  const wanted = normaliseLabel(text);
  if (!wanted) return undefined;
  let best: LabelMatch<T> | undefined;
  let tie = false;
  for (const item of candidates) {
    for (const label of labelsOf(item)) {
      const norm = normaliseLabel(label);
      const limit = Math.max(1, Math.floor(Math.max(norm.length, wanted.length) / 3));
      const d = editDistance(wanted, norm, limit);
      if (d > limit) continue;
      if (!best || d < best.distance) {
        best = { item, distance: d, fuzzy: d > 0 };
        tie = false;
      } else if (d === best.distance && best.item !== item) {
        tie = true;
      }
    }
  }
  return best && !tie ? best : undefined;
}
