/**
 * Running a fuzz target: bounded (a fixed seed and number of runs, in `npm test`) or for a stretch of time (a new
 * seed, `npm run fuzz`). A failure says how to replay it: the seed and fast-check's path.
 */
import fc from 'fast-check';

export interface FuzzTarget<Ts extends unknown[]> {
  readonly name: string;
  /** Start what the target drives (a server process, a temporary folder). */
  setup(): Promise<void>;
  readonly property: fc.IAsyncPropertyWithHooks<Ts> | fc.IAsyncProperty<Ts>;
  teardown(): Promise<void>;
  /** What the runs did, beyond their number (edits, requests, processes…), for the report. */
  counters(): Record<string, number>;
}

export interface FuzzOptions {
  readonly seed: number;
  /** Stop after this many runs… */
  readonly numRuns?: number;
  /** …or after this long (ms), whichever comes first. */
  readonly timeLimitMs?: number;
  /** Replay one counterexample (with its seed). */
  readonly path?: string;
}

export interface FuzzOutcome {
  readonly name: string;
  readonly seed: number;
  readonly runs: number;
  readonly failed: boolean;
  readonly ms: number;
  readonly counters: Record<string, number>;
  /** How to replay, and what failed (the shrunk counterexample and the error). */
  readonly report?: string;
}

export async function runFuzz<Ts extends unknown[]>(
  target: FuzzTarget<Ts>,
  options: FuzzOptions,
): Promise<FuzzOutcome> {
  const started = performance.now();
  await target.setup();
  let details: fc.RunDetails<Ts>;
  try {
    details = (await fc.check(target.property as fc.IAsyncProperty<Ts>, {
      seed: options.seed,
      numRuns: options.numRuns ?? Number.MAX_SAFE_INTEGER,
      ...(options.path ? { path: options.path, endOnFailure: true } : {}),
      ...(options.timeLimitMs !== undefined ? { plugins: [fc.interruptAfterTimeLimit(options.timeLimitMs)] } : {}),
    })) as fc.RunDetails<Ts>;
  } finally {
    await target.teardown();
  }
  const ms = performance.now() - started;
  const outcome = {
    name: target.name,
    seed: options.seed,
    runs: details.numRuns,
    failed: details.failed,
    ms,
    counters: target.counters(),
  };
  if (!details.failed) return outcome;
  const error =
    details.errorInstance instanceof Error
      ? (details.errorInstance.stack ?? details.errorInstance.message)
      : String(details.errorInstance);
  const report = [
    `fuzz target ${target.name} failed after ${details.numRuns} runs (seed ${details.seed}, path ${JSON.stringify(details.counterexamplePath)})`,
    `replay: npm run fuzz -- --target ${target.name} --seed ${details.seed} --path ${details.counterexamplePath ?? ''}`,
    `counterexample: ${fc.stringify(details.counterexample).slice(0, 4000)}`,
    error,
  ].join('\n');
  return { ...outcome, report };
}
