/**
 * `nianbao import FILE|- [-o OUT.nianbao.yaml]`: a published report (HTML page, text, PDF, Word .docx) as report
 * YAML. `nianbao import FILE|DIR… -o OUTDIR [--format json]`: many at once, one report per file named by its agency
 * and year (never overwriting), with a summary table; exit 1 when any file could not be imported. Each file's import
 * depends on its bytes and name alone (`extract/src/importFile.ts`), so the files are read here and imported on
 * worker threads (`--jobs N`, every core by default), while names, writes and the table follow the order given.
 */
import { basename, join } from 'node:path';
import { IMPORT_MESSAGES, MAX_IMPORT_BYTES, localize } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { importFile } from '../../../extract/src/importFile';
import { stopPdfWorker } from '../../../extract/src/pdfItems';
import { UsageError, jobsOption, parseArgs } from '../args';
import { inputName, readInputBytes, readLimited, refuseOutput, writeOutput } from '../commandFiles';
import type { Output } from '../commandFiles';
import { displayWidth } from '../formatHuman';
import type { CliIo } from '../io';
import { jobsFor, runOrdered } from '../pool';
import { strings } from '../strings';
import type { Strings } from '../strings';

/** Files a directory is searched for. */
export const IMPORTABLE = /\.(?:html?|shtml|xhtml|txt|pdf|docx)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);
/** Below this many files per job a worker is not started: one file's import costs about as much as starting it. */
const MIN_FILES_PER_WORKER = 2;

export async function importCommand(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const valued = new Set(['-o', '--output', '--lang', '--format', '--jobs']);
  const args = parseArgs(argv, valued, valued);
  const out = args.options.get('-o') ?? args.options.get('--output');
  const format = args.options.get('--format') ?? 'human';
  if (format !== 'human' && format !== 'json') throw new UsageError('--format');
  const jobs = jobsOption(args.options.get('--jobs'), s.badJobs);
  if (args.positionals.length === 0) throw new UsageError(s.importNeeds);
  const batch =
    args.positionals.length > 1 ||
    args.positionals.some((p) => p !== '-' && isDirectory(io, p)) ||
    (out !== undefined && isDirectory(io, out));
  try {
    if (!batch) return await importOne(args.positionals[0], out, io, lang, s);
    if (out === undefined) throw new UsageError(s.importNeeds);
    if (args.positionals.includes('-')) throw new UsageError(s.importBatchStdin);
    return await importMany(args.positionals, out, format, jobs, io, lang, s);
  } finally {
    // The PDF reader's thread would otherwise keep the process alive until it idles out (30 s).
    await stopPdfWorker();
  }
}

function isDirectory(io: CliIo, path: string): boolean {
  try {
    return io.isDirectory(path);
  } catch {
    return false;
  }
}

async function importOne(input: string, path: string | undefined, io: CliIo, lang: Lang, s: Strings): Promise<number> {
  const output: Output = { path, force: false, canForce: false };
  // Refuse before reading anything: the user's file stays as it is.
  const refused = refuseOutput(input, output, io, s);
  if (refused !== undefined) return refused;
  const name = inputName(input, s);
  const source = await readInputBytes(input, io, s, MAX_IMPORT_BYTES);
  if (typeof source === 'number') return source;
  if (typeof source === 'object' && 'tooLarge' in source) {
    // Refused unread, as the importer refuses such an input.
    io.stderr(
      `${s.importFailed(name)}${localize(IMPORT_MESSAGES.tooLarge(source.tooLarge, MAX_IMPORT_BYTES), lang)}\n`,
    );
    return 1;
  }
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  const result = await importFile(bytes, name);
  if (!result.ok) {
    io.stderr(`${s.importFailed(name)}${localize(result.error, lang)}\n`);
    return 1;
  }
  for (const note of result.notes) io.stderr(`${localize(note, lang)}\n`);
  const failed = writeOutput(output, result.yaml, io, s);
  if (failed !== undefined) return failed;
  io.stderr(
    `${s.importSummary(name, result.data.edition, result.fuzzy.length, result.unplaced.length, result.missing.length, output.path)}\n`,
  );
  return 0;
}

/** Inputs in the order given; a directory's importable files in name order, searched recursively. */
function expand(inputs: readonly string[], io: CliIo, s: Strings): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    if (!isDirectory(io, input)) {
      files.push(input);
      continue;
    }
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of io.listDirectory(dir).sort()) {
        const base = basename(entry);
        if (isDirectory(io, entry)) {
          if (!SKIP_DIRS.has(base) && !base.startsWith('.')) walk(entry);
        } else if (IMPORTABLE.test(base) && !base.startsWith('.')) found.push(entry);
      }
    };
    try {
      walk(input);
    } catch (error) {
      problems.push(`${s.unreadable(input, (error as NodeJS.ErrnoException).code ?? String(error))}`);
      continue;
    }
    if (found.length === 0) problems.push(s.importNoFiles(input));
    files.push(...found);
  }
  return { files, problems };
}

/** A file name for a report: agency and year, with what file systems refuse taken out. */
export function reportFileName(agency: string, year: number, fallback: string): string {
  const clean = agency
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  const base = clean || fallback.replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '') || 'report';
  return `${base}-${year}`;
}

interface BatchRow {
  readonly file: string;
  readonly ok: boolean;
  readonly output?: string;
  readonly agency?: string;
  readonly year?: number;
  readonly edition?: number;
  readonly placed?: number;
  readonly printed?: number;
  readonly fuzzy?: number;
  readonly unplaced?: number;
  readonly missing?: number;
  readonly error?: string;
  /** The importer's notes, in the chosen language (JSON output). */
  readonly notes?: readonly string[];
}

/** Writes `yaml` as `<name>.nianbao.yaml` in `dir`, or `<name>-2…` when taken; never replaces a file. */
function writeNew(io: CliIo, dir: string, name: string, yaml: string): string {
  for (let n = 1; ; n++) {
    const path = join(dir, `${name}${n === 1 ? '' : `-${n}`}.nianbao.yaml`);
    if (io.exists(path)) continue;
    try {
      io.writeFile(path, yaml);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function importMany(
  inputs: readonly string[],
  dir: string,
  format: string,
  jobs: number | undefined,
  io: CliIo,
  lang: Lang,
  s: Strings,
): Promise<number> {
  const { files, problems } = expand(inputs, io, s);
  for (const p of problems) io.stderr(`${p}\n`);
  try {
    if (!isDirectory(io, dir)) {
      if (io.exists(dir)) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      io.makeDirectory?.(dir);
    }
  } catch (error) {
    io.stderr(`${s.importOutDir(dir, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
    return 2;
  }
  const rows: BatchRow[] = [];
  /** A file settled here: unreadable (with the row saying why), or too large to be read at all. */
  type Settled = { readonly row: BatchRow };
  await runOrdered<'import', Settled>({
    task: 'import',
    count: files.length,
    jobs: jobsFor(files.length, jobs, MIN_FILES_PER_WORKER),
    // One file per message: imports take long and vary (a PDF against a page), so they spread one at a time.
    chunk: 1,
    prepare: (i) => {
      const file = files[i];
      try {
        const read = readLimited(io, file, MAX_IMPORT_BYTES);
        if ('tooLarge' in read) {
          const error = localize(IMPORT_MESSAGES.tooLarge(read.tooLarge, MAX_IMPORT_BYTES), lang);
          return { done: { row: { file, ok: false, error } } };
        }
        return { input: { bytes: new Uint8Array(read.bytes), name: file } };
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        return { done: { row: { file, ok: false, error: s.unreadable(file, e.code ?? e.message) } } };
      }
    },
    deliver: (i, result) => {
      const file = files[i];
      if ('done' in result) {
        rows.push(result.done.row);
        return;
      }
      const outcome = result.output;
      if (!outcome.ok) {
        rows.push({ file, ok: false, error: localize(outcome.error, lang) });
        return;
      }
      const { agency, year, edition } = outcome;
      let output: string;
      try {
        output = writeNew(io, dir, reportFileName(agency, year, basename(file)), outcome.yaml);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        rows.push({ file, ok: false, error: s.unwritable(dir, e.code ?? e.message) });
        return;
      }
      rows.push({
        file,
        ok: true,
        output,
        agency,
        year,
        edition,
        placed: outcome.placed,
        printed: outcome.printed,
        fuzzy: outcome.fuzzy,
        unplaced: outcome.unplaced,
        missing: outcome.missing,
        notes: outcome.notes.map((n) => localize(n, lang)),
      });
    },
  });
  if (format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout(table(rows, s));
  const failed = rows.filter((r) => !r.ok).length;
  io.stderr(`${s.importBatchSummary(rows.length - failed, failed, dir)}\n`);
  return failed > 0 || problems.length > 0 ? 1 : 0;
}

function table(rows: readonly BatchRow[], s: Strings): string {
  const body = rows.map((r) =>
    r.ok
      ? [
          r.file,
          r.agency || '—',
          String(r.year),
          String(r.edition),
          `${r.placed}/${r.printed}`,
          s.importRowNotes(r.fuzzy ?? 0, r.unplaced ?? 0, r.missing ?? 0),
        ]
      : [r.file, '—', '—', '—', '—', `✗ ${r.error ?? ''}`],
  );
  const all = [[...s.importTableHeader], ...body];
  const widths = all[0].map((_, c) => Math.max(...all.map((r) => displayWidth(r[c]))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell + ' '.repeat(widths[c] - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  return `${[line(all[0]), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`;
}
