/**
 * `nianbao compare FROM TO`: the JSON shape of the issue, every cell of both editions (a 2019-edition year against a
 * 2021-edition year: （六）其他处理 is one row in one and three in the other), blanks kept blank, the findings between
 * consecutive years, the human and HTML outputs, and the usual refusals (wrong arguments, not a report, an existing
 * or input file as output).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ComparisonJson } from '../../cli/src/formatCompare';
import { runBin, runCli } from '../support/cliRun';
import { EXAMPLES, SERIES } from '../support/paths';

const YOY = SERIES.yoy;
const BROKEN = SERIES.broken;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-compare-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function json(from: string, to: string): Promise<ComparisonJson> {
  const r = await runCli(['compare', from, to, '--format', 'json']);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as ComparisonJson;
}

const key = (path: readonly (string | number)[]): string => JSON.stringify(path);

describe('a 2019-edition year (2020) against a 2021-edition year (2021)', async () => {
  const from = join(YOY, 'eco-2020.nianbao.yaml');
  const to = join(YOY, 'eco-2021.nianbao.yaml');
  const out = await json(from, to);

  test('the shape is exactly the documented one', () => {
    assert.deepEqual(Object.keys(out), ['version', 'from', 'to', 'cells', 'findings']);
    assert.equal(out.version, 1);
    assert.deepEqual(out.from, { file: from, 机关: '示范市临江区生态环境局(本级)', 年度: 2020, 格式: 2019 });
    assert.deepEqual(out.to, { file: to, 机关: '示范市临江区 生态环境局（本级）', 年度: 2021, 格式: 2021 });
    for (const cell of out.cells) {
      const keys = Object.keys(cell);
      assert.deepEqual(keys.slice(0, 5), ['path', 'from', 'to', 'change', 'ratio'], key(cell.path));
      assert.ok(keys.length === 5 || (keys.length === 6 && keys[5] === 'only'), key(cell.path));
    }
  });

  test('a cell in both: both values, the change and the ratio', () => {
    const received = out.cells.find(
      (c) => key(c.path) === key(['收到和处理政府信息公开申请情况', '本年新收政府信息公开申请数量', 6]),
    );
    assert.deepEqual(received, {
      path: ['收到和处理政府信息公开申请情况', '本年新收政府信息公开申请数量', 6],
      from: 19,
      to: 25,
      change: 6,
      ratio: 1.315789,
    });
    // A change from 0 has no ratio.
    const granted = out.cells.find(
      (c) => key(c.path) === key(['收到和处理政府信息公开申请情况', '本年度办理结果', '予以公开', 6]),
    );
    assert.deepEqual([granted?.from, granted?.to, granted?.change, granted?.ratio], [0, 1, 1, null]);
    // 行政许可's decisions: three columns in 2019 ([上一年项目数量, 本年增/减, 处理决定数量]), one in 2021.
    const licensing = out.cells.find(
      (c) => key(c.path) === key(['主动公开政府信息情况', '第二十条第（五）项', '行政许可']),
    );
    assert.deepEqual([licensing?.from, licensing?.to, licensing?.change], [40, 134, 94]);
  });

  test('（六）其他处理: the 2019 row is marked as only in FROM, the three 2021 rows as only in TO', () => {
    const other2019 = out.cells.filter(
      (c) =>
        key(c.path.slice(0, 3)) === key(['收到和处理政府信息公开申请情况', '本年度办理结果', '其他处理']) &&
        c.path.length === 4,
    );
    assert.equal(other2019.length, 7);
    for (const c of other2019) assert.equal(c.only, 'from');
    assert.deepEqual(
      other2019.map((c) => c.from),
      [0, 0, 0, 1, 0, 0, 1],
    );
    const other2021 = out.cells.filter((c) => c.path.length === 5 && c.path[2] === '其他处理');
    assert.equal(other2021.length, 21);
    for (const c of other2021) {
      assert.equal(c.only, 'to');
      assert.equal(c.from, null);
      assert.equal(c.change, null);
    }
  });

  test('the finding between the years: the 同比 statement on TO’s line', () => {
    assert.deepEqual(
      out.findings.map((d) => [d.code, d.severity, d.line, d.column]),
      [['NB314', 'warning', 19, 13]],
    );
    assert.match(out.findings[0].message, /「与上年持平」与表格不符/);
  });
});

test('blank stays blank: no change and no ratio against a blank cell, in either direction', async () => {
  const text = readFileSync(join(YOY, 'eco-2022.nianbao.yaml'), 'utf8').replace(/^ {4}行政许可: .*$/m, '    行政许可:');
  const blank = join(dir, 'eco-2022-blank.nianbao.yaml');
  writeFileSync(blank, text);
  const to = join(YOY, 'eco-2023.nianbao.yaml');
  const path = key(['主动公开政府信息情况', '第二十条第（五）项', '行政许可']);
  const forward = (await json(blank, to)).cells.find((c) => key(c.path) === path);
  assert.deepEqual(forward, { path: JSON.parse(path), from: null, to: 68, change: null, ratio: null });
  const back = (await json(to, blank)).cells.find((c) => key(c.path) === path);
  assert.deepEqual(back, { path: JSON.parse(path), from: 68, to: null, change: null, ratio: null });
});

test('an error between the years (a broken carry-over) exits 1 and is in the findings', async () => {
  const r = await runCli([
    'compare',
    join(BROKEN, 'eco-2020.nianbao.yaml'),
    join(BROKEN, 'eco-2021.nianbao.yaml'),
    '--format',
    'json',
  ]);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as ComparisonJson;
  assert.deepEqual(
    out.findings.map((d) => d.code),
    ['NB306', 'NB306'],
  );
});

test('reports that are not consecutive years: compared, no findings, and the human output says why', async () => {
  const from = join(YOY, 'eco-2020.nianbao.yaml');
  const to = join(YOY, 'eco-2022.nianbao.yaml');
  const out = await json(from, to);
  assert.deepEqual(out.findings, []);
  const human = await runCli(['compare', from, to]);
  assert.equal(human.code, 0);
  assert.match(human.stdout, /不是相邻年度/);
  const other = await runCli(['compare', join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), to]);
  assert.match(other.stdout, /不是同一机关/);
});

test('human output: the header, each changed cell with both values, the sentences, the findings', async () => {
  const r = await runCli(['compare', join(YOY, 'eco-2021.nianbao.yaml'), join(YOY, 'eco-2022.nianbao.yaml')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^对比：示范市临江区 生态环境局（本级） 2021年度（2021年版，/);
  assert.match(r.stdout, /一、本年新收政府信息公开申请数量·总计\s+25 → 42\s+\+17 \+68%/);
  assert.match(r.stdout, /~ 全年共收到政府信息公开申请\[-25-\]\{\+42\+\}件/);
  assert.match(r.stdout, /跨年度检查：1 个问题\n.*警告 NB314 一、总体情况中「较上年增长58%」/);
  const en = await runCli([
    'compare',
    join(YOY, 'eco-2021.nianbao.yaml'),
    join(YOY, 'eco-2022.nianbao.yaml'),
    '--lang',
    'en',
  ]);
  assert.match(en.stdout, /^Compared: /);
  assert.match(en.stdout, /does not match the tables/);
});

test('HTML: a standalone page with the official tables, both values per cell, no script, a CSP that loads nothing', async () => {
  const target = join(dir, 'compare.html');
  const r = runBin([
    'compare',
    join(YOY, 'eco-2020.nianbao.yaml'),
    join(YOY, 'eco-2021.nianbao.yaml'),
    '--format',
    'html',
    '-o',
    target,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const html = readFileSync(target, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.doesNotMatch(html, /<script/i);
  assert.match(
    html,
    /<span class="nb-now">25<\/span><span class="nb-was">19<\/span><span class="nb-delta">\+6<\/span>/,
  );
  assert.match(html, /只有2020（2019年版格式）有的项目/);
  assert.match(html, /<ins>25<\/ins>/);
  // An existing output is refused without --force, and kept.
  const again = runBin([
    'compare',
    join(YOY, 'eco-2020.nianbao.yaml'),
    join(YOY, 'eco-2021.nianbao.yaml'),
    '--format',
    'html',
    '-o',
    target,
  ]);
  assert.equal(again.code, 2);
  assert.equal(readFileSync(target, 'utf8'), html);
});

test('refusals: wrong arguments, a text that is no report, an input as output', async () => {
  assert.equal((await runCli(['compare', join(YOY, 'eco-2020.nianbao.yaml')])).code, 2);
  assert.equal((await runCli(['compare', '-', '-'])).code, 2);
  assert.equal(
    (
      await runCli([
        'compare',
        join(YOY, 'eco-2020.nianbao.yaml'),
        join(YOY, 'eco-2021.nianbao.yaml'),
        '--format',
        'csv',
      ])
    ).code,
    2,
  );
  const list = join(dir, 'list.nianbao.yaml');
  writeFileSync(list, '- a\n- b\n');
  const notReport = await runCli(['compare', list, join(YOY, 'eco-2021.nianbao.yaml')]);
  assert.equal(notReport.code, 2);
  assert.match(notReport.stderr, /没有可以对比的年报/);
  const input = join(dir, 'mine.nianbao.yaml');
  const text = readFileSync(join(YOY, 'eco-2021.nianbao.yaml'), 'utf8');
  writeFileSync(input, text);
  const overInput = runBin(['compare', join(YOY, 'eco-2020.nianbao.yaml'), input, '-o', input, '--force']);
  assert.equal(overInput.code, 2);
  assert.equal(readFileSync(input, 'utf8'), text);
  assert.equal(existsSync(join(dir, 'never.html')), false);
});
