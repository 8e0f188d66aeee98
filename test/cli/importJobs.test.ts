/**
 * `nianbao import DIR … -o OUTDIR --jobs N`: the files imported on worker threads (a PDF through each thread's own
 * PDF reader), names, writes and the summary on the main thread in input order. The real executable on the
 * committed import fixtures (every kind: pages, text, .docx, PDFs, and the ones that must be refused), with files
 * named twice so that names collide: the summary (both formats), standard error, the exit code and every file
 * written are the same byte for byte with two threads as with one. No timing here.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runBin, runCli } from '../support/cliRun';
import { FIXTURES } from '../support/paths';

const DIR = join(FIXTURES, 'import');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-jobs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The folder, and a page and two PDFs again: their reports collide with the folder's and get `-2`, `-3`. */
const INPUTS = [DIR, join(DIR, 'official-2019.html'), join(DIR, 'chromium-2024.pdf'), join(DIR, 'office-2024.pdf')];

/** Every file the run wrote, by name. */
function written(out: string): Map<string, Buffer> {
  return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
}

/** The real executable in its own folder, writing to `out` there (so that paths in the output are the same). */
function importWith(
  jobs: string,
  format: string,
): { code: number; stdout: string; stderr: string; files: Map<string, Buffer> } {
  const cwd = join(dir, `${format}-jobs${jobs}`);
  mkdirSync(cwd);
  const r = runBin(['import', ...INPUTS, '-o', 'out', '--format', format, '--jobs', jobs], { cwd });
  return { ...r, files: written(join(cwd, 'out')) };
}

for (const format of ['human', 'json']) {
  test(`--format ${format}: the same summary, messages, exit code and files with two threads as with one`, () => {
    const one = importWith('1', format);
    const two = importWith('2', format);
    assert.equal(one.code, 1, 'the refused fixtures make the exit code 1');
    assert.equal(two.code, one.code);
    assert.equal(two.stderr, one.stderr);
    assert.ok(two.stdout === one.stdout, 'the summaries differ');
    assert.deepEqual([...two.files.keys()].sort(), [...one.files.keys()].sort());
    for (const [name, bytes] of one.files) assert.ok(bytes.equals(two.files.get(name) as Buffer), `${name} differs`);

    // The run did import every kind, refused the bad ones and numbered the collisions in input order.
    const inputs = readdirSync(DIR).filter((f) => /\.(?:html|txt|pdf|docx)$/.test(f)).length;
    const bad = readdirSync(join(DIR, 'bad')).filter((f) => /\.(?:html|txt|pdf|docx)$/.test(f)).length;
    assert.equal(one.files.size, inputs + 3);
    assert.match(one.stderr, new RegExp(`已导入 ${inputs + 3} 份年报到 out，${bad} 个文件无法导入。`));
    assert.ok(one.files.has('示范县农业农村局-2020-2.nianbao.yaml'));
    assert.equal(
      one.files.get('示范市临江区人民政府-2024.nianbao.yaml')?.toString('utf8'),
      readFileSync(join(DIR, 'chromium-2024.expected.yaml'), 'utf8'),
      'the first of the colliding names goes to the first input (the folder’s PDF, before official-2021.html)',
    );
    if (format === 'json') {
      const rows = JSON.parse(one.stdout) as { file: string; ok: boolean; output?: string }[];
      assert.equal(rows.length, inputs + bad + 3);
      assert.deepEqual(
        rows.slice(-3).map((r) => r.output),
        [
          join('out', '示范县农业农村局-2020-2.nianbao.yaml'),
          join('out', '示范市临江区人民政府-2024-3.nianbao.yaml'),
          join('out', '示范市自然资源和规划局（示范市林业局）-2024-5.nianbao.yaml'),
        ],
      );
    }
  });
}

test('--jobs for import: a bad value is a usage error, as for check', async () => {
  for (const jobs of ['0', 'two', '-1']) {
    const r = await runCli(['import', DIR, '-o', join(dir, 'never'), '--jobs', jobs]);
    assert.equal(r.code, 2, jobs);
  }
  assert.throws(() => readdirSync(join(dir, 'never')), /ENOENT/);
  const help = runBin(['help']).stdout;
  assert.match(help, /--jobs N {14}同时导入的线程数（默认：每个处理器核心一个；1：只用一个线程）/);
  const en = runBin(['help', '--lang', 'en']).stdout;
  assert.match(en, /--jobs N {14}Threads importing at once \(default: one per processor core; 1: a single thread\)/);
});
