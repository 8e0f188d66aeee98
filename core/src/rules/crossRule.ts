/** Rules between reports of the same 机关: year y (previous) and year y+1 (current), and duplicates. */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic';
import type { FactCell, ReportFacts } from '../model/reportFacts';
import { displayName } from '../model/agencyKey';
import { M, fmt } from '../i18n/messages';

export interface IndexedReport {
  readonly uri: string;
  readonly facts: ReportFacts;
}

export interface YearPairRule {
  readonly code: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** The severity of its findings; `error` when not given. */
  readonly severity?: Severity;
  /** Findings on `current` (year y+1) against `previous` (year y). */
  check(previous: IndexedReport, current: IndexedReport): Diagnostic[];
}

export function factCell(report: IndexedReport, rowId: string, columnId: string): FactCell | undefined {
  return report.facts.cell(rowId, columnId);
}

/** A cell's value as a number: blank counts as 0, unreadable is undefined (the single-report checks say why). */
export function valueOf(cell: FactCell | undefined): number | undefined {
  if (!cell || cell.value === undefined) return undefined;
  return cell.value ?? 0;
}

/** The related location in last year's file. */
export function previousRelated(previous: IndexedReport, cell: FactCell) {
  const value = cell.value === null ? '空白' : fmt(cell.value ?? 0);
  return {
    uri: previous.uri,
    range: cell.range,
    path: cell.path,
    message: M.previousYearCell(previous.facts.year ?? 0, cell.name, value),
  };
}

export function fileOf(report: IndexedReport): string {
  return displayName(report.uri);
}
