/**
 * Random reports whose numbers satisfy every single-report invariant by construction, for the property tests.
 *
 * Section 三: the result rows and 四、结转下年度 are drawn freely; （七）总计 is their column sum; 二、上年结转 is a
 * share of 总计 + 四 and 一、本年新收 the rest, so 一 + 二 = 三（七） + 四 holds in every applicant column; each
 * row's 总计 is the sum of its six applicant columns (so the 总计 column holds too, by linearity).
 * Section 四: four results and their total. Section 二: counts, signed changes and amounts of each kind.
 */
import fc from 'fast-check';
import { templateIndex } from '../../core/src/index';
import type { Column, Edition, ReportData } from '../../core/src/index';

const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.nat({ max: 30 }) },
  { weight: 1, arbitrary: fc.nat({ max: 5000 }) },
);
/** Amounts in 万元 with up to three decimals, as reports print them. */
const amount = fc.oneof(
  fc.constant(0),
  fc.nat({ max: 10_000_000 }).map((n) => n / 1000),
);
const delta = fc.integer({ min: -40, max: 40 });

function cell(column: Column): fc.Arbitrary<number> {
  return column.kind === 'amount' ? amount : column.kind === 'delta' ? delta : count;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

const OTHER_IDS = [
  'applications.newReceived',
  'applications.carriedOver',
  'applications.results.total',
  'applications.carriedForward',
];

/** Report years each edition is used for. */
const YEARS: Record<Edition, fc.Arbitrary<number>> = {
  2019: fc.constantFrom(2019, 2020),
  2021: fc.integer({ min: 2021, max: 2030 }),
};

const TEXTS = {
  overview: '（一）主动公开\n按照条例要求，及时主动公开各类政府信息。\n（二）依申请公开\n依法答复各类申请。\n',
  problems: '（一）存在的主要问题\n公开内容还不够全面。\n（二）改进情况\n加强工作考核、社会评议和责任追究。\n',
  other: '本年度未收取信息处理费。\n',
};

export function consistentReport(edition: Edition): fc.Arbitrary<ReportData> {
  const index = templateIndex(edition);
  const applicationRows = index.rows.filter((r) => r.node.id.startsWith('applications.'));
  const resultRows = applicationRows.filter(
    (r) => r.node.id.startsWith('applications.results.') && r.node.id !== 'applications.results.total',
  );
  const activeRows = index.rows.filter((r) => r.node.id.startsWith('active.'));
  const appealRows = index.rows.filter((r) => r.node.id.startsWith('appeals.'));
  const base = 6; // applicant columns before 总计

  const results = fc.tuple(...resultRows.map(() => fc.array(count, { minLength: base, maxLength: base })));
  const forward = fc.array(count, { minLength: base, maxLength: base });
  const shares = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: base, maxLength: base });
  const active = fc.tuple(...activeRows.map((r) => fc.tuple(...r.node.columns.map(cell))));
  const appeals = fc.tuple(...appealRows.map(() => fc.array(count, { minLength: 4, maxLength: 4 })));

  return fc
    .record({
      year: YEARS[edition],
      results,
      forward,
      shares,
      active,
      appeals,
      agencyType: fc.constantFrom(undefined, '人民政府', '部门'),
    })
    .map(({ year, results: res, forward: fwd, shares: sh, active: act, appeals: ap, agencyType }) => {
      const rows: Record<string, number[]> = {};
      const withTotal = (values: readonly number[]): number[] => [...values, sum(values)];
      resultRows.forEach((r, i) => (rows[r.node.id] = withTotal(res[i])));
      const total = Array.from({ length: base }, (_, c) => sum(res.map((row) => row[c])));
      const carriedOver = total.map((t, c) => Math.floor(sh[c] * (t + fwd[c])));
      const received = total.map((t, c) => t + fwd[c] - carriedOver[c]);
      rows['applications.results.total'] = withTotal(total);
      rows['applications.carriedForward'] = withTotal(fwd);
      rows['applications.carriedOver'] = withTotal(carriedOver);
      rows['applications.newReceived'] = withTotal(received);
      activeRows.forEach((r, i) => (rows[r.node.id] = [...act[i]]));
      appealRows.forEach((r, i) => (rows[r.node.id] = withTotal(ap[i])));
      for (const id of OTHER_IDS) if (!rows[id]) throw new Error(`no values for ${id}`);
      return {
        edition,
        year,
        agency: '示范市临江区人民政府',
        // Published within the 第四十九条 deadline of the following year.
        published: `${year + 1}-01-20`,
        ...(agencyType ? { agencyType } : {}),
        texts: TEXTS,
        rows,
      };
    });
}
