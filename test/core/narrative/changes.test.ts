/**
 * 同比 statements (NB314): what `extractChanges` reads and leaves alone, and the corpora of real sentences in
 * test/fixtures/narrative/changes*.txt checked against pairs of reports whose tables make each change hold or fail.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ReportIndex, analyze, extractChanges, extractStatements } from '../../../core/src/index';
import type { Diagnostic } from '../../../core/src/index';
import { quantityValue } from '../../../core/src/narrative/quantities';
import { REFERENCE_FILES, withOverview } from '../../support/narrativeCorpus';
import { FIXTURES } from '../../support/paths';

describe('extractChanges: what a change is about', () => {
  const terms = (text: string, year = 2024): string[][] => extractChanges(text, { year }).map((c) => [...c.terms]);

  test('the figure stated right before it, through a chain of changes', () => {
    const found = extractChanges('全年共收到政府信息公开申请101件，较上年增加15件，同比增长17.4%。', { year: 2024 });
    assert.deepEqual(
      found.map((c) => [c.text, c.kind, c.direction, c.value, c.decimals, c.unit, c.terms.join('+'), c.stated?.value]),
      [
        ['15', 'count', 1, 15, 0, '件', 'received', 101],
        ['17.4', 'percent', 1, 17.4, 1, '%', 'received', 101],
      ],
    );
    assert.equal(found[0].phrase, '较上年增加15件');
  });

  test('a subject named in its own clause, without a figure', () => {
    assert.deepEqual(terms('收到政府信息公开申请数量较上年减少20件。'), [['received']]);
    assert.deepEqual(terms('行政复议案件同比下降20%。'), [['review']]);
  });

  test('申请数量 / 申请量 right after the requests received refers back to them; alone, or after another figure, it names nothing', () => {
    assert.deepEqual(terms('共受理政府信息公开申请859件，申请数量较去年回落12.3%。', 2019), [['received']]);
    assert.deepEqual(terms('全年收到政府信息公开申请101件，申请量同比增长12%。'), [['received']]);
    assert.deepEqual(terms('全年办结政府信息公开申请102件，申请量同比增长12%。'), []);
    assert.deepEqual(terms('申请数量同比下降12%。'), []);
  });

  test('a parenthesis closed in between does not take the figure’s place', () => {
    assert.deepEqual(terms('收到政府信息公开申请106件（含上年结转5件），同比增长6%。'), [['received', 'carriedOver']]);
  });

  test('percentage points of a share printed with its figure; 与上年持平', () => {
    const [points] = extractChanges('全年予以公开46件，占45.1%，同比下降3.5个百分点。', { year: 2024 });
    assert.deepEqual(
      [points.kind, points.direction, points.terms, points.share],
      ['points', -1, ['granted'], { value: 45.1, decimals: 1 }],
    );
    const [flat] = extractChanges('全年共收到政府信息公开申请101件，与上年持平。', { year: 2024 });
    assert.deepEqual([flat.kind, flat.text, flat.terms], ['flat', '持平', ['received']]);
  });

  test('silent: other years, other periods, estimates, unnamed or non-table subjects, shares without points', () => {
    for (const text of [
      '全年共收到政府信息公开申请101件，较2022年增长12%。',
      '上半年共收到政府信息公开申请51件，同比增长12%。',
      '全年共收到政府信息公开申请101件，同比增长约12%。',
      '全年共收到政府信息公开申请101件，同比大幅增长。',
      '申请量同比增长103%。',
      '全年主动公开政府信息6832条，同比增长15%。',
      '全年予以公开46件，占45.1%，同比增长12%。',
      '收到政府信息公开申请101件，主动公开信息同比增长20%。',
      '与上年基本持平。',
    ])
      assert.deepEqual(extractChanges(text, { year: 2024 }), [], text);
  });

  test('full-width digits are read, and offsets are those of the text as written', () => {
    const text = '全年共收到政府信息公开申请１０１件，同比增长１２．５%。';
    const [c] = extractChanges(text, { year: 2024 });
    assert.deepEqual([c.value, c.decimals, text.slice(c.start, c.end)], [12.5, 1, '１２．５']);
  });
});

// ---- the corpora ----

interface ChangeMark {
  readonly start: number;
  readonly end: number;
  readonly terms: readonly string[];
}

interface CorpusSentence {
  readonly line: number;
  readonly year: number;
  readonly text: string;
  readonly anchors: readonly ChangeMark[];
  readonly changes: readonly ChangeMark[];
}

const MARK = /\[\[([^|\]]+)\|([^\]]+)\]\]|<<([^|>]+)\|([^>]+)>>/g;

function readChanges(name: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  readFileSync(join(FIXTURES, 'narrative', name), 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim() || raw.startsWith('#')) return;
      const m = /^@(\d{4}) /.exec(raw);
      const year = m ? Number(m[1]) : 2024;
      const line = m ? raw.slice(m[0].length) : raw;
      let text = '';
      let at = 0;
      const anchors: ChangeMark[] = [];
      const changes: ChangeMark[] = [];
      for (const x of line.matchAll(MARK)) {
        text += line.slice(at, x.index);
        const raw = x[1] ?? x[3];
        const mark = { start: text.length, end: text.length + raw.length, terms: (x[2] ?? x[4]).split('+') };
        (x[1] !== undefined ? anchors : changes).push(mark);
        text += raw;
        at = (x.index ?? 0) + x[0].length;
      }
      text += line.slice(at);
      out.push({ line: i + 1, year, text, anchors, changes });
    });
  return out;
}

/**
 * Both years' reports are of one 机关: the reference reports of the two editions are of different agencies, and NB314
 * compares a report only with last year's report of its own 机关.
 */
const AGENCY = '示范市临江区人民政府';

/** A reference report of the edition of `year`, made that year's and the corpus agency's. */
function reportOf(year: number, sentence?: string): string {
  const edition = year <= 2020 ? 2019 : 2021;
  let text = readFileSync(REFERENCE_FILES[edition], 'utf8').replace(/^年度: .*$/m, `年度: ${year}`);
  text = text.replace(/^发布日期: .*$/m, '').replace(/^机关: .*$/m, `机关: ${AGENCY}`);
  return sentence === undefined ? text : withOverview(text, sentence).text;
}

/** The report with a quantity's cells set: the first to `value`, the others to 0. */
function withQuantity(text: string, terms: readonly string[], value: number): string {
  const report = analyze(text).report;
  const edits: { start: number; end: number; text: string }[] = [];
  let first = true;
  for (const id of terms) {
    const q = quantityValue(report, id);
    assert.ok(q, `quantity ${id}`);
    for (const t of q.terms) {
      const node = t.cell.node;
      assert.ok(node, `a cell of ${id}`);
      edits.push({ start: node.start, end: node.end, text: String(first ? value : 0) });
      first = false;
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function half(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-9;
}

/** Whether this year's x and last year's y make the change as written hold. */
function holds(text: string, change: ChangeMark, x: number, y: number, year: number): boolean {
  const [c] = extractChanges(text.slice(0), { year }).filter((s) => s.start === change.start);
  const signed = c.direction * c.value;
  if (c.kind === 'count') return x - y === signed;
  if (c.kind === 'flat') return x === y;
  if (c.kind === 'percent') return y > 0 && Math.abs(((x - y) / y) * 100 - signed) <= half(c.decimals);
  throw new Error(`the corpus test does not build tables for ${c.kind} changes`);
}

function crossFindings(current: string, previous: string): readonly Diagnostic[] {
  const index = new ReportIndex();
  index.set('file:///corpus/last.nianbao.yaml', previous);
  index.set('file:///corpus/this.nianbao.yaml', current);
  return index.crossDiagnostics('file:///corpus/this.nianbao.yaml');
}

function nb314(current: string, previous: string): Diagnostic[] {
  return crossFindings(current, previous).filter((d) => d.code === 'NB314');
}

/**
 * The pair is one agency's two consecutive years, compared with each other: last year's 结转下年度 set off from this
 * year's 上年结转 gives the carry-over finding (NB306). Without it a silent corpus would be silent for want of a pair.
 */
function assertPaired(current: string, previous: string): void {
  const carried = analyze(current).report.rows.get('applications.carriedOver')?.cells.at(-1)?.value;
  assert.equal(typeof carried, 'number');
  const off = withQuantity(previous, ['carriedForward'], Number(carried) + 7);
  assert.ok(
    crossFindings(current, off).some((d) => d.code === 'NB306'),
    'this year and last year are compared (same 机关, consecutive years)',
  );
}

describe('corpus: 同比 statements are read and checked against last year (changes.txt)', () => {
  for (const s of readChanges('changes.txt')) {
    test(`line ${s.line}: ${s.text.slice(0, 40)}…`, () => {
      // Read as written: exactly the marked changes, about the marked quantities.
      const found = extractChanges(s.text, { year: s.year });
      assert.deepEqual(
        found.map((c) => [c.start, c.end, c.terms.join('+')]),
        s.changes.map((c) => [c.start, c.end, c.terms.join('+')]),
      );
      // Tables that make every change hold: this year's figure as stated (when stated), last year's found.
      const terms = s.changes[0].terms;
      const stated = s.anchors.find((a) => a.terms.join('+') === terms.join('+'));
      const xs = stated ? [Number(s.text.slice(stated.start, stated.end))] : [100, 37, 250];
      let pair: [number, number] | undefined;
      for (const x of xs) {
        for (let y = 0; y <= 5000 && !pair; y++)
          if (s.changes.every((c) => holds(s.text, c, x, y, s.year))) pair = [x, y];
        if (pair) break;
      }
      assert.ok(pair, 'tables that make the changes hold');
      const [x, y] = pair;
      const current = withQuantity(reportOf(s.year, s.text), terms, x);
      assertPaired(current, reportOf(s.year - 1));
      assert.deepEqual(nb314(current, withQuantity(reportOf(s.year - 1), terms, y)), [], 'holds: silent');
      // Last year's tables off by a third: every change warns once, at its number.
      const wrong = Math.round(y * 1.35) + 3;
      const found2 = nb314(current, withQuantity(reportOf(s.year - 1), terms, wrong));
      const offset = current.indexOf(s.text);
      assert.deepEqual(
        found2.map((d) => current.slice(d.range.start, d.range.end)),
        s.changes.map((c) => s.text.slice(c.start, c.end)),
      );
      for (const [i, d] of found2.entries()) assert.equal(d.range.start, offset + s.changes[i].start);
    });
  }
});

describe('corpus: comparisons the check leaves alone (changes-silent.txt)', () => {
  for (const s of readChanges('changes-silent.txt')) {
    test(`line ${s.line}: ${s.text.slice(0, 40)}…`, () => {
      assert.deepEqual(extractChanges(s.text, { year: s.year }), []);
      // This year's tables give every figure the sentence states about them (so nothing but a 同比 reading could
      // warn); last year's report, of the same 机关, any value of those quantities and of 收到申请.
      let current = reportOf(s.year, s.text);
      const quantities = new Set(['received']);
      for (const st of extractStatements(s.text, { year: s.year }))
        if (st.claims.length === 1) {
          current = withQuantity(current, st.claims[0].terms, st.value);
          quantities.add(st.claims[0].terms.join('+'));
        }
      assertPaired(current, reportOf(s.year - 1));
      for (const q of quantities)
        for (const y of [0, 1, 57, 5000])
          assert.deepEqual(
            nb314(current, withQuantity(reportOf(s.year - 1), q.split('+'), y)),
            [],
            `last year's ${q} ${y}`,
          );
    });
  }
});
