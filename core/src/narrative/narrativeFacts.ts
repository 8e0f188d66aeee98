/**
 * What a report's facts keep of its narrative and tables for the checks between years and the trends: every
 * narrative quantity's value (next year's 同比 statements and the trend charts read them) and its own 同比
 * statements, placed in the document (`source`: the report's text; without it, on the whole narrative).
 */
import type { BoundReport } from '../model/bindReport';
import type { ChangeFact } from '../model/changeStatement';
import type { NarrativeFacts } from '../model/reportFacts';
import { displayLabel } from '../template/templates';
import { extractChanges } from './extractChanges';
import { QUANTITY_IDS, quantityValue } from './quantities';
import { scalarOffsets, sourceRange } from './scalarOffsets';

const NO_CHANGES: readonly ChangeFact[] = [];

function quantitiesOf(report: BoundReport): Float64Array {
  const out = new Float64Array(QUANTITY_IDS.length);
  QUANTITY_IDS.forEach((id, i) => {
    out[i] = quantityValue(report, id)?.value ?? Number.NaN;
  });
  return out;
}

function changesOf(report: BoundReport, source: string | undefined): readonly ChangeFact[] {
  let out: ChangeFact[] | undefined;
  for (const placed of report.template.nodes) {
    if (placed.node.kind !== 'text') continue;
    const id = placed.node.id;
    const bound = report.texts.get(id);
    const node = bound?.node;
    if (!bound || !node || node.kind !== 'scalar' || !bound.text) continue;
    const changes = extractChanges(bound.text, { year: report.year });
    if (changes.length === 0) continue;
    const section = displayLabel(placed.node);
    const path = [bound.pair.key.kind === 'scalar' ? bound.pair.key.text : id];
    const offsets = source !== undefined ? scalarOffsets(source, node) : undefined;
    for (const change of changes) {
      const exact =
        source !== undefined && offsets ? sourceRange(source, node, offsets, change.start, change.end) : undefined;
      (out ??= []).push({
        ...change,
        range: exact ?? { start: node.start, end: node.end },
        exact: exact !== undefined,
        section,
        path,
      });
    }
  }
  return out ?? NO_CHANGES;
}

export function narrativeFacts(report: BoundReport, source?: string): NarrativeFacts {
  return { quantityIds: QUANTITY_IDS, quantities: quantitiesOf(report), changes: changesOf(report, source) };
}
