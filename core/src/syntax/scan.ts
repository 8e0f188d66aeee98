/**
 * `scan(text)`: every check on the raw characters of a text, in one pass, before any parsing — whether it is text
 * at all, a bound on its number of nodes, and whether the line reader (`parseCommon`) may read it.
 */

import { MAX_ITEMS } from './limits';

/** What one pass over the characters tells before any parsing (see `scan`). */
export interface Scan {
  /** Not a UTF-8 report at all. */
  readonly notText: 'binary' | 'utf16' | 'encoding' | undefined;
  /** A bound on how many characters can start or separate a node, so on the number of nodes (see `MAX_ITEMS`). */
  readonly items: number;
  /** A character the line reader leaves to js-yaml (see `parseCommon`). */
  readonly unsupported: boolean;
  /** A tab: the line reader then looks at where each one is (an indentation it reports, or text it leaves alone). */
  readonly tabs: boolean;
}

/** How much of a long text is looked at to tell whether it is text at all. */
const SAMPLE = 65536;

/**
 * Every check on the raw characters in one pass (a typical report spent as long in three separate passes as in
 * reading its lines):
 *
 * - `notText`: `binary` for NUL or many C0 control characters; `utf16` for a UTF-16 file read as UTF-8 (NUL
 *   beside every ASCII character); `encoding` for text in another encoding (GBK, GB18030) read as UTF-8, which
 *   leaves many U+FFFD replacement characters and no controls. Only the first SAMPLE characters count.
 * - `items`: the count of , : - [ { ? and line feeds — or, for a text shorter than `MAX_ITEMS` without any of
 *   the characters the other checks look at, its length, a bound that cannot exceed the limit either.
 * - `unsupported`: CR, C0 and C1 controls but the line feed and the tab, U+FFFE, U+FFFF, lone surrogates, BOMs,
 *   line and paragraph separators (the test `parseCommon` makes when called alone).
 * - `tabs`: whether there is a tab at all.
 */
/**
 * The characters any of the checks below looks at, but the structure characters and the line feed: in a text
 * without them (almost every report) the answers are known without the loop, with one search run by the regular
 * expression engine instead of a step of JavaScript per character. Surrogates count here whether paired or not.
 */
const NOTEWORTHY = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffd-\uffff]/;

export function scan(text: string): Scan {
  const length = text.length;
  // Fewer characters than MAX_ITEMS cannot make more items than that: the length bounds the count well enough.
  if (length < MAX_ITEMS && !NOTEWORTHY.test(text))
    return { notText: undefined, items: length, unsupported: false, tabs: false };
  const sample = Math.min(length, SAMPLE);
  let control = 0;
  let nul = 0;
  let nulAfterAscii = 0;
  let replacement = 0;
  let items = 0;
  let unsupported = false;
  let tabs = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f) {
      if (c >= 0x20) {
        // , : - [ { ?
        if (c === 0x2c || c === 0x3a || c === 0x2d || c === 0x5b || c === 0x7b || c === 0x3f) items++;
      } else if (c === 0x0a) {
        items++;
      } else if (c === 0x09) {
        tabs = true;
      } else {
        unsupported = true;
        if (i >= sample) continue;
        if (c === 0) {
          nul++;
          // UTF-16 spells an ASCII character as that byte and a NUL (or the other way round).
          const before = i > 0 ? text.charCodeAt(i - 1) : 0;
          const after = i + 1 < sample ? text.charCodeAt(i + 1) : 0;
          if ((before >= 0x20 && before < 0x7f) || before === 0x0a || (after >= 0x20 && after < 0x7f) || after === 0x0a)
            nulAfterAscii++;
        } else if (c !== 0x0d) {
          control++;
        }
      }
    } else if (c <= 0x9f) {
      unsupported = true;
    } else if (c >= 0xd800) {
      if (c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        // A pair: its low half counts for nothing else either.
        if (next >= 0xdc00 && next <= 0xdfff) i++;
        else unsupported = true;
      } else if (c <= 0xdfff || c === 0xfeff || c === 0xfffe || c === 0xffff) {
        unsupported = true;
      } else if (c === 0xfffd && i < sample) {
        replacement++;
      }
    } else if (c === 0x2028 || c === 0x2029) {
      unsupported = true;
    }
  }
  let notText: Scan['notText'];
  if (nul > 0) notText = nul >= 8 && nulAfterAscii * 10 >= nul * 9 ? 'utf16' : 'binary';
  else if (control > 8 && control * 20 > sample) notText = 'binary';
  else if (replacement > 8 && replacement * 20 > sample) notText = control > 8 ? 'binary' : 'encoding';
  return { notText, items, unsupported, tabs };
}
