/**
 * Every conversion between the core and LSP: offsets ↔ positions (both UTF-16, through the core's `LineIndex` or
 * a file's compact line starts), and the core's diagnostics with their related locations, in the user's language.
 * Offsets live inside the core; positions exist only here and at the CLI's edge.
 */
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type {
  DiagnosticRelatedInformation,
  Diagnostic as LspDiagnostic,
  Position,
  Range,
} from 'vscode-languageserver/node';
import { localize } from '../../core/src/index';
import type { Diagnostic, Lang, LineIndex, Range as OffsetRange } from '../../core/src/index';

/** What turns offsets into positions: a document's `LineIndex`, or the compact line starts of a file on disk. */
export interface PositionSource {
  positionAt(offset: number): Position;
}

export function toPosition(lines: PositionSource, offset: number): Position {
  return lines.positionAt(offset);
}

export function toRange(lines: PositionSource, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export function toOffsetRange(lines: LineIndex, range: Range): OffsetRange {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

const SEVERITY: Readonly<Record<Diagnostic['severity'], DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** Another document's URI as the editor spells it and its line starts (cross-report related locations). */
export type RelatedResolver = (uri: string) => { readonly uri: string; readonly lines: PositionSource } | undefined;

export function toLspDiagnostic(
  d: Diagnostic,
  uri: string,
  lines: PositionSource,
  lang: Lang,
  resolve?: RelatedResolver,
): LspDiagnostic {
  // Related places in other documents (cross-year checks, duplicates) carry offsets into those documents; they
  // are converted with the line starts of that document's indexed text, and left out when it is not known.
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of d.related ?? []) {
    const other = r.uri === undefined ? { uri, lines } : resolve?.(r.uri);
    if (other)
      related.push({
        location: { uri: other.uri, range: toRange(other.lines, r.range) },
        message: localize(r.message, lang),
      });
  }
  return {
    range: toRange(lines, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'nianbao',
    message: localize(d.message, lang),
    ...(related.length ? { relatedInformation: related } : {}),
  };
}
