/** What a report file says, read through the core's own binding: meta fields, every cell, the narrative. */
import { bindReport, parse } from '../../core/src/index';

export interface ReportValues {
  readonly edition: number;
  readonly agency: string | undefined;
  readonly year: number | undefined;
  readonly published: unknown;
  /** Cell values by row id (null = blank, undefined = missing or unreadable). */
  readonly rows: Readonly<Record<string, readonly (number | null | undefined)[]>>;
  readonly texts: Readonly<Record<string, string>>;
}

export function reportValues(yaml: string): ReportValues {
  const report = bindReport(parse(yaml));
  const rows: Record<string, (number | null | undefined)[]> = {};
  for (const [id, row] of report.rows) rows[id] = row.cells.map((c) => c.value);
  const texts: Record<string, string> = {};
  for (const [id, t] of report.texts) texts[id] = t.text;
  return {
    edition: report.edition,
    agency: report.agency,
    year: report.year,
    published: report.meta.get('meta.published')?.value,
    rows,
    texts,
  };
}

/** Narrative compared as a reader sees it: the same lines of text, whatever the blank lines and spacing. */
export function readerText(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}
