/**
 * The bounded fuzz runs of `npm test`: fixed seeds, a fixed number of runs per target, about a minute in all on
 * this machine (2 shared cores). `npm run fuzz` runs the same targets for as long as it is told, with new seeds.
 */
export const FUZZ_SEED = 20250901;

/** Runs per target in `npm test`. */
export const BOUNDED_RUNS = {
  server: 60,
  core: 200,
  cli: 15,
  importCore: 1000,
  importCli: 20,
  importPdf: 150,
} as const;
