/**
 * CSV for spreadsheets (RFC 4180: CRLF, fields quoted when they hold a comma, a quote or a line break), in UTF-8
 * with a byte-order mark so that Excel reads the Chinese as Chinese. A text field that a spreadsheet would take
 * for a formula (`=`, `+`, `-`, `@` first) is written with a leading apostrophe: a report's 机关 or key is text
 * from anyone, and must not become a formula in an evaluator's spreadsheet.
 */
import type { Lang } from '../../core/src/index';
import type { JsonDiagnostic } from './formatJson';
import { strings } from './strings';

/** What a CSV file starts with: the byte-order mark. */
export const CSV_START = '\ufeff';

export type CsvValue = string | number | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;
const QUOTE = /[",\r\n]|^\s|\s$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return QUOTE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A YAML path as one readable field: keys and indexes joined with `/`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.join('/');
}

/** The columns of one finding: file, 机关, 年度, code, severity, message, line, path. */
export function findingsHeader(lang: Lang): string[] {
  return [...strings(lang).findingColumns];
}

export function findingRow(
  file: string,
  agency: string | undefined,
  year: number | undefined,
  d: JsonDiagnostic,
  lang: Lang,
): CsvValue[] {
  return [file, agency, year, d.code, strings(lang).severity[d.severity], d.message, d.line, pathText(d.path)];
}
