/** `nianbao render` (HTML page and Word document), run as the real executable on real files in a temporary directory. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT, EXAMPLES } from '../support/paths';
import { runText } from '../support/wordXml';
import { unzipText } from '../support/zip';

const BIN = join(ROOT, 'bin', 'nianbao.js');
const SEED = join(EXAMPLES, 'caozhen-2020.nianbao.yaml');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-render-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('without -o the page goes to standard output', () => {
  const r = run(['render', SEED]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
  assert.match(r.stdout, /<h1 class="nb-title">.*湛河区曹镇乡人民政府.*2020.*年政府信息公开工作年度报告<\/h1>/);
  assert.equal(r.stderr, '');
});

test('-o writes the file once; it is never overwritten without --force', () => {
  const out = join(dir, 'caozhen.html');
  const first = run(['render', SEED, '-o', out]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /已写入/);
  const page = readFileSync(out, 'utf8');
  assert.match(page, /<\/html>\n$/);

  writeFileSync(out, 'edited by hand');
  const again = run(['render', SEED, '-o', out]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /已存在，未作改动；如确需覆盖，请加 --force/);
  assert.equal(readFileSync(out, 'utf8'), 'edited by hand');

  const forced = run(['render', SEED, '--output', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(readFileSync(out, 'utf8'), page);
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );
});

test('the report itself is never the output, even with --force', () => {
  const copy = join(dir, 'same.nianbao.yaml');
  writeFileSync(copy, readFileSync(SEED));
  const r = run(['render', copy, '-o', copy, '--force', '--lang', 'en']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot be the input report itself/);
  assert.deepEqual(readFileSync(copy), readFileSync(SEED));
});

test('a report with errors is still rendered, with a note and exit code 1', () => {
  const text = readFileSync(SEED, 'utf8').replace(
    '本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]',
    '本年新收政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 0]',
  );
  const r = run(['render', '-'], text);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /<\/html>/);
  assert.match(r.stderr, /<stdin> 有 \d+ 个错误、\d+ 个警告，页面照常生成/);
});

test('input that is no report writes nothing and exits 2', () => {
  const out = join(dir, 'nothing.html');
  for (const [input, message] of [
    ['- a\n- b\n', /没有可以生成页面的年报（顶层应是“键: 值”的映射）/],
    ['', /没有可以生成页面的年报/],
    ['\u0000\u0001\u0002binary', /没有可以生成页面的年报：/],
  ] as const) {
    const r = run(['render', '-', '-o', out], input);
    assert.equal(r.code, 2, input);
    assert.match(r.stderr, message);
    assert.equal(existsSync(out), false);
  }
});

test('unreadable input, unwritable output and bad usage are clear errors with exit 2', () => {
  const missing = run(['render', join(dir, 'missing.nianbao.yaml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /无法读取 .*missing\.nianbao\.yaml：ENOENT/);

  const noDir = run(['render', SEED, '-o', join(dir, 'no', 'such', 'dir', 'x.html')]);
  assert.equal(noDir.code, 2);
  assert.match(noDir.stderr, /无法写入 .*x\.html：ENOENT/);

  const usage = run(['render']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /render 需要一个年报文件/);
  const twoFiles = run(['render', SEED, SEED, '--lang', 'en']);
  assert.equal(twoFiles.code, 2);
  assert.match(twoFiles.stderr, /render needs one report file/);
  const badOption = run(['render', SEED, '--outptu', 'x.html']);
  assert.equal(badOption.code, 2);
  assert.match(badOption.stderr, /--outptu/);
});

/** The text of a .docx's body, line breaks as `\n`. */
function docxText(path: string): string {
  return runText(unzipText(readFileSync(path)).get('word/document.xml') ?? '');
}

test('-o OUT.docx writes the Word document; --format says it explicitly; --signature ends it with the agency and date', () => {
  const docx = join(dir, 'caozhen.docx');
  const r = run(['render', SEED, '-o', docx]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /已写入 .*caozhen\.docx/);
  assert.equal(r.stdout, '');
  assert.ok(docxText(docx).startsWith('湛河区曹镇乡人民政府\n2020年政府信息公开工作年度报告'));

  const named = join(dir, 'caozhen.word');
  assert.equal(run(['render', SEED, '--format', 'docx', '-o', named]).code, 0);
  assert.equal(readFileSync(named).subarray(0, 2).toString('latin1'), 'PK');
  const html = join(dir, 'page.docx');
  assert.equal(run(['render', SEED, '--format=html', '-o', html]).code, 0, 'an explicit format wins over the name');
  assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>/);

  const shifan = join(dir, 'shifan.docx');
  assert.equal(run(['render', join(EXAMPLES, 'shifan-2024.nianbao.yaml'), '-o', shifan, '--signature']).code, 0);
  assert.ok(docxText(shifan).endsWith('示范市临江区人民政府2025年3月20日'));
});

test('a Word document is written only to a file; --format takes html or docx', () => {
  const toStdout = run(['render', SEED, '--format', 'docx']);
  assert.equal(toStdout.code, 2);
  assert.equal(toStdout.stdout, '');
  assert.match(toStdout.stderr, /Word 文档须用 -o 写入文件/);
  const bad = run(['render', SEED, '--format', 'pdf', '-o', join(dir, 'x.pdf'), '--lang', 'en']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /The output format \(--format\) must be html or docx/);
  assert.equal(existsSync(join(dir, 'x.pdf')), false);
});

test('a report with errors still gets its Word document, with the note and exit code 1', () => {
  const text = readFileSync(SEED, 'utf8').replace(
    '本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]',
    '本年新收政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 0]',
  );
  const out = join(dir, 'broken.docx');
  const r = run(['render', '-', '-o', out], text);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /<stdin> 有 \d+ 个错误、\d+ 个警告，Word 文档照常生成/);
  assert.match(docxText(out), /一、本年新收政府信息公开申请数量1000000/);
  const none = join(dir, 'none.docx');
  const refused = run(['render', '-', '-o', none], '- a\n');
  assert.equal(refused.code, 2);
  assert.equal(existsSync(none), false);
});

test('help names the Word output', () => {
  const r = run(['help']);
  assert.match(r.stdout, /render 文件\|- \[-o 输出\.html\|输出\.docx\]/);
  assert.match(r.stdout, /--format html\|docx/);
  assert.match(run(['help', '--lang', 'en']).stdout, /--signature/);
});
