/**
 * Phrases searched together (the wording lists of `phrases.ts`): every match of every phrase, as a separate
 * global search with each phrase's own pattern would find them, for the price of about one search.
 */
import type { SubjectPhrase } from './phrases';

/** Where a phrase matched, with the quantity it names. */
export interface Match {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly parent?: string;
}

/**
 * A list of phrases searched together. One scan of a pattern made of all of them (and of `extra`) finds every
 * place where any of them can start; each phrase is then tried only at those places, with a sticky copy of its
 * pattern. A phrase can only match where the combined pattern matches, so this finds exactly the matches
 * `allMatches` finds with each phrase's own pattern, in the same order, without scanning the text once per phrase.
 */
export class PhraseSet {
  private readonly any: RegExp;
  private readonly sticky: readonly RegExp[];
  /** Start positions of the last text scanned (the text itself kept to know when to scan again). */
  private scanned: string | undefined;
  private starts: number[] = [];

  constructor(
    readonly phrases: readonly SubjectPhrase[],
    extra: readonly RegExp[] = [],
  ) {
    this.any = new RegExp([...phrases.map((p) => p.re.source), ...extra.map((r) => r.source)].join('|'), 'g');
    this.sticky = phrases.map((p) => new RegExp(p.re.source, 'y'));
  }

  /** Where a phrase of the set (or an extra pattern) starts in `text`, in order. */
  startsIn(text: string): readonly number[] {
    if (this.scanned === text) return this.starts;
    const starts: number[] = [];
    const any = this.any;
    any.lastIndex = 0;
    for (let m = any.exec(text); m !== null; m = any.exec(text)) {
      starts.push(m.index);
      any.lastIndex = m.index + 1;
    }
    this.scanned = text;
    this.starts = starts;
    return starts;
  }

  /** Every match of every phrase (those `skip` leaves out excepted), phrase by phrase, each left to right. */
  matches(text: string, skip?: (phrase: SubjectPhrase) => boolean): Match[] {
    const out: Match[] = [];
    const starts = this.startsIn(text);
    if (starts.length === 0) return out;
    for (let k = 0; k < this.phrases.length; k++) {
      const phrase = this.phrases[k];
      if (skip?.(phrase)) continue;
      const re = this.sticky[k];
      let lastEnd = 0;
      for (const q of starts) {
        if (q < lastEnd) continue;
        re.lastIndex = q;
        const m = re.exec(text);
        if (m === null || m[0].length === 0) continue;
        lastEnd = q + m[0].length;
        out.push(phrase.parent ? { id: phrase.id, start: q, end: lastEnd, parent: phrase.parent } : { id: phrase.id, start: q, end: lastEnd });
      }
    }
    return out;
  }
}
