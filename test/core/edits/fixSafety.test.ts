/**
 * A fix never makes a report worse (property tests, fast-check with fixed seeds): in random reports of both
 * editions with one to three cells of sections 三 and 四 changed or blanked, every quick fix the core offers —
 * each finding's own fix, a mistyped cell that settles a row and a column, "fix all totals" — applied alone leaves
 * strictly fewer errors (for a fix of an error) or fewer findings (for a fix of a warning), and no error that was
 * not there before.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  analyze,
  applyEdits,
  culpritCells,
  fixAllTotals,
  fixEdits,
  templateIndex,
  writeReport,
} from '../../../core/src/index';
import type { Analysis, Diagnostic, Edition, ReportData, TextEdit } from '../../../core/src/index';
import { FIXTURES } from '../../support/paths';
import { consistentReport } from '../../support/reportArbitrary';

const SEED = 20250214;

function errorKeys(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${JSON.stringify(d.path)}`);
}

interface Change {
  readonly row: number;
  readonly column: number;
  readonly blank: boolean;
  readonly shift: number;
}

interface Offered {
  readonly what: string;
  /** The finding it answers (undefined for "fix all totals"). */
  readonly severity: Diagnostic['severity'] | undefined;
  readonly edits: readonly TextEdit[];
}

/** Every fix the editor would offer on this analysis (as server/src/features/codeActions.ts builds them). */
function offered(analysis: Analysis): Offered[] {
  const out: Offered[] = [];
  for (const d of analysis.diagnostics) {
    for (const fix of d.fix ? [d.fix, ...(d.fixes ?? [])] : []) {
      const edits = fixEdits(analysis, fix);
      if (edits && edits.length > 0)
        out.push({ what: `${d.code} ${fix.kind} ${d.message.zh}`, severity: d.severity, edits });
    }
  }
  for (const c of culpritCells(analysis)) {
    const edits = fixEdits(analysis, { kind: 'setValue', value: c.value, range: c.range });
    if (edits && edits.length > 0)
      out.push({ what: `culprit ${c.name} ${c.from} → ${c.value}`, severity: 'error', edits });
  }
  const all = fixAllTotals(analysis.doc.text, analysis);
  if (all.length > 0) out.push({ what: 'fix all totals', severity: 'error', edits: all });
  return out;
}

/** Why applying `fix` made the report worse, or undefined when it did not. */
function worse(before: Analysis, fix: Offered): string | undefined {
  const after = analyze(applyEdits(before.doc.text, fix.edits)).diagnostics;
  const was = errorKeys(before.diagnostics);
  const now = errorKeys(after);
  const known = new Set(was);
  const added = now.filter((k) => !known.has(k));
  if (added.length > 0) return `${fix.what}: new error ${added.join(', ')}`;
  if (fix.severity === 'error' && now.length >= was.length) return `${fix.what}: ${was.length} → ${now.length} errors`;
  if (fix.severity !== 'error' && after.length >= before.diagnostics.length)
    return `${fix.what}: ${before.diagnostics.length} → ${after.length} findings`;
  return undefined;
}

for (const edition of [2019, 2021] as const satisfies readonly Edition[]) {
  describe(`edition ${edition}`, () => {
    const sumRows = templateIndex(edition).rows.filter(
      (r) => r.node.id.startsWith('applications.') || r.node.id.startsWith('appeals.'),
    );
    const change: fc.Arbitrary<Change> = fc.record({
      row: fc.nat({ max: sumRows.length - 1 }),
      column: fc.nat({ max: 6 }),
      blank: fc.boolean(),
      shift: fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
    });

    /** The report with each change made: a count shifted (never below 0) or the cell left blank. */
    function broken(data: ReportData, changes: readonly Change[]): ReportData {
      const rows: Record<string, (number | null)[]> = {};
      for (const [id, values] of Object.entries(data.rows ?? {})) rows[id] = [...values];
      for (const c of changes) {
        const row = sumRows[c.row].node;
        const values = rows[row.id];
        const i = c.column % values.length;
        const v = values[i] ?? 0;
        values[i] = c.blank ? null : Math.max(0, v + c.shift);
      }
      return { ...data, rows };
    }

    test('every offered quick fix, applied alone, leaves fewer problems and no new error', () => {
      let fixes = 0;
      fc.assert(
        fc.property(consistentReport(edition), fc.array(change, { minLength: 1, maxLength: 3 }), (data, changes) => {
          const analysis = analyze(writeReport(broken(data, changes)));
          for (const fix of offered(analysis)) {
            fixes++;
            const why = worse(analysis, fix);
            assert.equal(why, undefined);
          }
        }),
        { seed: SEED + edition, numRuns: 150 },
      );
      assert.ok(fixes > 100, `${fixes} fixes tried`);
    });
  });
}

test('a total that agrees with the flow identity is not changed, alone or by "fix all totals"', () => {
  for (const edition of ['2019', '2021']) {
    // 三's result rows no longer add up to （七）总计, which still agrees with 一 + 二 − 四.
    const text = readFileSync(join(FIXTURES, 'rules', 'nb302', `${edition}-result-total.fail.nianbao.yaml`), 'utf8');
    const analysis = analyze(text);
    const totals = analysis.diagnostics.filter((d) => d.code === 'NB302');
    assert.equal(totals.length, 2);
    for (const d of totals) {
      assert.equal(d.fix, undefined, d.message.zh);
      assert.match(d.message.zh, /与「勾稽关系 本年新收 \d+ \+ 上年结转 \d+ = （七）总计 \d+ \+ 结转下年度 \d+」相符/);
      assert.match(d.message.en, /agrees with the printed rule/);
    }
    assert.deepEqual(fixAllTotals(text, analysis), []);
  }
});
