/** Bounded fuzzing of the real `nianbao` executable: check, render, next (see `cliFuzz.ts`). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNDED_RUNS, FUZZ_SEED } from '../support/fuzz/budget';
import { CliFuzz } from '../support/fuzz/cliFuzz';
import { runFuzz } from '../support/fuzz/runFuzz';

test(`nianbao check/render/next on edited and damaged files (${BOUNDED_RUNS.cli} runs, seed ${FUZZ_SEED})`, async () => {
  const outcome = await runFuzz(new CliFuzz(), { seed: FUZZ_SEED, numRuns: BOUNDED_RUNS.cli });
  console.log(
    `cli fuzz: ${outcome.runs} runs in ${(outcome.ms / 1000).toFixed(1)} s, ${JSON.stringify(outcome.counters)}`,
  );
  assert.equal(outcome.failed, false, outcome.report);
  assert.equal(outcome.runs, BOUNDED_RUNS.cli);
});
