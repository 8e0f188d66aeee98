/**
 * What a report prints, whatever it is rendered to (the HTML page and preview, the Word document): a value cell's
 * text as written and the title. One place, so that the page and the document can never show a cell differently.
 */
import { fmt } from '../i18n/messages';
import type { BoundCell, BoundReport } from '../model/bindReport';

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const MAX_RAW = 40;

/** `''`: a value to print; `blank`: printed empty; `bad`: the raw text of an unreadable value; `missing`: no node. */
export type CellState = '' | 'blank' | 'bad' | 'missing';

/** What a value cell shows: a number as written, nothing for a blank, the raw text of an unreadable value. */
export function cellContent(cell: BoundCell | undefined): { text: string; state: CellState } {
  if (!cell || !cell.node) return { text: '', state: 'missing' };
  const node = cell.node;
  if (cell.value === null) return { text: '', state: 'blank' };
  if (node.kind !== 'scalar') return { text: '', state: 'bad' };
  if (typeof cell.value === 'number') {
    // As written (`1256.30`, `3,020.782`), unless the source is a notation a reader would not recognise (`0x1F`).
    const written = node.text.trim();
    return { text: cell.fromText || DECIMAL.test(written) ? written : fmt(cell.value), state: '' };
  }
  const raw = node.text.trim();
  return { text: raw.length > MAX_RAW ? `${raw.slice(0, MAX_RAW)}…` : raw, state: 'bad' };
}

/** The parts of `<机关><年度>年政府信息公开工作年度报告`; agency and year undefined when the report lacks them. */
export interface TitleParts {
  readonly agency: string | undefined;
  readonly year: string | undefined;
  readonly suffix: string;
}

export function titleParts(report: BoundReport): TitleParts {
  const agency = report.agency?.trim();
  return {
    agency: agency || undefined,
    year: report.year === undefined ? undefined : String(report.year),
    suffix: report.template.model.titleSuffix,
  };
}
