/**
 * The workspace index over multi-year series of one agency in both editions (the series among the rule fixtures,
 * whose marked findings test/core/rules/fixtures.test.ts checks): a consistent series checks clean, each broken
 * carry-over or stock is reported on the later year's cell with last year's value and file, and the index re-checks
 * only the reports an edit can affect.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { ReportIndex, agencyKey, displayName } from '../../../core/src/index';
import type { Diagnostic } from '../../../core/src/index';
import { SERIES } from '../../support/paths';

function load(series: keyof typeof SERIES): { index: ReportIndex; files: Map<string, string> } {
  const index = new ReportIndex();
  const files = new Map<string, string>();
  const dir = SERIES[series];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.nianbao.yaml'))
    .sort()) {
    const uri = pathToFileURL(join(dir, name)).href;
    const text = readFileSync(join(dir, name), 'utf8');
    files.set(uri, text);
    index.set(uri, text);
  }
  return { index, files };
}

function uriOf(files: Map<string, string>, name: string): string {
  const uri = [...files.keys()].find((u) => u.endsWith(`/${name}`));
  assert.ok(uri, name);
  return uri;
}

test('a consistent series has no findings at all, across the edition change too', () => {
  const { index, files } = load('consistent');
  assert.equal(files.size, 5);
  for (const uri of files.keys()) assert.deepEqual(index.diagnostics(uri), [], displayName(uri));
  assert.deepEqual(index.stats(), { reports: 5, agencies: 1, years: [2019, 2020, 2021, 2022, 2023] });
});

test('each cross finding sits on the later cell and points at the earlier one in the other file', () => {
  const { index, files } = load('broken');
  const found: Diagnostic[] = [];
  for (const [uri, text] of files) {
    for (const d of index.crossDiagnostics(uri)) {
      found.push(d);
      const previous = d.related?.find((r) => r.uri !== undefined);
      assert.ok(previous, `${d.code} has a related location in last year's file`);
      const before = files.get(previous.uri as string) as string;
      const shownBefore = before.slice(previous.range.start, previous.range.end);
      assert.match(shownBefore, /^-?\d+$/);
      // The message names last year's value and file.
      assert.ok(d.message.zh.includes(displayName(previous.uri as string)), d.message.zh);
      assert.ok(previous.message.zh.endsWith(`= ${shownBefore}`), previous.message.zh);
      assert.match(text.slice(d.range.start, d.range.end), /^\d+$/);
      if (d.code === 'NB306') {
        assert.equal(d.severity, 'error');
        assert.equal(d.fix?.kind, 'setValue');
        if (d.fix?.kind === 'setValue') assert.equal(String(d.fix.value), shownBefore);
      } else {
        assert.equal(d.severity, 'warning');
      }
    }
  }
  assert.deepEqual(found.map((d) => d.code).sort(), ['NB306', 'NB306', 'NB306', 'NB306', 'NB307', 'NB308', 'NB308']);
});

test('editing last year changes this year: fixing 2019 carry-forward clears 2020, breaking it again brings it back', () => {
  const { index, files } = load('broken');
  const y2019 = uriOf(files, 'eco-2019.nianbao.yaml');
  const y2020 = uriOf(files, 'eco-2020.nianbao.yaml');
  const original = files.get(y2019) as string;
  assert.equal(index.crossDiagnostics(y2020).filter((d) => d.code === 'NB306').length, 2);
  // Make 2019 carry forward what 2020 says it carried over (and keep 2019 balanced: one fewer handled).
  const fixed = original
    .replace('  结转下年度继续办理: [1, 2, 0, 1, 0, 1, 5]', '  结转下年度继续办理: [2, 2, 0, 1, 0, 1, 6]')
    .replace(
      /  其他处理: \[(\d+), (.*), (\d+)\]/,
      (_m, a: string, mid: string, t: string) => `  其他处理: [${Number(a) - 1}, ${mid}, ${Number(t) - 1}]`,
    )
    .replace(
      /    总计: \[(\d+), (.*), (\d+)\]/,
      (_m, a: string, mid: string, t: string) => `    总计: [${Number(a) - 1}, ${mid}, ${Number(t) - 1}]`,
    );
  assert.notEqual(fixed, original);
  const update = index.set(y2019, fixed);
  assert.deepEqual([...update.rechecked].sort(), [y2019, y2020].sort());
  assert.ok(update.changed.includes(y2020));
  assert.deepEqual(
    index.crossDiagnostics(y2020).filter((d) => d.code === 'NB306'),
    [],
  );
  index.set(y2019, original);
  assert.equal(index.crossDiagnostics(y2020).filter((d) => d.code === 'NB306').length, 2);
});

test('deleting and renaming last year update this year', () => {
  const { index, files } = load('broken');
  const y2019 = uriOf(files, 'eco-2019.nianbao.yaml');
  const y2020 = uriOf(files, 'eco-2020.nianbao.yaml');
  const renamed = y2019.replace('eco-2019', '2019年报');
  const r = index.rename(y2019, renamed);
  assert.ok(r.changed.includes(y2020));
  const d = index.crossDiagnostics(y2020).find((x) => x.code === 'NB306') as Diagnostic;
  assert.ok(d.message.zh.includes('2019年报.nianbao.yaml'), d.message.zh);
  assert.equal(d.related?.[0].uri, renamed);
  const del = index.delete(renamed);
  assert.ok(del.changed.includes(y2020));
  assert.deepEqual(index.crossDiagnostics(y2020), []);
  assert.equal(index.diagnostics(renamed).length, 0);
});

test('changing the agency name moves a report out of one series and into another', () => {
  const { index, files } = load('broken');
  const y2020 = uriOf(files, 'eco-2020.nianbao.yaml');
  const y2021 = uriOf(files, 'eco-2021.nianbao.yaml');
  const text = files.get(y2020) as string;
  const moved = text.replace('机关: 示范市临江区生态环境局(本级)', '机关: 示范市临江区水利局');
  const update = index.set(y2020, moved);
  // Its own findings, and next year's under the old name, were re-checked; nothing else.
  assert.deepEqual([...update.rechecked].sort(), [y2020, y2021].sort());
  assert.deepEqual(index.crossDiagnostics(y2020), []);
  assert.deepEqual(index.crossDiagnostics(y2021), []);
});

test('edits re-check only the reports they can affect', () => {
  const index = new ReportIndex();
  const { files } = load('consistent');
  // Many other agencies around the series, with the same years.
  for (let a = 0; a < 40; a++) {
    for (const [uri, text] of files)
      index.set(`mem:/agency${a}/${displayName(uri)}`, text.replace(/^机关: .*$/m, `机关: 其他机关${a}`));
  }
  for (const [uri, text] of files) index.set(uri, text);
  const y2021 = uriOf(files, 'eco-2021.nianbao.yaml');
  const y2022 = uriOf(files, 'eco-2022.nianbao.yaml');
  const text = files.get(y2021) as string;
  const before = index.recheckCount;

  // A figure that carries over: this report and next year's.
  const edited = text.replace(
    '  结转下年度继续办理: [2, 1, 0, 2, 0, 1, 6]',
    '  结转下年度继续办理: [2, 1, 0, 2, 0, 1, 7]',
  );
  const u1 = index.set(y2021, edited);
  assert.deepEqual([...u1.rechecked].sort(), [y2021, y2022].sort());
  assert.equal(index.recheckCount - before, 2);
  assert.deepEqual(
    index.crossDiagnostics(y2022).map((d) => d.code),
    ['NB306'],
  );

  // Text after the tables: no cross-relevant fact moved, nothing is re-checked.
  const u2 = index.set(y2021, edited.replace('本机关无其他需要报告的事项。', '本机关无其他需要报告的事项，特此报告。'));
  assert.deepEqual(u2.rechecked, []);
  assert.deepEqual(u2.changed, [y2021]);

  // The same text again: nothing at all.
  const u3 = index.set(y2021, edited.replace('本机关无其他需要报告的事项。', '本机关无其他需要报告的事项，特此报告。'));
  assert.deepEqual(u3, { rechecked: [], changed: [] });
  assert.equal(index.recheckCount - before, 2);
});

test('agency names are compared without whitespace and width differences', () => {
  assert.equal(agencyKey('示范市 临江区（本级）'), agencyKey('示范市临江区(本级)'));
  assert.equal(agencyKey('ＡＢ局\u3000'), agencyKey('AB局'));
  assert.notEqual(agencyKey('示范市临江区人民政府'), agencyKey('示范市临江区人民政府办公室'));
});

test('file names in messages are decoded from URIs', () => {
  assert.equal(displayName('file:///tmp/%E5%B9%B4%E6%8A%A5%202024.nianbao.yaml'), '年报 2024.nianbao.yaml');
  assert.equal(displayName('reports/a.nianbao.yaml'), 'a.nianbao.yaml');
  assert.equal(displayName('C:\\reports\\b.nianbao.yaml'), 'b.nianbao.yaml');
});
