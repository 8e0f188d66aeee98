/**
 * The table quantities a narrative can state: a cell or a sum of cells of the bound report, by a stable id that
 * the extractor produces and the corpus names (`received`, `refused`, `review.upheld`, `normative.inForce`, …).
 */
import type { BoundCell, BoundReport, BoundRow } from '../model/bindReport';
import { derived } from '../derived';
import type { TemplateIndex } from '../template/templates';
import type { Edition, Localized } from '../template/types';

export interface QuantityTerm {
  readonly row: BoundRow;
  readonly cell: BoundCell;
}

export interface QuantityValue {
  /** The value a statement should state (the printed cell, or the sum of the cells). */
  readonly value: number;
  /** Other readings a statement may match without a warning (e.g. 收到 counted with the carried-over requests). */
  readonly alternatives: readonly number[];
  readonly terms: readonly QuantityTerm[];
  readonly label: Localized;
  /** 总计 cells left blank, each read as the sum of its row's cells (which `terms` then lists instead). */
  readonly blankTotals: readonly QuantityTerm[];
}

/**
 * A blank 总计 is not 0: the row's cells say what it should hold. Each blank total among `terms` is replaced by the
 * row's other cells; the totals so read are returned beside.
 */
const NO_CELLS: readonly BoundCell[] = [];

function readBlankTotals(terms: readonly QuantityTerm[]): { terms: QuantityTerm[]; blank: QuantityTerm[] } {
  const out: QuantityTerm[] = [];
  const blank: QuantityTerm[] = [];
  for (const t of terms) {
    // Only a blank total is looked at further (most terms are not).
    const parts =
      t.cell.value === null && t.cell.column.id === 'total' ? t.row.cells.filter((c) => c !== t.cell) : NO_CELLS;
    if (parts.some((c) => c.value !== null)) {
      if (parts.some((c) => c.value === undefined)) return { terms: [...terms], blank: [] };
      blank.push(t);
      for (const c of parts) out.push({ row: t.row, cell: c });
    } else out.push(t);
  }
  return { terms: out, blank };
}

type CellRef = readonly [rowIdOrPrefix: string, columnId: string];

interface QuantityDef {
  readonly label: Localized;
  /** Cells whose sum is the quantity; a row id ending in `.` means every row under that prefix. */
  readonly cells: (edition: Edition) => readonly CellRef[] | undefined;
  /** Further acceptable readings, each a list of cells to add up. */
  readonly alternatives?: (edition: Edition) => readonly (readonly CellRef[])[];
}

const APP = 'applications.';
const RES = 'applications.results.';

function total(rowId: string): CellRef[] {
  return [[rowId, 'total']];
}

const RESULT_ROWS: readonly string[] = ['granted', 'partial', 'refused.', 'unable.', 'notProcessed.', 'other'].map(
  (r) => `${RES}${r}`,
);

const SUB_ROWS: Readonly<Record<string, readonly [id: string, zh: string, en: string, only2021?: boolean]>> = {
  stateSecret: ['refused.stateSecret', '属于国家秘密', 'State secret'],
  prohibitedByLaw: ['refused.prohibitedByLaw', '其他法律行政法规禁止公开', 'Prohibited by other laws'],
  threeSecurity: ['refused.threeSecurity', '危及“三安全一稳定”', 'Three securities and one stability'],
  thirdParty: ['refused.thirdParty', '保护第三方合法权益', 'Third-party rights'],
  internalAffairs: ['refused.internalAffairs', '属于三类内部事务信息', 'Internal affairs'],
  processInfo: ['refused.processInfo', '属于四类过程性信息', 'Process information'],
  enforcementFiles: ['refused.enforcementFiles', '属于行政执法案卷', 'Enforcement files'],
  queryMatters: ['refused.queryMatters', '属于行政查询事项', 'Query matters'],
  notHeld: ['unable.notHeld', '本机关不掌握相关政府信息', 'Not held'],
  needsCreation: ['unable.needsCreation', '没有现成信息需要另行制作', 'Needs creation'],
  unclear: ['unable.unclear', '补正后申请内容仍不明确', 'Still unclear'],
  petition: ['notProcessed.petition', '信访举报投诉类申请', 'Petitions'],
  repeated: ['notProcessed.repeated', '重复申请', 'Repeated requests'],
  publications: ['notProcessed.publications', '要求提供公开出版物', 'Public publications'],
  excessive: ['notProcessed.excessive', '无正当理由大量反复申请', 'Massive repeated requests'],
  confirmation: ['notProcessed.confirmation', '要求行政机关确认或重新出具已获取信息', 'Confirmation requests'],
  overdueCorrection: ['other.overdueCorrection', '逾期不补正、不再处理', 'Not corrected in time', true],
  unpaidFees: ['other.unpaidFees', '逾期未缴纳费用、不再处理', 'Fees not paid', true],
};

const APPEAL_SUBJECTS: Readonly<Record<string, readonly [rows: readonly string[], zh: string, en: string]>> = {
  review: [['appeals.review'], '行政复议', 'administrative review'],
  litigation: [['appeals.litigation.direct', 'appeals.litigation.afterReview'], '行政诉讼', 'litigation'],
  litigationDirect: [['appeals.litigation.direct'], '未经复议直接起诉', 'sued directly'],
  litigationAfterReview: [['appeals.litigation.afterReview'], '复议后起诉', 'sued after review'],
};
const APPEAL_MEASURES: Readonly<Record<string, readonly [column: string, zh: string, en: string]>> = {
  upheld: ['upheld', '结果维持', 'upheld'],
  corrected: ['corrected', '结果纠正', 'corrected'],
  otherResult: ['otherResult', '其他结果', 'other result'],
  pending: ['pending', '尚未审结', 'pending'],
};

const DOC_SUBJECTS: Readonly<Record<string, readonly [rows: readonly string[], zh: string, en: string]>> = {
  rules: [['active.art20_1.rules'], '规章', 'rules'],
  normative: [['active.art20_1.normative'], '规范性文件', 'normative documents'],
  rulesAndNormative: [
    ['active.art20_1.rules', 'active.art20_1.normative'],
    '规章和规范性文件',
    'rules and normative documents',
  ],
};
/** Column of each document measure by edition; absent = the edition has no such column. */
const DOC_MEASURES: Readonly<
  Record<string, readonly [c2019: string | undefined, c2021: string | undefined, zh: string, en: string]>
> = {
  issued: ['made', 'issued', '制发', 'issued'],
  repealed: [undefined, 'repealed', '废止', 'repealed'],
  inForce: [undefined, 'inForce', '现行有效', 'in force'],
  newlyPublished: ['published', undefined, '新公开', 'newly published'],
  totalPublished: ['totalPublished', undefined, '对外公开总数量', 'total published'],
};

function buildDefs(): Map<string, QuantityDef> {
  const defs = new Map<string, QuantityDef>();
  const simple = (id: string, zh: string, en: string, cells: CellRef[], alternatives?: CellRef[][]): void => {
    defs.set(id, {
      label: { zh, en },
      cells: () => cells,
      ...(alternatives ? { alternatives: () => alternatives } : {}),
    });
  };
  simple('received', '收到申请', 'requests received', total(`${APP}newReceived`), [
    [...total(`${APP}newReceived`), ...total(`${APP}carriedOver`)],
  ]);
  simple('carriedOver', '上年结转', 'carried over from last year', total(`${APP}carriedOver`));
  simple('handled', '办结', 'requests handled', total(`${RES}total`), [RESULT_ROWS.map((r) => [r, 'total'] as const)]);
  simple('granted', '予以公开', 'disclosed', total(`${RES}granted`));
  simple('partial', '部分公开', 'partially disclosed', total(`${RES}partial`));
  simple('grantedOrPartial', '予以公开及部分公开', 'disclosed in full or in part', [
    ...total(`${RES}granted`),
    ...total(`${RES}partial`),
  ]);
  simple('refused', '不予公开', 'not disclosed', total(`${RES}refused.`));
  simple('unable', '无法提供', 'cannot be provided', total(`${RES}unable.`));
  simple('notProcessed', '不予处理', 'not processed', total(`${RES}notProcessed.`));
  simple('otherHandling', '其他处理', 'other handling', total(`${RES}other`));
  simple('carriedForward', '结转下年度继续办理', 'carried forward', total(`${APP}carriedForward`));
  for (const [id, [row, zh, en, only2021]] of Object.entries(SUB_ROWS)) {
    defs.set(id, {
      label: { zh, en },
      cells: (edition) => (only2021 && edition !== 2021 ? undefined : total(`${RES}${row}`)),
    });
  }
  for (const [id, [rows, zh, en]] of Object.entries(APPEAL_SUBJECTS)) {
    simple(
      id,
      zh,
      en,
      rows.map((r) => [r, 'total'] as const),
    );
    for (const [m, [column, mzh, men]] of Object.entries(APPEAL_MEASURES)) {
      simple(
        `${id}.${m}`,
        `${zh}${mzh}`,
        `${en} ${men}`,
        rows.map((r) => [r, column] as const),
      );
    }
  }
  for (const [id, [rows, zh, en]] of Object.entries(DOC_SUBJECTS)) {
    for (const [m, [c2019, c2021, mzh, men]] of Object.entries(DOC_MEASURES)) {
      defs.set(`${id}.${m}`, {
        label: { zh: `${mzh}${zh}`, en: `${en} ${men}` },
        cells: (edition) => {
          const column = edition === 2019 ? c2019 : c2021;
          return column ? rows.map((r) => [r, column] as const) : undefined;
        },
      });
    }
  }
  simple('licensing.decisions', '行政许可决定', 'licensing decisions', [['active.art20_5.licensing', 'decisions']]);
  simple('penalty.decisions', '行政处罚决定', 'penalty decisions', [['active.art20_6.penalty', 'decisions']]);
  simple('enforcement.decisions', '行政强制决定', 'enforcement decisions', [
    ['active.art20_6.enforcement', 'decisions'],
  ]);
  defs.set('feeAmount', {
    label: { zh: '行政事业性收费金额', en: 'administrative fees collected' },
    cells: (edition) => (edition === 2021 ? [['active.art20_8.fees', 'feeAmount']] : undefined),
  });
  defs.set('procurement.items', {
    label: { zh: '政府集中采购项目数量', en: 'procurement projects' },
    cells: (edition) => (edition === 2019 ? [['active.art20_9.procurement', 'procurementItems']] : undefined),
  });
  defs.set('procurement.amount', {
    label: { zh: '政府集中采购总金额', en: 'procurement amount' },
    cells: (edition) => (edition === 2019 ? [['active.art20_9.procurement', 'procurementAmount']] : undefined),
  });
  return defs;
}

const DEFS = buildDefs();

/** Every quantity id the extractor may produce. */
export const QUANTITY_IDS: readonly string[] = [...DEFS.keys()];

/** Quantities whose table cells are amounts in 万元 (the others are counts). */
export function isAmountQuantity(id: string): boolean {
  return id === 'feeAmount' || id === 'procurement.amount';
}

const rowsUnderCache = new WeakMap<TemplateIndex, Map<string, readonly string[]>>();

/** Ids of the template's rows whose id starts with `prefix`, in template order (made once per edition). */
function rowIdsUnder(template: TemplateIndex, prefix: string): readonly string[] {
  let byPrefix = rowsUnderCache.get(template);
  if (!byPrefix) rowsUnderCache.set(template, (byPrefix = new Map()));
  let ids = byPrefix.get(prefix);
  if (!ids) {
    ids = template.rows.filter((p) => p.node.id.startsWith(prefix)).map((p) => p.node.id);
    byPrefix.set(prefix, ids);
  }
  return ids;
}

/** A row's cell of `columnId`; undefined when the row is missing or the cell unreadable (the schema's finding). */
function termOf(report: BoundReport, rowId: string, columnId: string): QuantityTerm | undefined {
  const row = report.rows.get(rowId);
  if (!row) return undefined;
  for (const cell of row.cells)
    if (cell.column.id === columnId) return cell.value === undefined ? undefined : { row, cell };
  return undefined;
}

/** The cells to add up; undefined when one is missing or unreadable (the narrative is not checked against a guess). */
function resolveCells(report: BoundReport, refs: readonly CellRef[]): QuantityTerm[] | undefined {
  const terms: QuantityTerm[] = [];
  for (const [rowRef, columnId] of refs) {
    if (!rowRef.endsWith('.') && report.rows.has(rowRef)) {
      const term = termOf(report, rowRef, columnId);
      if (!term) return undefined;
      terms.push(term);
      continue;
    }
    // A prefix: every row under it. （六）其他处理 is one row in 2019 and a group of three in 2021.
    const ids = rowIdsUnder(report.template, rowRef.endsWith('.') ? rowRef : `${rowRef}.`);
    if (ids.length === 0) return undefined;
    for (const id of ids) {
      const term = termOf(report, id, columnId);
      if (!term) return undefined;
      terms.push(term);
    }
  }
  return terms;
}

function sum(terms: readonly QuantityTerm[]): number {
  let s = 0;
  for (const t of terms) s += t.cell.value ?? 0;
  return Math.round(s * 1e6) / 1e6;
}

/** The quantity's value in this report, or undefined when the edition has no such cells or one is unreadable. */
export function quantityValue(report: BoundReport, id: string): QuantityValue | undefined {
  const byId = derived(report, 'quantities', () => new Map<string, QuantityValue | undefined>());
  if (byId.has(id)) return byId.get(id);
  const value = computeQuantity(report, id);
  byId.set(id, value);
  return value;
}

function computeQuantity(report: BoundReport, id: string): QuantityValue | undefined {
  const def = DEFS.get(id);
  if (!def) return undefined;
  const refs = def.cells(report.edition);
  if (!refs) return undefined;
  const resolved = resolveCells(report, refs);
  if (!resolved) return undefined;
  const { terms, blank } = readBlankTotals(resolved);
  const alternatives: number[] = [];
  for (const alt of def.alternatives?.(report.edition) ?? []) {
    const altTerms = resolveCells(report, alt);
    if (altTerms) alternatives.push(sum(readBlankTotals(altTerms).terms));
  }
  return { value: sum(terms), alternatives, terms, label: def.label, blankTotals: blank };
}

export function quantityLabel(id: string): Localized | undefined {
  return DEFS.get(id)?.label;
}
