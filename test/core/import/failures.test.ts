/**
 * Inputs that are not a report, or not enough of one: a clear message, no output, a non-zero exit code, and no
 * file left behind — checked in the core and through the real executable.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { importReport } from '../../../core/src/index';
import { importFile } from '../../../extract/src/importFile';
import { stopPdfWorker } from '../../../extract/src/pdfItems';
import { EXAMPLES, FIXTURES, ROOT } from '../../support/paths';

const BAD = join(FIXTURES, 'import', 'bad');
const BIN = join(ROOT, 'bin', 'nianbao.js');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-bad-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopPdfWorker();
});

const CASES: readonly [string, RegExp, RegExp][] = [
  [
    'unrelated.html',
    /没有找到年报标题和年度.*这似乎不是政府信息公开工作年度报告，未导入/,
    /No report title with a year/,
  ],
  [
    'truncated.html',
    /只找到 1 个部分标题（一、总体情况），年报应有/,
    /Only 1 section heading\(s\) found \(一、总体情况\)/,
  ],
  [
    'tables-as-images.html',
    /表格中没有任何可读的数值（表格可能是图片或已损坏），未导入/,
    /the tables hold no readable value/,
  ],
  ['binary.png', /输入不是文本或网页（含有二进制内容），无法导入/, /not text or a web page/],
  ['empty.txt', /输入为空，无法导入/, /The input is empty/],
  [
    'scanned.pdf',
    /这份 PDF（2 页）没有文字层，是扫描图像，无法读取其中的文字/,
    /has no text layer: it is a scanned image/,
  ],
  ['encrypted.pdf', /这份 PDF 有打开密码，无法读取/, /This PDF needs a password to open/],
];

test('every malformed fixture is covered', () => {
  assert.deepEqual(readdirSync(BAD).sort(), CASES.map(([name]) => name).sort());
});

for (const [name, zh, en] of CASES) {
  test(`${name}: refused with a clear message`, async () => {
    const result = await importFile(new Uint8Array(readFileSync(join(BAD, name))), name);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.zh, zh);
    assert.match(result.error.en, en);
  });

  test(`${name}: nianbao import exits 1 and writes no file`, () => {
    const out = join(dir, `${name}.nianbao.yaml`);
    const r = spawnSync(process.execPath, [BIN, 'import', join(BAD, name), '-o', out], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^无法导入 .*${name.replace('.', '\\.')}：`));
    assert.match(r.stderr, zh);
    assert.equal(existsSync(out), false);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.startsWith(name)),
      [],
    );
  });
}

test('a report YAML given to import by mistake is refused, not mangled', () => {
  const result = importReport(readFileSync(join(EXAMPLES, 'caozhen-2020.nianbao.yaml')));
  assert.equal(result.ok, false);
});

test('arbitrary bytes and markup never throw', () => {
  const inputs: (string | Uint8Array)[] = [
    '<table><tr><td rowspan="0" colspan="99999">一、总体情况</td></tr></table>',
    '<<<>>><p><table><td>2020年政府信息公开工作年度报告</td><p>一、总体情况<p>二、主动公开政府信息情况<table><tr><td>规章<td>1',
    '2020年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n规章 1 2 3 4 5 6 7 8 9\n三、收到和处理政府信息公开申请情况\n',
    new Uint8Array([0xff, 0xfe, 0x00, 0xd8]),
    new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)),
  ];
  for (const input of inputs) {
    const result = importReport(input);
    assert.equal(typeof result.ok, 'boolean');
  }
});
