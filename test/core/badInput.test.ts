/**
 * Bad input gets clear diagnostics, never an exception: invalid YAML, wrong types, unknown keys, a 10 MB
 * file, binary garbage, other encodings, an empty file, a file of only comments. No wall-clock limits here:
 * speed is measured in benchmarks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { LineIndex, analyze, writeReport } from '../../core/src/index';
import type { Analysis } from '../../core/src/index';
import { MAX_DIAGNOSTICS } from '../../core/src/analyze';
import { MAX_UNKNOWN_LISTED } from '../../core/src/schema/schemaDiagnostics';
import { DEFAULT_MAX_LENGTH } from '../../core/src/syntax/parse';
import { EXAMPLES } from '../support/paths';

const SEED_REPORT = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');

/** Analyse and check what every result must satisfy: ranges inside the text, messages in both languages. */
function check(text: string): Analysis {
  const analysis = analyze(text);
  for (const d of analysis.diagnostics) {
    assert.ok(
      d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length,
      `${d.code} range ${d.range.start}-${d.range.end} outside the text`,
    );
    assert.ok(d.message.zh.trim() && d.message.en.trim(), `${d.code} without a message`);
    assert.ok(/^NB\d{3}$/.test(d.code));
  }
  return analysis;
}

function codes(a: Analysis): string[] {
  return a.diagnostics.map((d) => d.code);
}

/** The errors only: the narrative checks may add warnings to a report whose text these tests do not care about. */
function errorCodes(a: Analysis): string[] {
  return a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

function lineOf(text: string, offset: number): number {
  return new LineIndex(text).positionAt(offset).line + 1;
}

/** Deterministic bytes (a linear congruential generator), so the garbage is the same on every run. */
function garbage(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('invalid YAML', () => {
  const cases: [string, string, number, string][] = [
    [
      'an unclosed flow sequence',
      '格式: 2021\n机关: 某\n年度: 2024\n主动公开政府信息情况:\n  规章: [0, 0\n  行政许可: 3\n',
      5,
      '方括号 [ 没有闭合',
    ],
    ['an unclosed quote', '格式: 2021\n机关: "某县\n年度: 2024\n', 2, '引号没有闭合'],
    ['a tab as indentation', '格式: 2021\n主动公开政府信息情况:\n\t第二十条第（一）项: 1\n', 3, '制表符'],
    ['a colon inside a plain value', '格式: 2021\n机关: 某县: 人民政府\n', 2, '一行里出现了两个「键: 值」'],
    ['a stray closing bracket', '格式: 2021\n行政复议: [1, 2]]\n', 2, '多余的符号'],
    ['a bad escape', '格式: 2021\n机关: "某\\q县"\n', 2, '转义'],
  ];
  for (const [name, text, line, words] of cases) {
    test(`${name}: NB101 on line ${line}, worded in Chinese`, () => {
      const a = check(text);
      const syntax = a.diagnostics.filter((d) => d.code === 'NB101');
      assert.equal(syntax.length, 1, codes(a).join(' '));
      assert.equal(lineOf(text, syntax[0].range.start), line);
      assert.ok(syntax[0].message.zh.includes(words), syntax[0].message.zh);
      assert.ok(syntax[0].message.en.startsWith('YAML syntax error: '), syntax[0].message.en);
    });
  }

  test('the rest of a report with a syntax error is still checked (the recovering parser)', () => {
    const text = SEED_REPORT.replace('规章: [0, 0, 0]', '规章: [0, 0, 0').replace(
      '行政复议: [2, 1, 0, 1, 4]',
      '行政复议: [2, 1, 0, 1, 5]',
    );
    const a = check(text);
    assert.equal(a.doc.parser, 'recover');
    assert.deepEqual(errorCodes(a), ['NB101', 'NB304']);
  });
});

describe('wrong types', () => {
  for (const [name, text] of [
    ['a sequence', '- 格式: 2021\n- 机关: 某\n'],
    ['a number', '2021\n'],
    ['a sentence', '这是一份年报\n'],
    ['a block scalar', '|\n  格式: 2021\n'],
  ] as const) {
    test(`a report that is ${name}: one NB203 saying it should be a mapping`, () => {
      const a = check(text);
      assert.deepEqual(codes(a), ['NB203']);
      assert.ok(a.diagnostics[0].message.zh.includes('年报应为键值结构'));
    });
  }

  test('every section and row of the wrong kind: one finding each, on the value', () => {
    const text = writeReport({ edition: 2021, year: 2024, agency: '某县人民政府' })
      .replace(/^主动公开政府信息情况:\n(?: {2}.*\n)+/m, '主动公开政府信息情况: 无\n')
      .replace('行政复议: [0, 0, 0, 0, 0]', '行政复议: 0')
      .replace('予以公开: [0, 0, 0, 0, 0, 0, 0]', '予以公开: {自然人: 0}')
      .replace('其他需要报告的事项: |', '其他需要报告的事项: 12');
    const a = check(text);
    assert.deepEqual(errorCodes(a), ['NB203', 'NB203', 'NB203', 'NB203']);
    const at = a.diagnostics.filter((d) => d.severity === 'error').map((d) => text.slice(d.range.start, d.range.end));
    assert.deepEqual(at, ['无', '{自然人: 0}', '0', '12']);
  });
});

describe('unknown keys', () => {
  test('keys of another kind of document: each reported on the key, nothing crashes', () => {
    const a = check('name: my-package\nversion: 1.0.0\ndependencies:\n  yaml: ^2\n');
    assert.deepEqual(codes(a), ['NB201', 'NB202', 'NB201', 'NB201']);
  });

  test('a mapping with thousands of foreign keys: the first ones listed, the rest counted once', () => {
    const extra = Array.from({ length: 3000 }, (_, i) => `键${i}: ${i}`).join('\n');
    const a = check(`${SEED_REPORT}${extra}\n`);
    const unknown = a.diagnostics.filter((d) => d.code === 'NB201');
    assert.equal(unknown.length, MAX_UNKNOWN_LISTED + 1);
    assert.ok(unknown[MAX_UNKNOWN_LISTED].message.zh.includes(`还有 ${3000 - MAX_UNKNOWN_LISTED} 个不属于模板的项`));
  });
});

describe('large files', () => {
  test('a 10 MB report (a very long narrative) is checked in full', () => {
    const line = `  ${'本年度主动公开政府信息，'.repeat(40)}\n`;
    const text = SEED_REPORT.replace(
      '总体情况: |\n',
      `总体情况: |\n${line.repeat(Math.ceil(10_000_000 / line.length))}`,
    );
    assert.ok(text.length > 10_000_000 / 3 && Buffer.byteLength(text) > 10_000_000);
    const a = check(text);
    assert.equal(a.doc.parser, 'fast');
    assert.deepEqual(codes(a), []);
  });

  /** Padded with comments, so that the file stays under the item limit (MAX_ITEMS) and reaches the parser. */
  const filler = (): string =>
    Array.from({ length: 150_000 }, (_, i) => `  k${i}: [${i}, 1, 2]  # ${'填充'.repeat(10)}`).join('\n');

  test('a 10 MB file with a syntax error outside the common form near its start: one NB101, saying why nothing else is checked', () => {
    const text = `格式: 2021\n机关: {某县\n主动公开政府信息情况:\n${filler()}\n`;
    assert.ok(Buffer.byteLength(text) > 10_000_000);
    const a = check(text);
    assert.deepEqual(codes(a), ['NB101']);
    assert.ok(a.diagnostics[0].message.zh.includes('文件很大'));
    assert.ok(lineOf(text, a.diagnostics[0].range.start) <= 3);
  });

  test('a 10 MB file with a broken line the line reader knows (a row left open): NB101 there, the rest checked', () => {
    const text = `格式: 2021\n机关: [某县\n主动公开政府信息情况:\n${filler()}\n`;
    const a = check(text);
    assert.equal(a.doc.parser, 'recover');
    assert.equal(a.diagnostics[0].code, 'NB101');
    assert.equal(lineOf(text, a.diagnostics[0].range.start), 2);
    assert.ok(!a.diagnostics[0].message.zh.includes('文件很大'));
    // The rest of the file was read: its foreign keys are reported (the first ones, then a count).
    assert.ok(a.diagnostics.filter((d) => d.code === 'NB201').length > 10);
  });

  test('beyond the size limit: NB107, not parsed', () => {
    const text = `格式: 2021\n# ${'x'.repeat(DEFAULT_MAX_LENGTH)}\n`;
    const a = check(text);
    assert.deepEqual(codes(a), ['NB107']);
    assert.equal(a.doc.parser, 'none');
    assert.ok(a.diagnostics[0].message.zh.includes('文件过大'));
  });

  test('a limit given by the caller applies', () => {
    assert.deepEqual(codes(analyze(SEED_REPORT, { maxLength: 100 })), ['NB107']);
  });

  test('more findings than anyone reads: the first ones, then one NB110 counting the rest', () => {
    const text = `${SEED_REPORT}${Array.from({ length: 1500 }, () => '格式: 2021').join('\n')}\n`;
    const a = check(text);
    assert.equal(a.diagnostics.length, MAX_DIAGNOSTICS + 1);
    const last = a.diagnostics[MAX_DIAGNOSTICS];
    assert.equal(last.code, 'NB110');
    assert.equal(last.severity, 'information');
    assert.ok(last.message.zh.includes(`另有 ${1500 - MAX_DIAGNOSTICS} 个问题未列出`), last.message.zh);
  });

  test('nesting far too deep: NB106, not parsed', () => {
    assert.deepEqual(codes(check(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)), ['NB106']);
    assert.deepEqual(codes(check(Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}a:`).join('\n'))), [
      'NB106',
    ]);
    assert.deepEqual(codes(check(`${'- '.repeat(3000)}x\n`)), ['NB106']);
  });
});

describe('not a text file', () => {
  const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

  for (const seed of [1, 2, 3]) {
    test(`random bytes (seed ${seed}): NB108`, () => {
      const a = check(decode(garbage(4096, seed)));
      assert.deepEqual(codes(a), ['NB108']);
      assert.ok(a.diagnostics[0].message.zh.includes('不是文本文件'));
    });
  }

  test('a PNG image: NB108', () => {
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      0x49,
      0x48,
      0x44,
      0x52,
      ...garbage(200, 9),
    ]);
    assert.deepEqual(codes(check(decode(png))), ['NB108']);
  });

  test('a NUL byte inside an otherwise valid report: NB108', () => {
    assert.deepEqual(codes(check(SEED_REPORT.replace('机关:', '机关:\u0000'))), ['NB108']);
  });

  test('a UTF-16 file read as UTF-8: NB108 asking for UTF-8', () => {
    const a = check(decode(Buffer.from(SEED_REPORT, 'utf16le')));
    assert.deepEqual(codes(a), ['NB108']);
    assert.ok(a.diagnostics[0].message.zh.includes('UTF-16'));
  });

  test('a GBK file read as UTF-8: NB108 asking for UTF-8', () => {
    // 格式: 2021 / 机关: 某县 / 年度: 2024, … in GBK (the decoder below confirms the bytes).
    const line = [
      0xb8, 0xf1, 0xca, 0xbd, 0x3a, 0x20, 0x32, 0x30, 0x32, 0x31, 0x0a, 0xbb, 0xfa, 0xb9, 0xd8, 0x3a, 0x20, 0xc4, 0xb3,
      0xcf, 0xd8, 0x0a, 0xc4, 0xea, 0xb6, 0xc8, 0x3a, 0x20, 0x32, 0x30, 0x32, 0x34, 0x0a,
    ];
    const bytes = new Uint8Array(Array.from({ length: 20 }, () => line).flat());
    assert.ok(new TextDecoder('gbk').decode(bytes).startsWith('格式: 2021\n机关: 某县\n年度: 2024\n'));
    const a = check(decode(bytes));
    assert.deepEqual(codes(a), ['NB108']);
    assert.ok(a.diagnostics[0].message.zh.includes('不是 UTF-8 编码'));
  });
});

describe('empty and near-empty files', () => {
  for (const [name, text] of [
    ['an empty file', ''],
    ['only white space', '  \n\n\t\n'],
    ['only comments', '# 年报\n# 尚未填写\n'],
    ['only a document marker', '---\n'],
    ['only a byte-order mark', '\ufeff'],
  ] as const) {
    test(`${name}: NB109 on line 1`, () => {
      const a = check(text);
      assert.deepEqual(codes(a), ['NB109']);
      assert.equal(a.diagnostics[0].range.start, 0);
      assert.ok(a.diagnostics[0].message.zh.includes('文件为空'));
    });
  }

  test('a report behind a byte-order mark checks clean', () => {
    assert.deepEqual(codes(check(`\ufeff${SEED_REPORT}`)), []);
  });

  test('a report with CRLF line ends checks clean', () => {
    assert.deepEqual(codes(check(SEED_REPORT.replace(/\n/g, '\r\n'))), []);
  });

  test('lone surrogates and odd characters do not break anything', () => {
    const a = check(SEED_REPORT.replace('机关: 示范市临江区人民政府', '机关: 示范\ud800市\udfff\u2028区'));
    assert.ok(Array.isArray(a.diagnostics));
  });
});
