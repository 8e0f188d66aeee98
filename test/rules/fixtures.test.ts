/** Rule fixtures (test/fixtures/rules/): each file yields exactly the diagnostics marked `# expect:` on its lines. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';
import { FIXTURES } from '../support/paths';
import { compareExpectations } from '../support/expectations';

const DIR = join(FIXTURES, 'rules');

for (const name of readdirSync(DIR)
  .filter((n) => n.endsWith('.nianbao.yaml'))
  .sort()) {
  test(`fixture ${name}`, () => {
    const text = readFileSync(join(DIR, name), 'utf8');
    assert.deepEqual(compareExpectations(text, analyze(text).diagnostics), []);
  });
}

test('NB309 in a quoted scalar points at the digits and offers the table value', () => {
  const text = readFileSync(join(DIR, 'nb309-problems.nianbao.yaml'), 'utf8');
  const [d] = analyze(text).diagnostics.filter((x) => x.code === 'NB309');
  assert.equal(text.slice(d.range.start, d.range.end), '99');
  assert.deepEqual(d.fix, { kind: 'replaceText', text: '101', range: d.range });
  assert.ok(
    d.related && d.related.length === 1 && text.slice(d.related[0].range.start, d.related[0].range.end) === '101',
  );
});
