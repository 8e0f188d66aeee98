/** A diagnostic's `FixData` as minimal text edits: only the node at fault changes, comments and layout stay. */
import type { Analysis } from '../analyze';
import type { FixData } from '../diagnostics/diagnostic';
import { yamlString } from '../format/writeReport';
import { fmt } from '../i18n/messages';
import { locate } from '../syntax/navigate';
import type { ParsedDocument } from '../syntax/tree';
import type { Range } from '../diagnostics/diagnostic';
import { cellRange } from '../model/cellRange';
import { expectedValue, sumRelations } from '../rules/sumRelations';
import { valueChangeAllowed } from '../rules/sumVerdict';
import type { BoundReport } from '../model/bindReport';
import { commentOutRange } from './commentOut';
import { dropTagEdits } from './dropTag';
import { expandAliasEdits } from './expandAlias';
import { fillBlanksEdits } from './fillBlanks';
import { fillTableEdits } from './fillTable';
import { insertMissingEdits } from './insertMissing';
import { repairSyntaxEdits } from './repairSyntax';
import { sumRowsEdits } from './sumRows';
import type { TextEdit } from './textEdit';

/** A value's range widened to its tag (`!!str 5`), so that the new value replaces both. */
function withTag(doc: ParsedDocument, range: Range): Range {
  const node = locate(doc.root, range.start).node;
  if (node && node.start === range.start && node.end === range.end && node.tagRange)
    return { start: Math.min(node.tagRange[0], range.start), end: range.end };
  return range;
}

/** The edit that writes `value` over the cell at `range` (its tag too), or into an empty value. */
export function valueEdit(doc: ParsedDocument, range: Range, value: number): TextEdit[] {
  if (range.start === range.end) return [{ start: range.start, end: range.end, newText: ` ${fmt(value)}` }];
  const at = withTag(doc, range);
  return [{ start: at.start, end: at.end, newText: fmt(value) }];
}

/**
 * A total that two sums claim with different values (四·总计: the printed balance and its row): setting it to
 * either would only move the error, so neither is offered — the mistake is in a part.
 */
export function disputedTotal(report: BoundReport, range: Range): boolean {
  const claims = new Set<number>();
  for (const relation of sumRelations(report)) {
    const r = cellRange(relation.row, relation.cell);
    if (r.start !== range.start || r.end !== range.end) continue;
    const expected = expectedValue(relation);
    if (expected !== undefined) claims.add(expected);
  }
  return claims.size > 1;
}

/**
 * The edits of one fix, or undefined when it cannot be applied to this text: a flow mapping, missing keys in a
 * document with syntax errors (its recovered tree is no safe guide to where lines go), a disputed total, lines
 * that something else shares, a repair after which the text would not read as it should.
 */
export function fixEdits(analysis: Pick<Analysis, 'doc' | 'report'>, fix: FixData): TextEdit[] | undefined {
  try {
    return editsOf(analysis, fix);
  } catch {
    // A fix that cannot be worked out on an odd text is not offered; it must not take the request down.
    return undefined;
  }
}

function editsOf(analysis: Pick<Analysis, 'doc' | 'report'>, fix: FixData): TextEdit[] | undefined {
  switch (fix.kind) {
    case 'setValue': {
      if (disputedTotal(analysis.report, fix.range)) return undefined;
      // A value fix never makes the arithmetic worse (the rules already hold back their own; this covers the rest).
      if (!valueChangeAllowed(analysis.report, fix.range, fix.value)) return undefined;
      return valueEdit(analysis.doc, fix.range, fix.value);
    }
    case 'renameKey':
      return [{ start: fix.range.start, end: fix.range.end, newText: yamlString(fix.key) }];
    case 'replaceText':
      return [{ start: fix.range.start, end: fix.range.end, newText: fix.text }];
    case 'insertMissing':
      if (analysis.doc.errors.some((e) => e.kind === 'syntax')) return undefined;
      return insertMissingEdits(analysis.doc, analysis.report.edition, fix.path, fix.ids, fix.agencyType);
    case 'commentOut':
      return commentOutRange(analysis.doc.text, fix.range);
    case 'repairSyntax':
      return repairSyntaxEdits(analysis.doc.text, fix.repair, fix.at);
    case 'dropTag':
      return dropTagEdits(analysis.doc.text, fix.range, fix.path);
    case 'expandAlias':
      return expandAliasEdits(analysis.doc, fix.range, fix.name);
    case 'sumRows':
      if (analysis.doc.errors.some((e) => e.kind === 'syntax')) return undefined;
      return sumRowsEdits(analysis.doc, fix.path);
    case 'fillBlanks':
      return fillBlanksEdits(analysis, fix.table);
    case 'fillTable':
      if (analysis.doc.errors.some((e) => e.kind === 'syntax')) return undefined;
      return fillTableEdits(analysis.doc, analysis.report.edition, fix.range, fix.path);
  }
}
