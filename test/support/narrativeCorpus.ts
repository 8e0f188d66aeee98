/** Reading the narrative corpora of test/fixtures/narrative/ and placing a sentence into a reference report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, FIXTURES } from './paths';

export interface Mark {
  readonly start: number;
  readonly end: number;
  /** The number as written in the corpus. */
  readonly raw: string;
  /** Each claim: the quantity ids whose sum the number states. */
  readonly claims: readonly (readonly string[])[];
}

export interface CorpusLine {
  readonly line: number;
  readonly edition: 2019 | 2021;
  readonly text: string;
  readonly marks: readonly Mark[];
}

const MARK = /\[\[([^|\]]+)\|([^\]]+)\]\]/g;

export function readCorpus(name: string): CorpusLine[] {
  const out: CorpusLine[] = [];
  readFileSync(join(FIXTURES, 'narrative', name), 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim() || raw.startsWith('#')) return;
      const edition = raw.startsWith('@2019 ') ? 2019 : 2021;
      const line = edition === 2019 ? raw.slice(6) : raw;
      const marks: Mark[] = [];
      let text = '';
      let at = 0;
      for (const m of line.matchAll(MARK)) {
        text += line.slice(at, m.index);
        marks.push({
          start: text.length,
          end: text.length + m[1].length,
          raw: m[1],
          claims: m[2].split(';').map((c) => c.split('+')),
        });
        text += m[1];
        at = (m.index ?? 0) + m[0].length;
      }
      text += line.slice(at);
      out.push({ line: i + 1, edition, text, marks });
    });
  return out;
}

/** The reference reports: the 2021 example (year 2024) and the 2019-edition fixture (year 2020). */
export const REFERENCE_FILES = {
  2021: join(EXAMPLES, 'shifan-2024.nianbao.yaml'),
  2019: join(FIXTURES, 'narrative', 'reference-2020.nianbao.yaml'),
} as const;

export const REFERENCE_YEAR = { 2021: 2024, 2019: 2020 } as const;

/**
 * The reference tables' quantities, written out by hand from the two files (an oracle independent of
 * core/src/narrative/quantities.ts).
 */
export const REFERENCE_VALUES: Readonly<Record<2019 | 2021, Readonly<Record<string, number>>>> = {
  2021: {
    received: 101,
    carriedOver: 5,
    handled: 102,
    granted: 46,
    partial: 9,
    grantedOrPartial: 55,
    refused: 14,
    unable: 24,
    notProcessed: 8,
    otherHandling: 1,
    carriedForward: 4,
    stateSecret: 0,
    prohibitedByLaw: 1,
    threeSecurity: 0,
    thirdParty: 4,
    internalAffairs: 2,
    processInfo: 4,
    enforcementFiles: 1,
    queryMatters: 2,
    notHeld: 20,
    needsCreation: 3,
    unclear: 1,
    petition: 4,
    repeated: 3,
    publications: 0,
    excessive: 0,
    confirmation: 1,
    overdueCorrection: 1,
    unpaidFees: 0,
    review: 4,
    'review.upheld': 2,
    'review.corrected': 1,
    'review.otherResult': 0,
    'review.pending': 1,
    litigation: 3,
    'litigation.upheld': 1,
    'litigation.corrected': 0,
    'litigation.otherResult': 0,
    'litigation.pending': 2,
    litigationDirect: 2,
    'litigationDirect.pending': 1,
    litigationAfterReview: 1,
    'normative.issued': 6,
    'normative.repealed': 2,
    'normative.inForce': 41,
    'rules.issued': 0,
    'rules.repealed': 0,
    'rules.inForce': 0,
    'rulesAndNormative.issued': 6,
    'rulesAndNormative.repealed': 2,
    'rulesAndNormative.inForce': 41,
    'licensing.decisions': 1523,
    'penalty.decisions': 2368,
    'enforcement.decisions': 57,
    feeAmount: 1256.38,
  },
  2019: {
    received: 37,
    carriedOver: 2,
    handled: 37,
    granted: 15,
    partial: 4,
    grantedOrPartial: 19,
    refused: 7,
    unable: 7,
    notProcessed: 3,
    otherHandling: 1,
    carriedForward: 2,
    review: 2,
    'review.upheld': 1,
    'review.pending': 1,
    litigation: 1,
    litigationDirect: 1,
    litigationAfterReview: 0,
    'normative.issued': 5,
    'normative.newlyPublished': 5,
    'normative.totalPublished': 37,
    'rules.issued': 0,
    'licensing.decisions': 860,
    'penalty.decisions': 1320,
    'enforcement.decisions': 45,
    'procurement.items': 11,
    'procurement.amount': 3020.782,
  },
};

/** Readings of a quantity other than its cell that a statement may give without being wrong. */
export const REFERENCE_ALTERNATIVES: Readonly<Record<2019 | 2021, Readonly<Record<string, readonly number[]>>>> = {
  // 收到 counted together with the requests carried over from last year.
  2021: { received: [106] },
  2019: { received: [39] },
};

/** A reference report with `sentence` as its 一、总体情况; returns the text and where the sentence starts. */
export function withOverview(reference: string, sentence: string): { text: string; offset: number } {
  const header = '总体情况: |\n';
  const at = reference.indexOf(header);
  if (at < 0) throw new Error('reference has no 总体情况 block');
  const bodyStart = at + header.length;
  let end = bodyStart;
  while (end < reference.length) {
    const nl = reference.indexOf('\n', end);
    const lineEnd = nl < 0 ? reference.length : nl + 1;
    const line = reference.slice(end, lineEnd);
    if (line.trim() !== '' && !line.startsWith('  ')) break;
    end = lineEnd;
  }
  const text = `${reference.slice(0, bodyStart)}  ${sentence}\n${reference.slice(end)}`;
  return { text, offset: bodyStart + 2 };
}
