/**
 * Next year's report from this year's: same agency, the edition of next year, 上年结转 filled from this year's
 * 结转下年度继续办理, the stock columns carried over, every other figure zero and the narrative empty. Written
 * through `writeReport`. Fails (writes nothing) when a figure to carry is unreadable.
 */
import { M } from '../i18n/messages';
import type { BoundReport } from '../model/bindReport';
import { cellName } from '../model/names';
import { editionForYear } from '../template/templates';
import type { Localized } from '../template/types';
import { writeReport } from './writeReport';
import type { ReportData } from './writeReport';

export type NextYearResult =
  | { readonly ok: true; readonly data: ReportData; readonly text: string }
  | { readonly ok: false; readonly message: Localized };

class Unreadable extends Error {
  constructor(readonly cell: string) {
    super(cell);
  }
}

/** The value of a cell to carry (blank counts as 0); throws when it is missing or unreadable. */
function carried(report: BoundReport, rowId: string, columnId: string): number {
  const row = report.rows.get(rowId);
  const cell = row?.cells.find((c) => c.column.id === columnId);
  const name = row && cell ? cellName(row, cell) : `${rowId}·${columnId}`;
  if (!row || !cell || cell.value === undefined) throw new Unreadable(name);
  return cell.value ?? 0;
}

const ITEM_ROWS = [
  'active.art20_5.licensing',
  'active.art20_5.otherServices',
  'active.art20_6.penalty',
  'active.art20_6.enforcement',
];
const DOC_ROWS = ['active.art20_1.rules', 'active.art20_1.normative'];
const APPLICANT_COLUMN_IDS = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
];

export function nextYearReport(report: BoundReport): NextYearResult {
  const agency = report.agency?.trim();
  const year = report.year;
  if (!agency || year === undefined) return { ok: false, message: M.nextNeedsKey() };
  const next = year + 1;
  const edition = editionForYear(next);
  if (edition === undefined) return { ok: false, message: M.nextNoEdition(next) };
  const rows: Record<string, (number | null)[]> = {};
  const rowComments: Record<string, string> = {};
  try {
    rows['applications.carriedOver'] = APPLICANT_COLUMN_IDS.map((c) =>
      carried(report, 'applications.carriedForward', c),
    );
    // Nothing is handled yet: everything carried over is still pending, which keeps 三 balanced until filled in.
    rows['applications.carriedForward'] = rows['applications.carriedOver'];
    for (const rowId of DOC_ROWS) {
      if (edition === 2021) {
        // 2020 → 2021: the 2019 edition has no 现行有效件数; its 对外公开总数量 is the nearest figure, flagged.
        const stock =
          report.edition === 2021 ? carried(report, rowId, 'inForce') : carried(report, rowId, 'totalPublished');
        rows[rowId] = [0, 0, stock];
        if (report.edition !== 2021) rowComments[rowId] = M.nextStockFrom2019(year).zh;
      } else if (report.edition === 2019) {
        rows[rowId] = [0, 0, carried(report, rowId, 'totalPublished')];
      }
    }
    if (edition === 2019 && report.edition === 2019) {
      for (const rowId of ITEM_ROWS)
        rows[rowId] = [carried(report, rowId, 'previousItems') + carried(report, rowId, 'change'), 0, 0];
      rows['active.art20_8.fees'] = [
        carried(report, 'active.art20_8.fees', 'previousItems') + carried(report, 'active.art20_8.fees', 'change'),
        0,
      ];
    }
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, message: M.nextUnreadable(error.cell) };
    throw error;
  }
  const agencyType = report.meta.get('meta.agencyType')?.value;
  const data: ReportData = {
    edition,
    agency,
    year: next,
    ...(agencyType === '人民政府' || agencyType === '部门' ? { agencyType } : {}),
    rows,
    rowComments,
    headerComments: M.nextHeader(next, year).zh.split('\n'),
  };
  return { ok: true, data, text: writeReport(data) };
}
