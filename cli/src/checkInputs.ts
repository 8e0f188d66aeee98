/**
 * What `check` and `summary` share: every report of the command line read once into the core's workspace index
 * (each file on its own, then across reports), and then each file in order with its findings and — only when it
 * has findings — its text, read again for line numbers. The index keeps no report's text, so ten thousand reports
 * are checked in the memory of a few.
 */
import { resolve } from 'node:path';
import { MAX_FILE_BYTES, ReportIndex, factsFromData, tooLargeAnalysis } from '../../core/src/index';
import type { Diagnostic } from '../../core/src/index';
import { collectFiles } from './collectFiles';
import type { Input } from './collectFiles';
import { readLimited, readReportFile, withoutBom } from './commandFiles';
import type { TooLarge } from './commandFiles';
import type { CliIo } from './io';
import { readsDisk } from './io';
import { jobsFor, runOrdered } from './pool';
import type { Strings } from './strings';

export interface CheckedFile {
  readonly file: Input;
  readonly diagnostics: readonly Diagnostic[];
  /** The text the findings are of; empty when there are none (it is not read then). */
  readonly text: string;
}

export interface CheckRun {
  readonly index: ReportIndex;
  /** The files read and checked, in order. */
  readonly checked: readonly Input[];
  /** Inputs given and found (a directory counts its reports). */
  readonly found: number;
  readonly emptyDirs: readonly string[];
  /** Files that could not be read (each said on standard error); grows while `results` reads files again. */
  unreadable: number;
  /** Each checked file with its findings, in order (a file that cannot be read again is said and skipped). */
  results(): AsyncGenerator<CheckedFile>;
  /** Another report's text for a related location, when it is still the one checked (else undefined). */
  textOf(name: string): string | undefined;
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

/**
 * Reads and checks every input; an exit code (2) when a directory cannot be listed. Each file is analysed by a
 * worker thread (`jobs`: `--jobs N`, or every core by default; with one, here) and read by that thread too when the
 * io is the real file system (else here, in order); the findings between reports are made once the index holds
 * them all.
 */
export async function checkInputs(
  positionals: readonly string[],
  io: CliIo,
  s: Strings,
  jobs?: number,
): Promise<CheckRun | number> {
  let inputs;
  try {
    inputs = collectFiles(positionals, io);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(e.path ?? String(positionals), e.code ? s.reason(e.code) : e.message)}\n`);
    return 2;
  }
  for (const dir of inputs.emptyDirs) io.stderr(`${s.noReports(dir)}\n`);

  const index = new ReportIndex();
  const checked: Input[] = [];
  /**
   * Texts kept for the output: only standard input (which cannot be read twice) and the files refused unread.
   * Every file is let go once analysed — the index keeps only its compact facts and its findings — and a report
   * with findings is read again for its output (and analysed again if it changed meanwhile, so that the findings
   * printed are those of the text printed).
   */
  const kept = new Map<string, string>();
  /** The file's text, or the size of a file too large to be read at all. */
  const read = async (file: Input): Promise<string | TooLarge> =>
    file.path === undefined ? withoutBom(await io.readStdin()) : readReportFile(io, file.path);
  const run: CheckRun = {
    index,
    checked,
    found: inputs.files.length,
    emptyDirs: inputs.emptyDirs,
    unreadable: 0,
    results,
    textOf,
  };
  const unreadable = (name: string, error: unknown): void => {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(name, e.code ? s.reason(e.code) : e.message)}\n`);
    run.unreadable++;
  };
  const files = distinct(inputs.files);
  const threads = jobsFor(files.length, jobs);
  // With threads and the real file system, each file is read by the thread that checks it; else here, through io.
  const byPath = threads > 1 && readsDisk(io);
  await runOrdered<'check', Settled>({
    task: 'check',
    count: files.length,
    jobs: threads,
    prepare: async (i) => {
      const file = files[i];
      try {
        if (file.path === undefined) return { done: { text: withoutBom(await io.readStdin()) } };
        if (byPath) return { input: { path: file.path } };
        const got = readLimited(io, file.path, MAX_FILE_BYTES);
        return 'tooLarge' in got ? { done: got } : { input: { bytes: got.bytes } };
      } catch (error) {
        return { done: { error: error as NodeJS.ErrnoException } };
      }
    },
    deliver: (i, result) => {
      const file = files[i];
      // A file the task could not read or refused unread is said as when it is read here.
      const settled = 'output' in result ? result.output : result.done;
      if ('facts' in settled) {
        checked.push(file);
        index.setChecked(file.name, { ...settled, facts: factsFromData(settled.facts) });
        return;
      }
      if ('error' in settled) {
        unreadable(file.name, settled.error);
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

  function textOf(name: string): string | undefined {
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
  }

  async function* results(): AsyncGenerator<CheckedFile> {
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
            unreadable(file.name, error);
            continue;
          }
          // Changed since it was checked: its findings are then those of the text printed.
          if (!index.holds(file.name, text)) {
            index.set(file.name, text);
            diagnostics = index.diagnostics(file.name);
          }
        }
      }
      yield { file, diagnostics, text };
    }
  }

  return run;
}
