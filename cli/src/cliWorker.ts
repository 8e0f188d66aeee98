/**
 * A worker thread of the batch commands (`pool.ts`): each message names a task of `tasks.ts` and carries a few
 * inputs; the answer carries each one's output, or why the task failed on it (the main thread then runs it
 * itself, so that the error is reported as with one thread).
 */
import { parentPort } from 'node:worker_threads';
import type { Reply } from './pool';
import { TASKS } from './tasks';
import type { TaskName } from './tasks';

interface Request {
  readonly task: TaskName;
  readonly items: readonly { readonly i: number; readonly input: never }[];
}

async function answer(request: Request): Promise<void> {
  const run = TASKS[request.task] as (input: unknown) => unknown;
  const results: Reply<unknown>['results'][number][] = [];
  for (const { i, input } of request.items) {
    try {
      results.push({ i, output: await run(input) });
    } catch (error) {
      results.push({ i, failed: error instanceof Error ? error.message : String(error) });
    }
  }
  parentPort?.postMessage({ results } satisfies Reply<unknown>);
}

/** Messages answered one after another, in the order they came (the main thread pairs each answer with its message). */
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (request: Request) => {
  queue = queue
    .then(() => answer(request))
    .catch((error: unknown) => {
      // An answer that cannot be sent ends the thread, as a synchronous throw would: the main thread runs its inputs.
      setImmediate(() => {
        throw error;
      });
    });
});
