/**
 * Byte-level damage for the fuzzers that read files: what a text becomes on disk (UTF-8 with or without a BOM,
 * UTF-16 with its BOM), then bytes flipped, invalid UTF-8 sequences inserted, the file cut in the middle of a
 * character.
 */
import fc from 'fast-check';

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

export type ByteDamage =
  | { readonly kind: 'flip'; readonly fraction: number; readonly value: number }
  | { readonly kind: 'insert'; readonly fraction: number; readonly bytes: readonly number[] }
  | { readonly kind: 'cut'; readonly fraction: number };

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}

export function damage(bytes: Buffer, damages: readonly ByteDamage[]): Buffer {
  let out = bytes;
  for (const d of damages) {
    const at = Math.floor(d.fraction * (out.length + 1));
    if (d.kind === 'flip' && out.length > 0) {
      out = Buffer.from(out);
      out[Math.min(at, out.length - 1)] = d.value;
    } else if (d.kind === 'insert') {
      out = Buffer.concat([out.subarray(0, at), Buffer.from(d.bytes), out.subarray(at)]);
    } else if (d.kind === 'cut') {
      out = out.subarray(0, at);
    }
  }
  return out;
}

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Invalid or tricky UTF-8: lone continuation bytes, overlong forms, a surrogate encoded, 0xFF, a GBK pair. */
const ODD_BYTES: readonly (readonly number[])[] = [
  [0x80],
  [0xff],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe4, 0xb8],
  [0xb8, 0xf1],
  [0x00],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
];

export const byteDamage: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), fraction, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    fraction,
    bytes: fc.oneof(
      fc.constantFrom(...ODD_BYTES),
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }),
    ),
  }),
  fc.record({ kind: fc.constant('cut' as const), fraction: fc.double({ min: 0.5, max: 1, noNaN: true }) }),
);

/** Mostly clean UTF-8; sometimes another encoding; sometimes damaged bytes. */
export const onDisk = fc.record({
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8', 'utf8bom', 'utf16le', 'utf16be'),
  damages: fc.oneof(
    { weight: 3, arbitrary: fc.constant([] as ByteDamage[]) },
    { weight: 1, arbitrary: fc.array(byteDamage, { minLength: 1, maxLength: 4 }) },
  ),
});

/** A stack trace in a program's output: what a user must never see. */
export const STACK_TRACE = /\n\s+at (?:[^\n]*\()?(?:[^\n()]*\.(?:js|ts|mjs|cjs)|node:[^\n]*):\d+:\d+\)?/;
