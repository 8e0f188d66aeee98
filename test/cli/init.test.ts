/** `nianbao init`: a complete skeleton whose tables balance, and that keeps the agency name exactly. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, templateIndex } from '../../core/src/index';
import { runCli } from '../support/cliRun';

for (const [edition, year] of [
  [2019, 2020],
  [2021, 2024],
] as const) {
  test(`init --edition ${edition}: every row of the template, zeros, no errors`, async () => {
    const r = await runCli([
      'init',
      '--edition',
      String(edition),
      '--year',
      String(year),
      '--agency',
      '某县某乡人民政府',
    ]);
    assert.deepEqual([r.code, r.stderr], [0, '']);
    const { report, diagnostics } = analyze(r.stdout);
    // The tables balance; the one finding is the empty 五 still to be written (NB311, a warning).
    assert.deepEqual(
      diagnostics.map((d) => `${d.code} ${d.severity}`),
      ['NB311 warning'],
    );
    assert.equal(report.edition, edition);
    assert.equal(report.year, year);
    assert.equal(report.agency, '某县某乡人民政府');
    const rows = templateIndex(edition).rows;
    assert.equal(report.rows.size, rows.length);
    for (const row of report.rows.values()) assert.ok(row.cells.every((c) => c.value === 0));

    // And the CLI agrees when the skeleton is piped back in.
    const checked = await runCli(['check', '-'], r.stdout);
    assert.equal(checked.code, 0);
    assert.match(checked.stdout, /0 个错误，1 个警告（1 个文件）\n$/);
  });
}

test('init keeps an agency name that YAML would misread, quoted', async () => {
  const r = await runCli(['init', '--edition=2021', '--year=2022', '--agency=2022: 测试 #1']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^机关: "2022: 测试 #1"$/m);
  assert.equal(analyze(r.stdout).report.agency, '2022: 测试 #1');
});
