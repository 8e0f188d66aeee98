/**
 * Numbers as written in Chinese prose: Arabic digits (half or full width, with thousands separators) and Chinese
 * numerals (十七, 一百零一, 两千零三, 二〇二四). Values only; deciding whether a number is a count is the extractor's job.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** The characters a Chinese numeral is made of. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * The value of a Chinese numeral, or undefined when the characters do not form one (`十十`, `万`).
 * A run of bare digits (二〇二四) reads digit by digit, as years and document numbers are written.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  const chars = [...text];
  if (chars.every((c) => c in DIGITS)) {
    if (chars.length === 1) return DIGITS[chars[0]];
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  for (const c of chars) {
    if (c in DIGITS) {
      if (digit !== undefined && DIGITS[c] !== 0) return undefined; // two digits in a row: 一二百
      digit = DIGITS[c] === 0 ? undefined : DIGITS[c];
    } else if (c in SMALL_UNITS) {
      const unit = SMALL_UNITS[c];
      if (unit >= lastSmall) return undefined; // 十百, 百百
      // 十七 = 17: a leading 十 has an implied 一.
      section += (digit ?? (section === 0 && unit === 10 ? 1 : NaN)) * unit;
      if (Number.isNaN(section)) return undefined;
      digit = undefined;
      lastSmall = unit;
    } else if (c in BIG_UNITS) {
      const unit = BIG_UNITS[c];
      if (unit >= lastBig) return undefined;
      section += digit ?? 0;
      if (section === 0) return undefined; // 万 alone
      total += section * unit;
      section = 0;
      digit = undefined;
      lastSmall = Infinity;
      lastBig = unit;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function below10000(n: number, leadingZero: boolean): string {
  const parts = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ] as const;
  let out = '';
  let pendingZero = leadingZero;
  let started = false;
  for (const [unit, name] of parts) {
    const d = Math.floor(n / unit) % 10;
    if (d === 0) {
      if (started || leadingZero) pendingZero = true;
      continue;
    }
    if (pendingZero && (started || leadingZero)) out += '零';
    pendingZero = false;
    out += DIGIT_CHARS[d] + name;
    started = true;
  }
  return out;
}

/** A non-negative integer as a Chinese numeral, the way prose writes it (17 → 十七, 101 → 一百零一). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) return String(n);
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let out = '';
  if (yi) out += `${below10000(yi, false)}亿`;
  if (wan) out += `${below10000(wan, out !== '' && wan < 1000)}万`;
  if (rest) out += below10000(rest, out !== '' && rest < 1000);
  // 一十七 is written 十七 at the start.
  return out.replace(/^一十/, '十');
}
