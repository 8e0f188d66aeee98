/**
 * Worker threads for the batch commands: the main thread prepares the inputs (the bytes read through the CLI's io,
 * or only a file's path for the task to read where it runs — `check` on the real file system) and hands them to
 * workers that run a task of `tasks.ts` (synchronous, or asynchronous like a PDF's import), and runs the task
 * itself while every worker has enough to do (N jobs: the main thread and N − 1 workers, so one fewer thread to
 * start); the results come back in the inputs' order whatever order they finish in. With one job, or for an input a
 * worker could not finish (a worker that fails or exits), the task runs on the main thread: the output is the same
 * with any number of threads.
 *
 * Memory stays flat: a worker keeps nothing between inputs, at most `WINDOW` messages of `chunk` inputs are out
 * per worker (copied to it: the main thread keeps its copy until the answer, to run it itself if need be), and
 * results wait only for the ones before them.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TASKS } from './tasks';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

/** Inputs per message to a worker: enough to make a message's cost small against the work of a report's check. */
const CHUNK = 8;
/** Messages out per worker: one being worked on, one waiting, so that a worker never idles. */
const WINDOW = 2;
/** Below this many inputs per job, starting a worker (tens of milliseconds) costs more than it saves. */
export const MIN_INPUTS_PER_WORKER = 64;

/** Every core of the machine. */
export function allCores(): number {
  return Math.max(1, availableParallelism());
}

/**
 * How many threads to use for `count` inputs: `requested` (`--jobs N`) as given (never more than inputs), or by
 * default every core, as long as each worker has enough inputs to be worth starting.
 */
export function jobsFor(count: number, requested: number | undefined, perWorker = MIN_INPUTS_PER_WORKER): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, count));
  return Math.max(1, Math.min(allCores(), Math.floor(count / perWorker)));
}

/** An input read on the main thread: for the task, or already settled there (`done`, handed back as it is). */
export type Prepared<I, D> = { readonly input: I } | { readonly done: D };

export type Delivered<O, D> = { readonly output: O } | { readonly done: D };

export interface OrderedRun<N extends TaskName, D> {
  readonly task: N;
  readonly count: number;
  readonly jobs: number;
  /** Inputs per message to a worker (default `CHUNK`; 1 for tasks that each take long, so that they spread evenly). */
  readonly chunk?: number;
  /** The i-th input, asked for in order, a few ahead of the workers. */
  readonly prepare: (i: number) => Prepared<TaskInput<N>, D> | Promise<Prepared<TaskInput<N>, D>>;
  /** The i-th result, given in order. */
  readonly deliver: (i: number, result: Delivered<TaskOutput<N>, D>) => void;
}

interface Item<I> {
  readonly i: number;
  readonly input: I;
}

/** A worker's reply: each input's output, or why the task failed there (it is then run on the main thread). */
export interface Reply<O> {
  readonly results: readonly (
    { readonly i: number; readonly output: O } | { readonly i: number; readonly failed: string }
  )[];
}

/** Lets the event loop run (the workers' answers in) before going on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function runHere<N extends TaskName>(task: N, input: TaskInput<N>): TaskOutput<N> | Promise<TaskOutput<N>> {
  return (TASKS[task] as (input: TaskInput<N>) => TaskOutput<N> | Promise<TaskOutput<N>>)(input);
}

/** The worker script: beside this module, in `dist/` (bundled) as in `out/cli/src/` (compiled for the tests). */
const WORKER_SCRIPT = join(__dirname, 'cliWorker.js');

export async function runOrdered<N extends TaskName, D>(run: OrderedRun<N, D>): Promise<void> {
  const { task, count, prepare, deliver } = run;
  const chunkSize = run.chunk ?? CHUNK;
  if (run.jobs <= 1 || count === 0) {
    for (let i = 0; i < count; i++) {
      const p = await prepare(i);
      deliver(i, 'done' in p ? p : { output: await runHere(task, p.input) });
    }
    return;
  }

  interface Slot {
    readonly worker: Worker;
    /** The items of the messages out to this worker, oldest first. */
    readonly out: Item<TaskInput<N>>[][];
    alive: boolean;
  }
  const ready = new Map<number, Delivered<TaskOutput<N>, D>>();
  let nextToPrepare = 0;
  let nextToDeliver = 0;
  let pumping = false;
  let failure: unknown;
  let finish: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // Awaited below; a failure before that must not count as unhandled.
  finished.catch(() => undefined);

  const settle = (i: number, result: Delivered<TaskOutput<N>, D>): void => {
    ready.set(i, result);
    try {
      for (let r = ready.get(nextToDeliver); r !== undefined; r = ready.get(nextToDeliver)) {
        ready.delete(nextToDeliver);
        deliver(nextToDeliver++, r);
      }
    } catch (error) {
      failure ??= error;
    }
    if (failure !== undefined) fail(failure);
    else if (nextToDeliver === count) finish();
  };
  /** An input no worker finished: its task on this thread (an exception there is the command's, as with one job). */
  const here = async (item: Item<TaskInput<N>>): Promise<void> => {
    try {
      settle(item.i, { output: await runHere(task, item.input) });
    } catch (error) {
      failure ??= error;
      fail(failure);
    }
  };

  const slots: Slot[] = [];
  const retire = (slot: Slot): void => {
    if (!slot.alive) return;
    slot.alive = false;
    for (const chunk of slot.out.splice(0)) for (const item of chunk) void here(item);
    void pump();
  };
  // This thread is one of the jobs: it reads, hands out, and checks what the workers leave.
  for (let k = 1; k < run.jobs; k++) {
    const worker = new Worker(WORKER_SCRIPT);
    const slot: Slot = { worker, out: [], alive: true };
    worker.on('message', (reply: Reply<TaskOutput<N>>) => {
      const chunk = slot.out.shift() ?? [];
      const inputs = new Map(chunk.map((item) => [item.i, item.input]));
      for (const r of reply.results) {
        if ('output' in r) settle(r.i, { output: r.output });
        else void here({ i: r.i, input: inputs.get(r.i) as TaskInput<N> });
      }
      void pump();
    });
    worker.on('error', () => retire(slot));
    worker.on('exit', () => retire(slot));
    slots.push(slot);
  }

  /**
   * Hands out inputs while some worker has room, reading them as they go out; while every worker has its window
   * full, this thread takes the next input itself, then lets the workers' answers in before going on.
   */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (nextToPrepare < count && failure === undefined) {
        const slot = slots.find((s) => s.alive && s.out.length < WINDOW);
        if (!slot) {
          const i = nextToPrepare++;
          const p = await prepare(i);
          if ('done' in p) settle(i, p);
          else await here({ i, input: p.input });
          if (slots.some((s) => s.alive)) await nextTurn();
          continue;
        }
        const chunk: Item<TaskInput<N>>[] = [];
        while (chunk.length < chunkSize && nextToPrepare < count) {
          const i = nextToPrepare++;
          const p = await prepare(i);
          if ('done' in p) {
            settle(i, p);
            continue;
          }
          chunk.push({ i, input: p.input });
        }
        if (chunk.length === 0) continue;
        if (!slot.alive) {
          for (const item of chunk) await here(item);
          continue;
        }
        slot.out.push(chunk);
        slot.worker.postMessage({ task, items: chunk });
      }
    } catch (error) {
      failure ??= error;
      fail(failure);
    } finally {
      pumping = false;
    }
  }

  try {
    await pump();
    await finished;
  } finally {
    for (const slot of slots) {
      slot.alive = false;
      void slot.worker.terminate();
    }
  }
}
