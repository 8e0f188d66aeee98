// Generating consistent multi-year report series (seeded, deterministic) for benchmarks and fixtures.
// Every report checks clean on its own and against the previous year: carry-overs, stocks and item counts
// continue, and the narrative states figures that match the tables.
// Usage (after `npm run build`): import { series } from './generateReports.mjs'.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../out/core/src/index.js');

/** mulberry32: a small seeded PRNG. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPLICANTS = 6; // columns before 总计

function int(rand, max) {
  return Math.floor(rand() * (max + 1));
}

function withTotal(values) {
  return [...values, values.reduce((s, v) => s + v, 0)];
}

/** Split n into k non-negative parts. */
function split(rand, n, k) {
  const parts = new Array(k).fill(0);
  for (let i = 0; i < n; i++) parts[Math.floor(rand() * k)]++;
  return parts;
}

function resultRowIds(edition) {
  return core
    .templateIndex(edition)
    .rows.map((p) => p.node.id)
    .filter((id) => id.startsWith('applications.results.') && id !== 'applications.results.total');
}

function appealRow(rand, max) {
  const v = [int(rand, max), int(rand, max), rand() < 0.2 ? 1 : 0, int(rand, 1)];
  return [...v, v.reduce((s, x) => s + x, 0)];
}

const OTHER_TEXT = '本年度未收取信息处理费。本机关无其他需要报告的事项。';

/**
 * Reports of one agency for `years` consecutive years from `firstYear`: [{ year, edition, text }].
 * `government`: a 人民政府 (3月31日 deadline, 考核评议问责 in 五) instead of a 部门.
 */
export function series({ agency, firstYear, years, seed, government = false }) {
  const rand = random(seed);
  const out = [];
  let carried = new Array(APPLICANTS).fill(0);
  const state = {
    inForce: { rules: int(rand, 5), normative: 10 + int(rand, 40) },
    totalPublished: { rules: int(rand, 5), normative: 10 + int(rand, 40) },
    items: {
      'active.art20_5.licensing': [50 + int(rand, 100), 0],
      'active.art20_5.otherServices': [10 + int(rand, 30), 0],
      'active.art20_6.penalty': [100 + int(rand, 200), 0],
      'active.art20_6.enforcement': [5 + int(rand, 20), 0],
      'active.art20_8.fees': [int(rand, 20), 0],
    },
  };
  for (let k = 0; k < years; k++) {
    const year = firstYear + k;
    const edition = core.editionForYear(year);
    const rows = {};
    // 三: new requests, results, carry-forward; every column balances.
    const received = Array.from({ length: APPLICANTS }, (_, c) => (c === 2 ? 0 : int(rand, c === 0 ? 60 : 6)));
    const available = received.map((r, c) => r + carried[c]);
    const forward = available.map((a) => Math.min(a, int(rand, 2)));
    const handled = available.map((a, c) => a - forward[c]);
    const resultIds = resultRowIds(edition);
    const perRow = resultIds.map(() => new Array(APPLICANTS).fill(0));
    for (let c = 0; c < APPLICANTS; c++) {
      const parts = split(rand, handled[c], resultIds.length);
      parts.forEach((n, r) => (perRow[r][c] = n));
    }
    rows['applications.newReceived'] = withTotal(received);
    rows['applications.carriedOver'] = withTotal(carried);
    resultIds.forEach((id, r) => (rows[id] = withTotal(perRow[r])));
    rows['applications.results.total'] = withTotal(handled);
    rows['applications.carriedForward'] = withTotal(forward);
    rows['appeals.review'] = appealRow(rand, 2);
    rows['appeals.litigation.direct'] = appealRow(rand, 1);
    rows['appeals.litigation.afterReview'] = appealRow(rand, 1);
    // 二: stocks and item counts continue from last year.
    let issued = 0;
    let repealed = 0;
    let inForce = 0;
    if (edition === 2021) {
      for (const kind of ['rules', 'normative']) {
        const i = int(rand, kind === 'rules' ? 1 : 8);
        const r = Math.min(state.inForce[kind], int(rand, 3));
        state.inForce[kind] += i - r;
        rows[`active.art20_1.${kind}`] = [i, r, state.inForce[kind]];
        if (kind === 'normative') [issued, repealed, inForce] = [i, r, state.inForce[kind]];
      }
      rows['active.art20_5.licensing'] = [int(rand, 2000)];
      rows['active.art20_6.penalty'] = [int(rand, 3000)];
      rows['active.art20_6.enforcement'] = [int(rand, 80)];
      rows['active.art20_8.fees'] = [Math.round(rand() * 200000) / 100];
    } else {
      for (const kind of ['rules', 'normative']) {
        const made = int(rand, kind === 'rules' ? 1 : 8);
        state.totalPublished[kind] += made;
        rows[`active.art20_1.${kind}`] = [made, made, state.totalPublished[kind]];
        if (kind === 'normative') issued = made;
      }
      for (const [id, item] of Object.entries(state.items)) {
        item[0] += item[1];
        item[1] = int(rand, 6) - 3;
        if (item[0] + item[1] < 0) item[1] = -item[0];
        rows[id] = id === 'active.art20_8.fees' ? [item[0], item[1]] : [item[0], item[1], int(rand, 900)];
      }
      rows['active.art20_9.procurement'] = [int(rand, 20), Math.round(rand() * 500000) / 1000];
    }
    const t = (id) => rows[id][APPLICANTS];
    const sumOf = (prefix) => resultIds.filter((id) => id.startsWith(prefix)).reduce((s, id) => s + t(id), 0);
    const overview = [
      `${year}年，${agency}认真贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。`,
      '',
      edition === 2021
        ? `（一）主动公开。全年主动公开政府信息${200 + int(rand, 3000)}条，制发行政规范性文件${issued}件，废止${repealed}件，现行有效的行政规范性文件${inForce}件。`
        : `（一）主动公开。全年主动公开政府信息${200 + int(rand, 3000)}条，新制作规范性文件${issued}件。`,
      '',
      `（二）依申请公开。全年共收到政府信息公开申请${t('applications.newReceived')}件，上年结转${t('applications.carriedOver')}件；办结${t('applications.results.total')}件，其中予以公开${t('applications.results.granted')}件、部分公开${t('applications.results.partial')}件、不予公开${sumOf('applications.results.refused.')}件、无法提供${sumOf('applications.results.unable.')}件、不予处理${sumOf('applications.results.notProcessed.')}件、其他处理${sumOf('applications.results.other')}件；结转下年度继续办理${t('applications.carriedForward')}件。`,
      '',
      `（三）监督保障。组织业务培训${1 + int(rand, 5)}次。全年因政府信息公开工作被申请行政复议${rows['appeals.review'][4]}件、提起行政诉讼${rows['appeals.litigation.direct'][4] + rows['appeals.litigation.afterReview'][4]}件。`,
    ].join('\n');
    const problems = [
      `（一）存在的主要问题。一是主动公开内容更新不够及时；二是政策解读形式较为单一。`,
      '',
      `（二）改进措施。一是建立公开内容定期检查制度；二是丰富解读形式。`,
      ...(government
        ? [
            '',
            '（三）工作考核、社会评议和责任追究结果情况。将政务公开纳入绩效考核，开展社会评议，未发生需要责任追究的情形。',
          ]
        : []),
    ].join('\n');
    const text = core.writeReport({
      edition,
      agency,
      year,
      published: `${year + 1}-01-${String(10 + int(rand, 20)).padStart(2, '0')}`,
      agencyType: government ? '人民政府' : '部门',
      texts: { overview: `${overview}\n`, problems: `${problems}\n`, other: `${OTHER_TEXT}\n` },
      rows,
    });
    out.push({ year, edition, text });
    carried = forward;
  }
  return out;
}

/**
 * Ways a generated report is broken in the batch benchmark, each a mistake people make, and the finding it gives:
 * a wrong total (NB303), a narrative figure that contradicts the table (NB309), a blank cell (NB206), a
 * misspelt row label (NB201 with the nearest label), and a syntax error that sends the report down the recovery
 * path (NB101, the rest still checked).
 */
export const DEFECTS = {
  wrongTotal: (text) =>
    text.replace(
      /(  本年新收政府信息公开申请数量: \[(?:\d+, ){6})(\d+)\]/,
      (_m, head, total) => `${head}${Number(total) + 1}]`,
    ),
  narrative: (text) =>
    text.replace(/全年共收到政府信息公开申请(\d+)件/, (_m, n) => `全年共收到政府信息公开申请${Number(n) + 3}件`),
  blankCell: (text) => text.replace(/(    予以公开: \[)\d+,/, '$1null,'),
  misspeltLabel: (text) => text.replace('    无法提供:', '    无发提供:'),
  syntaxError: (text) => text.replace(/(  行政复议: \[[\d, ]+)\]/, '$1'),
};

/**
 * Which defect (if any) the report at `index` gets: about one report in six is broken, the kinds in turn, so
 * that any prefix of the corpus has the same mix.
 */
export function defectFor(index) {
  const kinds = Object.keys(DEFECTS);
  if (index % 6 !== 5) return undefined;
  return kinds[Math.floor(index / 6) % kinds.length];
}

/**
 * The batch corpus: `agencies` agencies × `years` consecutive years from 2019 (both editions: 2019–2020 in the
 * 2019 edition, later years in the 2021 edition), one in five agencies a 人民政府; about one report in six broken.
 * Returns [{ agency, year, edition, text, defect }] in agency order, so that the first k agencies are a
 * representative smaller corpus.
 */
export function batchCorpus({ agencies, years, firstYear = 2019 }) {
  const out = [];
  for (let a = 0; a < agencies; a++) {
    const agency = `示范省第${a + 1}号测试机关`;
    for (const r of series({ agency, firstYear, years, seed: a + 1, government: a % 5 === 0 })) {
      const defect = defectFor(out.length);
      const text = defect ? DEFECTS[defect](r.text) : r.text;
      if (defect && text === r.text) throw new Error(`defect ${defect} did not apply to ${agency} ${r.year}`);
      out.push({ agency: a, year: r.year, edition: r.edition, text, defect });
    }
  }
  return out;
}
