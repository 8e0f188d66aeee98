/**
 * The narrative corpora (test/fixtures/narrative/): every marked figure is found with its quantity, every
 * mismatch warns at the number with the table's value, and nothing else ever warns.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../../core/src/index';
import type { Diagnostic } from '../../../core/src/index';
import { extractStatements, ownScope } from '../../../core/src/narrative/extractStatements';
import { toChineseNumeral } from '../../../core/src/narrative/numerals';
import {
  REFERENCE_ALTERNATIVES,
  REFERENCE_FILES,
  REFERENCE_VALUES,
  REFERENCE_YEAR,
  readCorpus,
  withOverview,
} from '../../support/narrativeCorpus';
import type { CorpusLine, Mark } from '../../support/narrativeCorpus';

const REFERENCES = {
  2019: readFileSync(REFERENCE_FILES[2019], 'utf8'),
  2021: readFileSync(REFERENCE_FILES[2021], 'utf8'),
};
/** The reference agencies' own scope (全区 of 临江区人民政府, 全乡 of 曹镇乡人民政府), as NB309 reads it. */
const SCOPE = {
  2019: ownScope(analyze(REFERENCES[2019]).report.agency),
  2021: ownScope(analyze(REFERENCES[2021]).report.agency),
};
const statements = readCorpus('statements.txt');
const silent = readCorpus('silent.txt');

/** 万元 per unit, for amounts. */
const WAN: Readonly<Record<string, number>> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

function unitAfter(text: string, mark: Mark): string {
  return /^\s*(万元|亿元|元|件|个|起|项|宗|份|部|例|次|篇|批)/.exec(text.slice(mark.end))?.[1] ?? '';
}

function numeric(raw: string): number {
  if (/\d/.test(raw)) return Number(raw.replace(/,/g, ''));
  return chineseValue(raw);
}

/** Chinese numerals of the corpus, read independently of the core's parser. */
function chineseValue(raw: string): number {
  const known: Record<string, number> = {
    零: 0,
    两: 2,
    四: 4,
    五: 5,
    六: 6,
    九: 9,
    十四: 14,
    四十六: 46,
    十七: 17,
    二十四: 24,
    九十五: 95,
    一百零一: 101,
    一百零二: 102,
  };
  const v = known[raw];
  if (v === undefined) throw new Error(`add ${raw} to the test's numeral table`);
  return v;
}

/** The value a claim should have, from the hand-written reference table. */
function expected(edition: 2019 | 2021, claim: readonly string[]): number {
  let sum = 0;
  for (const id of claim) {
    const v = REFERENCE_VALUES[edition][id];
    if (v === undefined) throw new Error(`no reference value for ${id} (${edition})`);
    sum += v;
  }
  return Math.round(sum * 1e6) / 1e6;
}

/** Whether a stated figure agrees with the table (amounts within half a unit of the last digit stated). */
function agrees(stated: number, unit: string, table: number, raw: string): boolean {
  const factor = WAN[unit];
  if (factor === undefined) return stated === table;
  const places = (raw.split('.')[1] ?? '').length;
  return Math.abs(stated * factor - table) <= 0.5 * 10 ** -places * factor + 1e-9;
}

/** The reference value of a mark when all its claims agree on one; undefined otherwise. */
function single(line: CorpusLine, mark: Mark): number | undefined {
  const values = mark.claims.map((c) => expected(line.edition, c));
  return values.every((v) => v === values[0]) ? values[0] : undefined;
}

function render(line: CorpusLine, mark: Mark, table: number): string {
  const unit = unitAfter(line.text, mark);
  const inUnit = Math.round((table / (WAN[unit] ?? 1)) * 1e6) / 1e6;
  if (!/\d/.test(mark.raw)) return toChineseNumeral(inUnit);
  return mark.raw.includes(',') ? inUnit.toLocaleString('en-US') : String(inUnit);
}

/** The sentence with some marks replaced; returns the text and each mark's new span. */
function substitute(
  line: CorpusLine,
  values: ReadonlyMap<Mark, string>,
): { text: string; spans: Map<Mark, [number, number]> } {
  let text = '';
  let at = 0;
  const spans = new Map<Mark, [number, number]>();
  for (const mark of line.marks) {
    text += line.text.slice(at, mark.start);
    const written = values.get(mark) ?? mark.raw;
    spans.set(mark, [text.length, text.length + written.length]);
    text += written;
    at = mark.end;
  }
  return { text: text + line.text.slice(at), spans };
}

function nb309(line: CorpusLine, sentence: string): { diagnostics: Diagnostic[]; offset: number } {
  const { text, offset } = withOverview(REFERENCES[line.edition], sentence);
  const diagnostics = analyze(text).diagnostics;
  // The reference reports are clean; the sentence may only add narrative findings.
  const others = diagnostics.filter((d) => d.code !== 'NB309');
  assert.deepEqual(
    others.map((d) => `${d.code} ${d.message.zh}`),
    [],
    'the reference report with this sentence has other findings',
  );
  return { diagnostics: diagnostics.filter((d) => d.code === 'NB309'), offset };
}

function spansOf(diagnostics: readonly Diagnostic[], offset: number): string[] {
  return diagnostics.map((d) => `${d.range.start - offset}-${d.range.end - offset}`).sort();
}

for (const line of statements) {
  const label = `statements.txt:${line.line} ${line.text}`;

  test(`extracts the marked figures: ${label}`, () => {
    const got = extractStatements(line.text, { year: REFERENCE_YEAR[line.edition], scope: SCOPE[line.edition] }).map(
      (s) => `${s.start}-${s.end} ${s.claims.map((c) => c.terms.join('+')).join(';')}`,
    );
    const want = line.marks.map((m) => `${m.start}-${m.end} ${m.claims.map((c) => c.join('+')).join(';')}`);
    assert.deepEqual(got, want);
  });

  test(`warns exactly where the text contradicts the table: ${label}`, () => {
    const wrong = line.marks.filter((m) =>
      m.claims.some((c) => {
        const readings = [
          expected(line.edition, c),
          ...(c.length === 1 ? (REFERENCE_ALTERNATIVES[line.edition][c[0]] ?? []) : []),
        ];
        return !readings.some((table) => agrees(numeric(m.raw), unitAfter(line.text, m), table, m.raw));
      }),
    );
    const { diagnostics, offset } = nb309(line, line.text);
    assert.deepEqual(spansOf(diagnostics, offset), wrong.map((m) => `${m.start}-${m.end}`).sort());
    for (const d of diagnostics) {
      const mark = wrong.find((m) => m.start === d.range.start - offset) as Mark;
      for (const claim of mark.claims) {
        const table = expected(line.edition, claim);
        if (!agrees(numeric(mark.raw), unitAfter(line.text, mark), table, mark.raw)) {
          assert.ok(d.message.zh.includes(`表格为 ${table}`), d.message.zh);
        }
      }
      assert.equal(d.severity, 'warning');
    }
  });

  test(`each figure, set right then wrong: ${label}`, () => {
    const fixed = new Map<Mark, string>();
    for (const mark of line.marks) {
      const table = single(line, mark);
      if (table !== undefined) fixed.set(mark, render(line, mark, table));
    }
    const stuck = line.marks.filter((m) => !fixed.has(m));
    const base = substitute(line, fixed);
    const clean = nb309(line, base.text);
    assert.deepEqual(
      spansOf(clean.diagnostics, clean.offset),
      stuck.map((m) => (base.spans.get(m) as [number, number]).join('-')).sort(),
      'with every figure set to the table value only contradictory marks warn',
    );
    for (const mark of fixed.keys()) {
      const table = single(line, mark) as number;
      const unit = unitAfter(line.text, mark);
      const wrongValue = table + 1 / (WAN[unit] ?? 1);
      const mutated = substitute(line, new Map([...fixed, [mark, render(line, mark, wrongValue)]]));
      const { diagnostics, offset } = nb309(line, mutated.text);
      const [start, end] = mutated.spans.get(mark) as [number, number];
      const expectedSpans = [
        ...stuck.map((m) => (mutated.spans.get(m) as [number, number]).join('-')),
        `${start}-${end}`,
      ].sort();
      assert.deepEqual(
        spansOf(diagnostics, offset),
        expectedSpans,
        `${mark.raw} set to ${render(line, mark, wrongValue)}`,
      );
      const at = diagnostics.find((d) => d.range.start - offset === start) as Diagnostic;
      assert.ok(at.message.zh.includes(`写作 ${render(line, mark, wrongValue)}`), at.message.zh);
      assert.ok(at.message.zh.includes(`表格为 ${table}`), at.message.zh);
      if (mark.claims.length === 1) {
        assert.equal(at.fix?.kind, 'replaceText');
        if (at.fix?.kind === 'replaceText') {
          assert.deepEqual(at.fix.range, at.range);
          assert.equal(at.fix.text, render(line, mark, table).replace(/,/g, ''));
        }
      }
    }
  });
}

for (const line of silent) {
  test(`stays silent: silent.txt:${line.line} ${line.text}`, () => {
    assert.deepEqual(
      extractStatements(line.text, { year: REFERENCE_YEAR[line.edition], scope: SCOPE[line.edition] }),
      [],
    );
    for (const edition of [2019, 2021] as const) {
      const { diagnostics } = nb309({ ...line, edition }, line.text);
      assert.deepEqual(
        diagnostics.map((d) => d.message.zh),
        [],
      );
    }
  });
}

test('the corpora are not trivially small', () => {
  assert.ok(statements.length >= 90, `statements: ${statements.length}`);
  assert.ok(statements.reduce((n, l) => n + l.marks.length, 0) >= 150);
  assert.ok(silent.length >= 120, `silent: ${silent.length}`);
});
