/** `nianbao next`: next year's skeleton, consistent with this year by construction; failure writes nothing. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ReportIndex, analyze } from '../../core/src/index';
import { EXAMPLES, ROOT, SERIES } from '../support/paths';

const BIN = join(ROOT, 'bin', 'nianbao.js');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-next-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function row(text: string, key: string): string {
  const m = new RegExp(`^\\s*${key}: (.*?)(?:\\s+#.*)?$`, 'm').exec(text);
  assert.ok(m, key);
  return m[1];
}

for (const name of readdirSync(SERIES.consistent)
  .filter((n) => n.endsWith('.nianbao.yaml'))
  .sort()) {
  test(`next of ${name}: the edition of next year, carry-over and stocks continue, nothing else to fix`, () => {
    const source = readFileSync(join(SERIES.consistent, name), 'utf8');
    const r = run(['next', join(SERIES.consistent, name)]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const year = analyze(source).report.year as number;
    const next = analyze(r.stdout);
    assert.equal(next.report.year, year + 1);
    assert.equal(next.report.edition, year + 1 >= 2021 ? 2021 : 2019);
    assert.equal(next.report.agency, analyze(source).report.agency);
    assert.equal(row(r.stdout, '上年结转政府信息公开申请数量'), row(source, '结转下年度继续办理'));
    for (const id of ['overview', 'problems', 'other']) assert.equal(next.report.texts.get(id)?.text, '');
    // Only the empty 五 is left to write; the tables balance.
    assert.deepEqual(
      next.diagnostics.map((d) => d.code),
      ['NB311'],
    );
    // Checked against this year, next year's skeleton continues every carry-over and stock.
    const index = new ReportIndex();
    index.set('this.nianbao.yaml', source);
    index.set('next.nianbao.yaml', r.stdout);
    assert.deepEqual(
      index.crossDiagnostics('next.nianbao.yaml').map((d) => d.message.zh),
      [],
    );
  });
}

test('2019 → 2020 carries item counts; 2020 → 2021 takes 现行有效件数 from 对外公开总数量 with a note', () => {
  const from2019 = run(['next', join(SERIES.consistent, 'eco-2019.nianbao.yaml')]).stdout;
  const source = readFileSync(join(SERIES.consistent, 'eco-2019.nianbao.yaml'), 'utf8');
  const [prev, change] = JSON.parse(row(source, '行政许可')) as number[];
  assert.deepEqual(JSON.parse(row(from2019, '行政许可')), [prev + change, 0, 0]);
  const from2020 = run(['next', join(SERIES.consistent, 'eco-2020.nianbao.yaml')]).stdout;
  const total = (
    JSON.parse(row(readFileSync(join(SERIES.consistent, 'eco-2020.nianbao.yaml'), 'utf8'), '规范性文件')) as number[]
  )[2];
  assert.match(
    from2020,
    new RegExp(`行政规范性文件: \\[0, 0, ${total}\\] +# 现行有效件数暂取2020年度「对外公开总数量」，请核定`),
  );
});

test('-o writes a new file and never overwrites one', () => {
  const out = join(dir, 'shifan-2025.nianbao.yaml');
  const first = run(['next', join(EXAMPLES, 'shifan-2024.nianbao.yaml'), '-o', out]);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, '');
  const written = readFileSync(out, 'utf8');
  assert.match(written, /^年度: 2025$/m);
  assert.match(written, /^机关类型: 人民政府$/m);
  assert.match(written, /行政规范性文件: \[0, 0, 41\]/);
  writeFileSync(out, 'mine');
  const again = run(['next', join(EXAMPLES, 'shifan-2024.nianbao.yaml'), '-o', out]);
  assert.equal(again.code, 2);
  assert.equal(readFileSync(out, 'utf8'), 'mine');
});

test('failure writes nothing: no 年度, an unreadable carry-forward, a missing file', () => {
  const noYear = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8').replace('年度: 2024\n', '');
  const out = join(dir, 'never.nianbao.yaml');
  const a = run(['next', '-', '-o', out], noYear);
  assert.equal(a.code, 1);
  assert.equal(a.stdout, '');
  assert.match(a.stderr, /无法生成下一年度年报：文件缺少有效的「机关」或「年度」/);
  assert.equal(existsSync(out), false);

  const broken = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8').replace(
    '结转下年度继续办理: [3, 0, 0, 0, 1, 0, 4]',
    '结转下年度继续办理: [3, 0, 0, 0, 1, 0, 四]',
  );
  const b = run(['next', '-', '--lang', 'en'], broken);
  assert.equal(b.code, 1);
  assert.equal(b.stdout, '');
  assert.match(b.stderr, /四、结转下年度继续办理·总计 is missing or unreadable/);

  const c = run(['next', join(dir, 'nope.nianbao.yaml')]);
  assert.equal(c.code, 2);
  assert.equal(c.stdout, '');
});

test('an input with errors still gives the skeleton, with a note', () => {
  const unbalanced = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8').replace(
    '本年新收政府信息公开申请数量: [86, 9, 0, 1, 3, 2, 101]',
    '本年新收政府信息公开申请数量: [86, 9, 0, 1, 3, 2, 100]',
  );
  const r = run(['next', '-'], unbalanced);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^年度: 2025$/m);
  assert.match(r.stderr, /注意：<stdin> 有 \d+ 个错误，带入下一年度的数字可能不准确/);
});
