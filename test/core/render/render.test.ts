/**
 * The renderer against the printed template: every caption row, header row, rowspan and colspan of the three
 * tables in both editions, written out here from report-templates.md (not derived from the template model, so
 * that a slip in the model shows up), plus values, blanks, problem marks, source offsets and escaping.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, renderPage, renderReport } from '../../../core/src/index';
import type { Edition } from '../../../core/src/index';
import { occupancy, tableOf, unescapeHtml } from '../../support/htmlTable';
import type { ParsedCell } from '../../support/htmlTable';
import { EXAMPLES } from '../../support/paths';
import { SECTION_TITLES } from '../../support/sectionTitles';

const SEED = readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8');
const SHIFAN = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');
const EXAMPLE: Record<Edition, string> = { 2019: SEED, 2021: SHIFAN };

function body(text: string, annotate = true): string {
  return renderReport(analyze(text), { annotate }).html;
}

/** `'text'`, `'text@rowspan,colspan'`; `'#'` a value cell, `'_'` a cell printed empty. */
type Spec = string;

function describeCell(cell: ParsedCell): Spec {
  const span = cell.rowspan > 1 || cell.colspan > 1 ? `@${cell.rowspan},${cell.colspan}` : '';
  if (cell.classes.includes('nb-value')) return `#${span}`;
  if (cell.classes.includes('nb-void')) return `_${span}`;
  return `${cell.text}${span}`;
}

function shape(rows: ParsedCell[][]): Spec[][] {
  return rows.map((r) => r.map(describeCell));
}

const values = (n: number, span = ''): Spec[] => Array.from({ length: n }, () => `#${span}`);

// ---- Section 二, as printed ----
const ACTIVE: Record<Edition, Spec[][]> = {
  2021: [
    ['第二十条第（一）项@1,4'],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', ...values(3)],
    ['行政规范性文件', ...values(3)],
    ['第二十条第（五）项@1,4'],
    ['信息内容', '本年处理决定数量@1,3'],
    ['行政许可', '#@1,3'],
    ['第二十条第（六）项@1,4'],
    ['信息内容', '本年处理决定数量@1,3'],
    ['行政处罚', '#@1,3'],
    ['行政强制', '#@1,3'],
    ['第二十条第（八）项@1,4'],
    ['信息内容', '本年收费金额（单位：万元）@1,3'],
    ['行政事业性收费', '#@1,3'],
  ],
  2019: [
    ['第二十条第（一）项@1,4'],
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', ...values(3)],
    ['规范性文件', ...values(3)],
    ['第二十条第（五）项@1,4'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政许可', ...values(3)],
    ['其他对外管理服务事项', ...values(3)],
    ['第二十条第（六）项@1,4'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政处罚', ...values(3)],
    ['行政强制', ...values(3)],
    ['第二十条第（八）项@1,4'],
    ['信息内容', '上一年项目数量', '本年增/减', '_'],
    ['行政事业性收费', ...values(2), '_'],
    ['第二十条第（九）项@1,4'],
    ['信息内容', '采购项目数量', '采购总金额（单位：万元）', '_'],
    ['政府集中采购', ...values(2), '_'],
  ],
};

// ---- Section 三, as printed ----
const APPLICATIONS_HEAD: Spec[][] = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）@3,3', '申请人情况@1,7'],
  ['自然人@2,1', '法人或其他组织@1,5', '总计@2,1'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];

function applicationsBody(edition: Edition): Spec[][] {
  const v = values(7);
  const other: Spec[][] =
    edition === 2021
      ? [
          ['（六）其他处理@3,1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...v],
          ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...v],
          ['3.其他', ...v],
        ]
      : [['（六）其他处理@1,2', ...v]];
  return [
    ['一、本年新收政府信息公开申请数量@1,3', ...v],
    ['二、上年结转政府信息公开申请数量@1,3', ...v],
    [`三、本年度办理结果@${edition === 2021 ? 22 : 20},1`, '（一）予以公开@1,2', ...v],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）@1,2', ...v],
    ['（三）不予公开@8,1', '1.属于国家秘密', ...v],
    ['2.其他法律行政法规禁止公开', ...v],
    ['3.危及“三安全一稳定”', ...v],
    ['4.保护第三方合法权益', ...v],
    ['5.属于三类内部事务信息', ...v],
    ['6.属于四类过程性信息', ...v],
    ['7.属于行政执法案卷', ...v],
    ['8.属于行政查询事项', ...v],
    ['（四）无法提供@3,1', '1.本机关不掌握相关政府信息', ...v],
    ['2.没有现成信息需要另行制作', ...v],
    ['3.补正后申请内容仍不明确', ...v],
    ['（五）不予处理@5,1', '1.信访举报投诉类申请', ...v],
    ['2.重复申请', ...v],
    ['3.要求提供公开出版物', ...v],
    ['4.无正当理由大量反复申请', ...v],
    ['5.要求行政机关确认或重新出具已获取信息', ...v],
    ...other,
    ['（七）总计@1,2', ...v],
    ['四、结转下年度继续办理@1,3', ...v],
  ];
}

// ---- Section 四, as printed (both editions) ----
const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const APPEALS_HEAD: Spec[][] = [
  ['行政复议@1,5', '行政诉讼@1,10'],
  [...RESULTS.map((r) => `${r}@2,1`), '未经复议直接起诉@1,5', '复议后起诉@1,5'],
  [...RESULTS, ...RESULTS],
];

for (const edition of [2019, 2021] as const) {
  describe(`${edition} edition: the tables as printed`, () => {
    const html = body(EXAMPLE[edition]);

    test('title and the six sections in order', () => {
      const agency = edition === 2019 ? '湛河区曹镇乡人民政府' : '示范市临江区人民政府';
      const year = edition === 2019 ? 2020 : 2024;
      const h1 = /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1] ?? '';
      assert.equal(unescapeHtml(h1.replace(/<[^>]*>/g, '')), `${agency}${year}年政府信息公开工作年度报告`);
      const h2 = [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/gs)].map((m) => unescapeHtml(m[1]));
      assert.deepEqual(h2, SECTION_TITLES);
    });

    test('section 二: caption rows, header rows and value columns', () => {
      const t = tableOf(html, 'active');
      assert.deepEqual(t.head, []);
      assert.deepEqual(shape(t.body), ACTIVE[edition]);
      assert.ok(occupancy(t.body).every((n) => n === 4));
    });

    test('section 三: the 3×3 rule block, applicant header levels and the row groups', () => {
      const t = tableOf(html, 'applications');
      assert.deepEqual(shape(t.head), APPLICATIONS_HEAD);
      const expected = applicationsBody(edition);
      assert.equal(expected.length, edition === 2021 ? 25 : 23);
      assert.deepEqual(shape(t.body), expected);
      assert.ok(occupancy(t.head).every((n) => n === 10));
      assert.ok(occupancy(t.body).every((n) => n === 10));
    });

    test('section 四: two-level header over one row of 15 values', () => {
      const t = tableOf(html, 'appeals');
      assert.deepEqual(shape(t.head), APPEALS_HEAD);
      assert.deepEqual(shape(t.body), [values(15)]);
      assert.ok(occupancy(t.head).every((n) => n === 15));
    });

    test('every value cell holds the number written in the file, at its YAML path and offsets', () => {
      const { doc } = analyze(EXAMPLE[edition]);
      for (const section of ['active', 'applications', 'appeals']) {
        for (const row of tableOf(html, section).body) {
          for (const cell of row.filter((c) => c.classes.includes('nb-value'))) {
            const start = Number(cell.attrs.get('data-start'));
            const end = Number(cell.attrs.get('data-end'));
            assert.equal(doc.text.slice(start, end), cell.text, `cell ${cell.attrs.get('data-path')}`);
            assert.ok(Array.isArray(JSON.parse(cell.attrs.get('data-path') ?? '')));
          }
        }
      }
    });
  });
}

describe('values', () => {
  test('amounts keep their digits and carry their unit', () => {
    const t = tableOf(body(SEED), 'active');
    const amount = t.body.flat().find((c) => c.classes.includes('nb-amount'));
    assert.equal(amount?.text, '3020.782');
    assert.equal(amount?.attrs.get('title'), '3020.782 万元');
    const fees = tableOf(body(SHIFAN), 'active')
      .body.flat()
      .filter((c) => c.classes.includes('nb-amount'));
    assert.deepEqual(
      fees.map((c) => c.text),
      ['1256.38'],
    );
  });

  test('blank cells are blank, a blank row is seven blanks, unreadable text is shown as written', () => {
    const text = SEED.replace('予以公开: [0, 0, 0, 0, 0, 0, 0]', '予以公开:').replace(
      '重复申请: [0, 0, 0, 0, 0, 0, 0]',
      '重复申请: [0, ~, null, "/", 0, 0, 0]',
    );
    const t = tableOf(body(text), 'applications');
    const row = (label: string): ParsedCell[] => {
      const found = t.body.find((r) => r.some((c) => c.text === label));
      assert.ok(found, label);
      return found.filter((c) => c.classes.includes('nb-value'));
    };
    assert.deepEqual(
      row('（一）予以公开').map((c) => [c.text, c.classes.includes('nb-blank')]),
      values(7).map(() => ['', true]),
    );
    assert.deepEqual(
      row('2.重复申请').map((c) => c.text),
      ['0', '', '', '/', '0', '0', '0'],
    );
    assert.ok(row('2.重复申请')[3].classes.includes('nb-bad'));
  });

  test('a section missing from the file still prints its table, with empty cells', () => {
    const text = SEED.replace(/政府信息公开行政复议、行政诉讼情况:[\s\S]*?(?=存在的主要问题)/, '');
    const t = tableOf(body(text), 'appeals');
    assert.deepEqual(shape(t.head), APPEALS_HEAD);
    assert.ok(t.body[0].every((c) => c.text === '' && c.classes.includes('nb-missing')));
  });
});

describe('problems on the page', () => {
  test('a wrong total is marked on its cell with the message, and counted in the summary', () => {
    const text = SEED.replace(
      '本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]',
      '本年新收政府信息公开申请数量: [3, 0, 0, 0, 0, 0, 2]',
    );
    const analysis = analyze(text);
    const rendered = renderReport(analysis, { annotate: true });
    const t = tableOf(rendered.html, 'applications');
    const total = t.body[0].filter((c) => c.classes.includes('nb-value'))[6];
    assert.ok(total.classes.includes('nb-error'));
    assert.match(total.attrs.get('title') ?? '', /NB303 .*一、本年新收政府信息公开申请数量·总计 应为 3/);
    assert.equal(rendered.counts.error, analysis.diagnostics.filter((d) => d.severity === 'error').length);
    assert.match(rendered.html, new RegExp(`<span class="nb-count nb-error">${rendered.counts.error} 个错误</span>`));
    const items = [...rendered.html.matchAll(/<li class="nb-problem nb-(error|warning|info)"[^>]*data-start="(\d+)"/g)];
    assert.equal(items.length, analysis.diagnostics.length);
    const english = renderReport(analysis, { annotate: true, lang: 'en' }).html;
    assert.match(english, /\d+ errors?<\/span>/);
  });

  test('a problem with no cell of its own is shown on the nearest element above it', () => {
    const text = SEED.replace('  行政复议: [0, 0, 0, 0, 0]\n', '  行政复议: [0, 0, 0, 0, 0]\n  行政夏议: [1]\n');
    const html = body(text);
    const heading =
      /<h2 class="([^"]*)" data-path="\[&quot;政府信息公开行政复议、行政诉讼情况&quot;\]"[^>]*title="([^"]*)"/.exec(
        html,
      );
    assert.ok(heading, 'section heading marked');
    assert.match(heading[1], /nb-marked/);
    assert.match(unescapeHtml(heading[2]), /NB201/);
  });

  test('a clean report says so; the page to publish carries no marks and no source offsets', () => {
    assert.match(body(SEED), /没有发现问题/);
    const plain = body(SEED.replace('总计: [0, 0, 0, 0, 0, 0, 0]', '总计: [0, 0, 0, 0, 0, 0, 9]'), false);
    assert.doesNotMatch(plain, /data-path|data-start|nb-marked|nb-summary|title=/);
  });
});

describe('narrative', () => {
  test('paragraphs split on blank lines, each mapped to its source lines', () => {
    const { doc } = analyze(SEED);
    const html = body(SEED);
    const paragraphs = [
      ...html.matchAll(
        /<p class="nb-p(?: nb-h[12])?" data-path="([^"]*)" data-start="(\d+)" data-end="(\d+)">(.*?)<\/p>/g,
      ),
    ];
    const overview = paragraphs.filter((m) => JSON.parse(unescapeHtml(m[1]))[0] === '总体情况');
    assert.equal(overview.length, 6);
    // A heading's opening sentence is wrapped in a span of its own; the text is the source's.
    for (const m of paragraphs)
      assert.equal(doc.text.slice(Number(m[2]), Number(m[3])), unescapeHtml(m[4].replace(/<\/?span[^>]*>/g, '')));
  });

  test('paragraphs numbered as headings: 一、 and （一） lines set as headings, an opening （一）… sentence as a lead', () => {
    const html = body(
      SEED.replace(
        '其他需要报告的事项: |\n  无',
        '其他需要报告的事项: |\n  一、其他事项\n\n  （一）收费情况。本年度未收取。\n\n  (二)其他\n\n  1.第三层',
      ),
    );
    assert.match(html, /<p class="nb-p nb-h1"[^>]*>一、其他事项<\/p>/);
    assert.match(
      html,
      /<p class="nb-p"[^>]*><span class="nb-lead nb-lead-2">（一）收费情况。<\/span>本年度未收取。<\/p>/,
    );
    assert.match(html, /<p class="nb-p nb-h2"[^>]*>\(二\)其他<\/p>/);
    assert.match(html, /<p class="nb-p"[^>]*>1\.第三层<\/p>/);
  });

  test('line breaks inside a paragraph of a literal block are kept', () => {
    const html = body(
      SEED.replace('其他需要报告的事项: |\n  无', '其他需要报告的事项: |\n  第一行\n  第二行\n\n  第二段'),
    );
    assert.match(html, /<p class="nb-p"[^>]*>第一行<br>第二行<\/p><p class="nb-p"[^>]*>第二段<\/p>/);
  });
});

describe('escaping', () => {
  const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"'></style><a href="javascript:alert(3)">x</a>&amp;`;
  const ALLOWED_TAGS = new Set([
    'article',
    'aside',
    'p',
    'span',
    'ol',
    'li',
    'h1',
    'h2',
    'section',
    'div',
    'table',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'br',
  ]);
  const ALLOWED_ATTRS = new Set([
    'class',
    'data-path',
    'data-start',
    'data-end',
    'data-section',
    'data-edition',
    'title',
    'rowspan',
    'colspan',
    'scope',
    'aria-label',
  ]);

  function assertInert(html: string): void {
    for (const m of html.matchAll(/<[^>]*>/g)) {
      const tag = /^<\/?([a-z0-9]+)((?: [a-z-]+="[^"<>]*")*)>$/.exec(m[0]);
      assert.ok(tag, `malformed tag ${m[0]}`);
      assert.ok(ALLOWED_TAGS.has(tag[1]), `tag ${tag[1]}`);
      for (const a of tag[2].matchAll(/ ([a-z-]+)="/g)) assert.ok(ALLOWED_ATTRS.has(a[1]), `attribute ${a[1]}`);
    }
  }

  test('hostile text in every string field, in cells and in keys stays text', () => {
    const q = JSON.stringify(HOSTILE);
    const text = [
      `格式: ${q}`,
      `机关: ${q}`,
      `年度: ${q}`,
      `发布日期: ${q}`,
      `机关类型: ${q}`,
      `总体情况: ${q}`,
      `主动公开政府信息情况:`,
      `  第二十条第（一）项:`,
      `    规章: [${q}, ${q}, ${q}]`,
      `  ${q}: 1`,
      `收到和处理政府信息公开申请情况:`,
      `  本年新收政府信息公开申请数量: [${q}, 0, 0, 0, 0, 0, ${q}]`,
      `${q}: ${q}`,
      `存在的主要问题及改进情况: |`,
      `  ${HOSTILE}`,
      `其他需要报告的事项: ${q}`,
    ].join('\n');
    const analysis = analyze(text);
    for (const lang of ['zh', 'en'] as const) {
      const html = renderReport(analysis, { annotate: true, lang }).html;
      assertInert(html);
      assert.ok(html.includes(HOSTILE.slice(0, 20).replace(/</g, '&lt;').replace(/>/g, '&gt;')));
    }
    const page = renderPage(analysis).html;
    assertInert(page.slice(page.indexOf('<article'), page.lastIndexOf('</article>') + 10));
    assert.doesNotMatch(page, /<script|<img|javascript:alert\(3\)">/i);
  });

  test('any edit of a report renders without throwing, and the body stays inert', () => {
    const fragments = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<script>',
        '"',
        "'",
        '&',
        '</style>',
        '\n',
        '\n\n',
        ': ',
        '- ',
        '[',
        ']',
        '{',
        '|',
        '>',
        '~',
        'null',
        '\t',
        '#',
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(SEED, SHIFAN), fc.nat(), fc.nat(40), fragments, (source, at, cut, insert) => {
        const i = at % (source.length + 1);
        const text = source.slice(0, i) + insert + source.slice(Math.min(source.length, i + cut));
        const analysis = analyze(text);
        assertInert(renderReport(analysis, { annotate: true }).html);
        assertInert(renderReport(analysis).html);
      }),
      { seed: 20240603, numRuns: 150 },
    );
  });

  test('the exported page: UTF-8, zh-CN, embedded style, no scripts, nothing may load', () => {
    const page = renderPage(analyze(SEED));
    assert.equal(page.title, '湛河区曹镇乡人民政府2020年政府信息公开工作年度报告');
    assert.match(page.html, /^<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">/);
    assert.match(
      page.html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/,
    );
    assert.match(page.html, /<title>湛河区曹镇乡人民政府2020年政府信息公开工作年度报告<\/title>/);
    assert.match(page.html, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
    assert.doesNotMatch(page.html, /<script|<link|src=|href=/i);
  });
});
