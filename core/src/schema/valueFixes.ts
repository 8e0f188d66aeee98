/**
 * Values written in another form than the format asks for, where the form alone decides what was meant: the
 * year `2024年` or `二〇二四`, the date `2025年1月20日`, the edition `"2021"`, a near miss of an enumerated value, a row
 * typed as one string `"0, 0, 0"`, a number in Chinese numerals `二`, a single value in brackets `[35]`, a value
 * typed twice in a row. Each reader returns nothing when more than one reading is possible: a fix never
 * invents a number or a name.
 */
import { parseChineseNumeral } from '../narrative/numerals';
import { parseNumberText } from '../model/parseNumberText';
import { editDistance } from '../template/nearestLabel';
import { YEARS } from '../template/parts';
import type { Column } from '../template/types';

const CHINESE_DIGITS = /^[〇零一二三四五六七八九]+$/;

/** A whole number written in Arabic digits (half or full width, no separators) or in Chinese numerals. */
function wholeNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) return Number(t);
  const n = parseChineseNumeral(t);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** `2024年`, `2024年度`, `"2024"`, `２０２４`, `二〇二四` → 2024 (years the format accepts, 2008–2100). */
export function readYear(text: string): number | undefined {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/年度?$/, '')
    .trim();
  const year = /^\d{4}$/.test(t)
    ? Number(t)
    : CHINESE_DIGITS.test(t) && t.length === 4
      ? parseChineseNumeral(t)
      : undefined;
  return year !== undefined && year >= YEARS.min && year <= YEARS.max ? year : undefined;
}

/**
 * `2025年1月20日`, `2025/1/20`, `2025.01.20`, `2025-1-20`, `二〇二五年一月二十日` → `2025-01-20`, when it is a
 * date of the calendar.
 */
export function readDate(text: string): string | undefined {
  const t = text.normalize('NFKC').trim();
  const m =
    /^([\d〇零一二三四五六七八九]{4})\s*[年./-]\s*([\d〇零一二三四五六七八九十]{1,3})\s*[月./-]\s*([\d〇零一二三四五六七八九十]{1,3})\s*日?$/.exec(
      t,
    );
  if (!m) return undefined;
  const year = readYear(m[1]);
  const month = wholeNumber(m[2]);
  const day = wholeNumber(m[3]);
  if (year === undefined || month === undefined || day === undefined || month < 1 || month > 12 || day < 1)
    return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2021`, `"2021"`, `2021年版` → 2021; undefined for anything that is not one of the editions. */
export function readEdition(text: string): 2019 | 2021 | undefined {
  const m = /^(2019|2021)\s*(?:年版|年|版)?$/.exec(text.normalize('NFKC').trim());
  return m ? (Number(m[1]) as 2019 | 2021) : undefined;
}

/** How many characters two texts share at their end. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The one enumerated value that `text` is a near miss of: part of it (`政府` → 人民政府), one character off
 * (`部们` → 部门), or a body of that kind named by its last two characters or more, as Chinese names end in their
 * kind (`县政府`, `乡镇人民政府` → 人民政府; `政府部门` → 部门). Undefined when none or several fit.
 */
export function nearestEnumValue(text: string, values: readonly string[]): string | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return undefined;
  const fits = values.filter(
    (v) => v.includes(t) || (t.length >= 2 && editDistance(t, v, 2) <= 1) || commonSuffix(t, v) >= 2,
  );
  return fits.length === 1 && fits[0] !== t ? fits[0] : undefined;
}

/**
 * A row typed as one string of numbers (`"0, 0, 0"`, `6，2，41`, `6、2、41`) with exactly as many numbers as the row
 * has columns. A comma without a space after it could be a thousands separator (`1,523`), so such a text is
 * left alone.
 */
export function readRowText(text: string, columns: readonly Column[]): number[] | undefined {
  const t = text.trim().replace(/^\[(.*)\]$/, '$1');
  if (/,(?!\s)/.test(t)) return undefined;
  const parts = t.split(/\s*(?:,\s|，|、|;|；)\s*/);
  if (parts.length !== columns.length || columns.length < 2) return undefined;
  const values = parts.map((p) => parseNumberText(p));
  return values.every((v): v is number => v !== undefined) ? values : undefined;
}

/** A count written in Chinese numerals (`二`, `十七`), as a number. */
export function readChineseCount(text: string): number | undefined {
  const t = text.trim();
  return /^[〇零一二两三四五六七八九十百千万]+$/.test(t) ? parseChineseNumeral(t) : undefined;
}

/** The words a report uses for "none" in place of a whole table. */
export function saysNone(text: string): boolean {
  return /^(?:无|没有|暂无|无此类情况|无相关情况)[。.]?$/.test(text.trim());
}

/**
 * In a row with one value too many: the index of a value that repeats its neighbour, when dropping it is the
 * only single drop that leaves the row's total equal to the sum of its parts. Undefined for rows without a
 * total, and when another drop would satisfy the total as well.
 */
export function repeatedValue(values: readonly number[], columns: readonly Column[]): number | undefined {
  if (values.length !== columns.length + 1) return undefined;
  const total = columns.findIndex((c) => c.id === 'total');
  if (total < 0) return undefined;
  const consistent = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const row = values.filter((_, j) => j !== i);
    const parts = row.reduce((sum, v, j) => (j === total ? sum : sum + v), 0);
    if (Math.abs(parts - row[total]) < 1e-9) consistent.add(row.join(','));
  }
  if (consistent.size !== 1) return undefined;
  const [row] = [...consistent];
  // Any index that gives that row will do, as long as it repeats its neighbour: a value typed twice.
  for (let i = 0; i < values.length; i++) {
    const repeats = values[i] === values[i - 1] || values[i] === values[i + 1];
    if (repeats && values.filter((_, j) => j !== i).join(',') === row) return i;
  }
  return undefined;
}
