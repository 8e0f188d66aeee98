/**
 * `analyze(text)`: the whole single-document analysis, parsed once and shared by every feature (diagnostics,
 * completion, hover, inlay hints, preview). Never throws.
 */
import type { AnalysisMemo } from './analysisMemo';
import type { Diagnostic } from './diagnostics/diagnostic';
import { M } from './i18n/messages';
import { syntaxDiagnostics } from './diagnostics/syntaxDiagnostics';
import { bindReport } from './model/bindReport';
import type { BoundReport } from './model/bindReport';
import { RULES } from './rules/allRules';
import { schemaDiagnostics } from './schema/schemaDiagnostics';
import { DEFAULT_MAX_LENGTH, parse } from './syntax/parse';
import type { ParsedDocument } from './syntax/tree';
import { pathKey } from './template/templates';

export interface AnalyzeOptions {
  /** Documents longer than this (UTF-16 units) are refused with NB107 instead of being checked. */
  readonly maxLength?: number;
  /**
   * The memo of this document's earlier analyses (an editor keeps one per open document): the narrative's
   * statements are taken over where a section's text did not change. The findings are the same with or without.
   */
  readonly memo?: AnalysisMemo;
}

export interface Analysis {
  readonly doc: ParsedDocument;
  readonly report: BoundReport;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Paths a mixed-edition finding (NB312) already explains, with the key it would be renamed to: the schema's
 * "unknown" and "missing" findings there would only repeat it.
 */
function explainedPaths(diagnostics: readonly Diagnostic[]): Set<string> {
  const covered = new Set<string>();
  for (const d of diagnostics) {
    if (d.code !== 'NB312') continue;
    covered.add(pathKey(d.path));
    if (d.fix?.kind === 'renameKey') covered.add(pathKey([...d.path.slice(0, -1), d.fix.key]));
  }
  return covered;
}

/**
 * Around a syntax error the recovering parser has to guess where keys belong, so "missing" and "unknown" key
 * findings there are echoes of the one error: while the document has a syntax error, drop every missing-key
 * finding, and the unknown keys on an error's line or the line after it. Findings on values, keys elsewhere and
 * the invariants stay, so the rest of the document is still checked.
 */
function structureTrusted(doc: ParsedDocument): (d: Diagnostic) => boolean {
  const near: [number, number][] = [];
  const { text } = doc;
  for (const e of doc.errors) {
    if (e.kind !== 'syntax') continue;
    const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
    const lineEnd = text.indexOf('\n', e.start);
    const nextEnd = lineEnd < 0 ? text.length : text.indexOf('\n', lineEnd + 1);
    near.push([lineStart, nextEnd < 0 ? text.length : nextEnd]);
  }
  if (near.length === 0) return () => true;
  return (d) =>
    d.code !== 'NB202' && !(d.code === 'NB201' && near.some(([a, b]) => d.range.start >= a && d.range.start <= b));
}

/** Append without spreading: a generated file can have more findings than a call may take arguments. */
function append(to: Diagnostic[], from: readonly Diagnostic[]): void {
  for (const d of from) to.push(d);
}

/** More findings than anyone reads (or an editor shows smoothly) in one document. */
export const MAX_DIAGNOSTICS = 1000;

/** The first `MAX_DIAGNOSTICS` findings in document order, then one note (NB110) counting the rest. */
function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const rest = diagnostics.length - MAX_DIAGNOSTICS;
  const first = diagnostics[MAX_DIAGNOSTICS];
  const kept = diagnostics.slice(0, MAX_DIAGNOSTICS);
  kept.push({
    code: 'NB110',
    severity: 'information',
    message: M.tooManyProblems(rest, MAX_DIAGNOSTICS),
    range: first.range,
    path: first.path,
  });
  return kept;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const doc = parse(text, { maxLength });
  const report = bindReport(doc);
  const diagnostics: Diagnostic[] = syntaxDiagnostics(doc, maxLength);
  if (doc.root) {
    const context = { doc, report, memo: options.memo };
    const ruleDiagnostics: Diagnostic[] = [];
    for (const rule of RULES) {
      try {
        append(ruleDiagnostics, rule.check(context));
      } catch {
        // A rule that fails on an odd tree must not hide the others' findings.
      }
    }
    try {
      append(
        diagnostics,
        schemaDiagnostics(doc, report, explainedPaths(ruleDiagnostics)).filter(structureTrusted(doc)),
      );
    } catch {
      // Neither may the schema findings; the rules' findings still stand.
    }
    append(diagnostics, ruleDiagnostics);
  }
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  options.memo?.settle();
  return { doc, report, diagnostics: capped(diagnostics) };
}

/**
 * The analysis of a file too large to be read at all (past MAX_FILE_BYTES on disk): NB107 with its size in bytes,
 * nothing else; no text is needed.
 */
export function tooLargeAnalysis(bytes: number, maxLength = DEFAULT_MAX_LENGTH): Analysis {
  const doc: ParsedDocument = {
    text: '',
    root: null,
    parser: 'none',
    errors: [{ kind: 'tooLarge', start: 0, end: 0, detail: `bytes:${bytes}` }],
  };
  return { doc, report: bindReport(doc), diagnostics: syntaxDiagnostics(doc, maxLength) };
}
