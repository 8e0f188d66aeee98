/**
 * How VS Code filters and orders completion items while the user types, re-implemented for the tests (a faithful
 * subset of `CompletionModel` and `fuzzyScore` in the VS Code sources, vs/editor/contrib/suggest and
 * vs/base/common/filters):
 *
 * - the typed word is the line text from the item's edit range start to the cursor (leading blanks skipped);
 * - it is matched against `filterText` (else the label): every typed character in order, case-insensitively,
 *   and the first one must have a strong place to match — the start of the filter text, after a separator or a
 *   blank, or an upper-case letter — or the item is dropped;
 * - the score adds VS Code's per-character scores (aligned prefix 7 / 5 by case, word start or after a separator
 *   5, else 1; +1 inside a contiguous run, +2 at a new run on a word start), its penalties (first match not at the
 *   start −3/−5, each gap −5, matching the last character −3/−5, one per skipped character before the last match)
 *   and +2 when the filter text is exactly as long as the word;
 * - items are ordered by score, then by their initial order (`sortText`, then label).
 *
 * Left out: the typo permutations of `filter.graceful` (they only add lower-ranked matches) and VS Code's
 * left-preferring walk through its score table (here the best alignment is taken, which can only differ on ties).
 */
import type { CompletionItem, Range } from 'vscode-languageserver-protocol';

const SEPARATORS = new Set(['_', '-', '.', ' ', '/', '\\', "'", '"', ':', '$', '<', '>', '(', ')', '[', ']', '{', '}']);

function isSeparator(word: string, i: number): boolean {
  return i >= 0 && i < word.length && SEPARATORS.has(word[i]);
}

function isBlank(word: string, i: number): boolean {
  return i >= 0 && i < word.length && (word[i] === ' ' || word[i] === '\t');
}

function isUpper(word: string, low: string, i: number): boolean {
  return word[i] !== low[i];
}

/** Score of matching pattern[i] at word[j]; `run`: pattern[i-1] matched word[j-1]. */
function charScore(
  pattern: string,
  i: number,
  word: string,
  low: string,
  j: number,
  run: boolean,
): { score: number; strong: boolean } {
  let score = 1;
  let gap = false;
  if (j === i) {
    score = pattern[i] === word[j] ? 7 : 5;
  } else if (isUpper(word, low, j) && (j === 0 || !isUpper(word, low, j - 1))) {
    score = pattern[i] === word[j] ? 7 : 5;
    gap = true;
  } else if (isSeparator(low, j) && (j === 0 || !isSeparator(low, j - 1))) {
    score = 5;
  } else if (isSeparator(low, j - 1) || isBlank(low, j - 1)) {
    score = 5;
    gap = true;
  }
  const strong = score > 1 && i === 0;
  if (!gap) gap = isUpper(word, low, j) || isSeparator(low, j - 1) || isBlank(low, j - 1);
  if (i === 0) {
    if (j > 0) score -= gap ? 3 : 5;
  } else {
    score += run ? (gap ? 0 : 1) : gap ? 2 : 0;
  }
  if (j + 1 === word.length) score -= gap ? 3 : 5;
  return { score, strong };
}

/** VS Code's score of `pattern` against `word`, or undefined when VS Code would not show the item. */
export function fuzzyScore(pattern: string, word: string): number | undefined {
  const n = pattern.length;
  const m = word.length;
  if (n === 0) return -100;
  if (n > m) return undefined;
  const pLow = pattern.toLowerCase();
  const wLow = word.toLowerCase();
  // best[i][j]: best score with pattern[0..i] matched and pattern[i] at word[j].
  const NONE = Number.NEGATIVE_INFINITY;
  // The latest position of pattern[0] from which the rest still fits (matching backwards from the end).
  let maxFirst = -1;
  for (let i = n - 1, j = m - 1; i >= 0 && j >= 0; j--) {
    if (pLow[i] === wLow[j]) {
      if (i === 0) maxFirst = j;
      i--;
    }
  }
  if (maxFirst < 0) return undefined;
  let prev: number[] = new Array(m).fill(NONE);
  let strong = false;
  for (let j = 0; j <= maxFirst; j++) {
    if (pLow[0] !== wLow[j]) continue;
    const c = charScore(pattern, 0, word, wLow, j, false);
    prev[j] = c.score;
    strong ||= c.strong;
  }
  // VS Code drops the item unless the first typed character can match strongly somewhere.
  if (!strong) return undefined;
  for (let i = 1; i < n; i++) {
    const cur: number[] = new Array(m).fill(NONE);
    let bestBefore = NONE; // best prev[k] for k < j - 1 (a gap before j)
    for (let j = 1; j < m; j++) {
      if (j >= 2) bestBefore = Math.max(bestBefore, prev[j - 2]);
      if (pLow[i] !== wLow[j]) continue;
      const contiguous = prev[j - 1] === NONE ? NONE : prev[j - 1] + charScore(pattern, i, word, wLow, j, true).score;
      const gapped = bestBefore === NONE ? NONE : bestBefore - 5 + charScore(pattern, i, word, wLow, j, false).score;
      cur[j] = Math.max(contiguous, gapped);
    }
    prev = cur;
  }
  let best: number | undefined;
  for (let j = 0; j < m; j++) {
    if (prev[j] === NONE) continue;
    const trailingGap = j + 1 < m ? -5 : 0;
    const skipped = j + 1 - n;
    const total = prev[j] + trailingGap - skipped + (m === n ? 2 : 0);
    if (best === undefined || total > best) best = total;
  }
  return best;
}

function labelOf(item: CompletionItem): string {
  return item.label;
}

function editRange(item: CompletionItem): Range | undefined {
  const edit = item.textEdit;
  if (!edit) return undefined;
  return 'range' in edit ? edit.range : edit.insert;
}

/**
 * The items VS Code shows, in its order, when the cursor is at `character` of `lineText` (the line as typed)
 * and the list was requested at that position.
 */
export function vscodeFilter(items: readonly CompletionItem[], lineText: string, character: number): CompletionItem[] {
  const initial = [...items].sort((a, b) => {
    const sa = a.sortText ?? labelOf(a);
    const sb = b.sortText ?? labelOf(b);
    return sa < sb ? -1 : sa > sb ? 1 : labelOf(a) < labelOf(b) ? -1 : labelOf(a) > labelOf(b) ? 1 : 0;
  });
  const scored: { item: CompletionItem; score: number; idx: number }[] = [];
  initial.forEach((item, idx) => {
    const start = editRange(item)?.start.character ?? character;
    let word = lineText.slice(start, character);
    word = word.replace(/^[ \t]+/, '');
    if (word === '') {
      scored.push({ item, score: -100, idx });
      return;
    }
    const score = fuzzyScore(word, item.filterText ?? labelOf(item));
    if (score !== undefined) scored.push({ item, score, idx });
  });
  return scored.sort((a, b) => b.score - a.score || a.idx - b.idx).map((s) => s.item);
}
