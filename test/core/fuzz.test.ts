/** Bounded fuzzing of the core in-process (see `coreFuzz.ts`). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNDED_RUNS, FUZZ_SEED } from '../support/fuzz/budget';
import { CoreFuzz } from '../support/fuzz/coreFuzz';
import { runFuzz } from '../support/fuzz/runFuzz';

test(`the core under random edit sequences: analysis, assists, fixes, rendering (${BOUNDED_RUNS.core} runs, seed ${FUZZ_SEED})`, async () => {
  const outcome = await runFuzz(new CoreFuzz(), { seed: FUZZ_SEED, numRuns: BOUNDED_RUNS.core });
  console.log(
    `core fuzz: ${outcome.runs} runs in ${(outcome.ms / 1000).toFixed(1)} s, ${JSON.stringify(outcome.counters)}`,
  );
  assert.equal(outcome.failed, false, outcome.report);
  assert.equal(outcome.runs, BOUNDED_RUNS.core);
});
