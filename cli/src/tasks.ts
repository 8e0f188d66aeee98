/**
 * The work a batch command hands to worker threads, one input at a time: functions of data that can cross a
 * thread (bytes, strings, plain objects, typed arrays), synchronous or asynchronous (a PDF is read by extract/'s
 * own worker thread). The same functions run on the main thread with `--jobs 1` and for any input a worker could
 * not finish, so the output never depends on the threads.
 */
import { MAX_FILE_BYTES, checkReport, factsData } from '../../core/src/index';
import type { Diagnostic, FactsData, Localized } from '../../core/src/index';
import { importFile } from '../../extract/src/importFile';
import { decodeText } from './decodeText';
import { readLimited, withoutBom } from './commandFiles';
import type { TooLarge } from './commandFiles';
import { DISK } from './io';

/**
 * `check`: a report file's bytes, read by the main thread, or its path, for the thread that runs the task to read
 * (when the CLI reads the real file system: reading ten thousand small files is then spread over the threads too).
 */
export type CheckInput = { readonly bytes: Uint8Array } | { readonly path: string };

/** What the index keeps of a report (`CheckedReport`, its facts as data). */
export interface CheckedOutput {
  readonly facts: FactsData;
  readonly diagnostics: readonly Diagnostic[];
  readonly hash: number;
  readonly length: number;
}

/** A file the task could not read: the error's code and message, as data (an Error loses its code between threads). */
export interface ReadError {
  readonly error: { readonly code?: string; readonly message: string };
}

/** The checked report, or — for a path — a file past the size limit (unread) or one that could not be read. */
export type CheckOutput = CheckedOutput | TooLarge | ReadError;

function readInput(input: CheckInput): Uint8Array | TooLarge | ReadError {
  if ('bytes' in input) return input.bytes;
  try {
    const read = readLimited(DISK, input.path, MAX_FILE_BYTES);
    return 'tooLarge' in read ? read : read.bytes;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { error: { code: e.code, message: e.message } };
  }
}

export function checkTask(input: CheckInput): CheckOutput {
  const bytes = readInput(input);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const checked = checkReport(withoutBom(decodeText(bytes)));
  return {
    facts: factsData(checked.facts),
    diagnostics: checked.diagnostics,
    hash: checked.hash,
    length: checked.length,
  };
}

/** `import`: a published report's bytes (at most the import's limit) and its name, for messages. */
export interface ImportInput {
  readonly bytes: Uint8Array;
  readonly name: string;
}

/** What the batch import writes and lists of the outcome: the YAML, and counts rather than the findings. */
export type ImportOutput =
  | { readonly ok: false; readonly error: Localized }
  | {
      readonly ok: true;
      readonly yaml: string;
      readonly agency: string;
      readonly year: number;
      readonly edition: number;
      readonly placed: number;
      readonly printed: number;
      readonly fuzzy: number;
      readonly unplaced: number;
      readonly missing: number;
      readonly notes: readonly Localized[];
    };

export async function importTask(input: ImportInput): Promise<ImportOutput> {
  const outcome = await importFile(input.bytes, input.name);
  if (!outcome.ok) return { ok: false, error: outcome.error };
  const { agency, year, edition } = outcome.data;
  return {
    ok: true,
    yaml: outcome.yaml,
    agency,
    year,
    edition,
    placed: outcome.cells.placed,
    printed: outcome.cells.printed,
    fuzzy: outcome.fuzzy.length,
    unplaced: outcome.unplaced.length,
    missing: outcome.missing.length,
    notes: outcome.notes,
  };
}

/** Every task by name: what a worker thread runs for a message naming it. */
export const TASKS = {
  check: checkTask,
  import: importTask,
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
