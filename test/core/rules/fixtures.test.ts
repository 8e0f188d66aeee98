/**
 * The rule fixtures, one layout for every code, one runner:
 * - a report, `test/fixtures/rules/<code>/[<edition>-]<what>.(pass|fail).nianbao.yaml`, checked on its own (`analyze`);
 * - a series, `test/fixtures/rules/<code>/<what>.(pass|fail)/` holding the reports of several years, checked together
 *   through the workspace index (`ReportIndex`), for the rules between reports (NB306–NB308, NB314, NB320): each of
 *   its reports has exactly the findings, its own and those between reports, marked in it.
 * Each report states the diagnostics it must produce next to the lines they mark (see test/support/expectations.ts),
 * and the test asserts exactly that set. A `pass` fixture expects nothing and exercises what the rule accepts; a
 * `fail` fixture expects at least one diagnostic of its folder's code (a series: in one of its reports). `<edition>`
 * (2019, 2021) names the template edition of the table codes, which have a pass and a fail fixture in each.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { ReportIndex, allCodes, analyze, displayName } from '../../../core/src/index';
import type { Diagnostic } from '../../../core/src/index';
import { compareExpectations, readExpectations } from '../../support/expectations';
import { FIXTURES } from '../../support/paths';

const ROOT = join(FIXTURES, 'rules');
const REPORT = /^(nb\d{3})\/(?:(2019|2021)-)?[a-z0-9-]+\.(pass|fail)\.nianbao\.yaml$/;
const SERIES = /^(nb\d{3})\/[a-z0-9-]+\.(pass|fail)$/;
const SERIES_REPORT = /^[a-z0-9-]+\.nianbao\.yaml$/;

interface Fixture {
  /** Relative to test/fixtures/rules: the report's file, or the series' folder. */
  readonly name: string;
  /** The reports, one for a report fixture, each file of the folder (sorted) for a series. */
  readonly files: readonly string[];
  readonly series: boolean;
}

/** Each entry of a code's folder: a report fixture, or a folder of reports (a series). */
const fixtures: Fixture[] = readdirSync(ROOT)
  .sort()
  .flatMap((code) =>
    readdirSync(join(ROOT, code))
      .sort()
      .map((entry): Fixture => {
        const path = join(ROOT, code, entry);
        const name = relative(ROOT, path);
        if (!statSync(path).isDirectory()) return { name, files: [path], series: false };
        const files = readdirSync(path)
          .sort()
          .map((f) => join(path, f));
        return { name, files, series: true };
      }),
  );
const files = fixtures.flatMap((f) => f.files);

/** Each report of a fixture with the diagnostics it gets: on its own, or as one of its series. */
function check(fixture: Fixture): { file: string; text: string; diagnostics: readonly Diagnostic[] }[] {
  const texts = fixture.files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  if (!fixture.series) return texts.map((t) => ({ ...t, diagnostics: analyze(t.text).diagnostics }));
  const index = new ReportIndex();
  const uris = texts.map((t) => pathToFileURL(t.file).href);
  texts.forEach((t, i) => index.set(uris[i], t.text));
  return texts.map((t, i) => ({ ...t, diagnostics: index.diagnostics(uris[i]) }));
}

describe('rule fixtures', () => {
  for (const fixture of fixtures) {
    const { name } = fixture;
    test(name, () => {
      const m = fixture.series ? SERIES.exec(name) : REPORT.exec(name);
      assert.ok(
        m,
        `${name}: fixtures are <code>/[<edition>-]<what>.(pass|fail).nianbao.yaml or a series <code>/<what>.(pass|fail)/`,
      );
      const kind = fixture.series ? m[2] : m[3];
      const code = m[1].toUpperCase();
      if (fixture.series) {
        const odd = fixture.files.map((f) => relative(join(ROOT, name), f)).filter((f) => !SERIES_REPORT.test(f));
        assert.deepEqual(odd, [], `${name}: a series holds only reports, <what>.nianbao.yaml`);
        assert.ok(fixture.files.length >= 2, `${name}: a series holds two reports or more`);
      }
      const checked = check(fixture);
      const expected = checked.flatMap((c) => readExpectations(c.text));
      if (kind === 'pass') assert.deepEqual(expected, [], `${name}: a pass fixture expects nothing`);
      else
        assert.ok(
          expected.some((e) => e.code === code),
          `${name}: a fail fixture expects at least one ${code}`,
        );
      for (const c of checked) {
        const label = fixture.series ? `${name}/${displayName(c.file)}` : name;
        assert.deepEqual(compareExpectations(c.text, c.diagnostics), [], label);
      }
    });
  }
});

describe('fixture coverage', () => {
  const has = (code: string, kind: 'pass' | 'fail', edition?: string): boolean =>
    fixtures.some(
      ({ name, series }) =>
        name.startsWith(`${code.toLowerCase()}/${edition ? `${edition}-` : ''}`) &&
        name.endsWith(series ? `.${kind}` : `.${kind}.nianbao.yaml`),
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
    // NB107 is about the file's size, not what it says: the smallest file it refuses holds a million items (over a
    // megabyte), and one past MAX_FILE_BYTES is refused unread; test/core/badInput.test.ts and
    // test/core/syntax/limits.test.ts make theirs. NB108's fixture is a report saved as GBK under one ASCII line.
    const fails = ['NB101', 'NB102', 'NB103', 'NB104', 'NB105', 'NB106', 'NB108', 'NB109', 'NB110'].filter(
      (c) => !has(c, 'fail'),
    );
    const passes = ['NB101', 'NB102', 'NB103', 'NB104', 'NB105', 'NB108'].filter((c) => !has(c, 'pass'));
    assert.deepEqual({ fails, passes }, { fails: [], passes: [] });
  });

  test('between reports: a fail series for every cross-report code, and a consistent series', () => {
    // nb306/broken.fail also holds NB307 and NB308, each where its relation breaks in one agency's five years.
    assert.ok(has('NB306', 'pass'), 'a consistent series');
    const marked = new Set(
      fixtures
        .filter((f) => f.series && f.name.endsWith('.fail'))
        .flatMap((f) => f.files.flatMap((file) => readExpectations(readFileSync(file, 'utf8')).map((e) => e.code))),
    );
    const missing = ['NB306', 'NB307', 'NB308', 'NB314', 'NB320'].filter((c) => !marked.has(c));
    const noFolder = ['NB306', 'NB314', 'NB320'].filter((c) => !has(c, 'fail'));
    assert.deepEqual({ missing, noFolder }, { missing: [], noFolder: [] });
  });

  test('every code the fixtures produce is registered (allCodes) with the severity it is reported with', () => {
    const registered = new Map(allCodes().map((c) => [c.code, c]));
    const wrong = new Set<string>();
    for (const fixture of fixtures) {
      for (const d of check(fixture).flatMap((c) => c.diagnostics)) {
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
