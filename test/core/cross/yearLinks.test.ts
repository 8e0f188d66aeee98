/**
 * Cells linked across years (`previousYearCells` for go to definition, `nextYearCells` for references) over the
 * consistent series test/fixtures/rules/nb306/consistent.pass/: 2019 → 2020 (2019 edition: 上一年项目数量 from 上一年项目数量 and
 * 本年增/减, 对外公开总数量), 2020 → 2021 (现行有效件数 from 对外公开总数量), 2021 → 2022 (现行有效件数), 上年结转 in every year.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ReportIndex, analyze, nextYearCells, previousYearCells } from '../../../core/src/index';
import type { YearLinks } from '../../../core/src/index';
import { SERIES } from '../../support/paths';

const index = new ReportIndex();
const texts = new Map<number, string>();
for (const name of readdirSync(SERIES.consistent)) {
  const year = Number(/(\d{4})/.exec(name)?.[1]);
  const text = readFileSync(join(SERIES.consistent, name), 'utf8');
  texts.set(year, text);
  index.set(`file:///series/${name}`, text);
}
const uriOf = (year: number): string => `file:///series/eco-${year}.nianbao.yaml`;

/** Offset of `needle` in year's text, `delta` characters in. */
function at(year: number, needle: string, delta = 0): number {
  const i = (texts.get(year) as string).indexOf(needle);
  assert.ok(i >= 0, `${needle} in ${year}`);
  return i + delta;
}

/** What each target points at: `year text-of-the-range`. */
function shown(links: YearLinks | undefined): string[] {
  return (links?.targets ?? []).map(
    (t) => `${t.year} ${(texts.get(t.year) as string).slice(t.range.start, t.range.end)} ${t.name}`,
  );
}

function previous(year: number, offset: number): YearLinks | undefined {
  return previousYearCells(index, uriOf(year), analyze(texts.get(year) as string).report, offset);
}

function next(year: number, offset: number): YearLinks | undefined {
  return nextYearCells(index, uriOf(year), analyze(texts.get(year) as string).report, offset);
}

test('上年结转, one column: last year’s 结转下年度继续办理 in that column (agency names written differently)', () => {
  const row = '上年结转政府信息公开申请数量: [2, 1, 0, 0, 1, 2, 6]';
  const links = previous(2021, at(2021, row, row.indexOf('1,')));
  assert.deepEqual(shown(links), ['2020 1 四、结转下年度继续办理·商业企业']);
  assert.equal((texts.get(2021) as string).slice(links?.origin.start, links?.origin.end), '1');
  const target = links?.targets[0];
  assert.equal(target?.uri, uriOf(2020));
  assert.equal(target?.range.start, at(2020, '结转下年度继续办理: [2, 1', '结转下年度继续办理: [2, '.length));
});

test('上年结转 on its key: last year’s whole 结转下年度继续办理 row', () => {
  assert.deepEqual(shown(previous(2022, at(2022, '上年结转政府信息公开申请数量', 2))), [
    '2021 2, 1, 0, 2, 0, 1, 6 四、结转下年度继续办理',
  ]);
});

test('现行有效件数: last year’s (2021 → 2022), or 对外公开总数量 of a 2020 report (2020 → 2021)', () => {
  assert.deepEqual(shown(previous(2022, at(2022, '行政规范性文件: [3, 3, 11]', '行政规范性文件: [3, 3, '.length))), [
    '2021 11 行政规范性文件·现行有效件数',
  ]);
  assert.deepEqual(shown(previous(2021, at(2021, '行政规范性文件: [2, 2, 11]', '行政规范性文件: [2, 2, '.length))), [
    '2020 28 规范性文件·对外公开总数量',
  ]);
});

test('2019 edition: 上一年项目数量 from last year’s 上一年项目数量 and 本年增/减', () => {
  assert.deepEqual(shown(previous(2020, at(2020, '行政许可: [94', '行政许可: ['.length))), [
    '2019 93 行政许可·上一年项目数量',
    '2019 1 行政许可·本年增/减',
  ]);
});

test('references: 结转下年度继续办理 → next year’s 上年结转, cell and row', () => {
  const row = '结转下年度继续办理: [2, 1, 0, 2, 0, 1, 6]';
  assert.deepEqual(shown(next(2021, at(2021, row, row.length - 2))), ['2022 6 二、上年结转政府信息公开申请数量·总计']);
  assert.deepEqual(shown(next(2021, at(2021, row, 1))), ['2022 2, 1, 0, 2, 0, 1, 6 二、上年结转政府信息公开申请数量']);
  // 现行有效件数 is continued by next year's 现行有效件数.
  assert.deepEqual(shown(next(2021, at(2021, '行政规范性文件: [2, 2, 11]', '行政规范性文件: [2, 2, '.length))), [
    '2022 11 行政规范性文件·现行有效件数',
  ]);
});

test('nothing linked: a cell of no continuing row, the first year of a series, the last one for references', () => {
  assert.equal(previous(2021, at(2021, '行政许可: 134', '行政许可: '.length)), undefined);
  assert.equal(previous(2019, at(2019, '上年结转政府信息公开申请数量', 1)), undefined);
  assert.equal(next(2023, at(2023, '结转下年度继续办理', 1)), undefined);
});

test('two reports claim last year: both are targets', () => {
  const copy = new ReportIndex();
  for (const [year, text] of texts) copy.set(uriOf(year), text);
  copy.set('file:///series/eco-2021-copy.nianbao.yaml', texts.get(2021) as string);
  const links = previousYearCells(
    copy,
    uriOf(2022),
    analyze(texts.get(2022) as string).report,
    at(2022, '上年结转政府信息公开申请数量', 1),
  );
  assert.deepEqual(
    links?.targets.map((t) => t.uri),
    ['file:///series/eco-2021-copy.nianbao.yaml', uriOf(2021)],
  );
});
