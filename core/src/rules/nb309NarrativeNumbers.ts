/** Invariant 9: figures stated in the narrative (收到申请…件, 予以公开…件, 行政复议…件, 现行有效…件) equal the tables. */
import type { Diagnostic, RelatedInformation } from '../diagnostics/diagnostic';
import { M, arithmetic, fmt } from '../i18n/messages';
import type { BoundReport } from '../model/bindReport';
import { extractStatements } from '../narrative/extractStatements';
import type { Statement } from '../narrative/extractStatements';
import { toChineseNumeral } from '../narrative/numerals';
import { isAmountQuantity, quantityValue } from '../narrative/quantities';
import type { QuantityTerm, QuantityValue } from '../narrative/quantities';
import { scalarOffsets, sourceRange } from '../narrative/scalarOffsets';
import { displayLabel } from '../template/templates';
import type { Localized } from '../template/types';
import { relatedCell } from '../model/cellRange';
import { cellName } from '../model/names';
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

function howComputed(terms: readonly QuantityTerm[]): string {
  if (terms.length === 1) return cellName(terms[0].row, terms[0].cell);
  const sum = arithmetic(terms.map((t) => ({ label: cellName(t.row, t.cell), value: t.cell.value ?? 0 })));
  return sum === '0' ? `${terms.map((t) => cellName(t.row, t.cell)).join(' + ')} 均为 0` : sum;
}

interface Failure {
  readonly label: Localized;
  readonly table: number;
  readonly amount: boolean;
  readonly terms: readonly QuantityTerm[];
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
    failures.push({
      label: { zh: known.map((v) => v.label.zh).join('与'), en: known.map((v) => v.label.en).join(' + ') },
      table,
      amount,
      terms: known.flatMap((v) => v.terms),
    });
  }
  return { failures, checked };
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
    for (const id of NARRATIVE_SECTIONS) {
      const bound = report.texts.get(id);
      const node = bound?.node;
      if (!bound || !node || node.kind !== 'scalar' || !bound.text) continue;
      const statements = memo
        ? memo.statements(bound.text, report.year)
        : extractStatements(bound.text, { year: report.year });
      if (statements.length === 0) continue;
      const placed = report.template.byId.get(id);
      const section = placed ? displayLabel(placed.node) : id;
      // Where each character of the text is in the document: only needed to place a finding.
      let offsets: Int32Array | undefined;
      for (const statement of statements) {
        const { failures } = evaluate(report, statement);
        if (failures.length === 0) continue;
        offsets ??= scalarOffsets(doc.text, node);
        const exact = sourceRange(doc.text, node, offsets, statement.start, statement.end);
        const range = exact ?? { start: node.start, end: node.end };
        const unit = statement.unit;
        const message =
          failures.length === 1 && statement.claims.length === 1
            ? M.narrativeMismatch(
                section,
                failures[0].label,
                statement.text,
                unit,
                fmt(failures[0].table),
                howComputed(failures[0].terms),
                howComputed(failures[0].terms),
              )
            : M.narrativeMismatchMany(
                section,
                statement.text,
                unit,
                failures.map((f) =>
                  M.narrativeClaim(f.label, fmt(f.table), howComputed(f.terms), howComputed(f.terms)),
                ),
              );
        const related: RelatedInformation[] = failures.flatMap((f) => f.terms.map((t) => relatedCell(t.row, t.cell)));
        const only = failures.length === 1 && statement.claims.length === 1 ? failures[0] : undefined;
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
