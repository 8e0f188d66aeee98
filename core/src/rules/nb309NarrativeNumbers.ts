/** Invariant 9: figures stated in the narrative (收到申请…件, 予以公开…件, 行政复议…件, 现行有效…件) equal the tables. */
import type { Diagnostic, RelatedInformation } from '../diagnostics/diagnostic';
import { M, arithmetic, fmt } from '../i18n/messages';
import type { BoundReport } from '../model/bindReport';
import { extractOutcomes } from '../narrative/extractOutcomes';
import type { Outcome } from '../narrative/extractOutcomes';
import { extractStatements, ownScope } from '../narrative/extractStatements';
import type { Statement } from '../narrative/extractStatements';
import { toChineseNumeral } from '../narrative/numerals';
import { isAmountQuantity, quantityValue } from '../narrative/quantities';
import type { QuantityTerm, QuantityValue } from '../narrative/quantities';
import { scalarOffsets, sourceRange } from '../narrative/scalarOffsets';
import { displayLabel } from '../template/templates';
import type { Localized } from '../template/types';
import { relatedTerms } from '../model/cellRange';
import { cellName, rowTitle } from '../model/names';
import type { Rule } from './rule';

/** Narrative sections, in the order of the report. */
export const NARRATIVE_SECTIONS = ['overview', 'problems', 'other'] as const;

/** 万元 per unit of the stated amount. */
const TO_WAN: Readonly<Record<string, number>> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

function decimals(n: number): number {
  const s = fmt(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function round(n: number, places: number): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

/** Equal as stated: counts exactly, amounts to the precision of the less precise side. */
function agrees(statement: Statement, amount: boolean, table: number): boolean {
  if (!amount) return statement.value === table;
  const factor = TO_WAN[statement.unit] ?? 1;
  const stated = statement.value * factor;
  const statedPlaces = Math.max(0, decimals(statement.value) + Math.round(-Math.log10(factor)));
  const places = Math.min(statedPlaces, decimals(table));
  return round(stated, places) === round(table, places);
}

/** The table value written the way the statement wrote its number. */
function restated(statement: Statement, amount: boolean, table: number): string {
  if (amount) return fmt(table / (TO_WAN[statement.unit] ?? 1));
  return statement.chinese && Number.isInteger(table) && table >= 0 ? toChineseNumeral(table) : fmt(table);
}

/** Every cell the table's value would come from is blank: the message says so and states no value. */
function allBlank(f: Failure): boolean {
  return f.terms.length > 0 && f.terms.every((t) => t.cell.value === null);
}

/** The blank cells named: a row left blank as a whole is named once, as the row. */
function blankCells(f: Failure): { cells: Localized; many: boolean } {
  const wholeRow = (t: QuantityTerm): boolean => t.row.cells.length > 1 && t.row.cells.every((c) => c.value === null);
  const names = f.terms.map((t): Localized => {
    if (wholeRow(t)) return M.narrativeWholeRow(rowTitle(t.row.placed));
    const name = cellName(t.row, t.cell);
    return { zh: name, en: name };
  });
  return {
    cells: { zh: names.map((n) => n.zh).join(' + '), en: names.map((n) => n.en).join(' + ') },
    many: names.length > 1 || f.terms.some(wholeRow),
  };
}

/** One failed claim among several, in both languages. */
function claimPart(f: Failure): Localized {
  if (allBlank(f)) {
    const blank = blankCells(f);
    return M.narrativeClaimBlank(f.label, blank.cells, blank.many);
  }
  const how = howComputed(f.terms, f.blankTotals);
  return M.narrativeClaim(f.label, fmt(f.table), how.zh, how.en);
}

/** The message of a statement with one claim that failed: its cells all blank, or the value they make. */
function singleMessage(section: string, statement: Statement, f: Failure): Localized {
  if (allBlank(f)) {
    const blank = blankCells(f);
    return M.narrativeMismatchBlank(section, f.label, statement.text, statement.unit, blank.cells, blank.many);
  }
  const how = howComputed(f.terms, f.blankTotals);
  return M.narrativeMismatch(section, f.label, statement.text, statement.unit, fmt(f.table), how.zh, how.en);
}

/**
 * How the table's value is made, in both languages: the cell, or the sum of the cells (zero terms left out). A
 * blank is never called 0: cells that are all blank get their own message (`allBlank`), and a 总计 left blank says
 * its row's cells were added instead.
 */
function howComputed(terms: readonly QuantityTerm[], blankTotals: readonly QuantityTerm[]): Localized {
  let how: Localized;
  if (terms.length === 1) {
    const name = cellName(terms[0].row, terms[0].cell);
    how = { zh: name, en: name };
  } else {
    const sum = arithmetic(terms.map((t) => ({ label: cellName(t.row, t.cell), value: t.cell.value ?? 0 })));
    how =
      sum !== '0' ? { zh: sum, en: sum } : M.narrativeAllZero(terms.map((t) => cellName(t.row, t.cell)).join(' + '));
  }
  if (blankTotals.length === 0) return how;
  const note = M.narrativeBlankTotals(blankTotals.map((t) => cellName(t.row, t.cell)).join('、'));
  return { zh: `${how.zh}；${note.zh}`, en: `${how.en}; ${note.en}` };
}

interface Failure {
  readonly label: Localized;
  readonly table: number;
  readonly amount: boolean;
  readonly terms: readonly QuantityTerm[];
  readonly blankTotals: readonly QuantityTerm[];
}

function evaluate(report: BoundReport, statement: Statement): { failures: Failure[]; checked: number } {
  const failures: Failure[] = [];
  let checked = 0;
  for (const claim of statement.claims) {
    const values = claim.terms.map((id) => quantityValue(report, id));
    if (values.some((v) => v === undefined)) continue;
    const known = values as QuantityValue[];
    checked++;
    const amount = claim.terms.some(isAmountQuantity);
    const table = Math.round(known.reduce((s, v) => s + v.value, 0) * 1e6) / 1e6;
    const alternatives = known.length === 1 ? known[0].alternatives : [];
    if (agrees(statement, amount, table) || alternatives.some((a) => agrees(statement, amount, a))) continue;
    // 经清理，现行有效N件，本年制发M件: N + M is the stock too.
    if (claim.plusIssued !== undefined && !amount && statement.value + claim.plusIssued === table) continue;
    failures.push({
      label: { zh: known.map((v) => v.label.zh).join('与'), en: known.map((v) => v.label.en).join(' + ') },
      table,
      amount,
      terms: known.flatMap((v) => v.terms),
      blankTotals: known.flatMap((v) => v.blankTotals),
    });
  }
  return { failures, checked };
}

/** A cheap test before the outcome reader: most narratives state no outcome in words. */
const OUTCOME_WORDS = /维持|审结|结案|行政复议|行政诉讼/;

/** What the table says against an outcome stated in words; empty when it agrees (or cannot be read). */
function outcomeFailures(report: BoundReport, outcome: Outcome): Localized[] {
  const parts: Localized[] = [];
  for (const subject of outcome.subjects) {
    const total = quantityValue(report, subject);
    if (!total) continue;
    const how = (v: QuantityValue): Localized => howComputed(v.terms, v.blankTotals);
    if (outcome.kind === 'none' && total.value !== 0) {
      const h = how(total);
      parts.push(M.narrativeClaim(total.label, fmt(total.value), h.zh, h.en));
    } else if (outcome.kind === 'allUpheld') {
      const upheld = quantityValue(report, `${subject}.upheld`);
      if (upheld && upheld.value !== total.value)
        parts.push(M.outcomeNotAllUpheld(total.label, upheld.value, total.value));
    } else if (outcome.kind === 'nonePending') {
      const pending = quantityValue(report, `${subject}.pending`);
      if (pending && pending.value !== 0) {
        const h = how(pending);
        parts.push(M.narrativeClaim(pending.label, fmt(pending.value), h.zh, h.en));
      }
    }
  }
  return parts;
}

export const nb309NarrativeNumbers: Rule = {
  code: 'NB309',
  title: {
    zh: '文字部分写明的数字（收到申请、予以公开、结转、行政复议、现行有效等）与表格一致',
    en: 'Figures stated in the narrative (requests, disclosures, carry-overs, reviews, documents in force, …) match the tables',
  },
  severity: 'warning',
  check({ doc, report, memo }) {
    const out: Diagnostic[] = [];
    // 全区收到申请N件 in a 区人民政府's own report is its own figure.
    const scope = ownScope(report.agency);
    for (const id of NARRATIVE_SECTIONS) {
      const bound = report.texts.get(id);
      const node = bound?.node;
      if (!bound || !node || node.kind !== 'scalar' || !bound.text) continue;
      const statements = memo
        ? memo.statements(bound.text, report.year, scope)
        : extractStatements(bound.text, scope ? { year: report.year, scope } : { year: report.year });
      const placed = report.template.byId.get(id);
      const section = placed ? displayLabel(placed.node) : id;
      // Where each character of the text is in the document: only needed to place a finding.
      let offsets: Int32Array | undefined;
      const path = [bound.pair.key.kind === 'scalar' ? bound.pair.key.text : id];
      // 未发生行政复议、行政诉讼, 均获维持, 均已审结: outcomes stated without a number.
      for (const outcome of OUTCOME_WORDS.test(bound.text) ? extractOutcomes(bound.text) : []) {
        const parts = outcomeFailures(report, outcome);
        if (parts.length === 0) continue;
        offsets ??= scalarOffsets(doc.text, node);
        const range = sourceRange(doc.text, node, offsets, outcome.start, outcome.end) ?? {
          start: node.start,
          end: node.end,
        };
        out.push({
          code: 'NB309',
          severity: 'warning',
          message: M.narrativeOutcome(section, outcome.text, parts),
          range,
          path,
        });
      }
      if (statements.length === 0) continue;
      for (const statement of statements) {
        const { failures } = evaluate(report, statement);
        if (failures.length === 0) continue;
        offsets ??= scalarOffsets(doc.text, node);
        const exact = sourceRange(doc.text, node, offsets, statement.start, statement.end);
        const range = exact ?? { start: node.start, end: node.end };
        const one = failures.length === 1 && statement.claims.length === 1 ? failures[0] : undefined;
        const message = one
          ? singleMessage(section, statement, one)
          : M.narrativeMismatchMany(section, statement.text, statement.unit, failures.map(claimPart));
        const related: RelatedInformation[] = relatedTerms(
          failures.flatMap((f) => f.terms),
          { range, path: [bound.pair.key.kind === 'scalar' ? bound.pair.key.text : id] },
        );
        // A blank is not 0: no fix writes a figure the table does not hold.
        const only = one && !allBlank(one) ? one : undefined;
        out.push({
          code: 'NB309',
          severity: 'warning',
          message,
          range,
          path: [bound.pair.key.kind === 'scalar' ? bound.pair.key.text : id],
          related,
          ...(exact && only
            ? {
                fix: { kind: 'replaceText' as const, text: restated(statement, only.amount, only.table), range: exact },
              }
            : {}),
        });
      }
    }
    return out;
  },
};
