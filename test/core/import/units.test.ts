/** The importer's parts: reading a cell, decoding bytes, the HTML grid, and the writer's layout extension. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, writeReport, writeSkeleton } from '../../../core/src/index';
import { decodeBytes, declaredCharset } from '../../../core/src/import/decodeBytes';
import { htmlLines, parseHtml } from '../../../core/src/import/htmlLines';
import { readCell, yuanToWan } from '../../../core/src/import/readCell';

test('cells: numbers as printed, thousands separators, full width, units; blanks; never a guess', () => {
  const value = (t: string): unknown => {
    const r = readCell(t);
    return r.kind === 'number' ? [r.value, r.unit ?? ''] : r.kind;
  };
  assert.deepEqual(value('0'), [0, '']);
  assert.deepEqual(value('3,020.782'), [3020.782, '']);
  assert.deepEqual(value('１２，３４５'), [12345, '']);
  assert.deepEqual(value('-2'), [-2, '']);
  assert.deepEqual(value('－3'), [-3, '']);
  assert.deepEqual(value('−4'), [-4, '']);
  assert.deepEqual(value('+1'), [1, '']);
  assert.deepEqual(value('75394432.52元'), [75394432.52, '元']);
  assert.deepEqual(value('251000 元'), [251000, '元']);
  assert.deepEqual(value('3020.78万元'), [3020.78, '万元']);
  assert.deepEqual(value('5件'), [5, 'count']);
  for (const blank of ['/', '／', '—', '——', '-', '无']) assert.equal(value(blank), 'blank', blank);
  for (const empty of ['', ' ', '\u00a0', '\u3000']) assert.equal(value(empty), 'empty');
  for (const text of ['1,23', '约5', '3.0.1', 'O', '5-6', '1.', '（一）']) assert.equal(value(text), 'text', text);
});

test('元 to 万元 moves the decimal point in the printed digits, without binary rounding', () => {
  assert.equal(yuanToWan('75394432.52'), 7539.443252);
  assert.equal(yuanToWan('251000'), 25.1);
  assert.equal(yuanToWan('1'), 0.0001);
  assert.equal(yuanToWan('0'), 0);
  assert.equal(yuanToWan('10000'), 1);
  assert.equal(yuanToWan('123456789.1234'), 12345.67891234);
  assert.equal(yuanToWan('-50000'), -5);
  assert.equal(yuanToWan('0.5'), 0.00005);
});

const gbk = (s: string): Uint8Array => {
  // GBK bytes of the few characters used here (the encoder is not part of the standard library).
  const table: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 年: [0xc4, 0xea], 报: [0xb1, 0xa8] };
  return Uint8Array.from([...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
};

test('bytes: <meta charset> and http-equiv are read with the parser; UTF-8, then GB18030 when undeclared', () => {
  const declared = gbk(
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head><body>中文年报</body></html>',
  );
  assert.equal(declaredCharset(declared), 'gb2312');
  assert.match(decodeBytes(declared).text, /中文年报/);
  const meta = gbk('<meta charset="gbk"><p>年报</p>');
  assert.deepEqual([decodeBytes(meta).encoding, /年报/.test(decodeBytes(meta).text)], ['gbk', true]);
  const undeclared = gbk('<p>中文年报</p>');
  assert.deepEqual(
    [decodeBytes(undeclared).encoding, /中文年报/.test(decodeBytes(undeclared).text)],
    ['gb18030', true],
  );
  const utf8 = new TextEncoder().encode('<meta charset="gbk"><p>中文年报</p>');
  // Declared GBK but really UTF-8 (it happens): valid UTF-8 wins.
  assert.match(decodeBytes(utf8).text, /中文年报/);
  assert.equal(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])).text, 'a');
  // A meta tag mentioned in a comment or script does not count.
  assert.equal(
    declaredCharset(new TextEncoder().encode('<!-- <meta charset="gbk"> --><script>"<meta charset=gbk>"</script>')),
    undefined,
  );
});

test('HTML grid: rowspan and colspan resolved, a merged cell counted once per row, continued cells marked', () => {
  const doc = htmlLines(
    parseHtml(`<table>
      <tr><td rowspan="2" colspan="2">A</td><td>B</td><td>C</td></tr>
      <tr><td colspan="2">D</td></tr>
      <tr><td>E</td><td rowspan="0">F</td><td>G</td><td>H</td></tr>
      <tr><td>I</td><td>J</td><td>K</td></tr>
    </table>`) ?? assert.fail('not HTML'),
  );
  const rows = doc.lines.map((l) =>
    l.cells.map((c) => `${c.text}@${c.column}+${c.span}${c.inherited ? '^' : ''}`).join(' '),
  );
  assert.deepEqual(rows, ['A@0+2 B@2+1 C@3+1', 'A@0+2^ D@2+2', 'E@0+1 F@1+1 G@2+1 H@3+1', 'I@0+1 F@1+1^ J@2+1 K@3+1']);
});

test('HTML text: Word markup, conditional comments, &nbsp;, nested p/span and <br> in cells', () => {
  const doc = htmlLines(
    parseHtml(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {margin:0} --></style>
      <!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]--></head>
      <body><div class=WordSection1>
      <p class=MsoListParagraph><![if !supportLists]><span>一、<span style='font:7.0pt'>&nbsp;&nbsp;&nbsp;
      </span></span><![endif]><b><span>总体情况<o:p></o:p></span></b></p>
      <p class=MsoNormal><span>我局全年主动公开
      政府信息<span lang=EN-US>1,326</span>条。</span><span style="display:none">隐藏</span></p>
      <table><tr><td><p><span>商业</span></p><p><span>企业</span></p></td><td>法律服务<br>机构</td><td><p>&nbsp;</p></td></tr></table>
      </div></body></html>`) ?? assert.fail('not HTML'),
  );
  assert.deepEqual(
    doc.lines.map((l) => l.cells.map((c) => c.text)),
    [['一、总体情况'], ['我局全年主动公开政府信息1,326条。'], ['商业\n企业', '法律服务\n机构', '']],
  );
  assert.equal(parseHtml('2020年政府信息公开工作年度报告\n一、总体情况 a<b'), undefined);
});

test('writeReport: a null cell stays null, a value left out is still 0, as before', () => {
  const yaml = writeReport({
    edition: 2021,
    agency: '某局',
    year: 2022,
    rows: { 'active.art20_1.rules': [null, 1, null], 'active.art20_6.penalty': [null] },
  });
  assert.match(yaml, /\n {4}规章: \[null, 1, null\]\n/);
  assert.match(yaml, /\n {4}行政处罚: null\n/);
  assert.match(yaml, /\n {4}行政强制: 0\n/);
  const skeleton = writeSkeleton(2019, 2020, '某局');
  assert.doesNotMatch(skeleton, /null/);
  // A skeleton's only finding is its empty 五 (NB311), which the user has to write.
  assert.deepEqual(
    analyze(skeleton).diagnostics.map((d) => d.code),
    ['NB311'],
  );
});

test("writeReport layout: nodes written in the other edition's shape, which the checker then reports", () => {
  const yaml = writeReport({
    edition: 2021,
    agency: '某局',
    year: 2022,
    layout: { 'active.art20_5': 2019, 'applications.results.other': 2019 },
    rows: { 'active.art20_5.licensing': [1, 2, 3], 'applications.results.other': [1, 0, 0, 0, 0, 0, 1] },
  });
  assert.match(
    yaml,
    /\n {2}第二十条第（五）项: +# 上一年项目数量, 本年增\/减, 处理决定数量\n {4}行政许可: \[1, 2, 3\]\n {4}其他对外管理服务事项: \[0, 0, 0\]\n/,
  );
  assert.match(yaml, /\n {4}其他处理: \[1, 0, 0, 0, 0, 0, 1\]\n {4}总计:/);
  const codes = analyze(yaml)
    .diagnostics.filter((d) => d.code === 'NB312')
    .map((d) => d.path.join('/'));
  assert.deepEqual(codes.sort(), [
    '主动公开政府信息情况/第二十条第（五）项/其他对外管理服务事项',
    '主动公开政府信息情况/第二十条第（五）项/行政许可',
    '收到和处理政府信息公开申请情况/本年度办理结果/其他处理',
  ]);
});
