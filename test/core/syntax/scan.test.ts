/**
 * `parse` looks at every character once (`scan`) for three checks that used to make a pass each: whether the text
 * is text at all (binary, UTF-16 read as UTF-8, another encoding), how many nodes it may have, and whether the line
 * reader must leave it to js-yaml (tabs apart: it looks at those itself). The references below are those three passes as they were; on texts made of the
 * characters each check cares about (controls, NUL beside ASCII, U+FFFD, surrogates alone and in pairs, BOMs,
 * separators, structure characters) the one pass gives the same three answers, also past the 64 K sample (the
 * count of structure characters bounded by the length when that cannot reach the limit).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { MAX_ITEMS } from '../../../core/src/syntax/limits';
import { scan } from '../../../core/src/syntax/parse';
import { EXAMPLES } from '../../support/paths';

function notText(text: string): 'binary' | 'utf16' | 'encoding' | undefined {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  let nul = 0;
  let nulAfterAscii = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) {
      nul++;
      const before = i > 0 ? sample.charCodeAt(i - 1) : 0;
      const after = i + 1 < sample.length ? sample.charCodeAt(i + 1) : 0;
      if ((before >= 0x20 && before < 0x7f) || before === 0x0a || (after >= 0x20 && after < 0x7f) || after === 0x0a)
        nulAfterAscii++;
    } else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) control++;
    else if (c === 0xfffd) replacement++;
  }
  if (nul > 0) return nul >= 8 && nulAfterAscii * 10 >= nul * 9 ? 'utf16' : 'binary';
  if (control > 8 && control * 20 > sample.length) return 'binary';
  if (replacement > 8 && replacement * 20 > sample.length) return control > 8 ? 'binary' : 'encoding';
  return undefined;
}

function structureCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x3a || c === 0x2d || c === 0x5b || c === 0x7b || c === 0x3f || c === 0x0a) n++;
  }
  return n;
}

function unsupported(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x0a && c !== 0x09) return true;
    } else if (c >= 0x7f && c <= 0x9f) {
      return true;
    } else if (c >= 0xd800) {
      if (c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
        i++;
      } else if (c <= 0xdfff || c === 0xfeff || c === 0xfffe || c === 0xffff) {
        return true;
      }
    } else if (c === 0x2028 || c === 0x2029) {
      return true;
    }
  }
  return false;
}

function agrees(text: string): void {
  const scanned = scan(text);
  assert.deepEqual(
    { ...scanned, items: 0 },
    { notText: notText(text), items: 0, unsupported: unsupported(text), tabs: text.includes('\t') },
    JSON.stringify(text.slice(0, 200)),
  );
  // The count, or — for a text that cannot reach the limit and has nothing else to look at — its length.
  const count = structureCount(text);
  assert.ok(
    scanned.items === count || (scanned.items === text.length && text.length < MAX_ITEMS && count <= text.length),
    JSON.stringify(text.slice(0, 200)),
  );
  if (text.length >= MAX_ITEMS) assert.equal(scanned.items, count);
}

/** The characters the checks tell apart, and ordinary ones around them. */
const CHARS = [
  '\u0000',
  '\t',
  '\r',
  '\n',
  '\u0001',
  '\u001f',
  ' ',
  'a',
  '~',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00a0',
  ',',
  ':',
  '-',
  '[',
  '{',
  '?',
  ']',
  '#',
  '年',
  '\u2028',
  '\u2029',
  '\ud83d',
  '\ude00',
  '\ud83d\ude00',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\ue000',
];
const chars = fc.constantFrom(...CHARS);
const TYPICAL = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');

test('scan: the same answers as the three separate passes, on texts of the characters they tell apart', () => {
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 200 }), (cs) => agrees(cs.join(''))),
    { numRuns: 2000, seed: 8 },
  );
});

test('scan: the same answers on a report with such characters inserted, and past the 64 K sample', () => {
  agrees(TYPICAL);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(), chars), { maxLength: 30 }),
      fc.constantFrom(0, 65536 - TYPICAL.length, 70000),
      (inserts, pad) => {
        let text = ' '.repeat(Math.max(0, pad)) + TYPICAL;
        for (const [at, c] of inserts) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + c + text.slice(i);
        }
        agrees(text);
      },
    ),
    { numRuns: 300, seed: 8 },
  );
  // Replacement and control characters only after the sample: not counted.
  agrees(`${'a'.repeat(65536)}${'\ufffd'.repeat(5000)}`);
  agrees(`${'a'.repeat(65536)}${'\u0001'.repeat(5000)}${'\u0000'.repeat(9)}`);
  // A NUL on the sample's last character, and a pair split by its end.
  agrees(`${'a'.repeat(65535)}\u0000a`);
  agrees(`${'a'.repeat(65535)}\ud83d\ude00${'\u0000a'.repeat(5)}`);
});
