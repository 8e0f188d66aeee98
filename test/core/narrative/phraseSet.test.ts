/**
 * `PhraseSet` finds exactly what a separate global search with each phrase's own pattern finds (same matches,
 * same order), on the corpora's sentences and on random text made of the phrases' own words and characters.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  APPEAL_MEASURES,
  APPEAL_SUBJECTS,
  APPLICATION_PHRASES,
  DECISION_SUBJECTS,
  DOC_MEASURES,
  DOC_SUBJECTS,
  RECEIVED_VERB,
} from '../../../core/src/narrative/phrases';
import type { SubjectPhrase } from '../../../core/src/narrative/phrases';
import { PhraseSet, firstChars } from '../../../core/src/narrative/phraseSet';
import type { Match } from '../../../core/src/narrative/phraseSet';
import { readCorpus } from '../../support/narrativeCorpus';

const LISTS: readonly (readonly SubjectPhrase[])[] = [
  APPLICATION_PHRASES,
  APPEAL_SUBJECTS,
  APPEAL_MEASURES,
  DOC_SUBJECTS,
  DOC_MEASURES,
  DECISION_SUBJECTS,
];

/** The reference: each phrase's own global pattern over the whole text, phrase after phrase. */
function oneByOne(text: string, phrases: readonly SubjectPhrase[], skip?: (p: SubjectPhrase) => boolean): Match[] {
  const out: Match[] = [];
  for (const p of phrases) {
    if (skip?.(p)) continue;
    const re = new RegExp(p.re.source, 'g');
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push(
        p.parent
          ? { id: p.id, start: m.index, end: m.index + m[0].length, parent: p.parent }
          : { id: p.id, start: m.index, end: m.index + m[0].length },
      );
    }
  }
  return out;
}

const sets = LISTS.map((list, i) => new PhraseSet(list, i === 0 ? [RECEIVED_VERB] : []));

function agree(text: string): void {
  LISTS.forEach((list, i) => {
    assert.deepEqual(sets[i].matches(text), oneByOne(text, list), `list ${i} on ${JSON.stringify(text)}`);
    // The same set again on another text, then back: the cached scan must follow the text.
    assert.deepEqual(sets[i].matches(`${text}。`), oneByOne(`${text}。`, list));
  });
  const combined = (p: SubjectPhrase): boolean => (p as { combined?: boolean }).combined === true;
  assert.deepEqual(sets[0].matches(text, combined), oneByOne(text, APPLICATION_PHRASES, combined));
  assert.equal(
    sets[0].startsIn(text).length > 0,
    new RegExp([...APPLICATION_PHRASES.map((p) => p.re.source), RECEIVED_VERB.source].join('|')).test(text),
  );
}

test('on every sentence of the corpora, the matches of every phrase list are those of one search per phrase', () => {
  const lines = [...readCorpus('statements.txt'), ...readCorpus('silent.txt')];
  assert.ok(lines.length > 200);
  for (const line of lines) agree(line.text);
});

test('on random text made of the phrases’ words, the matches are those of one search per phrase', () => {
  // Words of the phrases themselves, pieces of them and the characters around them: overlaps, near misses and
  // phrases cut in the middle are what could tell the two searches apart.
  const words = new Set<string>();
  for (const list of LISTS) {
    for (const p of list) {
      for (const alt of p.re.source.replace(/\(\?[:!=<]+|[()?*+\\[\]{}^$]|\\d/g, '|').split('|')) {
        if (!alt) continue;
        words.add(alt);
        words.add(alt.slice(0, 1));
        words.add(alt.slice(1));
      }
    }
  }
  const piece = fc.constantFrom(
    ...words,
    '、',
    '，',
    '和',
    '及',
    '2024',
    '年度',
    '件',
    '1',
    ' ',
    '不',
    '予',
    '公开',
    '部分',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => agree(pieces.join(''))),
    { numRuns: 3000, seed: 20261127 },
  );
});

test('firstChars reads the characters a pattern can start with, or gives up (undefined) on what it does not follow', () => {
  const chars = (source: string): string | undefined => {
    const set = firstChars(source);
    return set
      ? [...set]
          .map((c) => String.fromCharCode(c))
          .sort()
          .join('')
      : undefined;
  };
  assert.equal(chars('办结|办理完毕'), '办');
  assert.equal(chars('(?:予以|同意)?公开'), '予公同');
  assert.equal(chars('(?:逾期)?未(?:按收费通知)?缴纳'), '未逾');
  assert.equal(chars('上一?年度?结转'), '上');
  assert.equal(chars('(?<!正在)审理(?!中)'), '审');
  assert.equal(chars('\\d{4}年|[一二]月'), '0123456789一二');
  assert.equal(chars('a{0,2}b'), 'ab');
  assert.equal(chars('x*'), undefined, 'can match nothing');
  assert.equal(chars('.件'), undefined);
  assert.equal(chars('[^a]b'), undefined);
  assert.equal(chars('.件'), undefined);
  assert.equal(chars('办理[^，。\\d]{0,4}申请'), '办', 'any character after the first');
  assert.equal(chars('办?[^a]'), undefined);
  assert.equal(chars('\\w'), undefined);
  // Every phrase of the lists is followed, so each is only tried where it can start.
  for (const list of LISTS) for (const p of list) assert.ok(firstChars(p.re.source), p.re.source);
});
