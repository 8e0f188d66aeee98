/**
 * The formatter (`formatReport`): property tests with fixed seeds over random consistent reports written in random
 * styles — keys shuffled, indentation of 2–4 spaces, rows as flow or block sequences with odd spacing, comments
 * and blank lines anywhere, CRLF — and over arbitrary report-like YAML; then examples of what it keeps and refuses.
 *
 * Properties: the result reads back as the same values; every comment is still there; formatting it again changes
 * nothing; without comments or blank lines, a report in any style formats to exactly what `writeReport` writes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, formatReport, lineEdits, parse, writeReport } from '../../../core/src/index';
import type { Edition } from '../../../core/src/index';
import { toJson } from '../../../core/src/syntax/toJson';
import { messyReport as messy } from '../../support/messyReport';
import { consistentReport } from '../../support/reportArbitrary';
import { reportLikeYaml } from '../../support/yamlArbitrary';

const SEED = 20250117;

/** The comments of a text (a `#` after white space or at a line's start, outside the narrative and quotes). */
function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /(?:^|\s)(#.*)$/.exec(line.replace(/"[^"]*"/g, '""'));
    if (m) out.push(m[1].trimEnd());
  }
  return out.sort();
}

function valueOf(text: string): unknown {
  const doc = parse(text);
  assert.deepEqual(doc.errors, [], 'parses without error');
  return toJson(doc.root);
}

/** Deep equality of parsed values with mapping keys in any order. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

function formatted(text: string, edition: Edition): string {
  const result = formatReport(text, { edition });
  assert.ok(result.ok, `refused: ${result.ok ? '' : result.reason}\n${text}`);
  return result.text;
}

for (const edition of [2019, 2021] as const satisfies readonly Edition[]) {
  describe(`formatting reports of the ${edition} edition`, () => {
    test('any layout of a report without comments formats to exactly what writeReport writes', () => {
      fc.assert(
        fc.property(consistentReport(edition), fc.gen(), fc.boolean(), (data, g, crlf) => {
          const input = messy(data, g, { decorate: false, crlf });
          const eol = crlf ? '\r\n' : '\n';
          const canonical = writeReport(data)
            .split('\n')
            .map((l) => l.replace(/\s+# .*$/, ''))
            .join(eol);
          assert.equal(formatted(input, edition), canonical);
        }),
        { seed: SEED, numRuns: 150 },
      );
    });

    test('with comments and blank lines anywhere: same values, same comments, and formatting again changes nothing', () => {
      fc.assert(
        fc.property(consistentReport(edition), fc.gen(), fc.boolean(), (data, g, crlf) => {
          const input = messy(data, g, { decorate: true, crlf });
          const once = formatted(input, edition);
          assert.deepEqual(sortedKeys(valueOf(once)), sortedKeys(valueOf(input)), 'values');
          assert.deepEqual(commentsOf(once), commentsOf(input), 'comments');
          assert.equal(formatted(once, edition), once, 'idempotent');
          // The edits sent to the editor give the same text.
          assert.equal(applyEdits(input, lineEdits(input, once)), once);
        }),
        { seed: SEED + 1, numRuns: 150 },
      );
    });

    test('writeReport output, comments included, is already formatted', () => {
      fc.assert(
        fc.property(consistentReport(edition), (data) => {
          const text = writeReport(data);
          assert.equal(formatted(text, edition), text);
        }),
        { seed: SEED + 2, numRuns: 40 },
      );
    });
  });
}

test('arbitrary report-like YAML: refused, or the same values and comments, and stable', () => {
  let formattedCount = 0;
  fc.assert(
    fc.property(reportLikeYaml, (text) => {
      const result = formatReport(text);
      if (!result.ok) return;
      formattedCount++;
      assert.deepEqual(sortedKeys(valueOf(result.text)), sortedKeys(valueOf(text)), 'values');
      assert.equal(result.text.split('#').length, text.split('#').length, 'comment marks');
      const again = formatReport(result.text);
      assert.ok(again.ok && again.text === result.text, 'idempotent');
    }),
    { seed: SEED + 3, numRuns: 300 },
  );
  assert.ok(formattedCount > 20, `only ${formattedCount} of 300 were formatted`);
});

describe('what the formatter keeps and leaves', () => {
  const report = [
    '# 头部注释',
    '',
    '年度: 2024',
    '格式: 2021 # 版本',
    '机关: 某某区人民政府',
    '其他需要报告的事项: |',
    '  无。',
    '   缩进多一格的行。',
    '',
    '收到和处理政府信息公开申请情况:',
    '    # 关于结转',
    '    上年结转政府信息公开申请数量: [ 1,0,0,0,0,0,1 ]',
    '    本年新收政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]',
    '    备注: 自定义的键留在原处',
    '',
  ].join('\n');

  test('template order, two spaces, flow rows; comments with their key; an unknown key after the key it followed', () => {
    assert.equal(
      formatted(report, 2021),
      [
        '# 头部注释',
        '',
        '格式: 2021                        # 版本',
        '机关: 某某区人民政府',
        '年度: 2024',
        '',
        '收到和处理政府信息公开申请情况:',
        '  本年新收政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]',
        '  备注: 自定义的键留在原处',
        '  # 关于结转',
        '  上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]',
        '其他需要报告的事项: |',
        '  无。',
        '   缩进多一格的行。',
        '',
      ].join('\n'),
    );
  });

  test('a narrative block keeps its text byte for byte, trailing spaces and kept blank lines included', () => {
    const text = '格式: 2021\n总体情况: |+\n  第一行  \n\n    缩进\n\n\n机关: 某\n';
    const out = formatted(text, 2021);
    assert.ok(out.includes('总体情况: |+\n  第一行  \n\n    缩进\n\n\n'), out);
    assert.deepEqual(valueOf(out), valueOf(text));
  });

  test('a document with a syntax error, tags or aliases, or not a mapping, is left alone', () => {
    assert.deepEqual(formatReport('格式: 2021\n机关: [1, 2\n'), { ok: false, reason: 'syntax' });
    assert.deepEqual(formatReport('格式: 2021\n\t机关: x\n'), { ok: false, reason: 'syntax' });
    assert.deepEqual(formatReport('a: &z 1\nb: *z\n'), { ok: false, reason: 'syntax' });
    assert.deepEqual(formatReport('- 1\n- 2\n'), { ok: false, reason: 'shape' });
    assert.deepEqual(formatReport(''), { ok: false, reason: 'shape' });
  });

  test('a row with a comment inside or values a flow row cannot hold stays as written, re-indented', () => {
    const text = '格式: 2021\n行政复议:\n    - 1\n    - 3,020  # 印作千分位\n';
    const out = formatted(text, 2021);
    assert.equal(out, '格式: 2021\n行政复议:\n    - 1\n    - 3,020  # 印作千分位\n');
    const nested = 'a:\n    b:\n        - 1\n        - 3,020\n';
    assert.equal(formatted(nested, 2021), 'a:\n  b:\n      - 1\n      - 3,020\n');
  });

  test('range formatting touches only the sections in the range, and keeps their order', () => {
    const lines = report.split('\n');
    const start = report.indexOf('收到和处理');
    const out = formatReport(report, { range: { start, end: start + 3 }, edition: 2021 });
    assert.ok(out.ok);
    const got = out.text.split('\n');
    assert.deepEqual(got.slice(0, 9), lines.slice(0, 9), 'sections before the range as written');
    assert.equal(got[9], '收到和处理政府信息公开申请情况:');
    assert.equal(got[10], '  本年新收政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]');
  });

  test('a BOM and CRLF line ends are kept', () => {
    const text = '\uFEFF年度: 2024\r\n格式: 2021\r\n';
    assert.equal(formatted(text, 2021), '\uFEFF格式: 2021\r\n年度: 2024\r\n');
  });
});

describe('lineEdits', () => {
  test('edits of whole lines that give the new text; untouched lines outside every edit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', '', 'dd'), { maxLength: 12 }),
        fc.array(fc.constantFrom('a', 'b', 'c', '', 'dd'), { maxLength: 12 }),
        fc.boolean(),
        (x, y, final) => {
          const before = x.join('\n') + (final ? '\n' : '');
          const after = y.join('\n') + '\n';
          const edits = lineEdits(before, after);
          assert.equal(applyEdits(before, edits), after);
          for (const e of edits) assert.ok(e.start === 0 || before[e.start - 1] === '\n', 'starts at a line');
        },
      ),
      { seed: SEED + 4, numRuns: 500 },
    );
  });
});
