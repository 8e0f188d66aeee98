/**
 * `conformsToSchema`: the template's own reading of "valid against the schema", which spares the JSON conversion
 * and the generated validator for most reports. It may say no where the validator finds nothing (the validator then
 * runs), never yes where the validator finds something: held against the validator on random reports of both
 * editions (written by writeReport, with random values, blanks and text), the same with a value, key or line
 * changed at random, and every example and fixture.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { bindReport, parse, writeReport } from '../../../core/src/index';
import { conformsToSchema } from '../../../core/src/schema/conforms';
import { schemaErrors } from '../../../core/src/schema/validators';
import { toJson } from '../../../core/src/syntax/toJson';
import { exampleAndFixtureFiles } from '../../support/yamlFiles';
import { randomReport } from '../../support/randomReport';

const counts = { conforming: 0, validated: 0 };

/** The fast answer never contradicts the validator; returns whether it answered. */
function agrees(text: string): void {
  const doc = parse(text);
  if (!doc.root) return;
  const report = bindReport(doc);
  const errors = schemaErrors(report.edition, toJson(doc.root));
  if (conformsToSchema(report)) {
    counts.conforming++;
    assert.deepEqual(errors, [], `conforming, yet the validator finds: ${JSON.stringify(errors)}\n${text}`);
  } else {
    counts.validated++;
  }
}

test('every example and fixture: conforming only where the validator finds nothing', () => {
  for (const file of exampleAndFixtureFiles()) agrees(readFileSync(file, 'utf8'));
  assert.ok(counts.conforming >= 20, JSON.stringify(counts));
});

/** Changes to a report's text that the schema may or may not accept. */
const CHANGES: ((line: string) => string)[] = [
  (l) => l.replace(/\d+/, '-1'),
  (l) => l.replace(/\d+/, '1.5'),
  (l) => l.replace(/\d+/, 'null'),
  (l) => l.replace(/\d+/, '"3"'),
  (l) => l.replace(/\d+/, '~'),
  (l) => l.replace(/\d+/, '.nan'),
  (l) => l.replace(/\d+/, '.inf'),
  (l) => l.replace(/\d+/, '1e3'),
  (l) => l.replace(/\d+/, 'true'),
  (l) => l.replace(/\d+, /, ''),
  (l) => l.replace(/\]/, ', 0]'),
  (l) => l.replace(/: .*$/, ': [1, 2]'),
  (l) => l.replace(/: .*$/, ': {a: 1}'),
  (l) => l.replace(/: .*$/, ':'),
  (l) => l.replace(/: .*$/, ': ""'),
  (l) => l.replace(/: .*$/, ': " "'),
  (l) => l.replace(/: .*$/, ': 2024-1-1'),
  (l) => l.replace(/: .*$/, ': 2019'),
  (l) => l.replace(/: .*$/, ': "2021"'),
  (l) => l.replace(/: .*$/, ': 1900'),
  (l) => l.replace(/: .*$/, ': 部门'),
  (l) => l.replace(/^(\s*)[^\s:#][^:]*:/, '$1未知的键:'),
  (l) => l.replace(/^(\s*)([^\s:#][^:]*):/, '$1$2:\n$1$2:'),
  (l) => l.replace(/^(\s*)[^\s:#][^:]*:/, '$1? [a]\n$1:'),
  (l) => l.replace(/^(\s*)([^\s:#][^:]*):(.*)$/, '$1$2: &a$3\n$1别名: *a'),
  () => '',
];

test('random reports of both editions, as written and with a line changed: never conforming where the validator finds something', () => {
  const before = { ...counts };
  fc.assert(
    fc.property(
      fc.constantFrom(2019 as const, 2021 as const).chain((edition) => randomReport(edition)),
      fc.nat(),
      fc.nat({ max: CHANGES.length - 1 }),
      (data, line, change) => {
        const text = writeReport(data);
        agrees(text);
        const lines = text.split('\n');
        const i = line % lines.length;
        lines[i] = CHANGES[change](lines[i]);
        agrees(lines.join('\n'));
      },
    ),
    { seed: 20261206, numRuns: 1500 },
  );
  // Both answers were given, often.
  assert.ok(counts.conforming - before.conforming > 300, JSON.stringify(counts));
  assert.ok(counts.validated - before.validated > 300, JSON.stringify(counts));
});
