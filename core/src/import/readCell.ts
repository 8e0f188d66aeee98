/**
 * What a printed table cell holds. Numbers are read exactly as printed — thousands separators and full-width
 * digits are parsed, a unit suffix is recognised — and never corrected; `/`, `—` and friends are blanks.
 */

export type CellReading =
  /** Nothing printed: a layout gap or a blank cell. */
  | { readonly kind: 'empty' }
  /** A printed blank marker (`/`, `—`, `无`). */
  | { readonly kind: 'blank'; readonly printed: string }
  | {
      readonly kind: 'number';
      readonly printed: string;
      /** Sign and digits without separators, e.g. `-1234.5`: kept as text so unit conversion stays exact. */
      readonly digits: string;
      readonly value: number;
      /** The unit printed after the number, when any. */
      readonly unit?: '元' | '万元' | 'count';
    }
  /** Anything else: a label, or a value nobody can read as a number. */
  | { readonly kind: 'text'; readonly printed: string };

const BLANKS = new Set(['/', '／', '\\', '—', '——', '－', '-', '--', '–', '―', '─', '无', '空', 'null', 'NULL']);
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|件|个|项|次)?$/;

/** Full-width forms, the minus sign and stray spaces between a number and its unit. */
function canonical(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/[\s\u00a0\u3000]+/g, '');
}

export function readCell(text: string): CellReading {
  const trimmed = text.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  if (trimmed === '') return { kind: 'empty' };
  if (BLANKS.has(trimmed)) return { kind: 'blank', printed: trimmed };
  const c = canonical(trimmed);
  if (BLANKS.has(c)) return { kind: 'blank', printed: trimmed };
  const m = NUMBER.exec(c);
  if (!m) return { kind: 'text', printed: trimmed };
  const sign = m[1] === '-' ? '-' : '';
  const digits = `${sign}${m[2].replace(/,/g, '')}${m[3] !== undefined ? `.${m[3]}` : ''}`;
  const unit = m[4] === '元' || m[4] === '万元' ? m[4] : m[4] ? 'count' : undefined;
  const reading = { kind: 'number' as const, printed: trimmed, digits, value: Number(digits) };
  return unit ? { ...reading, unit } : reading;
}

/** A value-like cell: a number, a blank marker, or nothing. */
export function isValueLike(reading: CellReading): boolean {
  return reading.kind !== 'text';
}

/**
 * An amount in 元 as 万元, by moving the decimal point four places in the printed digits: `75394432.52` →
 * `7539.443252`, with no binary rounding on the way.
 */
export function yuanToWan(digits: string): number {
  const negative = digits.startsWith('-');
  const [int, frac = ''] = (negative ? digits.slice(1) : digits).split('.');
  const padded = int.padStart(5, '0');
  const head = padded.slice(0, -4).replace(/^0+(?=\d)/, '');
  const tail = `${padded.slice(-4)}${frac}`.replace(/0+$/, '');
  return Number(`${negative ? '-' : ''}${head}${tail ? `.${tail}` : ''}`);
}
