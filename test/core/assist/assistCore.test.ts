/** Completion candidates and hovers straight from the core, without a server. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, completionsAt, filterTextFor, hoverAt, outline, writeSkeleton } from '../../../core/src/index';
import { EXAMPLES } from '../../support/paths';
import { SECTION_TITLES } from '../../support/sectionTitles';

describe('completion candidates', () => {
  test('filter text: the pinyin initials, the key, its full pinyin', () => {
    assert.equal(filterTextFor('予以公开'), 'yygk 予以公开 yuyigongkai');
    assert.equal(filterTextFor('不予公开'), 'bygk 不予公开 buyugongkai');
  });

  test('the edition decides the keys: 2019 has 第二十条第（九）项, 2021 does not', () => {
    for (const [edition, year, expected] of [
      [2019, 2020, true],
      [2021, 2024, false],
    ] as const) {
      const text = writeSkeleton(edition, year, '某机关').replace(/ {2}第二十条第（[八九]）项:.*\n.*\n/g, '');
      const offset = text.indexOf('收到和处理政府信息公开申请情况:');
      const withLine = `${text.slice(0, offset)}  \n${text.slice(offset)}`;
      const keys = completionsAt(analyze(withLine), offset + 2).map((c) => c.label.zh);
      assert.equal(keys.includes('第二十条第（九）项'), expected, `${edition}`);
      assert.ok(keys.includes('第二十条第（八）项'));
    }
  });

  test('the edition of a half-typed report comes from 格式 as typed', () => {
    const text = '格式: 2019\n机关: 某机关\n年度: 2020\n主动公开政府信息情况:\n  \n';
    const labels = completionsAt(analyze(text), text.length - 1).map((c) => c.label.zh);
    assert.deepEqual(
      labels.filter((l, i) => labels.indexOf(l) === i),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项'],
    );
  });
});

describe('hover and outline from the core', () => {
  const text = readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8');
  const analysis = analyze(text);

  test('an amount of the 2019 edition', () => {
    const offset = text.indexOf('[11, 3020.782]') + 5;
    const hover = hoverAt(analysis, offset + 1);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: offset, end: offset + 8 });
    assert.match(hover.contents.zh, /^\*\*采购总金额（单位：万元）\*\*（第 2 列，共 2 列）/);
    assert.match(hover.contents.en, /Total procurement amount/);
  });

  test('the outline names the sections as printed', () => {
    assert.deepEqual(
      outline(analysis)
        .filter((i) => i.kind === 'section' || i.kind === 'text')
        .map((i) => i.name),
      SECTION_TITLES,
    );
  });
});
