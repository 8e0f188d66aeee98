/**
 * Property tests of the checking core (fast-check, fixed seeds, bounded runs):
 * - random consistent reports of both editions, written by writeReport, check clean;
 * - changing any one cell gives an error at that cell (or naming it among the cells of a sum) whose message
 *   names the cell's row or column;
 * - writeReport keeps narrative text exactly.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, templateIndex, writeReport } from '../../core/src/index';
import type { Diagnostic, Edition, ReportData } from '../../core/src/index';
import { consistentReport } from '../support/reportArbitrary';

const SEED = 20241231;

function describeAll(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.message.zh}`);
}

type Mutation = 'shift' | 'negative' | 'fraction' | 'text' | 'quoted';

for (const edition of [2019, 2021] as const satisfies readonly Edition[]) {
  describe(`edition ${edition}`, () => {
    const index = templateIndex(edition);
    const rows = index.rows;

    test('random consistent reports check clean', () => {
      fc.assert(
        fc.property(consistentReport(edition), (data) => {
          const { diagnostics, doc } = analyze(writeReport(data));
          assert.equal(doc.parser, 'fast');
          assert.deepEqual(describeAll(diagnostics), []);
        }),
        { seed: SEED, numRuns: 60 },
      );
    });

    test('changing any one cell gives an error at that cell that names its row or column', () => {
      const mutation = fc.record({
        row: fc.nat({ max: rows.length - 1 }),
        column: fc.nat({ max: 6 }),
        kind: fc.constantFrom<Mutation>('shift', 'negative', 'fraction', 'text', 'quoted'),
        shift: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
      });
      fc.assert(
        fc.property(consistentReport(edition), mutation, (data: ReportData, m) => {
          const placed = rows[m.row];
          const columns = placed.node.columns;
          const column = columns[m.column % columns.length];
          const inSums = placed.node.id.startsWith('applications.') || placed.node.id.startsWith('appeals.');
          // Only changes that break a rule: a shifted count where sums run, a negative count or amount, a
          // fraction of a count, words, a number in quotes.
          const kind: Mutation =
            (m.kind === 'shift' && !inSums) ||
            (m.kind === 'negative' && column.kind === 'delta') ||
            (m.kind === 'fraction' && column.kind === 'amount')
              ? 'text'
              : m.kind;

          const text = writeReport(data);
          const clean = analyze(text);
          const cell = clean.report.rows.get(placed.node.id)?.cells[columns.indexOf(column)];
          assert.ok(cell?.node && typeof cell.value === 'number', `cell ${placed.node.id}/${column.id} not bound`);
          const v = cell.value;
          const replacement =
            kind === 'shift'
              ? String(v + m.shift)
              : kind === 'negative'
                ? String(-(v + 1))
                : kind === 'fraction'
                  ? String(v + 0.5)
                  : kind === 'text'
                    ? '很多'
                    : `"${v}"`;
          const start = cell.node.start;
          const mutated = text.slice(0, start) + replacement + text.slice(cell.node.end);

          const { diagnostics } = analyze(mutated);
          const errors = diagnostics.filter((d) => d.severity === 'error');
          const names = (d: Diagnostic): boolean =>
            d.message.zh.includes(placed.node.key) || d.message.zh.includes(column.name);
          const atCell = (d: Diagnostic): boolean =>
            d.range.start === start || (d.related ?? []).some((r) => r.range.start === start);
          assert.ok(
            errors.some((d) => names(d) && atCell(d)),
            `${kind} of ${placed.node.key}·${column.name} (${v} → ${replacement}) gave:\n${describeAll(diagnostics).join('\n') || '(nothing)'}`,
          );
        }),
        { seed: SEED, numRuns: 250 },
      );
    });
  });
}

test('writeReport keeps narrative text exactly (as YAML reads it back)', () => {
  const line = fc.string({
    unit: fc.constantFrom('a', ' ', '中', '文', '#', ':', '-', '"', "'", '|', '>', '\t', '（', '1'),
    maxLength: 12,
  });
  const narrative = fc.array(line, { maxLength: 5 }).map((lines) => lines.join('\n'));
  fc.assert(
    fc.property(narrative, fc.constantFrom('', '\n', '\n\n'), (body, tail) => {
      const wanted = body + tail;
      const text = writeReport({ edition: 2021, year: 2024, agency: '某机关', texts: { overview: wanted } });
      const { report, diagnostics } = analyze(text);
      assert.deepEqual(
        diagnostics.filter((d) => d.code.startsWith('NB1')).map((d) => d.message.zh),
        [],
        `writeReport wrote invalid YAML for ${JSON.stringify(wanted)}:\n${text.slice(0, 400)}`,
      );
      assert.equal(report.texts.get('overview')?.text ?? '', wanted, `narrative changed:\n${text.slice(0, 400)}`);
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test('writeReport keeps any agency name exactly (plain when safe, quoted otherwise)', () => {
  const unit = fc.constantFrom(
    'a',
    ' ',
    '中',
    '#',
    ':',
    '-',
    '"',
    "'",
    '|',
    '>',
    '\t',
    '[',
    '{',
    '&',
    '*',
    '!',
    '%',
    '@',
    '`',
    '1',
    '.',
    '~',
    ',',
    '?',
    '\\',
    '\n',
  );
  fc.assert(
    fc.property(fc.string({ unit, minLength: 1, maxLength: 10 }), (agency) => {
      const { report, diagnostics } = analyze(writeReport({ edition: 2021, year: 2024, agency }));
      assert.deepEqual(
        diagnostics.filter((d) => d.code.startsWith('NB1')).map((d) => d.message.zh),
        [],
      );
      assert.equal(report.agency, agency);
    }),
    { seed: SEED, numRuns: 300 },
  );
});
