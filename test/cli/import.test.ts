/** `nianbao import`, run as the real executable on real files in a temporary directory. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FIXTURES, ROOT } from '../support/paths';

const BIN = join(ROOT, 'bin', 'nianbao.js');
const DIR = join(FIXTURES, 'import');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: Buffer): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd: dir });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

test('without -o the YAML goes to standard output, the summary to standard error', () => {
  const r = run(['import', join(DIR, 'caozhen-2020-report.txt')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# 湛河区曹镇乡人民政府 2020 年/);
  assert.match(r.stdout, /\n格式: 2019 /);
  assert.match(
    r.stderr,
    /^已导入 .*caozhen-2020-report\.txt（2019年版格式）：近似匹配 0 处，未能放入 0 项，原文缺少 0 行。请运行 nianbao check 检查。\n$/,
  );
});

test('-o creates the file, which then checks clean; an existing file is never overwritten', () => {
  const out = join(dir, 'word.nianbao.yaml');
  const r = run(['import', join(DIR, 'word-2020-gbk.html'), '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(readFileSync(out, 'utf8'), readFileSync(join(DIR, 'word-2020-gbk.expected.yaml'), 'utf8'));
  // What was matched approximately is on stderr too, not only in the file.
  assert.match(r.stderr, /三「2、其他法律行政止公开」→「2\.其他法律行政法规禁止公开」/);
  assert.match(r.stderr, /→ .*word\.nianbao\.yaml：近似匹配 1 处/);
  const check = spawnSync(process.execPath, [BIN, 'check', out], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout);

  writeFileSync(out, 'my own edits\n');
  const again = run(['import', join(DIR, 'official-2019.html'), '--output', out]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /word\.nianbao\.yaml 已存在，未作改动；请换一个输出文件名。/);
  assert.equal(readFileSync(out, 'utf8'), 'my own edits\n');
});

test('- reads standard input as bytes, so a GBK page comes through', () => {
  const r = run(['import', '-'], readFileSync(join(DIR, 'word-2020-gbk.html')));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(join(DIR, 'word-2020-gbk.expected.yaml'), 'utf8'));
  assert.match(r.stderr, /已导入 <stdin>（2019年版格式）/);
});

test('--lang en: notes and summary in English, the file stays Chinese', () => {
  const r = run(['import', join(DIR, 'messy-2022.html'), '--lang', 'en']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    /Labels matched approximately \(printed → template\); please check:\n {2}四 “行政法复议” → “行政复议”\n/,
  );
  assert.match(
    r.stderr,
    /Not imported, could not be placed in the template:\n {2}六 “示范市生态环境局 2023年1月18日”: the closing signature/,
  );
  assert.match(
    r.stderr,
    /Imported .*messy-2022\.html \(2021 template\): 1 approximate label\(s\), 1 item\(s\) not placed, 0 row\(s\) missing/,
  );
  assert.match(r.stdout, /# 以下标签按近似匹配/);
});

test('usage errors and unreadable files exit 2', () => {
  assert.equal(run(['import']).code, 2);
  assert.equal(run(['import', 'a.html', 'b.html']).code, 2);
  assert.equal(run(['import', 'a.html', '-o']).code, 2);
  const missing = run(['import', join(dir, 'nothing-here.html')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /无法读取 .*nothing-here\.html：ENOENT/);
});

test('help lists the command', () => {
  const r = run(['help']);
  assert.match(r.stdout, /import 文件\|- {13}将已发布的年报（网页 HTML、文本、PDF 或 Word \.docx）导入为年报 YAML/);
  assert.match(r.stdout, /import 文件\|目录… -o 输出目录 {2}批量导入/);
});

test('a PDF and a .docx through the CLI: the same YAML as their expected fixtures', () => {
  for (const name of ['chromium-2024.pdf', 'docx-2024.docx']) {
    const r = run(['import', join(DIR, name)]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, readFileSync(join(DIR, name.replace(/\.\w+$/, '.expected.yaml')), 'utf8'));
  }
});

test('batch: a folder and files into an output folder, named by agency and year, never overwriting; a table; exit 1 for a file that fails', () => {
  const input = join(dir, 'batch-in');
  const out = join(dir, 'batch-out');
  mkdirSync(join(input, 'sub'), { recursive: true });
  for (const name of ['official-2021.html', 'docx-2024.docx', 'word-2020-gbk.html'])
    writeFileSync(join(input, name), readFileSync(join(DIR, name)));
  writeFileSync(join(input, 'sub', 'chromium-2024.pdf'), readFileSync(join(DIR, 'chromium-2024.pdf')));
  writeFileSync(join(input, 'notes.md'), 'not imported: not a kind of input');
  mkdirSync(out);
  writeFileSync(join(out, '示范市临江区人民政府-2024.nianbao.yaml'), 'mine\n');
  const r = run(['import', input, join(DIR, 'bad', 'unrelated.html'), '-o', out]);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^文件 +机关 +年度 +格式 +数值（放入\/印有） +说明$/);
  assert.equal(lines.length, 2 + 5);
  assert.match(lines[2], /docx-2024\.docx +示范市自然资源和规划局（示范市林业局） +2024 +2021 +200\/200 +—$/);
  assert.match(lines[3], /official-2021\.html +示范市临江区人民政府 +2024 +2021 +200\/200 +—$/);
  assert.match(lines[4], /sub\/chromium-2024\.pdf +示范市临江区人民政府 +2024 +2021 +200\/200 +—$/);
  assert.match(lines[5], /word-2020-gbk\.html +示范县市场监督管理局 +2020 +2019 +\d+\/\d+ +近似匹配 1 处$/);
  assert.match(lines[6], /unrelated\.html +— +— +— +— +✗ 没有找到年报标题和年度/);
  assert.match(r.stderr, /已导入 4 份年报到 .*batch-out，1 个文件无法导入。/);
  // The file already there is untouched; the two reports of one agency and year get -2 and -3.
  assert.equal(readFileSync(join(out, '示范市临江区人民政府-2024.nianbao.yaml'), 'utf8'), 'mine\n');
  assert.deepEqual(readdirSync(out).sort(), [
    '示范县市场监督管理局-2020.nianbao.yaml',
    '示范市临江区人民政府-2024-2.nianbao.yaml',
    '示范市临江区人民政府-2024-3.nianbao.yaml',
    '示范市临江区人民政府-2024.nianbao.yaml',
    '示范市自然资源和规划局（示范市林业局）-2024.nianbao.yaml',
  ]);
  assert.equal(
    readFileSync(join(out, '示范市自然资源和规划局（示范市林业局）-2024.nianbao.yaml'), 'utf8'),
    readFileSync(join(DIR, 'docx-2024.expected.yaml'), 'utf8'),
  );
});

test('batch --format json: one object per file in input order; a clean batch exits 0', () => {
  const out = join(dir, 'batch-json');
  const r = run([
    'import',
    join(DIR, 'official-2019.html'),
    join(DIR, 'messy-2022.html'),
    '-o',
    out,
    '--format',
    'json',
    '--lang',
    'en',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as {
    file: string;
    ok: boolean;
    agency: string;
    year: number;
    edition: number;
    placed: number;
    printed: number;
    unplaced: number;
    output: string;
    notes: string[];
  }[];
  assert.deepEqual(
    rows.map((x) => [x.file.replace(/^.*\//, ''), x.ok, x.agency, x.year, x.edition, x.unplaced]),
    [
      ['official-2019.html', true, '示范县农业农村局', 2020, 2019, 0],
      ['messy-2022.html', true, '示范市生态环境局', 2022, 2021, 1],
    ],
  );
  assert.ok(rows.every((x) => x.placed <= x.printed && x.output.endsWith('.nianbao.yaml')));
  assert.match(rows[1].notes.join('\n'), /Labels matched approximately/);
  assert.match(r.stderr, /Imported 2 report\(s\) into /);
});

test('batch usage: several inputs without -o, or standard input among them, exit 2', () => {
  assert.equal(run(['import', join(DIR, 'official-2019.html'), join(DIR, 'messy-2022.html')]).code, 2);
  assert.equal(run(['import', join(DIR, 'official-2019.html'), '-', '-o', join(dir, 'x')]).code, 2);
});
