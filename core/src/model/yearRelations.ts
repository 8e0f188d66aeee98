/**
 * The relations between the reports of one agency in two consecutive years (invariants 6–8), stated once as data:
 * this year's cell is the signed sum of cells of last year's and this year's report. The cross-year rules
 * (`rules/yearPairRules.ts`) check them and `reportFacts.ts` keeps the cells they read.
 */
import { APPLICANT_COLUMNS } from '../template/parts';
import type { Edition } from '../template/types';

/** A cell of a report by its row id and column id in the template. */
export interface YearCell {
  readonly row: string;
  readonly column: string;
}

export interface YearTerm extends YearCell {
  /** Last year's report (y) or this year's (y+1). */
  readonly year: 'previous' | 'current';
  /** −1: subtracted. */
  readonly sign?: -1;
  /** Printed before the cell's name in the arithmetic (`上年`, `本年`). */
  readonly prefix?: string;
  /** The cell holds a signed change (本年增/减): printed with its own sign. */
  readonly signed?: true;
}

export type YearCode = 'NB306' | 'NB307' | 'NB308';

export interface YearRelation {
  readonly code: YearCode;
  /** The relation holds between two reports of this edition only. */
  readonly edition?: Edition;
  /** This year's cell. */
  readonly target: YearCell;
  readonly terms: readonly YearTerm[];
  /** How the finding reads: a carried-over figure, a stock that continues, an item count that continues. */
  readonly message: 'carryOver' | 'stock' | 'items';
}

/** 规章 and 行政规范性文件 (规范性文件 in the 2019 edition): the two document rows of 第二十条第（一）项. */
const DOCUMENT_ROWS = ['active.art20_1.rules', 'active.art20_1.normative'];
/** The item rows of 第二十条第（五）（六）（八）项 in the 2019 edition. */
const ITEM_ROWS = [
  'active.art20_5.licensing',
  'active.art20_5.otherServices',
  'active.art20_6.penalty',
  'active.art20_6.enforcement',
  'active.art20_8.fees',
];

export const YEAR_RELATIONS: readonly YearRelation[] = [
  // 6: 四、结转下年度继续办理 of year y = 二、上年结转 of year y+1, every column (both editions, and across them).
  ...APPLICANT_COLUMNS.map((column): YearRelation => ({
    code: 'NB306',
    target: { row: 'applications.carriedOver', column: column.id },
    terms: [{ year: 'previous', row: 'applications.carriedForward', column: column.id }],
    message: 'carryOver',
  })),
  // 7 (2021 edition): 现行有效件数(y) + 本年制发件数(y+1) − 本年废止件数(y+1) = 现行有效件数(y+1). A 2020 report
  // (2019 edition) has no 现行有效件数, so 2020 → 2021 is not checked.
  ...DOCUMENT_ROWS.map((row): YearRelation => ({
    code: 'NB307',
    edition: 2021,
    target: { row, column: 'inForce' },
    terms: [
      { year: 'previous', row, column: 'inForce', prefix: '上年' },
      { year: 'current', row, column: 'issued' },
      { year: 'current', row, column: 'repealed', sign: -1 },
    ],
    message: 'stock',
  })),
  // 8 (2019 edition): 上一年项目数量(y) + 本年增/减(y) = 上一年项目数量(y+1) for the item rows, and
  // 对外公开总数量(y) + 本年新公开数量(y+1) = 对外公开总数量(y+1) for the documents.
  ...ITEM_ROWS.map((row): YearRelation => ({
    code: 'NB308',
    edition: 2019,
    target: { row, column: 'previousItems' },
    terms: [
      { year: 'previous', row, column: 'previousItems' },
      { year: 'previous', row, column: 'change', signed: true },
    ],
    message: 'items',
  })),
  ...DOCUMENT_ROWS.map((row): YearRelation => ({
    code: 'NB308',
    edition: 2019,
    target: { row, column: 'totalPublished' },
    terms: [
      { year: 'previous', row, column: 'totalPublished', prefix: '上年' },
      { year: 'current', row, column: 'published', prefix: '本年' },
    ],
    message: 'stock',
  })),
];

/** Every row a relation reads, in the order of first use: the rows `reportFacts` keeps. */
export const YEAR_RELATION_ROWS: readonly string[] = [
  ...new Set(YEAR_RELATIONS.flatMap((r) => [r.target.row, ...r.terms.map((t) => t.row)])),
];
