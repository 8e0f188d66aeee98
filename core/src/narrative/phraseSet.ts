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
 * pattern, and only where the character there can start it. A phrase can only match where the combined pattern
 * matches, so this finds exactly the matches `allMatches` finds with each phrase's own pattern, in the same order,
 * without scanning the text once per phrase.
 */
interface First {
  /** Characters a match can start with. */
  readonly chars: Set<number>;
  /** The pattern (or part) can match the empty string. */
  readonly nullable: boolean;
  /** Any character at all (`.`, `[^…]`). */
  readonly any?: boolean;
}

/**
 * The characters a match of `source` can start with, read from the pattern; undefined when the pattern uses
 * something this reading does not follow (then the phrase is tried everywhere — slower, never wrong). Covers
 * what the phrase lists use: literal characters, groups and alternatives, `?`, `*`, `+`, `{m,n}`, classes of
 * characters, `\d`, and lookarounds (which consume nothing and are ignored: a superset is safe).
 */
export function firstChars(source: string): Set<number> | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Error('unsupported');
  };
  const digits = (): Set<number> => new Set(Array.from({ length: 10 }, (_, d) => 0x30 + d));
  const alternation = (): First => {
    const chars = new Set<number>();
    let nullable = false;
    for (;;) {
      const seq = sequence();
      for (const c of seq.chars) chars.add(c);
      nullable ||= seq.nullable;
      if (source[i] !== '|') return { chars, nullable };
      i++;
    }
  };
  const sequence = (): First => {
    const chars = new Set<number>();
    let nullable = true;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const term = atom();
      const optional = quantifier();
      // Any character (`.`, `[^…]`) where the match may start: no set of first characters to give.
      if (nullable && term.any) fail();
      if (nullable) for (const c of term.chars) chars.add(c);
      nullable &&= term.nullable || optional;
    }
    return { chars, nullable };
  };
  const quantifier = (): boolean => {
    const q = source[i];
    if (q === '?' || q === '*') {
      i++;
      if (source[i] === '?') i++;
      return true;
    }
    if (q === '+') {
      i++;
      if (source[i] === '?') i++;
      return false;
    }
    if (q === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i));
      if (!m) return fail();
      i += m[0].length;
      if (source[i] === '?') i++;
      return Number(m[1]) === 0;
    }
    return false;
  };
  const atom = (): First => {
    const c = source[i];
    if (c === '(') {
      i++;
      let lookaround = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) [i, lookaround] = [i + 2, true];
      else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) [i, lookaround] = [i + 3, true];
      else if (source[i] === '?') fail();
      const inner = alternation();
      if (source[i] !== ')') fail();
      i++;
      return lookaround ? { chars: new Set(), nullable: true } : inner;
    }
    if (c === '[') {
      i++;
      if (source[i] === '^') {
        // A negated class: fine after the first character, skipped to its end.
        i++;
        while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
        if (source[i] !== ']') fail();
        i++;
        return { chars: new Set(), nullable: false, any: true };
      }
      const chars = new Set<number>();
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') {
          if (source[i + 1] === 'd') for (const d of digits()) chars.add(d);
          else if (/[^A-Za-z0-9]/.test(source[i + 1] ?? '')) chars.add(source.charCodeAt(i + 1));
          else fail();
          i += 2;
        } else if (source[i + 1] === '-' && source[i + 2] !== undefined && source[i + 2] !== ']') {
          const from = source.charCodeAt(i);
          const to = source.charCodeAt(i + 2);
          if (to < from || to - from > 256) fail();
          for (let k = from; k <= to; k++) chars.add(k);
          i += 3;
        } else {
          chars.add(source.charCodeAt(i));
          i++;
        }
      }
      if (source[i] !== ']') fail();
      i++;
      return { chars, nullable: false };
    }
    if (c === '\\') {
      const e = source[i + 1];
      i += 2;
      if (e === 'd') return { chars: digits(), nullable: false };
      if (e !== undefined && /[^A-Za-z0-9]/.test(e)) return { chars: new Set([e.charCodeAt(0)]), nullable: false };
      return fail();
    }
    if (c === '.') {
      i++;
      return { chars: new Set(), nullable: false, any: true };
    }
    if (c === '^' || c === '$' || c === undefined) return fail();
    i++;
    return { chars: new Set([c.charCodeAt(0)]), nullable: false };
  };
  try {
    const all = alternation();
    if (i !== source.length || all.nullable) return undefined;
    return all.chars;
  } catch {
    return undefined;
  }
}

export class PhraseSet {
  private readonly any: RegExp;
  private readonly sticky: readonly RegExp[];
  /** The phrases (by index, ascending) that can start with a character; `anywhere`: those that can start with any. */
  private readonly byFirst = new Map<number, number[]>();
  private readonly anywhere: number[] = [];
  /** Start positions of the last text scanned (the text itself kept to know when to scan again). */
  private scanned: string | undefined;
  private starts: number[] = [];

  constructor(
    readonly phrases: readonly SubjectPhrase[],
    extra: readonly RegExp[] = [],
  ) {
    this.any = new RegExp([...phrases.map((p) => p.re.source), ...extra.map((r) => r.source)].join('|'), 'g');
    this.sticky = phrases.map((p) => new RegExp(p.re.source, 'y'));
    phrases.forEach((p, k) => {
      const first = firstChars(p.re.source);
      if (first === undefined) {
        this.anywhere.push(k);
        return;
      }
      for (const c of first) {
        const list = this.byFirst.get(c);
        if (list) list.push(k);
        else this.byFirst.set(c, [k]);
      }
    });
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

  /**
   * Every match of every phrase (those `skip` leaves out excepted), phrase by phrase, each left to right. At each
   * place a phrase can start, only the phrases that can start with the character there are tried.
   */
  matches(text: string, skip?: (phrase: SubjectPhrase) => boolean): Match[] {
    const starts = this.startsIn(text);
    if (starts.length === 0) return [];
    const found: Match[] = [];
    const of: number[] = [];
    /** Where each phrase's last match ends: its next match starts there or later, as in a global search. */
    const ends = new Map<number, number>();
    const tryAt = (k: number, q: number): void => {
      if (q < (ends.get(k) ?? 0)) return;
      const phrase = this.phrases[k];
      if (skip?.(phrase)) return;
      const re = this.sticky[k];
      re.lastIndex = q;
      const m = re.exec(text);
      if (m === null || m[0].length === 0) return;
      const end = q + m[0].length;
      ends.set(k, end);
      found.push(
        phrase.parent ? { id: phrase.id, start: q, end, parent: phrase.parent } : { id: phrase.id, start: q, end },
      );
      of.push(k);
    };
    for (const q of starts) {
      const list = this.byFirst.get(text.charCodeAt(q));
      if (list) for (const k of list) tryAt(k, q);
      for (const k of this.anywhere) tryAt(k, q);
    }
    if (found.length <= 1) return found;
    // Phrase by phrase, as the phrases are listed; each phrase's matches were found left to right.
    const order = found.map((_, i) => i).sort((a, b) => of[a] - of[b] || a - b);
    return order.map((i) => found[i]);
  }
}
