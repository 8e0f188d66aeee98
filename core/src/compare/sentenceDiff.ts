/**
 * Two narratives compared sentence by sentence, as an evaluator reads them: which sentences stayed, which went,
 * which came, and — for a sentence rewritten in place (a figure updated, a word changed) — what changed inside
 * it. A 五 whose sentences all stay is the text copied from last year that evaluators look for (E2).
 */

/** A run of characters inside a changed sentence. */
export interface DiffPiece {
  readonly op: 'same' | 'removed' | 'added';
  readonly text: string;
}

export interface SentenceChange {
  readonly op: 'same' | 'removed' | 'added' | 'changed';
  /** The sentence in the earlier text (absent for `added`). */
  readonly from?: string;
  /** The sentence in the later text (absent for `removed`). */
  readonly to?: string;
  /** For `changed`: the sentence's characters, kept, removed and added, in order. */
  readonly pieces?: readonly DiffPiece[];
}

export interface TextDiff {
  readonly changes: readonly SentenceChange[];
  /** Share of sentences kept unchanged: 2 × kept / (sentences before + sentences after); 1 for two empty texts. */
  readonly similarity: number;
}

/** Where a sentence ends: after 。！？；!?; (and any closing quote or bracket) or at a line break. */
const END = /[。！？；!?;]/;
const CLOSERS = /[”’」』）)】]/;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const flush = (end: number): void => {
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      flush(i);
      start = i + 1;
    } else if (END.test(c)) {
      while (i + 1 < text.length && CLOSERS.test(text[i + 1])) i++;
      flush(i + 1);
    }
  }
  flush(text.length);
  return out;
}

/** Cells of a longest-common-subsequence table past which the diff stops looking for the best alignment. */
const MAX_CELLS = 4_000_000;

type Op = { readonly op: 'same' | 'removed' | 'added'; readonly a?: number; readonly b?: number };

/** The edit script of two sequences (longest common subsequence), common prefix and suffix taken first. */
function editScript<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && equal(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equal(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const middle: Op[] = [];
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_CELLS) {
    // lengths[i][j]: LCS of a[start+i..endA) and b[start+j..endB).
    const w = m + 1;
    const lengths = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * w + j] = equal(a[start + i], b[start + j])
          ? lengths[(i + 1) * w + j + 1] + 1
          : Math.max(lengths[(i + 1) * w + j], lengths[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (equal(a[start + i], b[start + j])) {
        middle.push({ op: 'same', a: start + i++, b: start + j++ });
      } else if (lengths[(i + 1) * w + j] >= lengths[i * w + j + 1]) {
        middle.push({ op: 'removed', a: start + i++ });
      } else {
        middle.push({ op: 'added', b: start + j++ });
      }
    }
    while (i < n) middle.push({ op: 'removed', a: start + i++ });
    while (j < m) middle.push({ op: 'added', b: start + j++ });
  } else {
    for (let i = 0; i < n; i++) middle.push({ op: 'removed', a: start + i });
    for (let j = 0; j < m; j++) middle.push({ op: 'added', b: start + j });
  }
  const out: Op[] = [];
  for (let i = 0; i < start; i++) out.push({ op: 'same', a: i, b: i });
  out.push(...middle);
  for (let k = 0; k < a.length - endA; k++) out.push({ op: 'same', a: endA + k, b: endB + k });
  return out;
}

/** A sentence's character pairs, counted. */
function bigrams(x: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const p = x.slice(i, i + 2);
    pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  return pairs;
}

/** Dice coefficient of two sentences' character pairs (`pairs`: the first one's): 1 for equal, 0 for none in common. */
function likeness(x: string, pairs: ReadonlyMap<string, number>, y: string): number {
  if (x.length < 2 || y.length < 2) return x === y ? 1 : 0;
  const left = new Map(pairs);
  let common = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const p = y.slice(i, i + 2);
    const n = left.get(p) ?? 0;
    if (n > 0) {
      common++;
      left.set(p, n - 1);
    }
  }
  return (2 * common) / (x.length - 1 + y.length - 1);
}

/** Sentences alike enough to be one sentence rewritten (a figure updated) rather than one removed and one added. */
const REWRITTEN = 0.5;
/** Longest sentences whose characters are compared one by one. */
const MAX_CHARS = 600;
const TOKEN = /\d+(?:[.,]\d+)*|[\s\S]/gu;

function pieces(from: string, to: string): DiffPiece[] {
  if (from.length > MAX_CHARS || to.length > MAX_CHARS)
    return [
      { op: 'removed', text: from },
      { op: 'added', text: to },
    ];
  // A number is one token: 19 → 25 reads as a changed figure, not as digits kept and digits changed.
  const a = from.match(TOKEN) ?? [];
  const b = to.match(TOKEN) ?? [];
  const out: { op: DiffPiece['op']; text: string }[] = [];
  for (const step of editScript(a, b, (x, y) => x === y)) {
    const text = step.op === 'added' ? b[step.b as number] : a[step.a as number];
    const last = out[out.length - 1];
    if (last && last.op === step.op) last.text += text;
    else out.push({ op: step.op, text });
  }
  return out;
}

export function diffSentences(before: string, after: string): TextDiff {
  const a = splitSentences(before);
  const b = splitSentences(after);
  const script = editScript(a, b, (x, y) => x === y);
  const changes: SentenceChange[] = [];
  let kept = 0;
  for (let k = 0; k < script.length;) {
    if (script[k].op === 'same') {
      changes.push({ op: 'same', from: a[script[k].a as number], to: b[script[k].b as number] });
      kept++;
      k++;
      continue;
    }
    // A run of removals and additions: pair each added sentence with the first like removed one after the last pair.
    const removed: number[] = [];
    const added: number[] = [];
    for (; k < script.length && script[k].op !== 'same'; k++) {
      if (script[k].op === 'removed') removed.push(script[k].a as number);
      else added.push(script[k].b as number);
    }
    let next = 0;
    const removedPairs = removed.map((r) => bigrams(a[r]));
    for (const j of added) {
      let match = -1;
      for (let r = next; r < removed.length; r++) {
        if (likeness(a[removed[r]], removedPairs[r], b[j]) >= REWRITTEN) {
          match = r;
          break;
        }
      }
      if (match < 0) {
        changes.push({ op: 'added', to: b[j] });
        continue;
      }
      for (; next < match; next++) changes.push({ op: 'removed', from: a[removed[next]] });
      const from = a[removed[match]];
      changes.push({ op: 'changed', from, to: b[j], pieces: pieces(from, b[j]) });
      next = match + 1;
    }
    for (; next < removed.length; next++) changes.push({ op: 'removed', from: a[removed[next]] });
  }
  const total = a.length + b.length;
  return { changes, similarity: total === 0 ? 1 : (2 * kept) / total };
}
