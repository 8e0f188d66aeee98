/**
 * Published pages and texts in the official layout and in the messy variants found in the wild: each imports to
 * its expected YAML exactly (`<name>.expected.yaml` beside it), and the particular behaviour it stands for is
 * asserted on the values, the notes and what `nianbao check` then says.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { analyze, importReport } from '../../../core/src/index';
import type { ImportSuccess } from '../../../core/src/index';
import { importFile } from '../../../extract/src/importFile';
import { stopPdfWorker } from '../../../extract/src/pdfItems';
import { EXAMPLES, FIXTURES } from '../../support/paths';
import { readerText, reportValues } from '../../support/reportValues';

const DIR = join(FIXTURES, 'import');

function imported(name: string): ImportSuccess {
  const result = importReport(readFileSync(join(DIR, name)));
  if (!result.ok) assert.fail(`${name}: ${result.error.zh}`);
  return result;
}

function codes(yaml: string): string[] {
  return analyze(yaml)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.path.join('/')}`);
}

after(stopPdfWorker);

async function importedFile(name: string): Promise<ImportSuccess> {
  const result = await importFile(new Uint8Array(readFileSync(join(DIR, name))), name);
  if (!result.ok) assert.fail(`${name}: ${result.error.zh}`);
  return result;
}

const sources = readdirSync(DIR).filter(
  (n) => /\.(html|txt|pdf|docx)$/.test(n) && readdirSync(DIR).includes(n.replace(/\.\w+$/, '.expected.yaml')),
);

test('every fixture has its expected YAML', () => {
  assert.deepEqual(sources, [
    'chromium-2024.pdf',
    'chromium-wrapped-2020.pdf',
    'docx-2024.docx',
    'docx-inline-2020.docx',
    'messy-2022.html',
    'mixed-edition-2021.html',
    'office-2024.pdf',
    'official-2019.html',
    'official-2021.html',
    'oldlayout-2021.txt',
    'pdf-2022.txt',
    'shanghai-office-2019.html',
    'word-2020-gbk.html',
    'word-inline-2020.html',
    'word-irregular-2024.html',
    'word-printed-2024.pdf',
  ]);
});

for (const name of sources) {
  test(`${name} imports to exactly ${name.replace(/\.\w+$/, '.expected.yaml')}`, async () => {
    const expected = readFileSync(join(DIR, name.replace(/\.\w+$/, '.expected.yaml')), 'utf8');
    assert.equal((await importedFile(name)).yaml, expected);
  });
}

/** Every value of an example report, as the fixtures made from it print them (scripts/make-import-fixtures.mjs). */
function exampleRows(file: string): Readonly<Record<string, readonly (number | null | undefined)[]>> {
  return reportValues(readFileSync(join(EXAMPLES, file), 'utf8')).rows;
}

for (const [name, example] of [
  ['word-irregular-2024.html', 'shifan-2024.nianbao.yaml'],
  ['word-inline-2020.html', 'caozhen-2020.nianbao.yaml'],
  ['docx-2024.docx', 'shifan-2024.nianbao.yaml'],
  ['docx-inline-2020.docx', 'caozhen-2020.nianbao.yaml'],
  ['chromium-2024.pdf', 'shifan-2024.nianbao.yaml'],
  ['chromium-wrapped-2020.pdf', 'caozhen-2020.nianbao.yaml'],
  ['word-printed-2024.pdf', 'shifan-2024.nianbao.yaml'],
  ['office-2024.pdf', 'shifan-2024.nianbao.yaml'],
] as const) {
  test(`${name}: every value of ${example} is placed, nothing is left over`, async () => {
    const result = await importedFile(name);
    assert.deepEqual(reportValues(result.yaml).rows, exampleRows(example));
    assert.deepEqual([result.unplaced, result.missing], [[], []]);
    assert.equal(result.cells.placed, result.cells.printed);
    assert.deepEqual(codes(result.yaml), []);
  });
}

test('a Word page on an irregular grid: agency above the title with full-width brackets kept, 时间：, an opening paragraph citing the notice, heading variants', async () => {
  const result = await importedFile('word-irregular-2024.html');
  const got = reportValues(result.yaml);
  assert.deepEqual(
    [got.agency, got.year, got.published],
    ['示范市自然资源和规划局（示范市林业局）', 2024, '2025-01-22'],
  );
  // The paragraph citing 关于做好2024年政府信息公开工作年度报告编制公布工作的通知 is not the title; it opens 总体情况.
  assert.match(
    readerText(got.texts.overview)[0],
    /^根据《中华人民共和国政府信息公开条例》和《国务院办公厅.*关于做好2024年政府信息公开工作年度报告编制公布工作的通知》要求/,
  );
  assert.deepEqual(
    result.fuzzy.map((f) => `${f.printed} → ${f.label}`),
    ['五、存在的主要问题及明年工作计划 → 五、存在的主要问题及改进情况'],
  );
  assert.equal(result.kind, 'html');
});

test('the publication date labelled 日期：, 发布日期：, 公开日期： or 时间： is read; 截止日期： and 统计时间： are not it and stay in the text', async () => {
  const page = readFileSync(join(DIR, 'word-irregular-2024.html'), 'utf8');
  const labelled = (label: string): string => {
    const edited = page.replace('>时间：<', `>${label}<`);
    assert.ok(edited.includes(`>${label}<span lang=EN-US>2025-01-22<`), label);
    return edited;
  };
  const original = await importedFile('word-irregular-2024.html');
  for (const label of ['日期：', '发布日期：', '公开日期：', '时间：']) {
    const result = importReport(labelled(label));
    if (!result.ok) assert.fail(result.error.zh);
    assert.equal(reportValues(result.yaml).published, '2025-01-22', label);
    assert.deepEqual(result.notes, original.notes, label);
  }
  for (const label of ['截止日期：', '统计时间：']) {
    const result = importReport(labelled(label));
    if (!result.ok) assert.fail(result.error.zh);
    const got = reportValues(result.yaml);
    assert.equal(got.published, undefined, label);
    assert.equal(readerText(got.texts.overview)[0], `${label}2025-01-22`, label);
  }
});

test('a Word page with the year first in its title and the date only under the signature; groups and rows in one cell', async () => {
  const result = await importedFile('word-inline-2020.html');
  const got = reportValues(result.yaml);
  assert.deepEqual([got.agency, got.year, got.published], ['示范县城关镇人民政府', 2020, '2021-03-26']);
  assert.deepEqual(
    result.notes.map((n) => n.zh),
    ['原文没有标明发布日期，「发布日期」取自文末落款日期 2021-03-26'],
  );
  assert.deepEqual(readerText(got.texts.other), ['无']);
});

test('.docx: a title broken after 政府信息公开, 发布时间：, gridSpan and vMerge', async () => {
  const result = await importedFile('docx-2024.docx');
  assert.equal(result.kind, 'docx');
  const got = reportValues(result.yaml);
  assert.deepEqual(
    [got.agency, got.year, got.published],
    ['示范市自然资源和规划局（示范市林业局）', 2024, '2025-01-22'],
  );
  const docx = readFileSync(join(DIR, 'docx-2024.docx'));
  assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK');
});

test('PDF printed by Chromium: the narrative comes back paragraph by paragraph, the title over two lines', async () => {
  const result = await importedFile('chromium-2024.pdf');
  assert.equal(result.kind, 'pdf');
  const got = reportValues(result.yaml);
  const want = reportValues(readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8'));
  assert.deepEqual([got.agency, got.year], ['示范市临江区人民政府', 2024]);
  for (const id of ['overview', 'problems', 'other'])
    assert.deepEqual(readerText(got.texts[id]), readerText(want.texts[id]), id);
});

/** Blank (`&nbsp;`) in the published table. */
const _ = null;

test('a real published report (上海市人民政府办公厅 2019, www.shanghai.gov.cn): every printed cell in its template cell, every blank null', () => {
  const result = imported('shanghai-office-2019.html');
  const got = reportValues(result.yaml);
  assert.deepEqual(
    [got.edition, got.agency, got.year, got.published],
    [2019, '上海市人民政府办公厅', 2019, '2020-01-31'],
  );
  // Transcribed by hand from the page's four tables, cell for cell (198 cells, 63 of them printed).
  assert.deepEqual(got.rows, {
    'active.art20_1.rules': [13, 13, 524],
    'active.art20_1.normative': [60, 60, 368],
    'active.art20_5.licensing': [0, 0, 0],
    'active.art20_5.otherServices': [0, 0, 0],
    'active.art20_6.penalty': [0, 0, 0],
    'active.art20_6.enforcement': [0, 0, 0],
    'active.art20_8.fees': [0, 0],
    'active.art20_9.procurement': [6, 25.1],
    'applications.newReceived': [821, 35, _, _, 2, 1, 859],
    'applications.carriedOver': [18, _, _, _, _, _, 18],
    'applications.results.granted': [258, 12, _, _, 1, 1, _],
    'applications.results.partial': [3, _, _, _, _, _, _],
    'applications.results.refused.stateSecret': [14, _, _, _, _, _, _],
    'applications.results.refused.prohibitedByLaw': [_, _, _, _, _, _, _],
    'applications.results.refused.threeSecurity': [_, _, _, _, _, _, _],
    'applications.results.refused.thirdParty': [_, _, _, _, _, _, _],
    'applications.results.refused.internalAffairs': [5, _, _, _, _, _, _],
    'applications.results.refused.processInfo': [3, 1, _, _, _, _, _],
    'applications.results.refused.enforcementFiles': [_, _, _, _, _, _, _],
    'applications.results.refused.queryMatters': [10, 2, _, _, _, _, _],
    'applications.results.unable.notHeld': [252, 12, _, _, 1, _, _],
    'applications.results.unable.needsCreation': [44, 3, _, _, _, _, _],
    'applications.results.unable.unclear': [25, _, _, _, _, _, _],
    'applications.results.notProcessed.petition': [148, 1, _, _, _, _, _],
    'applications.results.notProcessed.repeated': [5, 4, _, _, _, _, _],
    'applications.results.notProcessed.publications': [_, _, _, _, _, _, _],
    'applications.results.notProcessed.excessive': [_, _, _, _, _, _, _],
    'applications.results.notProcessed.confirmation': [_, _, _, _, _, _, _],
    'applications.results.other': [_, _, _, _, _, _, _],
    'applications.results.total': [767, 35, _, _, 2, 1, 805],
    'applications.carriedForward': [72, _, _, _, _, _, 72],
    'appeals.review': [5, _, _, 2, 7],
    'appeals.litigation.direct': [8, _, _, 1, 9],
    'appeals.litigation.afterReview': [_, _, _, _, _],
  });
  assert.deepEqual(result.cells, { placed: 63, printed: 63 });
  assert.deepEqual([result.unplaced, result.missing], [[], []]);
  // 251000元 moved to 万元 exactly, with a comment saying so.
  assert.match(result.yaml, /政府集中采购: \[6, 25\.1\] +# 采购总金额原文印作 251000元，已由元换算为万元：25\.1\n/);
  assert.deepEqual(
    result.fuzzy.map((f) => `${f.section} ${f.printed} → ${f.label}`),
    ['五 五、政府信息公开工作存在的主要问题及改进情况 → 五、存在的主要问题及改进情况'],
  );
  // What the agency printed: blank 总计 in eleven rows of 三 whose other cells hold numbers.
  const found = codes(result.yaml);
  assert.equal(found.length, 11);
  assert.ok(
    found.every((c) => /^NB207 收到和处理政府信息公开申请情况\/本年度办理结果\/.*\/6$/.test(c)),
    found.join('\n'),
  );
  assert.deepEqual(readerText(got.texts.other), ['无。']);
});

test('official 2021 layout: the values of examples/shifan-2024 come back cell for cell; page furniture stays out', () => {
  const result = imported('official-2021.html');
  const got = reportValues(result.yaml);
  const want = reportValues(readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8'));
  assert.deepEqual(
    [got.edition, got.agency, got.year, got.published],
    [2021, '示范市临江区人民政府', 2024, '2025-03-20'],
  );
  assert.deepEqual(got.rows, want.rows);
  assert.deepEqual(result.notes, []);
  assert.deepEqual(codes(result.yaml), []);
  const all = Object.values(got.texts).join('\n');
  assert.doesNotMatch(all, /版权所有|首页|网站标识码|var x/);
  assert.deepEqual(readerText(got.texts.other), ['本年度未收取信息处理费。']);
});

test('official 2019 layout: 第（九）项, a negative 本年增/减, a decimal amount; checks clean', () => {
  const result = imported('official-2019.html');
  const got = reportValues(result.yaml);
  assert.deepEqual([got.edition, got.agency, got.year, got.published], [2019, '示范县农业农村局', 2020, '2021-01-25']);
  assert.deepEqual(got.rows['active.art20_5.licensing'], [25, -2, 316]);
  assert.deepEqual(got.rows['active.art20_8.fees'], [2, -1]);
  assert.deepEqual(got.rows['active.art20_9.procurement'], [14, 862.5]);
  assert.deepEqual(got.rows['applications.results.other'], [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(got.rows['appeals.litigation.direct'], [0, 0, 0, 1, 1]);
  // The paragraph before 一、总体情况 opens the overview.
  assert.equal(
    readerText(got.texts.overview)[0],
    '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制。',
  );
  assert.deepEqual(result.notes, []);
  assert.deepEqual(codes(result.yaml), []);
});

test('Word HTML saved as GB2312: decoded, merged cells, 1、 labels, a typo, straight quotes, 元 and separators', () => {
  const bytes = readFileSync(join(DIR, 'word-2020-gbk.html'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture really is not UTF-8');
  const result = imported('word-2020-gbk.html');
  assert.equal(result.encoding, 'gb2312');
  const got = reportValues(result.yaml);
  assert.deepEqual([got.edition, got.agency, got.year], [2019, '示范县市场监督管理局', 2020]);
  assert.deepEqual(got.rows['active.art20_1.normative'], [4, 4, 1032]);
  assert.deepEqual(got.rows['active.art20_5.licensing'], [31, -3, 2417]);
  assert.deepEqual(got.rows['active.art20_6.penalty'], [56, 2, 1208]);
  assert.deepEqual(got.rows['active.art20_8.fees'], [3, 0]);
  // 75394432.52元 moved to 万元 exactly, with a comment saying so.
  assert.deepEqual(got.rows['active.art20_9.procurement'], [27, 7539.443252]);
  assert.match(
    result.yaml,
    /政府集中采购: \[27, 7539\.443252\] +# 采购总金额原文印作 75394432\.52元，已由元换算为万元：7539\.443252\n/,
  );
  assert.deepEqual(got.rows['applications.results.refused.prohibitedByLaw'], [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(got.rows['applications.results.refused.threeSecurity'], [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(
    result.fuzzy.map((f) => `${f.printed} → ${f.label}`),
    ['2、其他法律行政止公开 → 2.其他法律行政法规禁止公开'],
  );
  assert.match(
    result.yaml,
    /# 以下标签按近似匹配（原文 → 模板），请核对：\n# {3}三「2、其他法律行政止公开」→「2\.其他法律行政法规禁止公开」\n/,
  );
  // Word's wrapped source lines leave no spaces in the Chinese text.
  assert.equal(
    readerText(got.texts.overview)[0],
    '2020年，示范县市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕市场监管中心工作，全年主动公开政府信息1,326条。',
  );
  assert.deepEqual(codes(result.yaml), []);
});

test('a messy site page: blanks as "/", "—", &nbsp; and empty cells stay null, a blank total is reported', () => {
  const result = imported('messy-2022.html');
  const got = reportValues(result.yaml);
  // The title is broken by <br>; the sidebar's link to the 2021 report is not taken for it.
  assert.deepEqual([got.edition, got.agency, got.year, got.published], [2021, '示范市生态环境局', 2022, '2023-01-18']);
  assert.deepEqual(got.rows['active.art20_1.rules'], [null, null, null]);
  assert.deepEqual(got.rows['active.art20_1.normative'], [5, null, 1203]);
  assert.deepEqual(got.rows['active.art20_5.licensing'], [3020]);
  assert.deepEqual(got.rows['active.art20_6.enforcement'], [null]);
  assert.deepEqual(got.rows['active.art20_8.fees'], [25.1]);
  assert.match(result.yaml, /行政事业性收费: 25\.1 +# 本年收费金额原文印作 251000元，已由元换算为万元：25\.1\n/);
  assert.deepEqual(got.rows['applications.newReceived'], [12, 2, null, null, 1, null, 15]);
  assert.deepEqual(got.rows['applications.results.refused.stateSecret'], [0, 0, null, null, 0, null, 0]);
  assert.deepEqual(got.rows['applications.results.refused.thirdParty'], [1, 0, null, null, 0, null, 1]);
  // The blank total stays where it was printed: last, not shifted into the first column.
  assert.deepEqual(got.rows['applications.results.total'], [13, 2, null, null, 1, null, null]);
  assert.deepEqual(got.rows['appeals.review'], [1, 0, 0, 0, 1]);
  assert.deepEqual(got.rows['appeals.litigation.direct'], [null, null, null, null, null]);
  assert.deepEqual(
    result.fuzzy.map((f) => `${f.section} ${f.printed} → ${f.label}`),
    ['四 行政法复议 → 行政复议'],
  );
  assert.deepEqual(
    result.unplaced.map((u) => `${u.section} ${u.text}`),
    ['六 示范市生态环境局 2023年1月18日'],
  );
  assert.deepEqual(readerText(got.texts.other), ['本机关2022年度未收取信息处理费。']);
  assert.doesNotMatch(Object.values(got.texts).join(''), /打印本页|版权所有|当前位置/);
  // The blank total is reported once (NB207); the other sums read it as the total it should be, so 四 balances.
  assert.deepEqual(codes(result.yaml), ['NB207 收到和处理政府信息公开申请情况/本年度办理结果/总计/6']);
});

test('a 2021 report printed with the 2019 section 二: imported as printed, so that the checker reports it', () => {
  const result = imported('mixed-edition-2021.html');
  assert.equal(result.data.edition, 2021);
  assert.deepEqual(result.data.layout, { active: 2019 });
  const got = reportValues(result.yaml);
  assert.deepEqual(got.rows['applications.results.other.overdueCorrection'], [1, 0, 0, 0, 0, 0, 1]);
  assert.match(
    result.yaml,
    /\n {2}第二十条第（九）项: +# 采购项目数量, 采购总金额（单位：万元）\n {4}政府集中采购: \[6, 148\.2\]\n/,
  );
  assert.match(result.yaml, /\n {4}行政许可: \[18, 1, 402\]\n/);
  assert.match(result.notes.map((n) => n.zh).join('\n'), /「二、主动公开政府信息情况」按原文所用的 2019 年版格式导入/);
  const found = codes(result.yaml);
  assert.equal(found.length, 7);
  assert.ok(
    found.every((c) => c.startsWith('NB312 主动公开政府信息情况/')),
    found.join('\n'),
  );
});

test('a 2021 report wholly in the 2019 layout: 格式 2019 as printed, and the checker reports the year', () => {
  const result = imported('oldlayout-2021.txt');
  const got = reportValues(result.yaml);
  assert.deepEqual([got.edition, got.year], [2019, 2021]);
  assert.equal(result.data.layout, undefined);
  const seed = reportValues(readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8'));
  assert.deepEqual(got.rows, seed.rows);
  assert.deepEqual(codes(result.yaml), ['NB312 格式']);
});

test('text copied from a PDF: rows as runs of numbers, labels and headers broken over lines, wrapped paragraphs', () => {
  const result = imported('pdf-2022.txt');
  const got = reportValues(result.yaml);
  assert.deepEqual([got.edition, got.agency, got.year], [2021, '示范县卫生健康委员会', 2022]);
  assert.deepEqual(got.rows['active.art20_1.normative'], [2, 1, 17]);
  assert.deepEqual(got.rows['applications.results.partial'], [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(got.rows['applications.results.refused.prohibitedByLaw'], [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(got.rows['applications.results.refused.processInfo'], [1, 0, 0, 0, 0, 0, 1]);
  // Label on one line, its numbers on the next.
  assert.deepEqual(got.rows['applications.results.other.overdueCorrection'], [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(got.rows['appeals.review'], [0, 0, 0, 1, 1]);
  assert.equal(
    readerText(got.texts.overview)[0],
    '2022年，示范县卫生健康委员会认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息415条。',
  );
  assert.deepEqual([result.fuzzy, result.unplaced, result.missing], [[], [], []]);
  assert.deepEqual(codes(result.yaml), []);
});
