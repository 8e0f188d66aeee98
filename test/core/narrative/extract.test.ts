/** Behaviours of the extractor beyond the corpora: width forms, list shapes, long and odd texts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractStatements } from '../../../core/src/index';
import { ownScope } from '../../../core/src/narrative/extractStatements';

function read(text: string, year = 2024): string[] {
  return extractStatements(text, { year }).map(
    (s) => `${s.text}=${s.value}:${s.claims.map((c) => c.terms.join('+')).join(';')}`,
  );
}

test('full-width digits and thousands separators are read, and the span is the number as typed', () => {
  assert.deepEqual(read('全年共收到政府信息公开申请１０１件。'), ['１０１=101:received']);
  assert.deepEqual(read('作出行政处罚决定2,368件。'), ['2,368=2368:penalty.decisions']);
  const [s] = extractStatements('收到政府信息公开申请 17 件', { year: 2024 });
  assert.deepEqual([s.start, s.end, s.unit], [11, 13, '件']);
});

test('a 分别 list with fewer or more figures than names says nothing', () => {
  assert.deepEqual(read('予以公开、部分公开、不予公开分别为46件、9件。'), []);
  assert.deepEqual(read('予以公开、部分公开分别为46件、9件、14件。'), []);
});

test('two names without 各, 均, 共 or 分别 are ambiguous: silence', () => {
  assert.deepEqual(read('收到申请并全部办结，共101件。'), []);
  assert.deepEqual(read('行政复议、行政诉讼3件。'), []);
});

test('a subject is borrowed only from a sentence that names exactly one', () => {
  assert.deepEqual(read('制发规章1件、行政规范性文件6件，废止2件。'), ['1=1:rules.issued', '6=6:normative.issued']);
  assert.deepEqual(read('制发行政规范性文件6件。废止2件。'), ['6=6:normative.issued']);
});

test('the year decides which years are other years', () => {
  assert.deepEqual(read('2023年共收到政府信息公开申请80件。', 2023), ['80=80:received']);
  assert.deepEqual(read('2023年共收到政府信息公开申请80件。', 2024), []);
  assert.deepEqual(read('结转至2025年继续办理4件。', 2024), ['4=4:carriedForward']);
  assert.deepEqual(read('结转至2026年继续办理4件。', 2024), []);
});

test('a long narrative without a full stop is read figure by figure', () => {
  const text = '收到政府信息公开申请101件，'.repeat(50_000);
  const found = extractStatements(text, { year: 2024 });
  assert.equal(found.length, 50_000);
  assert.ok(found.every((s) => s.value === 101 && s.claims[0].terms[0] === 'received'));
});

test('odd input gives no statements and no exception', () => {
  for (const text of [
    '',
    '件件件',
    '万元',
    '第1件',
    '1'.repeat(5000) + '件',
    '零零零件',
    '\u0000\uffff件',
    '。'.repeat(1000),
  ]) {
    assert.doesNotThrow(() => extractStatements(text, { year: 2024 }));
  }
  assert.deepEqual(read('第1件申请'), []);
});

test('a numbered slogan or a name in quotes is not a count of what is named before it', () => {
  // The shapes the issue names (“三个一”工作机制, 两个确保), in sentences made for this test: the corpora hold only
  // printed sentences, and none of the reports read holds one.
  for (const text of [
    '依申请公开办理实行“三个一”工作机制。',
    '依申请公开坚持两个确保。',
    '收到申请后落实“一件一档”管理。',
  ])
    assert.deepEqual(extractStatements(text, { year: 2024 }), [], text);
  // A count after the quote still counts.
  assert.equal(extractStatements('按“三个一”工作机制办理，全年收到政府信息公开申请12件。', { year: 2024 }).length, 1);
});

test('全区 is the agency’s own scope only for that 区’s government', () => {
  const text = '全区共收到政府信息公开申请101件。';
  assert.deepEqual(extractStatements(text, { year: 2024 }), []);
  assert.deepEqual(
    extractStatements(text, { year: 2024, scope: ownScope('示范市临江区人民政府') }).map((s) => s.claims),
    [[{ terms: ['received'] }]],
  );
  assert.equal(ownScope('示范市临江区人民政府'), '全区');
  assert.equal(ownScope('子长市人民政府'), '全市');
  assert.equal(ownScope('示范市临江区交通运输局'), undefined);
  assert.deepEqual(extractStatements(text, { year: 2024, scope: ownScope('子长市人民政府') }), []);
});
