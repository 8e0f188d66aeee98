import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseChineseNumeral, toChineseNumeral } from '../../../core/src/narrative/numerals';

test('reads Chinese numerals as prose writes them', () => {
  const cases: [string, number][] = [
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十七', 17],
    ['二十', 20],
    ['二十四', 24],
    ['一百', 100],
    ['一百零一', 101],
    ['一百一十', 110],
    ['一千零一十', 1010],
    ['两千零三', 2003],
    ['三万', 30000],
    ['十万零一十七', 100017],
    ['一亿零五百万', 105000000],
    ['二〇二四', 2024],
    ['一十七', 17],
  ];
  for (const [text, value] of cases) assert.equal(parseChineseNumeral(text), value, text);
});

test('rejects runs that are not numerals', () => {
  for (const text of ['', '万', '百', '十十', '一二百', '百百', '万万', '亿万'])
    assert.equal(parseChineseNumeral(text), undefined, text);
});

test('writes numbers the way prose does', () => {
  const cases: [number, string][] = [
    [0, '零'],
    [10, '十'],
    [17, '十七'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1010, '一千零一十'],
    [10005, '一万零五'],
  ];
  for (const [value, text] of cases) assert.equal(toChineseNumeral(value), text, String(value));
});

test('writing then reading gives the number back', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => parseChineseNumeral(toChineseNumeral(n)) === n),
    { seed: 20240602, numRuns: 2000 },
  );
});
