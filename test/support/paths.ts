/** Paths of the repository, from the compiled test files in out/test/... */
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const EXAMPLES = join(ROOT, 'examples');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
