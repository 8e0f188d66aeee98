/**
 * The fixes whose correction the text decides, as the core computes them: syntax repairs checked by re-parsing,
 * lines commented out instead of deleted, tags dropped, aliases written out, values rewritten in the form the
 * format asks for. Each case also states where the fix must not be offered (a fix never guesses).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, applyEdits, fixEdits } from '../../../core/src/index';
import type { Diagnostic } from '../../../core/src/index';
import { FIXTURES } from '../../support/paths';

/** A clean 2021 report whose narrative states no figures. */
const BASE = readFileSync(join(FIXTURES, 'server', 'fixable', 'nb304-appeal-total.nianbao.yaml'), 'utf8')
  .replace('行政复议: [2, 1, 0, 1, 5]', '行政复议: [2, 1, 0, 1, 4]')
  .replace('复议后起诉: [0, 0, 0, 1, 0]', '复议后起诉: [0, 0, 0, 1, 1]')
  .replace(/ +# expect:.*$/gm, '');

/** `BASE` with one text replaced (which must occur). */
function broken(from: string | RegExp, to: string): string {
  const text = BASE.replace(from, to);
  assert.notEqual(text, BASE, `${String(from)} occurs in the base report`);
  return text;
}

/**
 * The only diagnostic of `code` in `text` (for NB101 the first: the recovering parser may report the errors that
 * follow from the first one too).
 */
function only(text: string, code: string): { analysis: ReturnType<typeof analyze>; d: Diagnostic } {
  const analysis = analyze(text);
  const found = analysis.diagnostics.filter((d) => d.code === code);
  if (code !== 'NB101')
    assert.equal(
      found.length,
      1,
      `one ${code} in ${analysis.diagnostics.map((d) => `${d.code} ${d.message.zh}`).join('; ')}`,
    );
  assert.ok(found.length > 0, `${code} in ${analysis.diagnostics.map((d) => d.code).join(' ')}`);
  return { analysis, d: found[0] };
}

/** The text after the fix of that diagnostic; undefined when no fix is offered. */
function fixed(text: string, code: string): string | undefined {
  const { analysis, d } = only(text, code);
  const edits = d.fix ? fixEdits(analysis, d.fix) : undefined;
  return edits && edits.length ? applyEdits(text, edits) : undefined;
}

function assertFixedTo(text: string, code: string, expected: string): void {
  const after = fixed(text, code);
  assert.equal(after, expected);
  assert.deepEqual(
    analyze(after ?? '').diagnostics.map((d) => `${d.code} ${d.message.zh}`),
    [],
    'clean after the fix',
  );
}

test('the base report is clean', () => assert.deepEqual(analyze(BASE).diagnostics, []));

describe('NB101: syntax repairs', () => {
  test('a row not closed on its line is closed after its last value, before the comment', () => {
    assertFixedTo(
      broken('部分公开: [7, 2, 0, 0, 0, 0, 9]', '部分公开: [7, 2, 0, 0, 0, 0, 9   # 区分处理'),
      'NB101',
      BASE.replace('部分公开: [7, 2, 0, 0, 0, 0, 9]', '部分公开: [7, 2, 0, 0, 0, 0, 9]   # 区分处理'),
    );
    // Nested brackets are closed innermost first.
    assert.equal(fixed('a: [1, [2, 3\nb: 1\n', 'NB101'), 'a: [1, [2, 3]]\nb: 1\n');
    assert.equal(fixed('a: {x: 1, y: 2\nb: 1\n', 'NB101'), 'a: {x: 1, y: 2}\nb: 1\n');
  });

  test('two rows left open: each fix is offered (the other repair follows)', () => {
    const text = broken('予以公开: [38, 5, 0, 1, 1, 1, 46]', '予以公开: [38, 5, 0, 1, 1, 1, 46').replace(
      '部分公开: [7, 2, 0, 0, 0, 0, 9]',
      '部分公开: [7, 2, 0, 0, 0, 0, 9',
    );
    const first = fixed(text, 'NB101');
    assert.ok(first?.includes('予以公开: [38, 5, 0, 1, 1, 1, 46]\n'));
    assert.ok(first?.includes('部分公开: [7, 2, 0, 0, 0, 0, 9\n'), 'one repair at a time');
    assertFixedTo(first ?? '', 'NB101', BASE);
  });

  test('no repair when the row goes on, too little indented, on the next line', () => {
    assert.equal(fixed('a: [1, 2,\n3]\nb: 1\n', 'NB101'), undefined);
  });

  test('a quote not closed on its line is closed at its end, before the comment', () => {
    assertFixedTo(
      broken('机关: 示范市临江区人民政府', '机关: "示范市临江区人民政府  # 全称'),
      'NB101',
      BASE.replace('机关: 示范市临江区人民政府', '机关: "示范市临江区人民政府"  # 全称'),
    );
    assertFixedTo(
      broken('机关: 示范市临江区人民政府', "机关: '示范市临江区人民政府"),
      'NB101',
      BASE.replace('机关: 示范市临江区人民政府', "机关: '示范市临江区人民政府'"),
    );
    // A backslash at the end would escape the new quote.
    assert.equal(fixed('a: "x\\\nb: 1\n', 'NB101'), undefined);
  });

  test('tabs: the width under which the report reads right (here a tab stands for 4 columns)', () => {
    assertFixedTo(broken('    行政强制: 57', '\t行政强制: 57'), 'NB101', BASE);
  });

  test('tabs: a file indented with tabs throughout gets its own step', () => {
    const tabs = BASE.replace(/^((?: {2})+)/gm, (s) => '\t'.repeat(s.length / 2));
    assert.notEqual(tabs, BASE);
    assertFixedTo(tabs, 'NB101', BASE);
  });

  test('tabs: a tab inside the text of a block scalar is text and stays', () => {
    const text = broken('  本年度，区政府', '  \t本年度，区政府').replace('    行政强制: 57', '\t行政强制: 57');
    assert.equal(fixed(text, 'NB101'), text.replace('\t行政强制: 57', '    行政强制: 57'));
  });

  test('tabs: no repair when two widths read equally well but differently', () => {
    // `备注` is unknown under 二 and under 第二十条第（六）项 alike: where it was meant to go is not in the text.
    assert.equal(fixed(broken('    行政强制: 57\n', '    行政强制: 57\n\t备注: 无\n'), 'NB101'), undefined);
  });
});

describe('comment out, never delete', () => {
  test('NB102: the later duplicate and all its lines', () => {
    const text = broken(
      '  结转下年度继续办理: [3, 0, 0, 0, 1, 0, 4]\n',
      '  结转下年度继续办理: [3, 0, 0, 0, 1, 0, 4]\n  本年度办理结果:  # 又一遍\n    予以公开: [1, 0, 0, 0, 0, 0, 1]\n',
    );
    assertFixedTo(
      text,
      'NB102',
      text.replace(
        '  本年度办理结果:  # 又一遍\n    予以公开: [1',
        '  # 本年度办理结果:  # 又一遍\n    # 予以公开: [1',
      ),
    );
  });

  test('NB102: the text of a block scalar that starts with # is commented out too', () => {
    const text = `${BASE}其他需要报告的事项: |\n  # 无\n  其他\n`;
    assertFixedTo(text, 'NB102', `${BASE}# 其他需要报告的事项: |\n  # # 无\n  # 其他\n`);
  });

  test('NB102: not in a flow mapping (the pair shares its line)', () => {
    const { analysis, d } = only('a: {b: 1, b: 2}\n', 'NB102');
    assert.equal(d.fix && fixEdits(analysis, d.fix), undefined);
  });

  test('NB105: everything from the --- of the second document', () => {
    const text = `${BASE}---\n格式: 2021\n机关: 另一机关  # 第二份\n`;
    assertFixedTo(text, 'NB105', `${BASE}# ---\n# 格式: 2021\n# 机关: 另一机关  # 第二份\n`);
  });

  test('NB201: a key that is a list, with its ? and its value', () => {
    const text = `${BASE}? [备注, 附件]  # 两项\n: 无\n`;
    assertFixedTo(text, 'NB201', `${BASE}# ? [备注, 附件]  # 两项\n# : 无\n`);
  });
});

describe('NB103: a custom tag goes, the value stays', () => {
  test('when the value then reads right', () => {
    assertFixedTo(broken('行政许可: 1523', '行政许可: !number 1523'), 'NB103', BASE);
    assertFixedTo(broken('其他需要报告的事项: |', '其他需要报告的事项: !!binary |'), 'NB103', BASE);
  });

  test('not when the value would be wrong without it', () => {
    assert.equal(fixed(broken('行政许可: 1523', '行政许可: !number 很多'), 'NB103'), undefined);
  });
});

describe('NB104: an alias written out', () => {
  test('a row: the anchor goes when nothing else uses it', () => {
    const text = broken('属于国家秘密: [0, 0, 0, 0, 0, 0, 0]', '属于国家秘密: &zero [0, 0, 0, 0, 0, 0, 0]').replace(
      '危及“三安全一稳定”: [0, 0, 0, 0, 0, 0, 0]',
      '危及“三安全一稳定”: *zero',
    );
    assertFixedTo(text, 'NB104', BASE);
  });

  test('the anchor stays while another alias uses it', () => {
    const text = broken('属于国家秘密: [0, 0, 0, 0, 0, 0, 0]', '属于国家秘密: &zero [0, 0, 0, 0, 0, 0, 0]')
      .replace('危及“三安全一稳定”: [0, 0, 0, 0, 0, 0, 0]', '危及“三安全一稳定”: *zero')
      .replace('要求提供公开出版物: [0, 0, 0, 0, 0, 0, 0]', '要求提供公开出版物: *zero');
    const analysis = analyze(text);
    const first = analysis.diagnostics.find((d) => d.code === 'NB104');
    assert.ok(first?.fix);
    const after = applyEdits(text, fixEdits(analysis, first.fix) ?? []);
    assert.ok(after.includes('属于国家秘密: &zero [0, 0, 0, 0, 0, 0, 0]'));
    assert.ok(after.includes('危及“三安全一稳定”: [0, 0, 0, 0, 0, 0, 0]'));
    assertFixedTo(after, 'NB104', BASE);
  });

  test('a block mapping and a block scalar, re-indented to their new place; a comment stays on its key', () => {
    const text = 'a:\n  b: &t\n    x: 1\n    y: [1, 2]\nc: *t  # same\nd: &s |\n  text\ne: *s\n';
    const analysis = analyze(text);
    let after = text;
    // Later alias first, so that the earlier one's offsets still hold.
    for (const d of analysis.diagnostics.filter((x) => x.code === 'NB104').reverse()) {
      assert.ok(d.fix);
      after = applyEdits(after, fixEdits(analysis, d.fix) ?? []);
    }
    assert.equal(
      after,
      'a:\n  b:\n    x: 1\n    y: [1, 2]\nc:  # same\n  x: 1\n  y: [1, 2]\nd: |\n  text\ne: |\n  text\n',
    );
  });
});

describe('values in the form the format asks for', () => {
  test('NB208: 年度, 发布日期, 格式, 机关类型', () => {
    assertFixedTo(broken('年度: 2024', '年度: 2024年'), 'NB208', BASE);
    assertFixedTo(broken('年度: 2024', '年度: "2024"'), 'NB208', BASE);
    assertFixedTo(broken('年度: 2024', '年度: 二〇二四'), 'NB208', BASE);
    for (const date of ['2025年3月20日', '2025/3/20', '2025.03.20', '二〇二五年三月二十日'])
      assertFixedTo(broken('发布日期: 2025-03-20', `发布日期: ${date}`), 'NB208', BASE);
    assert.equal(
      fixed(broken('发布日期: 2025-03-20', '发布日期: 2025年2月30日'), 'NB208'),
      undefined,
      'not a day of the calendar',
    );
    assertFixedTo(broken('格式: 2021 ', '格式: "2021" '), 'NB208', BASE);
    assertFixedTo(broken('机关类型: 人民政府', '机关类型: 政府'), 'NB208', BASE);
    assertFixedTo(broken('机关类型: 人民政府', '机关类型: 区人民政府'), 'NB208', BASE);
    assertFixedTo(broken('机关类型: 人民政府', '机关类型: 县政府'), 'NB208', BASE);
    assertFixedTo(broken('机关类型: 人民政府', '机关类型: 人民正府'), 'NB208', BASE);
    assert.equal(fixed(broken('机关类型: 人民政府', '机关类型: 乡镇'), 'NB208'), undefined, 'no near value');
    assert.equal(
      fixed(broken('机关类型: 人民政府', '机关类型: 政府部门'), 'NB208'),
      BASE.replace('机关类型: 人民政府', '机关类型: 部门'),
    );
    assert.equal(
      fixed(broken('机关类型: 人民政府', '机关类型: 人民政府办公室'), 'NB208'),
      undefined,
      'an office is no 人民政府',
    );
    assert.equal(
      fixed(broken('机关: 示范市临江区人民政府', '机关: 110'), 'NB208'),
      undefined,
      'a name is never made up',
    );
  });

  test('NB208: a 格式 that is no edition, from the layout and the year when they agree', () => {
    assertFixedTo(broken('格式: 2021 ', '格式: 2020 '), 'NB208', BASE);
    // 年度 2020 asks for the 2019 edition, the tables are the 2021 edition's: nothing decides.
    const { d } = only(broken('格式: 2021 ', '格式: 2020 ').replace('年度: 2024', '年度: 2020'), 'NB208');
    assert.equal(d.fix, undefined);
  });

  test('NB203: a row typed as text, a single value in brackets, a Chinese numeral, a placeholder, a one-item text', () => {
    assertFixedTo(broken('规章: [0, 0, 0]', '规章: "0, 0, 0"'), 'NB203', BASE);
    assertFixedTo(broken('行政规范性文件: [6, 2, 41]', '行政规范性文件: 6，2，41'), 'NB203', BASE);
    assert.equal(
      fixed(broken('行政规范性文件: [6, 2, 41]', '行政规范性文件: "6,2,41"'), 'NB203'),
      undefined,
      '6,2 could be a thousands separator',
    );
    assertFixedTo(broken('行政许可: 1523', '行政许可: [1523]'), 'NB203', BASE);
    assertFixedTo(broken('部分公开: [7, 2,', '部分公开: [七, 2,'), 'NB203', BASE);
    // A dash or slash says nothing happened: 0, as the message asks.
    assertFixedTo(broken('行政强制: 57', '行政强制: —'), 'NB203', BASE.replace('行政强制: 57', '行政强制: 0'));
    assertFixedTo(
      broken(
        /其他需要报告的事项: \|\n  本年度未收取信息处理费。\n/,
        '其他需要报告的事项: [本年度未收取信息处理费。]\n',
      ),
      'NB203',
      BASE.replace(
        /其他需要报告的事项: \|\n  本年度未收取信息处理费。\n/,
        '其他需要报告的事项: 本年度未收取信息处理费。\n',
      ),
    );
    assert.equal(fixed(broken('行政许可: 1523', '行政许可: 很多'), 'NB203'), undefined);
  });

  test('NB203: a table written as 无 becomes its rows with zeros', () => {
    const text = broken(
      /政府信息公开行政复议、行政诉讼情况: {2}# 结果维持.*\n(?: {2}.*\n)+/,
      '政府信息公开行政复议、行政诉讼情况: 无  # 没有发生\n',
    );
    assertFixedTo(
      text,
      'NB203',
      text.replace(
        '政府信息公开行政复议、行政诉讼情况: 无  # 没有发生\n',
        '政府信息公开行政复议、行政诉讼情况:  # 没有发生\n  行政复议: [0, 0, 0, 0, 0]\n  行政诉讼:\n    未经复议直接起诉: [0, 0, 0, 0, 0]\n    复议后起诉: [0, 0, 0, 0, 0]\n',
      ),
    );
  });

  test('NB204: an empty row is a blank row; a value typed twice goes when only that satisfies the total', () => {
    assertFixedTo(broken('规章: [0, 0, 0]', '规章: []'), 'NB204', BASE);
    assertFixedTo(broken('行政复议: [2, 1, 0, 1, 4]', '行政复议: [2, 1, 0, 1, 4, 4]'), 'NB204', BASE);
    assertFixedTo(broken('行政复议: [2, 1, 0, 1, 4]', '行政复议: [2, 2, 1, 0, 1, 4]'), 'NB204', BASE);
    // One value too few: which one is missing is not in the text.
    assert.equal(fixed(broken('行政复议: [2, 1, 0, 1, 4]', '行政复议: [2, 1, 1, 4]'), 'NB204'), undefined);
    // A value too many that repeats nothing, or two drops that both satisfy the total.
    assert.equal(fixed(broken('行政复议: [2, 1, 0, 1, 4]', '行政复议: [2, 1, 0, 1, 4, 7]'), 'NB204'), undefined);
    assert.equal(fixed(broken('行政复议: [2, 1, 0, 1, 4]', '行政复议: [2, 0, 0, 2, 0, 4]'), 'NB204'), undefined);
  });

  test('NB201: an empty key before a row that only one missing item fits', () => {
    assertFixedTo(broken('  行政复议: [2, 1, 0, 1, 4]', '  : [2, 1, 0, 1, 4]'), 'NB201', BASE);
  });
});

describe("NB312: a row written as the other edition's sub-rows", () => {
  test("a 2019 row given as 2021's three sub-rows becomes their sum; the sub-rows stay as comments", () => {
    const text = readFileSync(join(FIXTURES, 'server', 'fixable', 'nb312-sub-rows.nianbao.yaml'), 'utf8').replace(
      / +# expect:.*$/gm,
      '',
    );
    const after = fixed(text, 'NB312') ?? '';
    assert.ok(
      after.includes(
        '    其他处理: [1, 0, 0, 0, 0, 0, 1]\n      # 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请: [1, 0, 0, 0, 0, 0, 1]\n      # 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请: [0, 0, 0, 0, 0, 0, 0]\n      # 其他: [0, 0, 0, 0, 0, 0, 0]\n',
      ),
      after,
    );
    assert.deepEqual(analyze(after).diagnostics, []);
  });

  test('not the other way round: how a 2021 row splits into its sub-rows is not in the text', () => {
    const text = broken(/    其他处理:\n(?: {6}.*\n)+/, '    其他处理: [1, 0, 0, 0, 0, 0, 1]\n');
    assert.equal(fixed(text, 'NB312'), undefined);
  });
});
