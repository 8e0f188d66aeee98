/**
 * `nianbao check --jobs N`: the reports analysed in worker threads, the findings between reports made once all are
 * in. The output (both formats, both languages, the summary, related locations, exit code, standard error) is the
 * same byte for byte as with one thread, on real directories: every fixture and example, and a generated
 * multi-year corpus with broken reports, a file that cannot be read, one past the size limit and standard input
 * among them — with the real file system each file is read by the thread that checks it. No timing here: speed is
 * measured in `npm run bench`.
 */
import assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MAX_FILE_BYTES } from '../../core/src/index';
import { main } from '../../cli/src/cli';
import { processIo } from '../../cli/src/io';
import { jobsFor } from '../../cli/src/pool';
import { runBin, runCli } from '../support/cliRun';
import { EXAMPLES, FIXTURES, ROOT, SERIES } from '../support/paths';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-jobs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** 300 generated reports of 30 agencies over ten years (both editions), one in six broken in turn by the bench's defects. */
before(async () => {
  const generator = (await import(join(ROOT, 'bench', 'generateReports.mjs'))) as {
    batchCorpus: (o: { agencies: number; years: number }) => { agency: number; year: number; text: string }[];
  };
  for (const r of generator.batchCorpus({ agencies: 30, years: 10 })) {
    const folder = join(dir, 'corpus', `agency${String(r.agency + 1).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${r.year}.nianbao.yaml`), r.text);
  }
  // A report that cannot be read (a link to nothing), in the middle of the walk.
  symlinkSync(join(dir, 'nowhere'), join(dir, 'corpus', 'agency015', 'gone.nianbao.yaml'));
  // A report past the size limit (sparse: nothing is written), refused unread wherever it is checked.
  const huge = join(dir, 'corpus', 'agency020', 'huge.nianbao.yaml');
  writeFileSync(huge, '');
  truncateSync(huge, MAX_FILE_BYTES + 1);
});

async function same(args: string[], stdin = ''): Promise<void> {
  const one = await runCli([...args, '--jobs', '1'], stdin);
  const two = await runCli([...args, '--jobs', '2'], stdin);
  assert.equal(two.code, one.code, args.join(' '));
  assert.equal(two.stderr, one.stderr, args.join(' '));
  assert.ok(one.stdout.length > 0);
  assert.ok(two.stdout === one.stdout, `${args.join(' ')}: the outputs differ`);
}

test('every fixture and example: the same output with two threads as with one, in both formats and languages', async () => {
  for (const [format, lang] of [
    ['human', 'zh'],
    ['json', 'en'],
  ])
    await same(['check', FIXTURES, EXAMPLES, '--format', format, '--lang', lang]);
});

test('a generated corpus of ten years per agency with broken reports, an unreadable file and standard input', async () => {
  const corpus = join(dir, 'corpus');
  const stdin = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8').replace('[38, 5', '[39, 5');
  for (const format of ['human', 'json']) await same(['check', corpus, '-', EXAMPLES, '--format', format], stdin);
  const r = await runCli(['check', corpus, '--format', 'json', '--jobs', '2']);
  assert.equal(r.code, 2, 'an unreadable file makes the exit code 2');
  assert.match(r.stderr, /gone\.nianbao\.yaml/);
  const files = (JSON.parse(r.stdout) as { files: { file: string; diagnostics: { code: string }[] }[] }).files;
  assert.equal(files.length, 301);
  const codes = new Set(files.flatMap((f) => f.diagnostics.map((d) => d.code)));
  for (const code of ['NB101', 'NB107', 'NB201', 'NB206', 'NB303', 'NB309']) assert.ok(codes.has(code), code);
});

test('the real executable (the bundled worker) gives the output of one thread, with more threads than cores', () => {
  const corpus = join(dir, 'corpus');
  const series = Object.values(SERIES);
  const one = runBin(['check', corpus, ...series, '--jobs', '1']);
  for (const jobs of ['2', '3']) {
    const more = runBin(['check', corpus, ...series, '--jobs', jobs]);
    assert.equal(more.code, one.code);
    assert.equal(more.stderr, one.stderr);
    assert.ok(more.stdout === one.stdout, `--jobs ${jobs}: the outputs differ`);
  }
  const crossReports = series.flatMap((s) => readdirSync(s).filter((f) => f.endsWith('.nianbao.yaml'))).length;
  assert.ok(one.stdout.includes(`汇总：${301 + crossReports} 份年报`));
});

test('an io of its own (not the real file system) reads every file on the main thread, as with one thread', async () => {
  const reads = async (jobs: string): Promise<Map<string, number>> => {
    const count = new Map<string, number>();
    const io = {
      ...processIo(),
      stdout: () => undefined,
      stderr: () => undefined,
      readStdin: async () => '',
      readFile: (p: string) => {
        count.set(p, (count.get(p) ?? 0) + 1);
        return readFileSync(p);
      },
      color: false,
    };
    await main(['check', join(dir, 'corpus'), '--format', 'json', '--jobs', jobs], io);
    return count;
  };
  const one = await reads('1');
  assert.deepEqual(await reads('2'), one);
  assert.ok([...one.values()].includes(1) && [...one.values()].includes(2));
});

test('--jobs: a whole number of threads; by default every core, one thread for a few files', async () => {
  for (const bad of ['0', '-1', 'two', '1.5']) {
    const r = await runCli(['check', EXAMPLES, '--jobs', bad]);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--jobs/);
  }
  assert.equal(jobsFor(5, 8), 5, 'never more threads than files');
  assert.equal(jobsFor(5, undefined), 1, 'a few files: no threads started');
  assert.ok(jobsFor(100_000, undefined) >= 1);
});
