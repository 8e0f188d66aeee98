/**
 * Fixture reports under test/fixtures/core: each one states the diagnostics it must produce next to the lines
 * they mark (see test/support/expectations.ts), and the test asserts exactly that set.
 *
 * Names: `<code>-<what>.pass.nianbao.yaml` checks clean and exercises what the rule accepts;
 * `<code>-<what>.fail.nianbao.yaml` expects at least one diagnostic of `<code>`.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { allCodes, analyze } from '../../core/src/index';
import { compareExpectations, readExpectations } from '../support/expectations';
import { FIXTURES } from '../support/paths';

const ROOT = join(FIXTURES, 'core');
const NAME = /^(nb\d{3})-[a-z0-9-]+\.(pass|fail)\.nianbao\.yaml$/;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const files = walk(ROOT);

describe('core fixtures', () => {
  for (const file of files) {
    const name = relative(ROOT, file);
    test(name, () => {
      const base = name.slice(name.lastIndexOf('/') + 1);
      const m = NAME.exec(base);
      assert.ok(m, `${name}: fixture names are <code>-<what>.(pass|fail).nianbao.yaml`);
      const text = readFileSync(file, 'utf8');
      const expected = readExpectations(text);
      const code = m[1].toUpperCase();
      if (m[2] === 'pass') assert.deepEqual(expected, [], `${name}: a pass fixture expects nothing`);
      else
        assert.ok(
          expected.some((e) => e.code === code),
          `${name}: a fail fixture expects at least one ${code}`,
        );
      assert.deepEqual(compareExpectations(text, analyze(text).diagnostics), [], name);
    });
  }
});

describe('fixture coverage', () => {
  const byName = new Set(files.map((f) => relative(ROOT, f)));
  const has = (dir: string, code: string, kind: 'pass' | 'fail'): boolean =>
    [...byName].some((n) => n.startsWith(`${dir}/${code.toLowerCase()}-`) && n.endsWith(`.${kind}.nianbao.yaml`));

  const TABLE_CODES = [
    'NB201',
    'NB202',
    'NB203',
    'NB204',
    'NB205',
    'NB206',
    'NB207',
    'NB208',
    'NB301',
    'NB302',
    'NB303',
    'NB304',
    'NB305',
    'NB312',
  ];
  for (const edition of ['2019', '2021']) {
    test(`edition ${edition}: a pass and a fail fixture for every schema, cell and invariant code`, () => {
      const missing = TABLE_CODES.flatMap((c) =>
        (['pass', 'fail'] as const).filter((k) => !has(edition, c, k)).map((k) => `${c} ${k}`),
      );
      assert.deepEqual(missing, []);
    });
  }

  test('syntax: a fail fixture for every syntax code a file can carry, a pass fixture where one is meaningful', () => {
    // NB107 (too large) and NB108 (binary) cannot be fixture files with comments; test/core/badInput.test.ts has them.
    const fails = ['NB101', 'NB102', 'NB103', 'NB104', 'NB105', 'NB106', 'NB109'].filter(
      (c) => !has('syntax', c, 'fail'),
    );
    const passes = ['NB101', 'NB102', 'NB103', 'NB104', 'NB105'].filter((c) => !has('syntax', c, 'pass'));
    assert.deepEqual({ fails, passes }, { fails: [], passes: [] });
  });

  test('every code the fixtures produce is registered (allCodes) with the severity it is reported with', () => {
    const registered = new Map(allCodes().map((c) => [c.code, c.severity]));
    const wrong = new Set<string>();
    for (const file of files) {
      for (const d of analyze(readFileSync(file, 'utf8')).diagnostics) {
        if (registered.get(d.code) !== d.severity) wrong.add(`${d.code} ${d.severity}`);
      }
    }
    assert.deepEqual([...wrong], []);
  });

  test('every sum-rule expectation checks the arithmetic in its message', () => {
    const bare: string[] = [];
    for (const file of files) {
      for (const e of readExpectations(readFileSync(file, 'utf8'))) {
        if (!['NB301', 'NB302', 'NB303', 'NB304', 'NB207'].includes(e.code)) continue;
        if (!e.zh.some((f) => f.includes('应为') && /\d/.test(f)) || !e.zh.some((f) => /[+−]/.test(f)))
          bare.push(`${relative(ROOT, file)}:${e.line} ${e.code}`);
      }
    }
    assert.deepEqual(bare, []);
  });
});
