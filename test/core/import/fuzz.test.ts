/** Bounded fuzzing of the importer, in-process and through `nianbao import` (see `importFuzz.ts`). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNDED_RUNS, FUZZ_SEED } from '../../support/fuzz/budget';
import { ImportCliFuzz, ImportCoreFuzz, ImportPdfFuzz } from '../../support/fuzz/importFuzz';
import { runFuzz } from '../../support/fuzz/runFuzz';

test(`importReport on damaged pages and texts (${BOUNDED_RUNS.importCore} runs, seed ${FUZZ_SEED})`, async () => {
  const outcome = await runFuzz(new ImportCoreFuzz(), { seed: FUZZ_SEED, numRuns: BOUNDED_RUNS.importCore });
  console.log(
    `import-core fuzz: ${outcome.runs} runs in ${(outcome.ms / 1000).toFixed(1)} s, ${JSON.stringify(outcome.counters)}`,
  );
  assert.equal(outcome.failed, false, outcome.report);
  assert.equal(outcome.runs, BOUNDED_RUNS.importCore);
});

test(`nianbao import -o on damaged pages and texts (${BOUNDED_RUNS.importCli} runs, seed ${FUZZ_SEED})`, async () => {
  const outcome = await runFuzz(new ImportCliFuzz(), { seed: FUZZ_SEED, numRuns: BOUNDED_RUNS.importCli });
  console.log(
    `import-cli fuzz: ${outcome.runs} runs in ${(outcome.ms / 1000).toFixed(1)} s, ${JSON.stringify(outcome.counters)}`,
  );
  assert.equal(outcome.failed, false, outcome.report);
  assert.equal(outcome.runs, BOUNDED_RUNS.importCli);
});

test(`PDFs: damaged text items placed in-process, damaged files through the PDF reader (${BOUNDED_RUNS.importPdf} runs, seed ${FUZZ_SEED})`, async () => {
  const outcome = await runFuzz(new ImportPdfFuzz(), { seed: FUZZ_SEED, numRuns: BOUNDED_RUNS.importPdf });
  console.log(
    `import-pdf fuzz: ${outcome.runs} runs in ${(outcome.ms / 1000).toFixed(1)} s, ${JSON.stringify(outcome.counters)}`,
  );
  assert.equal(outcome.failed, false, outcome.report);
  assert.equal(outcome.runs, BOUNDED_RUNS.importPdf);
});
