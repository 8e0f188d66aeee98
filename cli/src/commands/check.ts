/**
 * `nianbao check FILE|DIR|- …`: every report on its own, then across reports (carry-over and stocks between
 * consecutive years of one agency, duplicates) through the core's workspace index; several files end with a
 * summary by rule.
 */
import { resolve } from 'node:path';
import { MAX_FILE_BYTES, ReportIndex, factsFromData, tooLargeAnalysis } from '../../../core/src/index';
import type { Diagnostic, Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { collectFiles } from '../collectFiles';
import type { Input } from '../collectFiles';
import { formatFileHuman } from '../formatHuman';
import { toJsonFile } from '../formatJson';
import { formatSummaryHuman, summarise } from '../formatSummary';
import type { CliIo } from '../io';
import { readLimited, readReportFile, withoutBom } from '../commandFiles';
import type { TooLarge } from '../commandFiles';
import { jobsFor, runOrdered } from '../pool';
import { strings } from '../strings';

/** `--jobs N`: a whole number of threads, at least 1 (absent: every core). */
function jobsOption(value: string | undefined, message: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(message);
  return Number(value);
}

/** The same file named twice (`check dir dir/a.nianbao.yaml`) is one report, not a duplicate. */
function distinct(files: readonly Input[]): Input[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = f.path === undefined ? '<stdin>' : resolve(f.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the main thread settles itself: standard input's text, a file too large to read, a file it cannot read. */
type Settled = { readonly text: string } | TooLarge | { readonly error: NodeJS.ErrnoException };

export async function check(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(argv, new Set(['--format', '--lang', '--jobs']), new Set(['--format', '--lang', '--jobs']));
  const format = args.options.get('--format') ?? 'human';
  if (format !== 'human' && format !== 'json') throw new UsageError(s.badFormat);
  const jobs = jobsOption(args.options.get('--jobs'), s.badJobs);
  if (args.positionals.length === 0) throw new UsageError(s.noInputs);

  let inputs;
  try {
    inputs = collectFiles(args.positionals, io);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(e.path ?? String(args.positionals), e.code ? s.reason(e.code) : e.message)}\n`);
    return 2;
  }
  for (const dir of inputs.emptyDirs) io.stderr(`${s.noReports(dir)}\n`);

  let unreadable = 0;
  const index = new ReportIndex();
  const checked: Input[] = [];
  /**
   * Texts kept for the output: only standard input (which cannot be read twice) and the files refused unread.
   * Every file is let go once analysed — the index keeps only its compact facts and its findings — so that ten
   * thousand reports are checked in the memory of a few; a report with findings is read again for its output
   * (and analysed again if it changed meanwhile, so that the findings printed are those of the text printed).
   */
  const kept = new Map<string, string>();
  /** The file's text, or the size of a file too large to be read at all. */
  const read = async (file: Input): Promise<string | TooLarge> =>
    file.path === undefined ? withoutBom(await io.readStdin()) : readReportFile(io, file.path);
  const files = distinct(inputs.files);
  // Each file is read here, in order, and analysed by a worker thread (or here, with one job); the findings between
  // reports are made once the index holds them all.
  await runOrdered<'check', Settled>({
    task: 'check',
    count: files.length,
    jobs: jobsFor(files.length, jobs),
    prepare: async (i) => {
      const file = files[i];
      try {
        if (file.path === undefined) return { done: { text: withoutBom(await io.readStdin()) } };
        const got = readLimited(io, file.path, MAX_FILE_BYTES);
        return 'tooLarge' in got ? { done: got } : { input: { bytes: got.bytes } };
      } catch (error) {
        return { done: { error: error as NodeJS.ErrnoException } };
      }
    },
    deliver: (i, result) => {
      const file = files[i];
      if ('output' in result) {
        checked.push(file);
        index.setChecked(file.name, { ...result.output, facts: factsFromData(result.output.facts) });
        return;
      }
      const settled = result.done;
      if ('error' in settled) {
        const e = settled.error;
        io.stderr(`${s.unreadable(file.name, e.code ? s.reason(e.code) : e.message)}\n`);
        unreadable++;
      } else if ('tooLarge' in settled) {
        // Refused unread: its one finding (NB107) says how large it is.
        checked.push(file);
        kept.set(file.name, '');
        index.set(file.name, '', tooLargeAnalysis(settled.tooLarge));
      } else {
        checked.push(file);
        index.set(file.name, settled.text);
        kept.set(file.name, settled.text);
      }
    },
  });
  const paths = new Map(checked.map((f) => [f.name, f.path]));
  /** Another report's text for a related location, when it is still the one checked (else no line number). */
  const textOf = (name: string): string | undefined => {
    const known = kept.get(name);
    if (known !== undefined) return known;
    const path = paths.get(name);
    if (path === undefined) return undefined;
    try {
      const text = readReportFile(io, path);
      return typeof text === 'string' && index.holds(name, text) ? text : undefined;
    } catch {
      return undefined;
    }
  };

  const all: Diagnostic[] = [];
  // JSON is written as it is made, in pieces, with the same bytes as one JSON.stringify of `{ version, files }`.
  let pending = '';
  const write = (piece: string): void => {
    pending += piece;
    if (pending.length >= 65536) {
      io.stdout(pending);
      pending = '';
    }
  };
  if (format === 'json') write('{"version":1,"files":[');
  let first = true;
  for (const file of checked) {
    let diagnostics = index.diagnostics(file.name);
    let text = '';
    if (diagnostics.length > 0) {
      const known = kept.get(file.name);
      if (known !== undefined) {
        text = known;
      } else {
        try {
          const got = await read(file);
          text = typeof got === 'string' ? got : '';
        } catch (error) {
          const e = error as NodeJS.ErrnoException;
          io.stderr(`${s.unreadable(file.name, e.code ? s.reason(e.code) : e.message)}\n`);
          unreadable++;
          continue;
        }
        // Changed since it was checked: its findings are then those of the text printed.
        if (!index.holds(file.name, text)) {
          index.set(file.name, text);
          diagnostics = index.diagnostics(file.name);
        }
      }
    }
    for (const d of diagnostics) all.push(d);
    if (format === 'json') {
      write(`${first ? '' : ','}${JSON.stringify(toJsonFile(file.name, text, diagnostics, lang))}`);
      first = false;
    } else if (diagnostics.length > 0) {
      io.stdout(formatFileHuman(file.name, text, diagnostics, lang, io.color, textOf));
    }
  }
  const summary = summarise(index.stats(), checked.length, all);

  if (format === 'json') {
    // Exactly the documented shape: consumers derive totals from `files`.
    write(']}\n');
    io.stdout(pending);
  } else if (checked.length > 0) {
    if (checked.length > 1) io.stdout(formatSummaryHuman(summary, lang));
    const clean = summary.errors + summary.warnings + summary.information === 0;
    io.stdout(
      `${clean ? s.summaryClean(checked.length) : s.summary(summary.errors, summary.warnings, summary.information, checked.length)}\n`,
    );
  }
  if (unreadable > 0 && format === 'human') io.stderr(`${s.unreadableCount(unreadable)}\n`);
  if (unreadable > 0 || (inputs.files.length === 0 && inputs.emptyDirs.length > 0)) return 2;
  return summary.errors > 0 ? 1 : 0;
}
