/**
 * The Word export read back from its own bytes (the .docx unzipped, its WordprocessingML parsed): the official
 * document format of GB/T 9704-2012 as issue 15 states it (A4; margins 37 / 35 / 28 / 26 mm; 2号 方正小标宋简体
 * title; 3号 仿宋_GB2312 body with a two-character indent; 黑体 and 楷体_GB2312 headings; 宋体 tables; page numbers
 * "— 1 —"; zh-CN), the tables cell for cell as the HTML page prints them, the narrative paragraph for paragraph as the
 * preview keeps them, blank cells blank, the signature, and hostile text that stays text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, chineseDate, gongwen, officialDocument, renderPage, xmlText } from '../../core/src/index';
import type { Edition, OfficialDocument } from '../../core/src/index';
import { writeDocx } from '../../word/src/writeDocx';
import { hostileVariants } from '../support/hostileEverywhere';
import { tableOf } from '../support/htmlTable';
import { EXAMPLES, FIXTURES } from '../support/paths';
import { SECTION_TITLES } from '../support/sectionTitles';
import { paragraphsOf, runText, unescapeXml, wordTables } from '../support/wordXml';
import { unzipText } from '../support/zip';

const EXAMPLE: Record<Edition, string> = {
  2019: readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml'), 'utf8'),
  2021: readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8'),
};
const SECTIONS = ['active', 'applications', 'appeals'];

async function parts(text: string, signature = false): Promise<{ doc: OfficialDocument; files: Map<string, string> }> {
  const doc = officialDocument(analyze(text), { signature });
  return { doc, files: unzipText(await writeDocx(doc)) };
}

/** The style a paragraph names. */
const styleOf = (p: string): string | undefined => /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];

/** A style's definition in styles.xml. */
function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>(.*?)</w:style>`, 's').exec(styles);
  assert.ok(m, `style ${id}`);
  return m[1];
}

const twipsToMm = (twips: number): number => Math.round(twips / gongwen.TWIPS_PER_MM);

describe('the Word document: the official document format', () => {
  test('A4 portrait, margins 37 / 35 / 28 / 26 mm, page numbers "— N —" odd right and even left', async () => {
    const { files } = await parts(EXAMPLE[2021]);
    const document = files.get('word/document.xml')!;
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(document)!;
    assert.deepEqual([twipsToMm(+size[1]), twipsToMm(+size[2])], [210, 297]);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(document)![1];
    const mm = (side: string) => twipsToMm(Number(new RegExp(`w:${side}="(\\d+)"`).exec(margin)![1]));
    assert.deepEqual(
      { top: mm('top'), bottom: mm('bottom'), left: mm('left'), right: mm('right') },
      { top: 37, bottom: 35, left: 28, right: 26 },
    );
    assert.match(files.get('word/settings.xml')!, /<w:evenAndOddHeaders\/>/);
    const footers = [...files.entries()].filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, x]) => x);
    assert.equal(footers.length, 2);
    const sides = footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort();
    assert.deepEqual(sides, ['left', 'right']);
    for (const footer of footers) {
      // "— " PAGE " —": one PAGE field between two 一字线, in 4号 宋体.
      assert.match(runText(footer), /^— .* —$/);
      assert.equal([...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].length, 1);
      assert.match(footer, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      assert.equal(styleOf(footer), 'GongwenPageNumber');
    }
    const styles = files.get('word/styles.xml')!;
    const number = styleXml(styles, 'GongwenPageNumber');
    assert.match(
      number,
      /w:ascii="宋体"[^>]*w:eastAsia="宋体"|w:eastAsia="宋体"[^>]*w:ascii="宋体"/,
      '半角宋体 digits',
    );
    assert.match(number, /<w:sz w:val="28"\/>/, '4号 = 14 pt');
  });

  test('styles: title 2号 方正小标宋简体 centred, body 3号 仿宋_GB2312 indented two characters, headings 黑体 and 楷体_GB2312, tables 5号 宋体; zh-CN', async () => {
    const styles = (await parts(EXAMPLE[2021])).files.get('word/styles.xml')!;
    const expect = [
      ['GongwenTitle', '方正小标宋简体', 44, 'center'],
      ['GongwenBody', '仿宋_GB2312', 32, 'both'],
      ['GongwenHeading1', '黑体', 32, 'both'],
      ['GongwenHeading2', '楷体_GB2312', 32, 'both'],
      ['GongwenTable', '宋体', 21, 'center'],
    ] as const;
    for (const [id, font, halfPoints, align] of expect) {
      const s = styleXml(styles, id);
      assert.match(s, new RegExp(`w:eastAsia="${font}"`), `${id} in ${font}`);
      assert.match(s, /w:ascii="Times New Roman"/, `${id}: Latin letters and digits in Times New Roman`);
      assert.match(s, new RegExp(`<w:sz w:val="${halfPoints}"/>`), `${id} size`);
      assert.match(s, new RegExp(`<w:jc w:val="${align}"/>`), `${id} alignment`);
    }
    for (const id of ['GongwenBody', 'GongwenHeading1', 'GongwenHeading2'])
      assert.match(styleXml(styles, id), /w:firstLineChars="200"/, `${id}: two characters in`);
    for (const id of ['GongwenHeading1', 'GongwenHeading2', 'GongwenTitle'])
      assert.match(styleXml(styles, id), /<w:keepNext\/>/, `${id} stays with the next paragraph`);
    assert.match(styleXml(styles, 'GongwenHeading1'), /<w:outlineLvl w:val="0"\/>/);
    assert.match(styleXml(styles, 'GongwenHeading2'), /<w:outlineLvl w:val="1"\/>/);
    // 22 lines a page: exactly 28.95 pt.
    assert.match(styleXml(styles, 'GongwenBody'), /<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/);
    const defaults = /<w:docDefaults>(.*?)<\/w:docDefaults>/s.exec(styles)![1];
    assert.match(defaults, /<w:lang [^>]*w:eastAsia="zh-CN"/);
    assert.match(defaults, /w:eastAsia="仿宋_GB2312"/);
  });

  test('the font table names every face with the substitute Word and WPS use when it is missing', async () => {
    const fonts = (await parts(EXAMPLE[2021])).files.get('word/fontTable.xml')!;
    const alt = (name: string) =>
      new RegExp(`<w:font w:name="${name}">.*?</w:font>`, 's')
        .exec(fonts)?.[0]
        .match(/<w:altName w:val="([^"]+)"/)?.[1];
    assert.equal(alt('仿宋_GB2312'), '仿宋');
    assert.equal(alt('楷体_GB2312'), '楷体');
    assert.equal(alt('方正小标宋简体'), '宋体');
    assert.match(fonts, /<w:font w:name="仿宋_GB2312">.*?<w:charset w:val="86"\/>/s, 'GB2312 character set');
  });
});

for (const edition of [2019, 2021] as const) {
  describe(`the ${edition} example as a Word document`, () => {
    test('the title on top, broken after the agency; one empty line; the six headings in 黑体 in order', async () => {
      const { files } = await parts(EXAMPLE[edition]);
      const paragraphs = paragraphsOf(/<w:body>(.*)<\/w:body>/s.exec(files.get('word/document.xml')!)![1]);
      const analysis = analyze(EXAMPLE[edition]);
      const agency = analysis.report.agency!;
      assert.equal(styleOf(paragraphs[0]), 'GongwenTitle');
      assert.equal(runText(paragraphs[0]), `${agency}\n${analysis.report.year}年政府信息公开工作年度报告`);
      assert.equal(runText(paragraphs[1]), '');
      const headings = paragraphs.filter((p) => styleOf(p) === 'GongwenHeading1').map(runText);
      const sections = SECTION_TITLES;
      // In order; the seed's narrative repeats 一、总体情况 as a paragraph of its own, set as a heading too.
      let at = 0;
      for (const h of headings) if (h === sections[at]) at++;
      assert.equal(at, sections.length, headings.join(' / '));
      if (edition === 2021) assert.deepEqual(headings, sections);
    });

    test('every table cell for cell as the HTML page prints it: text, rowspan, colspan; header rows repeated, no row split', async () => {
      const { doc, files } = await parts(EXAMPLE[edition]);
      const tables = wordTables(files.get('word/document.xml')!);
      assert.equal(tables.length, 3);
      const html = renderPage(analyze(EXAMPLE[edition])).html;
      SECTIONS.forEach((section, i) => {
        const printed = tableOf(html, section);
        const expected = [...printed.head, ...printed.body].map((row) =>
          row.map((c) => ({ text: c.text, rowspan: c.rowspan, colspan: c.colspan })),
        );
        const word = tables[i].map((row) =>
          row.cells.map((c) => ({ text: c.text, rowspan: c.rowspan, colspan: c.colspan })),
        );
        assert.deepEqual(word, expected, section);
        assert.deepEqual(
          tables[i].map((r) => r.header),
          [...printed.head.map(() => true), ...printed.body.map(() => false)],
          `${section}: the header rows repeat on every page`,
        );
        assert.ok(
          tables[i].every((r) => r.cantSplit),
          `${section}: no row is split across pages`,
        );
        const model = doc.blocks.filter((b) => b.kind === 'table')[i];
        assert.deepEqual(
          tables[i].map((r) => r.keepNext),
          model.kind === 'table' ? model.rows.map((r) => r.keepNext) : [],
        );
      });
      // Section 二: every caption and the row after it stay with the rows below (a caption never ends a page).
      tables[0].forEach((row, r) => {
        if (/^第二十条第（.+）项$/.test(row.cells[0].text)) {
          assert.ok(row.keepNext && tables[0][r + 1].keepNext, row.cells[0].text);
          assert.equal(row.cells[0].colspan, 4);
        }
      });
    });

    test('values centred, labels left, captions and headers bold; the columns fill the 156 mm 版心', async () => {
      const { doc, files } = await parts(EXAMPLE[edition]);
      const tables = wordTables(files.get('word/document.xml')!);
      for (const [i, t] of doc.blocks.filter((b) => b.kind === 'table').entries()) {
        if (t.kind !== 'table') continue;
        assert.equal(
          t.columns.reduce((a, b) => a + b, 0),
          gongwen.TEXT_WIDTH,
        );
        assert.equal(twipsToMm(gongwen.TEXT_WIDTH), 156);
        t.rows.forEach((row, r) =>
          row.cells.forEach((cell, c) => {
            const word = tables[i][r].cells[c];
            assert.equal(word.align, cell.kind === 'label' ? 'left' : 'center', `${cell.kind} ${cell.text}`);
            assert.equal(word.bold, cell.kind === 'caption' || cell.kind === 'header', `${cell.kind} ${cell.text}`);
          }),
        );
      }
    });

    test('the narrative paragraph for paragraph as the preview keeps it: blank line = paragraph, line break = line break', async () => {
      const text = EXAMPLE[edition].replace(
        /^(总体情况: \|\n)/m,
        '$1  第一行\n  同一段的第二行\n\n  （一）主动公开。全年主动公开政府信息。\n\n  （二）依申请公开\n\n',
      );
      const { files } = await parts(text);
      const paragraphs = paragraphsOf(files.get('word/document.xml')!);
      const i = paragraphs.findIndex((p) => runText(p) === '一、总体情况');
      assert.equal(runText(paragraphs[i + 1]), '第一行\n同一段的第二行');
      assert.equal(styleOf(paragraphs[i + 1]), 'GongwenBody');
      // An opening sentence numbered （一） is set in 楷体 within its body paragraph; a short （二） line is a heading.
      assert.equal(runText(paragraphs[i + 2]), '（一）主动公开。全年主动公开政府信息。');
      assert.equal(styleOf(paragraphs[i + 2]), 'GongwenBody');
      assert.match(paragraphs[i + 2], /w:eastAsia="楷体_GB2312"[^]*?<w:t[^>]*>（一）主动公开。<\/w:t>/);
      assert.equal(runText(paragraphs[i + 3]), '（二）依申请公开');
      assert.equal(styleOf(paragraphs[i + 3]), 'GongwenHeading2');
    });
  });
}

describe('bad input and hostile text', () => {
  test('blank cells stay blank; a report with a syntax error still exports what it holds', async () => {
    const blank = readFileSync(join(FIXTURES, 'rules', 'nb206', '2021-blank-cell.fail.nianbao.yaml'), 'utf8');
    const tables = wordTables((await parts(blank)).files.get('word/document.xml')!);
    const row = (t: number, label: string) => tables[t].find((r) => r.cells.some((c) => c.text === label))!;
    assert.deepEqual(
      row(0, '行政强制').cells.map((c) => c.text),
      ['行政强制', ''],
    );
    assert.deepEqual(
      row(1, '1.属于国家秘密')
        .cells.slice(-7)
        .map((c) => c.text),
      ['', '', '', '', '', '', ''],
    );
    assert.deepEqual(
      row(1, '2.其他法律行政法规禁止公开')
        .cells.slice(-7)
        .map((c) => c.text),
      ['1', '', '0', '', '0', '0', '1'],
    );

    const broken = readFileSync(join(FIXTURES, 'rules', 'nb101', 'syntax.fail.nianbao.yaml'), 'utf8');
    const analysis = analyze(broken);
    assert.ok(analysis.diagnostics.some((d) => d.code === 'NB101'));
    const doc = officialDocument(analysis);
    const { files } = await parts(broken);
    const words = runText(files.get('word/document.xml')!);
    assert.match(words, /示范市临江区人民政府/);
    assert.ok(doc.blocks.filter((b) => b.kind === 'table').length === 3);
    assert.match(words, /1523/, 'values before the error are exported');
  });

  test('hostile text stays text: no field, hyperlink or markup from the report; XML-invalid characters shown as U+FFFD', async () => {
    const hostile = [
      '{ PAGE }',
      'HYPERLINK "https://evil.example/x"',
      '<w:fldSimple w:instr="PAGE"/>',
      '<w:hyperlink r:id="rId1">链接</w:hyperlink>',
      ']]><!-- &amp; &lt;',
      "=cmd|' /C calc'!A0",
      'https://example.gov.cn/一',
      'MERGEFIELD 机关 \\* MERGEFORMAT',
    ];
    const text = EXAMPLE[2021]
      .replace(/^机关: .*$/m, '机关: "<b>临江区</b>{ PAGE }"')
      .replace(/^(总体情况: \|\n)/m, `$1${hostile.map((h) => `  ${h}\n\n`).join('')}`)
      .replace(/^其他需要报告的事项: .*$/m, '其他需要报告的事项: "控制字符\\x01\\x1F和\\uFFFE"');
    const analysis = analyze(text);
    assert.equal(analysis.report.agency, '<b>临江区</b>{ PAGE }');
    const { files } = await parts(text, true);
    const document = files.get('word/document.xml')!;
    for (const element of ['w:hyperlink', 'w:fldSimple', 'w:instrText', 'w:fldChar', 'w:object', 'w:pict'])
      assert.doesNotMatch(document, new RegExp(`<${element}[\\s>/]`), element);
    assert.doesNotMatch(files.get('word/_rels/document.xml.rels')!, /hyperlink/i);
    const words = runText(document);
    for (const h of hostile) assert.ok(words.includes(h), h);
    assert.ok(words.includes('<b>临江区</b>{ PAGE }'), 'the agency, in the title and the signature');
    assert.ok(words.includes('控制字符\uFFFD\uFFFD和\uFFFD'));
    assert.equal(xmlText('a\u0000b\uD800c\uDC00d\uD83D\uDE00'), 'a\uFFFDb\uFFFDc\uFFFDd\uD83D\uDE00');
    // Every part is well-formed enough to unescape back to the text written.
    assert.equal(unescapeXml('&lt;w:t&gt;&amp;'), '<w:t>&');
  });
});

describe('hostile markup in every field and key (the payloads the preview and compare suites use)', () => {
  const variants = hostileVariants();

  /** What the layout says each block prints, in document order, as the runs of the .docx read back. */
  const laidOut = (doc: OfficialDocument): string =>
    doc.blocks
      .map((b) =>
        b.kind === 'paragraph'
          ? b.runs.map((r) => r.text).join('')
          : b.rows.map((row) => row.cells.map((c) => c.text).join('')).join(''),
      )
      .join('');

  for (const [name, hostile] of variants) {
    test(`${name} (${hostile.fields} fields): no field code, no hyperlink, no external relationship; the text is the text`, async () => {
      const analysis = analyze(hostile.text);
      const { doc, files } = await parts(hostile.text, true);
      for (const [part, xml] of files) {
        // The footers' one PAGE field is the export's own page number, not report text.
        if (/^word\/footer\d+\.xml$/.test(part)) {
          assert.deepEqual(
            [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1].trim()),
            ['PAGE'],
            part,
          );
          assert.doesNotMatch(xml, /<w:fldSimple[\s>/]/, part);
        } else {
          for (const element of ['w:fldSimple', 'w:instrText', 'w:fldChar'])
            assert.doesNotMatch(xml, new RegExp(`<${element}[\\s>/]`), `${part}: ${element}`);
        }
        for (const element of ['w:hyperlink', 'w:object', 'w:pict', 'w:altChunk', 'w:subDoc'])
          assert.doesNotMatch(xml, new RegExp(`<${element}[\\s>/]`), `${part}: ${element}`);
        // No element of the payloads' own markup, in any part (document, properties, relationships).
        assert.doesNotMatch(xml, /<\/?(?:script|img|svg|iframe|a|base|style|title|b)[\s>/]/i, part);
        if (part.endsWith('.rels')) {
          assert.doesNotMatch(xml, /TargetMode="External"/, part);
          assert.doesNotMatch(xml, /relationships\/hyperlink"/, part);
          assert.doesNotMatch(xml, /Target="[^"]*(?:loaded|javascript|command:|https?:)/i, part);
        }
      }
      // Kept as text: the runs of the document, read back, are exactly what the layout printed.
      const body = /<w:body>(.*)<\/w:body>/s.exec(files.get('word/document.xml')!)![1];
      assert.equal(runText(body), laidOut(doc));
      assert.match(runText(body), /<script>window\.__pwned=/, 'the payloads are shown as characters');
      // The 机关 and the narrative in full, in the title, the signature and the sections.
      const text = runText(body);
      if (analysis.report.agency) {
        assert.ok(text.includes(xmlText(analysis.report.agency)), 'the 机关');
        assert.match(files.get('docProps/core.xml')!, /<dc:title>[^<]*&lt;/, 'the title property, escaped');
      }
      for (const [id, t] of analysis.report.texts)
        for (const line of t.text.split('\n').filter((l) => l.trim() !== ''))
          assert.ok(text.includes(xmlText(line)), `${id}: ${line}`);
    });
  }
});

describe('the signature (GB/T 9704 7.3.5.2, without a seal)', () => {
  const char = gongwen.charWidth('signature');
  const indents = (doc: OfficialDocument) =>
    doc.blocks
      .slice(-2)
      .map((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join(''), (b.indentRight ?? 0) / char] : []));

  test('the agency two characters in from the right; the date below it, two characters right of its start', () => {
    const doc = officialDocument(analyze(EXAMPLE[2021]), { signature: true });
    // 示范市临江区人民政府: 10 characters, from 2 to 12 in from the right; 2025年3月20日 (年月日 and seven half-width
    // digits: 6.5 characters wide) starts 2 characters right of the name's start, at 10: its right indent is 3.5.
    assert.deepEqual(indents(doc), [
      ['示范市临江区人民政府', 2],
      ['2025年3月20日', 3.5],
    ]);
  });

  test('a date longer than the name: the date two characters in, the name moved left so the date still starts two right of it', () => {
    const text = EXAMPLE[2021].replace(/^机关: .*$/m, '机关: 示范局');
    const doc = officialDocument(analyze(text), { signature: true });
    assert.deepEqual(indents(doc), [
      ['示范局', 7.5],
      ['2025年3月20日', 2],
    ]);
  });

  test('only when asked, only with an agency; the date only when the report gives one', () => {
    const without = officialDocument(analyze(EXAMPLE[2021]));
    assert.equal(without.blocks.filter((b) => b.kind === 'paragraph' && b.style === 'signature').length, 0);
    const noDate = officialDocument(analyze(EXAMPLE[2021].replace(/^发布日期: .*\n/m, '')), { signature: true });
    assert.deepEqual(
      noDate.blocks
        .filter((b) => b.kind === 'paragraph' && b.style === 'signature')
        .map((b) => b.kind === 'paragraph' && b.runs[0].text),
      ['示范市临江区人民政府'],
    );
    const noAgency = officialDocument(analyze(EXAMPLE[2021].replace(/^机关: .*\n/m, '')), { signature: true });
    assert.equal(noAgency.blocks.filter((b) => b.kind === 'paragraph' && b.style === 'signature').length, 0);
    assert.equal(chineseDate('2025-03-05'), '2025年3月5日');
    assert.equal(chineseDate('2025-12-31'), '2025年12月31日');
    assert.equal(chineseDate('去年年底'), '去年年底', 'a date not written as a date is printed as written');
  });
});
