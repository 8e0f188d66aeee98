/**
 * `nianbao check` over several reports: cross-year findings, related locations, the summary, JSON shape; texts let
 * go after the check and read again only for output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LineIndex, ReportIndex, analyze } from '../../core/src/index';
import { main } from '../../cli/src/cli';
import { processIo } from '../../cli/src/io';
import { ROOT, SERIES } from '../support/paths';

const BIN = join(ROOT, 'bin', 'nianbao.js');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-check-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// The series under the names the output shows: cross/broken/eco-2020.nianbao.yaml …
for (const [name, series] of Object.entries(SERIES)) cpSync(series, join(dir, 'cross', name), { recursive: true });

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a directory of one agency over five years: cross findings, a pointer to last year, and the summary table', () => {
  const r = run(['check', 'cross/broken']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stdout,
    /cross\/broken\/eco-2020\.nianbao\.yaml:31:20: 错误 NB306 二、上年结转政府信息公开申请数量·自然人 应为 1：2019年度年报（eco-2019\.nianbao\.yaml）/,
  );
  assert.match(
    r.stdout,
    /  = 参见 cross\/broken\/eco-2019\.nianbao\.yaml:56:15 2019年度：四、结转下年度继续办理·自然人 = 1/,
  );
  const summary = r.stdout.slice(r.stdout.indexOf('汇总：'));
  assert.equal(
    summary,
    [
      '汇总：5 份年报，1 个机关，年度 2019–2023（5 个年度）',
      '  规则   错误  警告  说明',
      '  NB306     4     0  跨年度：上年「结转下年度继续办理」= 本年「上年结转政府信息公开申请数量」（每一列）',
      '  NB307     0     1  跨年度（2021年版）：上年现行有效件数 + 本年制发件数 − 本年废止件数 = 本年现行有效件数',
      '  NB308     0     2  跨年度（2019年版）：上年上一年项目数量 + 上年本年增/减 = 本年上一年项目数量；对外公开总数量连续',
      '  合计      4     3',
      '4 个错误，3 个警告（5 个文件）',
      '',
    ].join('\n'),
  );
});

test('a consistent series and the examples: no findings, the summary counts agencies and years', () => {
  const r = run(['check', 'cross/consistent', join(ROOT, 'examples')]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '汇总：7 份年报，3 个机关，年度 2019–2024（6 个年度）\n✓ 7 个文件，没有发现问题\n');
});

test('several files given one by one are checked across each other; the same file twice is one report', () => {
  const r = run([
    'check',
    'cross/broken/eco-2021.nianbao.yaml',
    'cross/broken/eco-2020.nianbao.yaml',
    'cross/broken/eco-2021.nianbao.yaml',
    '--lang',
    'en',
  ]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, /NB320/);
  assert.match(
    r.stdout,
    /eco-2021\.nianbao\.yaml:28:23: error NB306 二、上年结转政府信息公开申请数量·商业企业 should be 1/,
  );
  assert.match(r.stdout, /Summary: 2 report\(s\), 1 agency, years 2020–2021 \(2\)/);
});

test('duplicates are an error on both files', () => {
  const r = run(['check', 'cross/duplicate']);
  assert.equal(r.code, 1);
  assert.equal((r.stdout.match(/错误 NB320/g) ?? []).length, 2);
  assert.match(r.stdout, /  NB320     2     0  同一机关同一年度只有一份年报/);
});

test('--format json keeps exactly its shape with the cross findings in it', () => {
  const r = run(['check', 'cross/broken', '--format', 'json']);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.stdout) as {
    version: number;
    files: { file: string; diagnostics: Record<string, unknown>[] }[];
  };
  assert.deepEqual(Object.keys(json), ['version', 'files']);
  assert.equal(json.version, 1);
  assert.equal(json.files.length, 5);
  for (const f of json.files) {
    assert.deepEqual(Object.keys(f), ['file', 'diagnostics']);
    for (const d of f.diagnostics)
      assert.deepEqual(Object.keys(d), [
        'severity',
        'code',
        'message',
        'line',
        'column',
        'endLine',
        'endColumn',
        'path',
      ]);
  }
  const nb306 = json.files
    .find((f) => f.file.endsWith('eco-2020.nianbao.yaml'))
    ?.diagnostics.find((d) => d.code === 'NB306');
  assert.deepEqual(
    { line: nb306?.line, column: nb306?.column, path: nb306?.path },
    { line: 31, column: 20, path: ['收到和处理政府信息公开申请情况', '上年结转政府信息公开申请数量', 0] },
  );
  const codes = json.files.flatMap((f) => f.diagnostics.map((d) => String(d.code))).sort();
  assert.deepEqual(codes, ['NB306', 'NB306', 'NB306', 'NB306', 'NB307', 'NB308', 'NB308']);
});

test('a single file keeps the one-line summary', () => {
  const r = run(['check', 'cross/consistent/eco-2019.nianbao.yaml']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '✓ 1 个文件，没有发现问题\n');
});

test('a reader that stops early (| head) ends the output without a stack trace', async () => {
  const { spawn } = await import('node:child_process');
  // Far more output than a pipe holds: thirty agencies with the broken series.
  for (let a = 0; a < 30; a++) {
    for (const name of readdirSync(join(dir, 'cross', 'broken'))) {
      const text = readFileSync(join(dir, 'cross', 'broken', name), 'utf8').replace(
        /^机关: .*$/m,
        `机关: 第${a}号机关`,
      );
      mkdirSync(join(dir, 'many', String(a)), { recursive: true });
      writeFileSync(join(dir, 'many', String(a), name), text);
    }
  }
  const child = spawn(process.execPath, [BIN, 'check', 'many'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  assert.doesNotMatch(stderr, /EPIPE|at /);
  assert.notEqual(code, 2);
});

/** `main` in-process with the real files, counting reads; `changeOnReread` serves other bytes from the second read on. */
async function checkCounting(
  args: string[],
  changeOnReread?: { file: string; text: string },
): Promise<{ code: number; stdout: string; reads: Map<string, number> }> {
  const reads = new Map<string, number>();
  let stdout = '';
  const io = {
    ...processIo(),
    stdout: (t: string) => void (stdout += t),
    stderr: () => undefined,
    readStdin: async () => '',
    readFile: (p: string) => {
      const n = (reads.get(p) ?? 0) + 1;
      reads.set(p, n);
      if (changeOnReread && n > 1 && p.endsWith(changeOnReread.file)) return Buffer.from(changeOnReread.text);
      return readFileSync(p);
    },
    color: false,
  };
  const code = await main(args, io);
  return { code, stdout, reads };
}

/** The five reports newest first: findings between reports then land on reports read earlier. */
function newestFirst(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .reverse()
    .map((f) => join(folder, f));
}

test('texts are let go after the check: a clean report is read once, one a later finding lands on twice', async () => {
  const folder = join(dir, 'cross', 'broken');
  const files = newestFirst(folder);
  const { code, stdout, reads } = await checkCounting(['check', ...files, '--format', 'json']);
  assert.equal(code, 1);
  const result = JSON.parse(stdout) as { files: { file: string; diagnostics: unknown[] }[] };
  assert.deepEqual(
    result.files.map((f) => f.file),
    files,
  );
  // The findings a report had when it was read decide whether its text was kept.
  const seen = new ReportIndex();
  for (const f of files) {
    seen.set(f, readFileSync(f, 'utf8'));
    const atRead = seen.diagnostics(f).length;
    const atEnd = result.files.find((r) => r.file === f)?.diagnostics.length ?? 0;
    assert.equal(reads.get(f), atRead === 0 && atEnd > 0 ? 2 : 1, f);
  }
  assert.ok([...reads.values()].includes(2), 'a finding landed on a report read earlier');
  const fresh = run(['check', ...files.map((f) => f.slice(dir.length + 1)), '--format', 'json']).stdout;
  assert.equal(stdout, fresh.replaceAll('cross/broken', folder), 'the output does not depend on it');
});

test('a report changed on disk between its check and its output is printed with the findings of the text printed', async () => {
  const folder = join(dir, 'cross', 'broken');
  const original = readFileSync(join(folder, 'eco-2020.nianbao.yaml'), 'utf8');
  assert.equal(analyze(original).diagnostics.length, 0, 'clean on its own');
  // Meanwhile someone adds two lines at the top and breaks a row total.
  const changed = `# 另存\n# 修改\n${original.replace(/(  本年新收政府信息公开申请数量: \[(?:\d+, ){6})(\d+)\]/, (_m, head, n) => `${head}${Number(n) + 1}]`)}`;
  assert.notEqual(changed, original);
  const files = newestFirst(folder);
  const { stdout, reads } = await checkCounting(['check', ...files, '--format', 'json'], {
    file: 'eco-2020.nianbao.yaml',
    text: changed,
  });
  assert.equal(reads.get(join(folder, 'eco-2020.nianbao.yaml')), 2);
  const file = (
    JSON.parse(stdout) as { files: { file: string; diagnostics: { code: string; line: number }[] }[] }
  ).files.find((f) => f.file.endsWith('eco-2020.nianbao.yaml'));
  assert.ok(file);
  const expected = new ReportIndex();
  for (const f of files) expected.set(f, f.endsWith('eco-2020.nianbao.yaml') ? changed : readFileSync(f, 'utf8'));
  const lines = new LineIndex(changed);
  assert.deepEqual(
    file.diagnostics.map((d) => `${d.code}@${d.line}`),
    expected
      .diagnostics(join(folder, 'eco-2020.nianbao.yaml'))
      .map((d) => `${d.code}@${lines.positionAt(d.range.start).line + 1}`),
  );
  assert.ok(file.diagnostics.some((d) => d.code === 'NB303'));
});
