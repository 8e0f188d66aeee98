/** Paths of the repository, from the compiled test files in out/test/... */
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const EXAMPLES = join(ROOT, 'examples');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/**
 * The multi-year series among the rule fixtures (`test/fixtures/rules/<code>/<what>.(pass|fail)/`, a folder of reports
 * checked together), which other suites also drive: one agency's reports 2019–2023 across the edition change.
 */
export const SERIES = {
  /** Every year consistent with the one before: no finding at all. */
  consistent: join(FIXTURES, 'rules', 'nb306', 'consistent.pass'),
  /** Broken carry-overs and stocks: NB306 ×4, NB307, NB308 ×2. */
  broken: join(FIXTURES, 'rules', 'nb306', 'broken.fail'),
  /** 同比 statements, four of them contradicted by last year's tables (NB314), and one NB309. */
  yoy: join(FIXTURES, 'rules', 'nb314', 'yoy.fail'),
  /** Two files of the same 机关 and 年度 (NB320), and the next year. */
  duplicate: join(FIXTURES, 'rules', 'nb320', 'duplicate.fail'),
} as const;
