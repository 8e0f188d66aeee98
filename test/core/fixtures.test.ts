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
import { LineIndex, allCodes, analyze } from '../../core/src/index';
import type { Diagnostic } from '../../core/src/index';
import { readExpectations } from '../support/expectations';
import type { Expectation } from '../support/expectations';
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

interface Actual {
  readonly line: number;
  readonly diagnostic: Diagnostic;
}

function describeActual(list: readonly Actual[]): string {
  return list.map((a) => `  line ${a.line}: ${a.diagnostic.code} ${a.diagnostic.message.zh}`).join('\n') || '  (none)';
}

function key(line: number, code: string): string {
  return `${String(line).padStart(4, '0')} ${code}`;
}

/** Pair each expectation with an actual diagnostic of the same line and code whose messages hold its fragments. */
function matchMessages(expected: readonly Expectation[], actual: readonly Actual[]): string[] {
  const problems: string[] = [];
  const free = [...actual];
  // Expectations with fragments pick first, so that a bare expectation does not take their diagnostic.
  const ordered = [...expected].sort((a, b) => b.zh.length + b.en.length - (a.zh.length + a.en.length));
  for (const e of ordered) {
    const i = free.findIndex(
      (a) =>
        a.line === e.line &&
        a.diagnostic.code === e.code &&
        e.zh.every((f) => a.diagnostic.message.zh.includes(f)) &&
        e.en.every((f) => a.diagnostic.message.en.includes(f)),
    );
    if (i < 0) {
      problems.push(`line ${e.line}: no ${e.code} whose message contains ${[...e.zh, ...e.en.map((f) => `en:${f}`)].map((f) => `\`${f}\``).join(' ')}`);
    } else {
      free.splice(i, 1);
    }
  }
  return problems;
}

describe('core fixtures', () => {
  for (const file of files) {
    const name = relative(ROOT, file);
    test(name, () => {
      const base = name.slice(name.lastIndexOf('/') + 1);
      const m = NAME.exec(base);
      assert.ok(m, `${name}: fixture names are <code>-<what>.(pass|fail).nianbao.yaml`);
      const text = readFileSync(file, 'utf8');
      const expected = readExpectations(text);
      const { diagnostics } = analyze(text);
      const lines = new LineIndex(text);
      const actual: Actual[] = diagnostics.map((d) => ({ line: lines.positionAt(d.range.start).line + 1, diagnostic: d }));

      const code = m[1].toUpperCase();
      if (m[2] === 'pass') assert.deepEqual(expected, [], `${name}: a pass fixture expects nothing`);
      else assert.ok(expected.some((e) => e.code === code), `${name}: a fail fixture expects at least one ${code}`);

      const want = expected.map((e) => key(e.line, e.code)).sort();
      const got = actual.map((a) => key(a.line, a.diagnostic.code)).sort();
      assert.deepEqual(got, want, `${name}: diagnostics differ from the expectations. Actual:\n${describeActual(actual)}`);
      const problems = matchMessages(expected, actual);
      assert.deepEqual(problems, [], `${name}: messages differ. Actual:\n${describeActual(actual)}`);
    });
  }
});

describe('fixture coverage', () => {
  const byName = new Set(files.map((f) => relative(ROOT, f)));
  const has = (dir: string, code: string, kind: 'pass' | 'fail'): boolean =>
    [...byName].some((n) => n.startsWith(`${dir}/${code.toLowerCase()}-`) && n.endsWith(`.${kind}.nianbao.yaml`));

  const TABLE_CODES = ['NB201', 'NB202', 'NB203', 'NB204', 'NB205', 'NB206', 'NB207', 'NB208', 'NB301', 'NB302', 'NB303', 'NB304', 'NB305', 'NB312'];
  for (const edition of ['2019', '2021']) {
    test(`edition ${edition}: a pass and a fail fixture for every schema, cell and invariant code`, () => {
      const missing = TABLE_CODES.flatMap((c) => (['pass', 'fail'] as const).filter((k) => !has(edition, c, k)).map((k) => `${c} ${k}`));
      assert.deepEqual(missing, []);
    });
  }

  test('syntax: a fail fixture for every syntax code a file can carry, a pass fixture where one is meaningful', () => {
    // NB107 (too large) and NB108 (binary) cannot be fixture files with comments; test/core/badInput.test.ts has them.
    const fails = ['NB101', 'NB102', 'NB103', 'NB104', 'NB105', 'NB106', 'NB109'].filter((c) => !has('syntax', c, 'fail'));
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
        if (!e.zh.some((f) => f.includes('应为') && /\d/.test(f)) || !e.zh.some((f) => /[+−]/.test(f))) bare.push(`${relative(ROOT, file)}:${e.line} ${e.code}`);
      }
    }
    assert.deepEqual(bare, []);
  });
});
