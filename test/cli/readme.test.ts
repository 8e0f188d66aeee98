/**
 * What the README and the docs show of the CLI is what the CLI prints: the README's 30-second start (both languages)
 * run as written in an empty folder, docs/cli.md's `nianbao check` examples and JSON. And the front page stays a front
 * page: README.md at most 20 KB, every relative link of the README and the docs leading to a file and heading that
 * exist.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { runBin } from '../support/cliRun';
import { ROOT } from '../support/paths';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const CLI_DOC = read('docs/cli.md');

for (const readme of ['README.md', 'README.en.md']) {
  test(`${readme}: the 30-second start, run as written in an empty folder, prints what it shows`, () => {
    const text = read(readme);
    const block =
      /<!-- quick-start:start -->\n```console\n\$ npx nianbao (init .+) > (\S+)\n\$ npx nianbao (check .+)\n([\s\S]*?)```/.exec(
        text,
      );
    assert.ok(block, 'a quick-start block with two commands');
    const [, init, file, check, output] = block;
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-readme-'));
    try {
      const made = runBin(init.split(' '), { cwd: dir });
      assert.equal(made.code, 0, made.stderr);
      writeFileSync(join(dir, file), made.stdout);
      const checked = runBin(check.split(' '), { cwd: dir });
      assert.equal(checked.stdout, output);
      assert.equal(checked.code, 0, 'warnings only');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('`npx nianbao` in a checkout runs its own CLI: the build links the bins where npx looks first', () => {
  const bins = JSON.parse(read('package.json')).bin as Record<string, string>;
  for (const [name, target] of Object.entries(bins)) {
    const link = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
    assert.ok(existsSync(link), `${link} after the build`);
    if (process.platform !== 'win32') assert.equal(realpathSync(link), realpathSync(join(ROOT, target)));
  }
});

test('every `nianbao check` console example in docs/cli.md is the real output and exit code', () => {
  const section = CLI_DOC.slice(
    CLI_DOC.indexOf('<!-- cli-example:start -->'),
    CLI_DOC.indexOf('<!-- cli-example:end -->'),
  );
  const blocks = [...section.matchAll(/```console\n\$ npx nianbao (.+)\n([\s\S]*?)\$ echo \$\?\n(\d+)\n```/g)];
  assert.equal(blocks.length, 2);
  for (const [, command, output, code] of blocks) {
    const r = runBin(command.split(' '));
    assert.equal(r.stdout, output, command);
    assert.equal(r.code, Number(code), command);
  }
});

test('the --format json example of docs/cli.md, unwrapped, is the real output', () => {
  const block = /```json\n([\s\S]*?)```/.exec(CLI_DOC.slice(CLI_DOC.indexOf('`--format json` prints one line')));
  assert.ok(block);
  const shown = JSON.parse(block[1].replace(/\n\s*/g, ''));
  const r = runBin(['check', '--format', 'json', shown.files[0].file]);
  assert.deepEqual(JSON.parse(r.stdout), shown);
});

test('README.md is a front page: at most 20 KB', () => {
  const size = Buffer.byteLength(read('README.md'));
  assert.ok(size <= 20 * 1024, `README.md is ${size} bytes`);
});

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters of any script kept), blanks as `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const m = !inFence && /^#{1,6} (.+)$/.exec(line);
    if (m) out.add(slug(m[1]));
  }
  return out;
}

test('every relative link of the README and the docs leads to a file, and to a heading there', () => {
  const pages = [
    'README.md',
    'README.en.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const broken: string[] = [];
  for (const page of pages) {
    const text = read(page).replace(/```[\s\S]*?```/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path, anchor] = target.split('#');
      const file = path ? normalize(join(dirname(page), path)) : page;
      if (!existsSync(join(ROOT, file))) {
        broken.push(`${page}: ${target} (no file)`);
        continue;
      }
      if (anchor && file.endsWith('.md') && !anchorsOf(read(file)).has(anchor))
        broken.push(`${page}: ${target} (no heading)`);
    }
  }
  assert.deepEqual(broken, []);
});
