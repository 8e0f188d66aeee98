/**
 * Two reports side by side — usually one 机关's last year (`from`) and this year (`to`), but any two the user picks:
 * every table cell of either edition with its value in both, the change and the ratio; the narrative sections
 * 一/五/六 sentence by sentence; and the findings between the two years (carry-over, stocks, 同比 statements) when
 * `to` is the year after `from` for the same 机关. Cells are matched by the template's ids, which the editions share
 * where the meaning is the same; a cell that only one edition prints (2019's single 其他处理 row, 2021's three) is
 * kept and marked. Pure: analyses in, data out.
 */
import type { Analysis } from '../analyze';
import { agencyKey } from '../model/agencyKey';
import { reportFacts } from '../model/reportFacts';
import { narrativeFacts } from '../narrative/narrativeFacts';
import type { Diagnostic, Range } from '../diagnostics/diagnostic';
import type { BoundCell, BoundReport } from '../model/bindReport';
import { YEAR_PAIR_RULES } from '../rules/allCrossRules';
import { cellNameOf } from '../model/names';
import type { PlacedNode, TemplateIndex } from '../template/templates';
import { displayLabel } from '../template/templates';
import type { Column, Edition, RowNode, YamlPath } from '../template/types';
import { diffSentences } from './sentenceDiff';
import type { TextDiff } from './sentenceDiff';

export interface CompareSide {
  /** The report's URI or file name (findings name it). */
  readonly uri: string;
  readonly analysis: Pick<Analysis, 'doc' | 'report'>;
}

/**
 * number: a value; blank: printed empty (also `null` in the JSON, never 0); unreadable: text that is no number;
 * missing: the report lacks the row or the value; absent: the report's edition has no such cell.
 */
export type CellState = 'number' | 'blank' | 'unreadable' | 'missing' | 'absent';

export interface CellComparison {
  readonly rowId: string;
  readonly columnId: string;
  /** The cell's YAML path in `to` (in `from` for a cell only `from`'s edition has). */
  readonly path: YamlPath;
  /** `三、（七）总计·自然人`: the label a reader finds in the printed table. */
  readonly name: string;
  /** The table it belongs to: `二`, `三` or `四` (the section's id: active, applications, appeals). */
  readonly section: string;
  readonly from: number | null;
  readonly to: number | null;
  readonly fromState: CellState;
  readonly toState: CellState;
  /** to − from, when both are numbers. */
  readonly change: number | null;
  /** to ÷ from, when both are numbers and from is not 0. */
  readonly ratio: number | null;
  /** The one side whose edition prints this cell, when only one does. */
  readonly only?: 'from' | 'to';
  readonly fromRange?: Range;
  readonly toRange?: Range;
  /** The cell is a money amount in 万元. */
  readonly amount: boolean;
}

export interface SideInfo {
  readonly uri: string;
  readonly agency: string | undefined;
  readonly year: number | undefined;
  readonly edition: Edition;
}

export interface SectionComparison {
  /** `overview`, `problems`, `other`. */
  readonly id: string;
  /** `一、总体情况`. */
  readonly label: string;
  readonly diff: TextDiff;
}

export interface Comparison {
  readonly from: SideInfo;
  readonly to: SideInfo;
  /** Both name the same 机关 (compared as the workspace index compares them). */
  readonly sameAgency: boolean;
  /** `to` is the year right after `from`: the findings between years apply. */
  readonly consecutive: boolean;
  readonly cells: readonly CellComparison[];
  readonly sections: readonly SectionComparison[];
  /** Findings on `to` against `from` (NB306–NB308, NB314), ranges in `to`'s text. */
  readonly findings: readonly Diagnostic[];
}

type PlacedRow = PlacedNode & { readonly node: RowNode };

/** One cell of the union of two editions' tables: where it is in each (index -1: that edition has no such cell). */
interface PlannedCell {
  readonly rowId: string;
  readonly columnId: string;
  readonly fromIndex: number;
  readonly toIndex: number;
  readonly path: YamlPath;
  readonly name: string;
  readonly section: string;
  readonly amount: boolean;
}

/** The union of the rows of both editions in one order: `to`'s, each row only `from` has before the next common row. */
function mergedRows(from: TemplateIndex, to: TemplateIndex): { from?: PlacedRow; to?: PlacedRow }[] {
  const out: { from?: PlacedRow; to?: PlacedRow }[] = [];
  const toIds = new Set(to.rows.map((r) => r.node.id));
  const fromIndex = new Map(from.rows.map((r, i) => [r.node.id, i]));
  let nextFrom = 0;
  const flushFromBefore = (limit: number): void => {
    for (; nextFrom < limit; nextFrom++) {
      const r = from.rows[nextFrom];
      if (!toIds.has(r.node.id)) out.push({ from: r });
    }
  };
  for (const r of to.rows) {
    const i = fromIndex.get(r.node.id);
    if (i !== undefined) {
      flushFromBefore(i);
      nextFrom = Math.max(nextFrom, i + 1);
    }
    out.push({ to: r, ...(i !== undefined ? { from: from.rows[i] } : {}) });
  }
  flushFromBefore(from.rows.length);
  return out;
}

function cellPath(placed: PlacedRow, index: number): YamlPath {
  return placed.node.columns.length === 1 ? placed.path : [...placed.path, index];
}

/** Every cell of both editions, matched by the template's row and column ids: made once per pair of editions. */
const plans = new Map<string, readonly PlannedCell[]>();

function planOf(from: TemplateIndex, to: TemplateIndex): readonly PlannedCell[] {
  const key = `${from.model.edition}>${to.model.edition}`;
  const cached = plans.get(key);
  if (cached) return cached;
  const out: PlannedCell[] = [];
  for (const row of mergedRows(from, to)) {
    // The columns of both editions' row, `to`'s first.
    const columns: Column[] = [...(row.to?.node.columns ?? [])];
    for (const c of row.from?.node.columns ?? []) if (!columns.some((x) => x.id === c.id)) columns.push(c);
    for (const column of columns) {
      const fromIndex = row.from ? row.from.node.columns.findIndex((c) => c.id === column.id) : -1;
      const toIndex = row.to ? row.to.node.columns.findIndex((c) => c.id === column.id) : -1;
      const named = (toIndex >= 0 ? row.to : row.from) as PlacedRow;
      const index = toIndex >= 0 ? toIndex : fromIndex;
      out.push({
        rowId: named.node.id,
        columnId: column.id,
        fromIndex,
        toIndex,
        path: cellPath(named, index),
        name: cellNameOf(named, named.node.columns[index]),
        section: named.node.id.slice(0, named.node.id.indexOf('.')),
        amount: column.kind === 'amount',
      });
    }
  }
  plans.set(key, out);
  return out;
}

interface Read {
  value: number | null;
  state: CellState;
  range: Range | undefined;
}

function read(report: BoundReport, rowId: string, index: number): Read {
  if (index < 0) return { value: null, state: 'absent', range: undefined };
  const cell: BoundCell | undefined = report.rows.get(rowId)?.cells[index];
  if (!cell || !cell.node) return { value: null, state: 'missing', range: undefined };
  const range = { start: cell.node.start, end: cell.node.end };
  if (typeof cell.value === 'number') return { value: cell.value, state: 'number', range };
  if (cell.value === null) return { value: null, state: 'blank', range };
  return { value: null, state: 'unreadable', range };
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

function compareCells(from: BoundReport, to: BoundReport): CellComparison[] {
  const plan = planOf(from.template, to.template);
  const out: CellComparison[] = new Array(plan.length);
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i];
    const f = read(from, p.rowId, p.fromIndex);
    const t = read(to, p.rowId, p.toIndex);
    const both = f.state === 'number' && t.state === 'number';
    const cell: {
      -readonly [K in keyof CellComparison]: CellComparison[K];
    } = {
      rowId: p.rowId,
      columnId: p.columnId,
      path: p.path,
      name: p.name,
      section: p.section,
      from: f.value,
      to: t.value,
      fromState: f.state,
      toState: t.state,
      change: both ? round6((t.value as number) - (f.value as number)) : null,
      ratio: both && f.value !== 0 ? round6((t.value as number) / (f.value as number)) : null,
      amount: p.amount,
    };
    if (p.fromIndex < 0) cell.only = 'to';
    else if (p.toIndex < 0) cell.only = 'from';
    if (f.range) cell.fromRange = f.range;
    if (t.range) cell.toRange = t.range;
    out[i] = cell;
  }
  return out;
}

function info(s: CompareSide): SideInfo {
  const { report } = s.analysis;
  const agency = report.agency?.trim() || undefined;
  return { uri: s.uri, agency, year: report.year, edition: report.edition };
}

function compareTexts(from: BoundReport, to: BoundReport): SectionComparison[] {
  const out: SectionComparison[] = [];
  for (const placed of to.template.nodes) {
    if (placed.node.kind !== 'text') continue;
    const id = placed.node.id;
    out.push({
      id,
      label: displayLabel(placed.node),
      diff: diffSentences(from.texts.get(id)?.text ?? '', to.texts.get(id)?.text ?? ''),
    });
  }
  return out;
}

/** The findings between the years: last year's report (`from`) against this year's (`to`). */
function findingsBetween(from: CompareSide, to: CompareSide): Diagnostic[] {
  const previous = {
    uri: from.uri,
    facts: reportFacts(from.analysis.report, narrativeFacts(from.analysis.report, from.analysis.doc.text)),
  };
  const current = {
    uri: to.uri,
    facts: reportFacts(to.analysis.report, narrativeFacts(to.analysis.report, to.analysis.doc.text)),
  };
  const out: Diagnostic[] = [];
  for (const rule of YEAR_PAIR_RULES) {
    try {
      out.push(...rule.check(previous, current));
    } catch {
      // A failing rule must not hide the comparison or the other rules' findings.
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

export function compareReports(from: CompareSide, to: CompareSide): Comparison {
  const a = from.analysis.report;
  const b = to.analysis.report;
  const fromInfo = info(from);
  const toInfo = info(to);
  const sameAgency =
    fromInfo.agency !== undefined &&
    toInfo.agency !== undefined &&
    agencyKey(fromInfo.agency) === agencyKey(toInfo.agency);
  const consecutive =
    sameAgency && fromInfo.year !== undefined && toInfo.year !== undefined && toInfo.year === fromInfo.year + 1;
  return {
    from: fromInfo,
    to: toInfo,
    sameAgency,
    consecutive,
    cells: compareCells(a, b),
    sections: compareTexts(a, b),
    findings: consecutive ? findingsBetween(from, to) : [],
  };
}
