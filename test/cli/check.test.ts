/** `nianbao check` in-process through `main(argv, io)`, on real files. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../support/cliRun';
import { EXAMPLES, FIXTURES, ROOT } from '../support/paths';

const SEED = join(EXAMPLES, 'caozhen-2020.nianbao.yaml');
const BROKEN = join(FIXTURES, 'rules', 'nb304', '2021-appeal-total.fail.nianbao.yaml');
const WARNINGS_ONLY = join(FIXTURES, 'rules', 'nb206', '2019-blank-cell.fail.nianbao.yaml');
const STACK = /\n\s+at .+:\d+/;

/** 1-based line and column of the first occurrence of `needle` (after `anchor`, when given). */
function position(text: string, needle: string, anchor = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, anchor ? text.indexOf(anchor) : 0);
  assert.ok(offset >= 0, `${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('exit codes and summaries', () => {
  test('the seed example checks clean: exit 0', async () => {
    const r = await runCli(['check', SEED]);
    assert.deepEqual(r, { code: 0, stdout: '✓ 1 个文件，没有发现问题\n', stderr: '' });
  });

  test('the examples directory: every report under it, exit 0', async () => {
    const r = await runCli(['check', EXAMPLES]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '汇总：2 份年报，2 个机关，年度 2020、2024（2 个年度）\n✓ 2 个文件，没有发现问题\n');
  });

  test('a broken report: exit 1, file:line:column, severity, code, message and a code frame', async () => {
    const text = readFileSync(BROKEN, 'utf8');
    const r = await runCli(['check', BROKEN]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const at = position(text, '5]', '行政复议: [2, 1, 0, 1, 5]');
    const lines = r.stdout.split('\n');
    assert.equal(
      lines[0],
      `${BROKEN}:${at.line}:${at.column}: 错误 NB304 行政复议·总计 应为 4（结果维持 2 + 结果纠正 1 + 尚未审结 1），实为 5，相差 1`,
    );
    // The frame: the line before, the line itself marked with `>`, a caret under the cell, the line after.
    assert.match(lines[1], new RegExp(`^ {2}${at.line - 1} \\| 政府信息公开行政复议`));
    assert.match(lines[2], new RegExp(`^> ${at.line} \\| {3}行政复议: \\[2, 1, 0, 1, 5\\]`));
    const caretColumn = lines[3].indexOf('^');
    const frameText = lines[2].slice(lines[2].indexOf('| ') + 2);
    // 行政复议 is four double-width characters: the caret sits under the 5 as a terminal shows it.
    const widthBefore = frameText.slice(0, at.column - 1).length + 4;
    assert.equal(caretColumn - (lines[3].indexOf('| ') + 2), widthBefore);
    assert.equal(lines[3].trimEnd().slice(caretColumn), '^');
    assert.equal(r.stdout.trimEnd().split('\n').at(-1), '2 个错误，0 个警告（1 个文件）');
  });

  test('warnings only: exit 0, the warnings listed', async () => {
    const r = await runCli(['check', WARNINGS_ONLY]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /: 警告 NB206 /);
    assert.match(r.stdout, /0 个错误，2 个警告（1 个文件）\n$/);
  });

  test('several files: the summary counts them all; any error makes the exit code 1', async () => {
    const r = await runCli(['check', SEED, BROKEN, WARNINGS_ONLY]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /合计 +2 +2\n2 个错误，2 个警告（3 个文件）\n$/);
  });
});

describe('--format json', () => {
  test('exactly the documented shape, 1-based positions, the YAML path', async () => {
    const text = readFileSync(BROKEN, 'utf8');
    const r = await runCli(['check', '--format', 'json', BROKEN]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.endsWith('}\n') && r.stdout.split('\n').length === 2, 'one line of JSON');
    const out = JSON.parse(r.stdout);
    const a = position(text, '5]', '行政复议: [2, 1, 0, 1, 5]');
    const b = position(text, '2]', '未经复议直接起诉: [1, 0, 2, 1, 2]');
    assert.deepEqual(Object.keys(out), ['version', 'files']);
    assert.deepEqual(
      { version: out.version, files: out.files },
      {
        version: 1,
        files: [
          {
            file: BROKEN,
            diagnostics: [
              {
                severity: 'error',
                code: 'NB304',
                message: '行政复议·总计 应为 4（结果维持 2 + 结果纠正 1 + 尚未审结 1），实为 5，相差 1',
                line: a.line,
                column: a.column,
                endLine: a.line,
                endColumn: a.column + 1,
                path: ['政府信息公开行政复议、行政诉讼情况', '行政复议', 4],
              },
              {
                severity: 'error',
                code: 'NB304',
                message:
                  '行政诉讼（未经复议直接起诉）·总计 应为 4（结果维持 1 + 其他结果 2 + 尚未审结 1），实为 2，相差 2',
                line: b.line,
                column: b.column,
                endLine: b.line,
                endColumn: b.column + 1,
                path: ['政府信息公开行政复议、行政诉讼情况', '行政诉讼', '未经复议直接起诉', 4],
              },
            ],
          },
        ],
      },
    );
    // Key order as documented.
    assert.deepEqual(Object.keys(out.files[0].diagnostics[0]), [
      'severity',
      'code',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'path',
    ]);
  });

  test('a clean file has an empty list; several files in the order given; --format=json works too', async () => {
    const r = await runCli(['check', `--format=json`, SEED, WARNINGS_ONLY]);
    assert.equal(r.code, 0);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.files.map((f: { file: string }) => f.file),
      [SEED, WARNINGS_ONLY],
    );
    assert.deepEqual(out.files[0].diagnostics, []);
    assert.ok(out.files[1].diagnostics.every((d: { severity: string }) => d.severity === 'warning'));
  });

  test('a diagnostic at the very start of an empty file: line 1, column 1, path []', async () => {
    const r = await runCli(['check', '--format', 'json', '-'], '');
    assert.deepEqual(JSON.parse(r.stdout).files[0], {
      file: '<stdin>',
      diagnostics: [
        {
          severity: 'error',
          code: 'NB109',
          message: '文件为空：请先写入「格式」「机关」「年度」，或用“新建年报”（命令行：nianbao init）生成完整框架',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          path: [],
        },
      ],
    });
  });

  test('positions count UTF-16 units on the line, CRLF line ends included', async () => {
    const text = readFileSync(BROKEN, 'utf8').replace(/\n/g, '\r\n');
    const r = await runCli(['check', '--format', 'json', '-'], text);
    const d = JSON.parse(r.stdout).files[0].diagnostics[0];
    const at = position(text.replace(/\r\n/g, '\n'), '5]', '行政复议: [2, 1, 0, 1, 5]');
    assert.deepEqual([d.line, d.column], [at.line, at.column]);
  });
});

describe('--lang', () => {
  test('--lang en: English severities, messages and summary', async () => {
    const r = await runCli(['check', '--lang', 'en', BROKEN]);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /: error NB304 行政复议·总计 should be 4 \(结果维持 2 \+ 结果纠正 1 \+ 尚未审结 1\), is 5, off by 1\n/,
    );
    assert.match(r.stdout, /2 error\(s\), 0 warning\(s\) in 1 file\(s\)\n$/);
  });

  test('--lang=en in JSON; the option may come before the command', async () => {
    const r = await runCli(['--lang=en', 'check', '--format', 'json', BROKEN]);
    assert.match(JSON.parse(r.stdout).files[0].diagnostics[0].message, /should be 4/);
  });

  test('an unknown language is a usage error', async () => {
    const r = await runCli(['check', '--lang', 'fr', SEED]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--lang 只能是 zh 或 en/);
  });
});

describe('inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a directory: every *.nianbao.yaml / .yml under it, sorted, skipping node_modules and hidden folders', async () => {
    const good = readFileSync(SEED, 'utf8');
    mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
    mkdirSync(join(dir, 'node_modules'));
    mkdirSync(join(dir, '.cache'));
    writeFileSync(join(dir, 'a.nianbao.yaml'), good);
    writeFileSync(
      join(dir, 'b', 'deeper', 'c.nianbao.yml'),
      good.replace('行政复议: [0, 0, 0, 0, 0]', '行政复议: [1, 0, 0, 0, 0]'),
    );
    writeFileSync(join(dir, 'b', 'notes.yaml'), 'not: a report\n');
    writeFileSync(join(dir, 'node_modules', 'x.nianbao.yaml'), '');
    writeFileSync(join(dir, '.cache', 'y.nianbao.yaml'), '');
    const r = await runCli(['check', '--format', 'json', dir]);
    assert.equal(r.code, 1);
    const files = JSON.parse(r.stdout).files.map((f: { file: string }) => relative(dir, f.file));
    assert.deepEqual(files, ['a.nianbao.yaml', join('b', 'deeper', 'c.nianbao.yml')]);
  });

  test('a directory without reports: exit 2 with a message', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const r = await runCli(['check', empty]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `${empty} 中没有 *.nianbao.yaml 文件。\n`);
  });

  test('- reads standard input, named <stdin>', async () => {
    const r = await runCli(['check', '-'], readFileSync(BROKEN, 'utf8'));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<stdin>:\d+:\d+: 错误 NB304 /);
  });

  test('a file that does not exist: exit 2, a clear message, the other inputs still checked', async () => {
    const missing = join(dir, 'missing.nianbao.yaml');
    const r = await runCli(['check', missing, SEED]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `无法读取 ${missing}：文件不存在\n1 个文件无法读取，未检查。\n`);
    assert.equal(r.stdout, '✓ 1 个文件，没有发现问题\n');
  });

  test('an unreadable path in English', async () => {
    const r = await runCli(['check', '--lang', 'en', join(dir, 'nope.yaml')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Cannot read .*nope\.yaml: no such file or directory\n/);
  });

  test('a file given explicitly is checked whatever its name; a BOM and UTF-16 are read', async () => {
    const text = readFileSync(SEED, 'utf8');
    writeFileSync(join(dir, 'report.txt'), `\ufeff${text}`);
    // Another agency's report, so that the two are not the same report twice (NB320).
    const other = text.replace('机关: 湛河区曹镇乡人民政府', '机关: 湛河区北渡镇人民政府');
    writeFileSync(join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(other, 'utf16le')]));
    const r = await runCli(['check', join(dir, 'report.txt'), join(dir, 'utf16.yaml')]);
    assert.deepEqual([r.code, r.stdout.split('\n').at(-2)], [0, '✓ 2 个文件，没有发现问题']);
  });

  test('binary garbage: NB108, exit 1, no crash', async () => {
    writeFileSync(
      join(dir, 'image.nianbao.yaml'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0xff, 0xfe]),
    );
    const r = await runCli(['check', join(dir, 'image.nianbao.yaml')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /:1:1: 错误 NB108 这不是文本文件/);
  });
});

describe('usage errors: exit 2, a message on stderr, never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /^用法：nianbao <命令>/],
    ['an unknown command', ['chekc'], /^未知命令「chekc」。 运行 nianbao help 查看用法。/],
    ['check without inputs', ['check'], /请给出要检查的文件或目录/],
    ['an unknown output format', ['check', '--format', 'xml', SEED], /--format 只能是 human、json 或 csv/],
    ['an unknown option', ['check', '--fix', SEED], /选项 --fix 无效或缺少值/],
    ['an option without its value', ['check', SEED, '--format'], /选项 --format 无效或缺少值/],
    ['init without its options', ['init'], /init 需要 --edition 2019\|2021、--year 年度 和 --agency 机关名称/],
    [
      'init with a year of the other edition',
      ['init', '--edition', '2019', '--year', '2024', '--agency', '某县'],
      /2024年度应使用 2021 年版格式，而不是 2019/,
    ],
    ['init with an unknown edition', ['init', '--edition', '2020', '--year', '2020', '--agency', '某县'], /init 需要/],
  ];
  for (const [name, argv, message] of cases) {
    test(name, async () => {
      const r = await runCli(argv);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, STACK);
    });
  }

  test('help and --version: exit 0 on stdout', async () => {
    const help = await runCli(['help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /check 文件\|目录\|- …/);
    assert.equal(
      (await runCli(['--help', '--lang', 'en'])).stdout.split('\n')[0],
      'Usage: nianbao <command> [options]',
    );
    const version = await runCli(['--version']);
    assert.deepEqual(
      [version.code, version.stdout],
      [0, `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`],
    );
  });
});
