/** The real `bin/nianbao.js` in a child process, as a user runs it after `npm ci`. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runBin } from '../support/cliRun';
import { EXAMPLES, FIXTURES } from '../support/paths';

const STACK = /\n\s+at .+:\d+/;

test('npx nianbao check examples/: exit 0', () => {
  const r = runBin(['check', 'examples/']);
  assert.deepEqual(r, {
    code: 0,
    stdout: '汇总：2 份年报，2 个机关，年度 2020、2024（2 个年度）\n✓ 2 个文件，没有发现问题\n',
    stderr: '',
  });
});

test('a broken fixture: exit 1 with the arithmetic on stdout', () => {
  const r = runBin(['check', join(FIXTURES, 'rules', 'nb302', '2019-result-total.fail.nianbao.yaml')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /错误 NB302 （七）总计·自然人 应为 88（予以公开 38 \+ 部分公开 7 \+ /);
  assert.equal(r.stderr, '');
});

test('standard input and JSON output through the process', () => {
  const r = runBin(['check', '--format', 'json', '--lang', 'en', '-'], { stdin: '格式: 2021\n' });
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.equal(out.files[0].file, '<stdin>');
  assert.deepEqual(
    out.files[0].diagnostics.map((d: { code: string }) => d.code),
    ['NB202'],
  );
  assert.match(out.files[0].diagnostics[0].message, /^年报 is missing 8 items: "机关"/);
});

test('init piped into check', () => {
  const skeleton = runBin(['init', '--edition', '2021', '--year', '2025', '--agency', '某市某区人民政府']);
  assert.equal(skeleton.code, 0);
  const r = runBin(['check', '-'], { stdin: skeleton.stdout });
  // A skeleton balances; its one finding is the empty 五 still to be written (a warning: exit 0).
  assert.equal(r.code, 0);
  assert.match(r.stdout, /警告 NB311 /);
  assert.match(r.stdout, /0 个错误，1 个警告（1 个文件）\n$/);
});

test('an unreadable file and a usage error: exit 2, a message, no stack trace', () => {
  const missing = runBin(['check', join(EXAMPLES, 'nope.nianbao.yaml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /无法读取 .*nope\.nianbao\.yaml：文件不存在/);
  assert.doesNotMatch(missing.stderr, STACK);
  const usage = runBin(['check', '--format']);
  assert.equal(usage.code, 2);
  assert.doesNotMatch(usage.stderr, STACK);
  const none = runBin([]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^用法：/);
});

test('binary garbage on standard input: a diagnostic, no crash', () => {
  const r = runBin(['check', '-'], { stdin: Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0x89]) });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /NB108/);
  assert.doesNotMatch(r.stderr, STACK);
});
