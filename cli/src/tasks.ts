/**
 * The work a batch command hands to worker threads, one input at a time: pure functions of data that can cross a
 * thread (bytes, strings, plain objects, typed arrays). The same functions run on the main thread with `--jobs 1`
 * and for any input a worker could not finish, so the output never depends on the threads.
 */
import { checkReport, factsData } from '../../core/src/index';
import type { Diagnostic, FactsData } from '../../core/src/index';
import { decodeText } from './decodeText';
import { withoutBom } from './commandFiles';

/** `check`: a report file's bytes. */
export interface CheckInput {
  readonly bytes: Uint8Array;
}

/** What the index keeps of it (`CheckedReport`, its facts as data). */
export interface CheckOutput {
  readonly facts: FactsData;
  readonly diagnostics: readonly Diagnostic[];
  readonly hash: number;
  readonly length: number;
}

export function checkTask(input: CheckInput): CheckOutput {
  const checked = checkReport(withoutBom(decodeText(input.bytes)));
  return {
    facts: factsData(checked.facts),
    diagnostics: checked.diagnostics,
    hash: checked.hash,
    length: checked.length,
  };
}

/** Every task by name: what a worker thread runs for a message naming it. */
export const TASKS = {
  check: checkTask,
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = ReturnType<(typeof TASKS)[N]>;
