/** Fixes as text edits in the core: minimal, comment-keeping, and the arithmetic of "fix all totals". */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  analyze,
  applyEdits,
  commentOutEdits,
  culpritCells,
  diffEdits,
  fixAllTotals,
  fixEdits,
  insertMissingEdits,
  snippetToPlain,
} from '../../../core/src/index';
import { FIXTURES } from '../../support/paths';

/** A clean 2021 report whose narrative states no figures (so that only the tables are at stake). */
const SHIFAN = readFileSync(join(FIXTURES, 'server', 'fixable', 'nb304-appeal-total.nianbao.yaml'), 'utf8')
  .replace('行政复议: [2, 1, 0, 1, 5]', '行政复议: [2, 1, 0, 1, 4]')
  .replace('复议后起诉: [0, 0, 0, 1, 0]', '复议后起诉: [0, 0, 0, 1, 1]')
  .replace(/ +# expect:.*$/gm, '');

describe('diffEdits', () => {
  test('changed lines become their differing middles', () => {
    const before = 'a: [1, 2, 3]  # x\nb: 4\nc: 5\n';
    const after = 'a: [1, 9, 3]  # x\nb: 4\nc: 50\n';
    const edits = diffEdits(before, after);
    assert.deepEqual(edits, [
      { start: 7, end: 8, newText: '9' },
      { start: 27, end: 27, newText: '0' },
    ]);
    assert.equal(applyEdits(before, edits), after);
    assert.deepEqual(diffEdits(before, before), []);
    assert.equal(applyEdits('x\ny\n', diffEdits('x\ny\n', 'x\nz\nw\n')), 'x\nz\nw\n');
  });
});

test('the base report is clean', () => assert.deepEqual(analyze(SHIFAN).diagnostics, []));

describe('fixAllTotals', () => {
  test('a wrong cell carried through row, column and balance totals is fixed in one set of edits', () => {
    // One more 自然人 in 予以公开, and no total updated: the row total, （七）总计 (two cells) and 四 disagree.
    const broken = SHIFAN.replace(
      '本年新收政府信息公开申请数量: [86, 9, 0, 1, 3, 2, 101]',
      '本年新收政府信息公开申请数量: [87, 9, 0, 1, 3, 2, 101]',
    ).replace('予以公开: [38, 5, 0, 1, 1, 1, 46]', '予以公开: [39, 5, 0, 1, 1, 1, 46]');
    const codes = analyze(broken)
      .diagnostics.map((d) => d.code)
      .sort();
    assert.deepEqual(codes, ['NB301', 'NB302', 'NB303', 'NB303']);
    const edits = fixAllTotals(broken);
    const fixed = applyEdits(broken, edits);
    assert.deepEqual(analyze(fixed).diagnostics, []);
    assert.ok(fixed.includes('本年新收政府信息公开申请数量: [87, 9, 0, 1, 3, 2, 102]'));
    assert.ok(fixed.includes('予以公开: [39, 5, 0, 1, 1, 1, 47]'));
    assert.ok(fixed.includes('总计: [88, 10, 0, 1, 2, 2, 103]'));
    assert.equal(edits.length, 3, 'one edit per changed line');
    assert.ok(edits.every((e) => !e.newText.includes('\n')));
  });

  test('nothing to do on a clean report', () => {
    assert.deepEqual(fixAllTotals(SHIFAN), []);
  });
});

describe('insertMissingEdits', () => {
  test("inserts at the template position with the file's own indentation, line ends and column comments", () => {
    const four = SHIFAN.replace(/^( +)/gm, (s) => s + s).replace(/\n/g, '\r\n');
    const text = four
      .replace('            属于国家秘密: [0, 0, 0, 0, 0, 0, 0]\r\n', '')
      .replace(/    第二十条第（八）项:.*\r\n.*\r\n/, '');
    assert.deepEqual(analyze(four).diagnostics, []);
    const analysis = analyze(text);
    const missing = analysis.diagnostics.filter((d) => d.code === 'NB202');
    assert.equal(missing.length, 2);
    const edits = missing.flatMap((d) => (d.fix ? (fixEdits(analysis, d.fix) ?? []) : []));
    const fixed = applyEdits(text, edits);
    assert.deepEqual(analyze(fixed).diagnostics, []);
    assert.ok(
      fixed.includes('        不予公开:\r\n            属于国家秘密: [0, 0, 0, 0, 0, 0, 0]\r\n            其他法律'),
    );
    assert.match(
      fixed,
      /\n {4}第二十条第（八）项: +# 本年收费金额（单位：万元）\r\n {8}行政事业性收费: 0\r\n收到和处理/,
    );
    assert.ok(!/[^\r]\n/.test(fixed), 'CRLF kept');
  });

  test('a missing last section in a file without a final line break', () => {
    const text = SHIFAN.replace(/其他需要报告的事项: \|[^]*$/, '').replace(/\n+$/, '');
    const analysis = analyze(text);
    const d = analysis.diagnostics.find((x) => x.code === 'NB202');
    assert.ok(d?.fix?.kind === 'insertMissing');
    const edits = insertMissingEdits(analysis.doc, analysis.report.edition, d.fix.path, d.fix.ids) ?? [];
    const fixed = applyEdits(text, edits);
    assert.ok(fixed.endsWith('\n其他需要报告的事项: |\n'));
    assert.deepEqual(analyze(fixed).diagnostics, []);
  });

  test('no edit for a flow mapping or a path outside the template', () => {
    const flow = analyze('格式: 2021\n主动公开政府信息情况: {第二十条第（一）项: {规章: [0, 0, 0]}}\n');
    assert.equal(insertMissingEdits(flow.doc, 2021, ['主动公开政府信息情况'], ['active.art20_5']), undefined);
    assert.equal(insertMissingEdits(flow.doc, 2021, ['没有这一节'], ['x']), undefined);
  });
});

describe('snippetToPlain', () => {
  test('placeholders keep their defaults, choices their first value, escapes their character', () => {
    assert.equal(snippetToPlain('格式: ${1|2021,2019|}$0'), '格式: 2021');
    assert.equal(snippetToPlain('予以公开: [${1:0}, ${2:0}]$0'), '予以公开: [0, 0]');
    assert.equal(snippetToPlain('机关: ${1:机关全称}\\$\\}'), '机关: 机关全称$}');
  });
});

describe('culpritCells', () => {
  test('a mistyped cell that breaks its row and its column by the same amount', () => {
    const broken = SHIFAN.replace(
      '保护第三方合法权益: [3, 1, 0, 0, 0, 0, 4]',
      '保护第三方合法权益: [3, 2, 0, 0, 0, 0, 4]',
    );
    const analysis = analyze(broken);
    assert.deepEqual(analysis.diagnostics.map((d) => d.code).sort(), ['NB302', 'NB303']);
    const [fix, ...more] = culpritCells(analysis);
    assert.equal(more.length, 0);
    assert.deepEqual([fix.name, fix.from, fix.value], ['保护第三方合法权益·商业企业', 2, 1]);
    assert.deepEqual(
      fix.explains.map((e) => e.code),
      ['NB303', 'NB302'],
    );
    const fixed = applyEdits(broken, [{ ...fix.range, newText: String(fix.value) }]);
    assert.deepEqual(analyze(fixed).diagnostics, []);
  });

  test('none when a total itself is wrong, or when two cells could explain it', () => {
    const wrongTotal = analyze(
      SHIFAN.replace('保护第三方合法权益: [3, 1, 0, 0, 0, 0, 4]', '保护第三方合法权益: [3, 1, 0, 0, 0, 0, 5]'),
    );
    assert.deepEqual(culpritCells(wrongTotal), []);
    const two = analyze(
      SHIFAN.replace('保护第三方合法权益: [3, 1, 0, 0, 0, 0, 4]', '保护第三方合法权益: [3, 2, 0, 0, 0, 0, 4]').replace(
        '属于四类过程性信息: [4, 0, 0, 0, 0, 0, 4]',
        '属于四类过程性信息: [4, 1, 0, 0, 0, 0, 4]',
      ),
    );
    assert.deepEqual(culpritCells(two), []);
  });

  test('a disputed total gets no single fix', () => {
    // 四·总计 is 5: its row says 4, the printed balance (with 一·总计 mistyped as 102) says 5; a part is wrong.
    const text = SHIFAN.replace(
      '结转下年度继续办理: [3, 0, 0, 0, 1, 0, 4]',
      '结转下年度继续办理: [3, 0, 0, 0, 1, 0, 5]',
    ).replace(
      '本年新收政府信息公开申请数量: [86, 9, 0, 1, 3, 2, 101]',
      '本年新收政府信息公开申请数量: [86, 9, 0, 1, 3, 2, 102]',
    );
    const analysis = analyze(text);
    const forward = analysis.diagnostics.filter((d) => d.path[1] === '结转下年度继续办理');
    assert.deepEqual(
      forward.map((d) => d.code),
      ['NB303'],
    );
    for (const d of forward)
      if (d.fix) assert.equal(fixEdits(analysis, d.fix), undefined, `${d.code}: ${d.message.zh}`);
  });
});

describe('commentOutEdits', () => {
  test('every line of the pair gets a # at its indentation; other lines stay', () => {
    const text =
      '格式: 2021\n主动公开政府信息情况:\n  第二十条第（九）项:   # 旧表\n    政府集中采购: [1, 2]\n  第二十条第（一）项:\n';
    const analysis = analyze(text);
    const edits = commentOutEdits(analysis.doc, ['主动公开政府信息情况', '第二十条第（九）项']) ?? [];
    assert.equal(
      applyEdits(text, edits),
      '格式: 2021\n主动公开政府信息情况:\n  # 第二十条第（九）项:   # 旧表\n    # 政府集中采购: [1, 2]\n  第二十条第（一）项:\n',
    );
    assert.equal(commentOutEdits(analyze('a: {b: 1}\n').doc, ['a', 'b']), undefined);
    assert.equal(
      commentOutEdits(analyze('a: [1\nb: 2\n').doc, ['b']),
      undefined,
      'not in a document with syntax errors',
    );
  });
});
