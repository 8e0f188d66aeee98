/**
 * The rule fixtures, one layout for every code: `test/fixtures/rules/<code>/[<edition>-]<what>.(pass|fail).nianbao.yaml`.
 * Each report states the diagnostics it must produce next to the lines they mark (see test/support/expectations.ts),
 * and the test asserts exactly that set. A `pass` fixture expects nothing and exercises what the rule accepts; a
 * `fail` fixture expects at least one diagnostic of its folder's code. `<edition>` (2019, 2021) names the template
 * edition of the table codes, which have a pass and a fail fixture in each.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { allCodes, analyze } from '../../../core/src/index';
import { compareExpectations, readExpectations } from '../../support/expectations';
import { FIXTURES } from '../../support/paths';

const ROOT = join(FIXTURES, 'rules');
const NAME = /^(nb\d{3})\/(?:(2019|2021)-)?[a-z0-9-]+\.(pass|fail)\.nianbao\.yaml$/;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const files = walk(ROOT);

describe('rule fixtures', () => {
  for (const file of files) {
    const name = relative(ROOT, file);
    test(name, () => {
      const m = NAME.exec(name);
      assert.ok(m, `${name}: fixture names are <code>/[<edition>-]<what>.(pass|fail).nianbao.yaml`);
      const text = readFileSync(file, 'utf8');
      const expected = readExpectations(text);
      const code = m[1].toUpperCase();
      if (m[3] === 'pass') assert.deepEqual(expected, [], `${name}: a pass fixture expects nothing`);
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
  const names = files.map((f) => relative(ROOT, f));
  const has = (code: string, kind: 'pass' | 'fail', edition?: string): boolean =>
    names.some(
      (n) =>
        n.startsWith(`${code.toLowerCase()}/${edition ? `${edition}-` : ''}`) && n.endsWith(`.${kind}.nianbao.yaml`),
    );

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
        (['pass', 'fail'] as const).filter((k) => !has(c, k, edition)).map((k) => `${c} ${k}`),
      );
      assert.deepEqual(missing, []);
    });
  }

  test('syntax: a fail fixture for every syntax code a file can carry, a pass fixture where one is meaningful', () => {
    // NB107 (too large) and NB108 (binary) cannot be fixture files with comments; test/core/badInput.test.ts has them.
    const fails = ['NB101', 'NB102', 'NB103', 'NB104', 'NB105', 'NB106', 'NB109'].filter((c) => !has(c, 'fail'));
    const passes = ['NB101', 'NB102', 'NB103', 'NB104', 'NB105'].filter((c) => !has(c, 'pass'));
    assert.deepEqual({ fails, passes }, { fails: [], passes: [] });
  });

  test('every code the fixtures produce is registered (allCodes) with the severity it is reported with', () => {
    const registered = new Map(allCodes().map((c) => [c.code, c]));
    const wrong = new Set<string>();
    for (const file of files) {
      for (const d of analyze(readFileSync(file, 'utf8')).diagnostics) {
        const info = registered.get(d.code);
        const note = d.severity === 'information' && info?.alsoInformation === true;
        if (info?.severity !== d.severity && !note) wrong.add(`${d.code} ${d.severity}`);
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

test('NB309 in a quoted scalar points at the digits and offers the table value', () => {
  const text = readFileSync(join(ROOT, 'nb309', 'problems.fail.nianbao.yaml'), 'utf8');
  const [d] = analyze(text).diagnostics.filter((x) => x.code === 'NB309');
  assert.equal(text.slice(d.range.start, d.range.end), '99');
  assert.deepEqual(d.fix, { kind: 'replaceText', text: '101', range: d.range });
  assert.ok(
    d.related && d.related.length === 1 && text.slice(d.related[0].range.start, d.related[0].range.end) === '101',
  );
});
