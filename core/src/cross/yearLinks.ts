/**
 * Cells that continue from one year's report to the next one of the same 机关 (invariants 6–8, and what
 * `nextYear` carries): 上年结转 continues last year's 结转下年度继续办理, 现行有效件数 last year's 现行有效件数 (from a
 * 2020 report: its 对外公开总数量), a 2019-edition 上一年项目数量 last year's 上一年项目数量 and 本年增/减. The editor's
 * "go to definition" follows a cell back to last year, "find references" forward to next year.
 */
import type { Range } from '../diagnostics/diagnostic';
import type { BoundReport } from '../model/bindReport';
import { cellRange } from '../model/cellRange';
import type { Edition } from '../template/types';
import { agencyKey } from '../model/agencyKey';
import { YEAR_RELATIONS } from '../model/yearRelations';
import type { YearCell } from '../model/yearRelations';
import type { ReportIndex } from './reportIndex';

/** A cell of year y+1 and the cells of year y it continues. */
interface Link extends YearCell {
  readonly previous: readonly YearCell[];
}

const cache = new Map<string, readonly Link[]>();

/**
 * The links from a report of `previous`'s edition to the next year's of `current`'s edition: every cross-year
 * relation that holds between them, this year's cell to last year's terms; and the stock that `nextYear` carries
 * across the edition change although no relation checks it (2021's 现行有效件数 from 2020's 对外公开总数量).
 */
function linksBetween(previous: Edition, current: Edition): readonly Link[] {
  const key = `${previous}>${current}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const links: Link[] = [];
  for (const relation of YEAR_RELATIONS) {
    if (relation.edition !== undefined && (relation.edition !== previous || relation.edition !== current)) continue;
    const terms = relation.terms.filter((t) => t.year === 'previous').map(({ row, column }) => ({ row, column }));
    if (terms.length > 0) links.push({ ...relation.target, previous: terms });
  }
  if (previous === 2019 && current === 2021) {
    for (const relation of YEAR_RELATIONS) {
      if (relation.code !== 'NB307') continue;
      const { row, column } = relation.target;
      links.push({ row, column, previous: [{ row, column: 'totalPublished' }] });
    }
  }
  cache.set(key, links);
  return links;
}

/** A cell of another report that a link leads to. */
export interface LinkedCell {
  readonly uri: string;
  readonly year: number;
  readonly range: Range;
  /** `四、结转下年度继续办理·自然人`. */
  readonly name: string;
}

export interface YearLinks {
  /** What was under the cursor: a cell, or a row's key (then every column of the row). */
  readonly origin: Range;
  readonly targets: readonly LinkedCell[];
}

/** The linked row's cells at `offset`: one cell on a value, the row's columns on its key. */
function cellsAt(report: BoundReport, offset: number): { origin: Range; row: string; columns: string[] } | undefined {
  for (const row of report.rows.values()) {
    const id = row.placed.node.id;
    if (id !== 'applications.carriedOver' && id !== 'applications.carriedForward' && !id.startsWith('active.'))
      continue;
    const key = row.pair.key;
    if (offset >= key.start && offset <= key.end)
      return { origin: { start: key.start, end: key.end }, row: id, columns: row.cells.map((c) => c.column.id) };
    for (const cell of row.cells) {
      if (!cell.node) continue;
      const range = cellRange(row, cell);
      if (offset >= range.start && offset <= range.end && range.end > range.start)
        return { origin: range, row: id, columns: [cell.column.id] };
    }
  }
  return undefined;
}

/** The cells of the report `uri` (of `year`) with these ids; a row's columns asked together give one target. */
function targetsIn(
  index: ReportIndex,
  uri: string,
  year: number,
  cells: readonly YearCell[],
  wholeRow: boolean,
): LinkedCell[] {
  const facts = index.facts(uri);
  if (!facts) return [];
  const found = cells.map((c) => facts.cell(c.row, c.column)).filter((c) => c !== undefined);
  if (found.length === 0) return [];
  if (!wholeRow) return found.map((c) => ({ uri, year, range: c.range, name: c.name }));
  const start = Math.min(...found.map((c) => c.range.start));
  const end = Math.max(...found.map((c) => c.range.end));
  return [{ uri, year, range: { start, end }, name: found[0].name.split('·')[0] }];
}

function keyOf(report: BoundReport): { key: string; year: number } | undefined {
  const agency = report.agency?.trim();
  return agency && report.year !== undefined ? { key: agencyKey(agency), year: report.year } : undefined;
}

/**
 * The cells of the other year's reports linked to the cell (or row) at `offset`: `-1` the cells of last year it
 * continues, `+1` the cells of next year that continue it.
 */
function linkedCells(
  index: ReportIndex,
  uri: string,
  report: BoundReport,
  offset: number,
  step: -1 | 1,
): YearLinks | undefined {
  const at = cellsAt(report, offset);
  const own = keyOf(report);
  if (!at || !own) return undefined;
  const here = (c: YearCell): boolean => c.row === at.row && at.columns.includes(c.column);
  const targets: LinkedCell[] = [];
  for (const other of index.reportsOf(own.key, own.year + step)) {
    const edition = other === uri ? undefined : index.facts(other)?.edition;
    if (edition === undefined) continue;
    const cells =
      step < 0
        ? linksBetween(edition, report.edition)
            .filter(here)
            .flatMap((l) => l.previous)
        : linksBetween(report.edition, edition).filter((l) => l.previous.some(here));
    targets.push(...targetsIn(index, other, own.year + step, cells, at.columns.length > 1));
  }
  return targets.length ? { origin: at.origin, targets } : undefined;
}

/** "Go to definition": last year's cells this cell (or row) continues, in the reports the index holds. */
export function previousYearCells(
  index: ReportIndex,
  uri: string,
  report: BoundReport,
  offset: number,
): YearLinks | undefined {
  return linkedCells(index, uri, report, offset, -1);
}

/** "Find references": next year's cells that continue this cell (or row), in the reports the index holds. */
export function nextYearCells(
  index: ReportIndex,
  uri: string,
  report: BoundReport,
  offset: number,
): YearLinks | undefined {
  return linkedCells(index, uri, report, offset, 1);
}
