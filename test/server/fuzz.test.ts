/** Bounded fuzzing of the real language server over stdio (see `serverFuzz.ts` for what each run checks). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNDED_RUNS, FUZZ_SEED } from '../support/fuzz/budget';
import { runFuzz } from '../support/fuzz/runFuzz';
import { ServerFuzz } from '../support/fuzz/serverFuzz';

test(`the server under random edit sequences and requests (${BOUNDED_RUNS.server} runs, seed ${FUZZ_SEED})`, async () => {
  const outcome = await runFuzz(new ServerFuzz(), { seed: FUZZ_SEED, numRuns: BOUNDED_RUNS.server });
  console.log(
    `server fuzz: ${outcome.runs} runs in ${(outcome.ms / 1000).toFixed(1)} s, ${JSON.stringify(outcome.counters)}`,
  );
  assert.equal(outcome.failed, false, outcome.report);
  assert.equal(outcome.runs, BOUNDED_RUNS.server);
});
