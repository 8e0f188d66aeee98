/**
 * Outcome statements without a number: 未发生行政复议、行政诉讼 (none), 均获维持 (all upheld), 均已审结 (none pending).
 * Each names its subjects (行政复议, 行政诉讼) in the same sentence; the table must agree — a total of 0, 结果维持
 * equal to the total, 尚未审结 of 0. Silence is the default here too: only these few printed shapes are read.
 */
export type OutcomeKind = 'none' | 'allUpheld' | 'nonePending';

export interface Outcome {
  /** Offsets of the outcome words (未发生…, 均获维持) in the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: OutcomeKind;
  /** Quantity ids of the subjects: `review`, `litigation`. */
  readonly subjects: readonly string[];
}

const NONE =
  /(?:未发生|没有发生|未出现|无)(?:因政府信息公开(?:工作|申请)?(?:而)?(?:被)?(?:申请)?)?((?:行政复议|(?:提起)?行政诉讼)(?:[、和及与或，,]*(?:被?申请)?(?:行政复议|(?:提起)?行政诉讼))*)(?:的?(?:情况|案件|情形)|[。；;，,]|$)/g;
const ALL_UPHELD = /均(?:获|被|予以)?维持/g;
const NONE_PENDING = /均已(?:审结|结案)/g;

function subjectsOf(words: string): string[] {
  const out: string[] = [];
  if (words.includes('复议')) out.push('review');
  if (words.includes('诉讼')) out.push('litigation');
  return out;
}

/** The sentence before `at`: back to the previous 。；; or line break. */
function sentenceBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !'。；;\n'.includes(text[i - 1])) i--;
  return text.slice(i, at);
}

export function extractOutcomes(text: string): Outcome[] {
  const out: Outcome[] = [];
  for (const m of text.matchAll(NONE)) {
    const subjects = subjectsOf(m[1]);
    if (subjects.length > 0)
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'none', subjects });
  }
  for (const [re, kind] of [
    [ALL_UPHELD, 'allUpheld'],
    [NONE_PENDING, 'nonePending'],
  ] as const) {
    for (const m of text.matchAll(re)) {
      // 行政复议7件，诉讼9件，均获维持: the subjects are those the sentence names before it.
      const before = sentenceBefore(text, m.index);
      if (/复议机关|作出|审理|受理|本机关作为/.test(before)) continue;
      const subjects = subjectsOf(before);
      if (subjects.length > 0) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind, subjects });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
