/**
 * No data loss, audited: every place the CLI, the client or the server writes a file is listed here, so that a new
 * one cannot appear unreviewed, and each behaves as audited —
 * - the CLI writes only through `writeFileAtomic` (a temporary file linked into place: complete or absent), only
 *   `-o` outputs, never over an existing file unless `--force` (render, next; import has no such flag), never over
 *   its own input;
 * - the client writes only the exports (HTML page, Word document), where the save dialog (or a caller's target that
 *   must not exist) says;
 *   new reports (新建年报, next year, import) open as unsaved documents;
 * - the server writes nothing: its fixes are text edits of the open document, versioned.
 * The editor's side is tested in VS Code by test/client/integration/noDataLoss.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { writeFileAtomic } from '../../cli/src/writeFileAtomic';
import { runBin } from '../support/cliRun';
import { EXAMPLES, ROOT } from '../support/paths';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-writes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function sources(folder: string): { path: string; text: string }[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts')
      ? [{ path: relative(ROOT, path).replace(/\\/g, '/'), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

/**
 * Calls that write, rename, link or delete files, or save documents: node's fs (sync, and the promise API called
 * bare), VS Code's `workspace.fs`, the CLI's `io.writeFile`, document saves and file operations of workspace edits.
 */
const WRITES =
  /\b(?:writeFileSync|appendFileSync|renameSync|linkSync|symlinkSync|copyFileSync|createWriteStream|rmSync|unlinkSync|rmdirSync|mkdirSync|truncateSync)\(|(?<![.\w])(?:writeFile|appendFile|rename|unlink|rm|copyFile|mkdir|truncate)\(|\bfs\.(?:writeFile|rename|delete|copy|createDirectory)\(|\bio\.writeFile\(|\.save\(|saveAll\(|\b(?:createFile|deleteFile|renameFile)\(/g;

test('every write in cli/, client/ and server/ is one of the audited ones', () => {
  const found: string[] = [];
  for (const f of [
    ...sources(join(ROOT, 'cli', 'src')),
    ...sources(join(ROOT, 'client', 'src')),
    ...sources(join(ROOT, 'server', 'src')),
  ]) {
    for (const m of f.text.matchAll(WRITES)) {
      const line = f.text.slice(0, m.index).split('\n').length;
      const code = f.text.split('\n')[line - 1].trim();
      if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/**')) continue;
      found.push(`${f.path}: ${m[0]}`);
    }
  }
  assert.deepEqual(
    found.sort(),
    [
      // The CLI's one writer: a temporary file, then linked (refusing an existing file) or renamed (--force).
      'cli/src/writeFileAtomic.ts: linkSync(',
      'cli/src/writeFileAtomic.ts: renameSync(',
      'cli/src/writeFileAtomic.ts: rmSync(',
      'cli/src/writeFileAtomic.ts: writeFileSync(',
      'cli/src/writeFileAtomic.ts: writeFileSync(',
      // Its callers: the -o output of import, next, render (HTML or Word), compare and summary (commandFiles.ts
      // writeOutput), and a batch import's reports in its output folder (a new name for each, never an existing
      // file: import.ts writeNew).
      'cli/src/commandFiles.ts: io.writeFile(',
      'cli/src/commands/import.ts: io.writeFile(',
      // The batch import's output folder, created when it does not exist (nothing in it is touched).
      'cli/src/io.ts: mkdirSync(',
      // The exports (HTML and Word): a temporary file beside the target, renamed onto it; removed again when the
      // rename fails.
      'client/src/commands/exportReport.ts: fs.delete(',
      'client/src/commands/exportReport.ts: fs.rename(',
      'client/src/commands/exportReport.ts: fs.writeFile(',
    ].sort(),
  );
});

test('the -o writers: --force is the only way to overwrite, and import has none', () => {
  const read = (name: string): string => readFileSync(join(ROOT, 'cli', 'src', 'commands', name), 'utf8');
  const files = readFileSync(join(ROOT, 'cli', 'src', 'commandFiles.ts'), 'utf8');
  assert.match(files, /io\.writeFile\(output\.path, content, \{ overwrite: output\.force \}\)/);
  // render and next read their input and output through readReportInput, which refuses before it reads.
  for (const name of ['render.ts', 'next.ts']) assert.match(read(name), /readReportInput\(argv, io, s, /);
  const reportInput = files.slice(files.indexOf('export async function readReportInput'));
  assert.match(reportInput, /force: args\.flags\.has\('--force'\),\s*canForce: true/);
  assert.ok(
    reportInput.indexOf('refuseOutput(input, output, io, s)') < reportInput.indexOf('readInputText('),
    'readReportInput refuses before reading',
  );
  // compare and summary refuse an existing output (and compare its own inputs) before reading anything.
  for (const name of ['compare.ts', 'summary.ts']) {
    const text = read(name);
    assert.match(text, /force: args\.flags\.has\('--force'\),\s*canForce: true/, name);
    const refuse = text.indexOf('refuseOutput(');
    assert.ok(
      refuse > 0 &&
        refuse < Math.min(...['readInputText(', 'checkInputs('].map((c) => text.indexOf(c)).filter((i) => i >= 0)),
      name,
    );
  }
  assert.match(read('import.ts'), /force: false,\s*canForce: false/);
  assert.match(read('import.ts'), /refuseOutput\(input, output, io, s\)/, 'import refuses before reading');
  // The batch writes each report under a name nobody has: io.writeFile without overwrite, EEXIST tries the next.
  assert.match(read('import.ts'), /io\.writeFile\(path, yaml\);/);
  assert.match(read('import.ts'), /if \(io\.exists\(path\)\) continue;/);
  const exportReport = readFileSync(join(ROOT, 'client', 'src', 'commands', 'exportReport.ts'), 'utf8');
  assert.match(exportReport, /showSaveDialog/, 'the export asks where');
});

test('writeFileAtomic: an existing file is refused and untouched; no temporary file is left, whatever happens', () => {
  const target = join(dir, 'page.html');
  writeFileSync(target, 'mine');
  assert.throws(
    () => writeFileAtomic(target, 'theirs'),
    (e: NodeJS.ErrnoException) => e.code === 'EEXIST',
  );
  assert.equal(readFileSync(target, 'utf8'), 'mine');
  writeFileAtomic(target, 'forced', true);
  assert.equal(readFileSync(target, 'utf8'), 'forced');
  assert.throws(
    () => writeFileAtomic(join(dir, 'no-such-folder', 'x.html'), 'x'),
    (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
  );
  writeFileAtomic(join(dir, 'new.html'), 'new');
  assert.equal(readFileSync(join(dir, 'new.html'), 'utf8'), 'new');
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
    'temporary files left behind',
  );
});

test('next and render never write over their own input, even with --force', () => {
  const input = join(dir, 'shifan-2024.nianbao.yaml');
  const text = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');
  writeFileSync(input, text);
  for (const argv of [
    ['next', input, '-o', input, '--force'],
    ['render', input, '-o', input, '--force'],
    ['render', input, '--format', 'docx', '-o', input, '--force'],
  ]) {
    const r = runBin(argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
    assert.ok(r.stderr.trim(), `${argv.join(' ')}: a message`);
    assert.equal(readFileSync(input, 'utf8'), text, `${argv.join(' ')} changed its input`);
  }
});

test('render to Word: an existing .docx is refused and untouched, replaced only with --force', () => {
  const out = join(dir, 'report.docx');
  writeFileSync(out, 'mine');
  const report = join(EXAMPLES, 'shifan-2024.nianbao.yaml');
  const r = runBin(['render', report, '-o', out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /已存在/);
  assert.equal(readFileSync(out, 'utf8'), 'mine');
  const forced = runBin(['render', report, '-o', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(readFileSync(out).subarray(0, 2).toString('latin1'), 'PK', 'a zip package');
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );
});

test('import: an existing output is refused before the input is even read, with or without --force', () => {
  const out = join(dir, 'imported.nianbao.yaml');
  writeFileSync(out, 'mine');
  const page = join(ROOT, 'test', 'fixtures', 'import', 'official-2021.html');
  const r = runBin(['import', page, '-o', out]);
  assert.equal(r.code, 2);
  assert.equal(readFileSync(out, 'utf8'), 'mine');
  const forced = runBin(['import', page, '-o', out, '--force']);
  assert.equal(forced.code, 2, 'import has no --force');
  assert.equal(readFileSync(out, 'utf8'), 'mine');
  assert.equal(existsSync(join(dir, 'never.nianbao.yaml')), false);
});
