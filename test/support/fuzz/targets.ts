/** Every fuzz target by name, for `npm run fuzz` (scripts/fuzz.mjs). */
import { CliFuzz } from './cliFuzz';
import { CoreFuzz } from './coreFuzz';
import { ImportCliFuzz, ImportCoreFuzz, ImportPdfFuzz } from './importFuzz';
import type { FuzzTarget } from './runFuzz';
import { ServerFuzz } from './serverFuzz';

export const TARGETS: Readonly<Record<string, () => FuzzTarget<never>>> = {
  server: () => new ServerFuzz() as unknown as FuzzTarget<never>,
  core: () => new CoreFuzz() as unknown as FuzzTarget<never>,
  cli: () => new CliFuzz() as unknown as FuzzTarget<never>,
  'import-core': () => new ImportCoreFuzz() as unknown as FuzzTarget<never>,
  'import-cli': () => new ImportCliFuzz() as unknown as FuzzTarget<never>,
  'import-pdf': () => new ImportPdfFuzz() as unknown as FuzzTarget<never>,
};

export { runFuzz } from './runFuzz';
