import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';
import { EXAMPLES } from '../support/paths';

for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.nianbao.yaml'))) {
  test(`example ${name} checks clean`, () => {
    const { diagnostics, doc } = analyze(readFileSync(join(EXAMPLES, name), 'utf8'));
    assert.equal(doc.parser, 'fast');
    assert.deepEqual(
      diagnostics.map((d) => `${d.code} ${d.message.zh}`),
      [],
    );
  });
}
