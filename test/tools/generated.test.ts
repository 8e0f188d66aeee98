import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatedFiles } from '../../tools/src/generators';
import { ROOT } from '../support/paths';

test('committed generated files match the template model (run `npm run generate` if this fails)', () => {
  for (const file of generatedFiles()) {
    const committed = readFileSync(join(ROOT, file.path), 'utf8');
    assert.ok(committed === file.content, `${file.path} is stale: run npm run generate and commit the result`);
  }
});
