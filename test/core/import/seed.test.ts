/** The seed: the published caozhen-2020 text imports to exactly the values of the hand-written example. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, importReport } from '../../../core/src/index';
import { EXAMPLES, FIXTURES } from '../../support/paths';
import { readerText, reportValues } from '../../support/reportValues';

const SEED_TEXT = join(FIXTURES, 'import', 'caozhen-2020-report.txt');
const EXAMPLE = join(EXAMPLES, 'caozhen-2020.nianbao.yaml');

test('the seed text imports to exactly the values of examples/caozhen-2020.nianbao.yaml', () => {
  const result = importReport(readFileSync(SEED_TEXT));
  assert.ok(result.ok, result.ok ? '' : result.error.zh);
  const got = reportValues(result.yaml);
  const want = reportValues(readFileSync(EXAMPLE, 'utf8'));

  assert.deepEqual(
    { edition: got.edition, agency: got.agency, year: got.year, published: got.published },
    { edition: want.edition, agency: want.agency, year: want.year, published: want.published },
  );
  assert.deepEqual(Object.keys(got.rows).sort(), Object.keys(want.rows).sort());
  for (const id of Object.keys(want.rows)) assert.deepEqual(got.rows[id], want.rows[id], id);
  // 采购总金额 is printed "3,020.782": parsed, not corrected.
  assert.deepEqual(got.rows['active.art20_9.procurement'], [11, 3020.782]);

  assert.deepEqual(Object.keys(got.texts).sort(), ['other', 'overview', 'problems']);
  for (const id of Object.keys(want.texts)) {
    assert.deepEqual(readerText(got.texts[id]), readerText(want.texts[id]), id);
    // Paragraphs and their order come through unchanged, the overview's own repeated 一、总体情况 included.
    assert.equal(got.texts[id], want.texts[id], id);
  }
});

test('the seed imports with nothing approximate, unplaced or missing, and checks clean', () => {
  const result = importReport(readFileSync(SEED_TEXT));
  assert.ok(result.ok);
  assert.equal(result.kind, 'text');
  assert.equal(result.encoding, 'utf-8');
  assert.deepEqual([result.fuzzy, result.unplaced, result.missing, result.notes], [[], [], [], []]);
  assert.deepEqual(
    analyze(result.yaml).diagnostics.map((d) => `${d.code} ${d.message.zh}`),
    [],
  );
  // Written like the hand-written example: the same text below the comment block.
  const body = (yaml: string): string =>
    yaml
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
  assert.equal(body(result.yaml), body(readFileSync(EXAMPLE, 'utf8')));
  assert.match(
    result.yaml,
    /^# 湛河区曹镇乡人民政府 2020 年政府信息公开工作年度报告，由 nianbao import 从已发布原文导入（2019年版格式/,
  );
});

test('the same text as a string (already decoded) imports the same', () => {
  const bytes = readFileSync(SEED_TEXT);
  const fromBytes = importReport(bytes);
  const fromString = importReport(`\ufeff${bytes.toString('utf8').replace(/\n/g, '\r\n')}`);
  assert.ok(fromBytes.ok && fromString.ok);
  assert.equal(fromString.yaml, fromBytes.yaml);
});
