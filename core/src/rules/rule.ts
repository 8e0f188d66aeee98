/** One invariant rule per file: its code, the check, and nothing else. */
import type { AnalysisMemo } from '../analysisMemo';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic';
import type { BoundReport } from '../model/bindReport';
import type { ParsedDocument } from '../syntax/tree';

export interface RuleContext {
  readonly doc: ParsedDocument;
  readonly report: BoundReport;
  /** The document's memo, when the caller keeps one (see `AnalyzeOptions.memo`). */
  readonly memo?: AnalysisMemo;
}

export interface Rule {
  readonly code: string;
  /** What the rule checks, for the code table (`allCodes`, generated into the README). */
  readonly title: { readonly zh: string; readonly en: string };
  /** The severity of its findings; `error` when not given. */
  readonly severity?: Severity;
  /** Some findings are only information, where the rule cannot decide (`CodeInfo.alsoInformation`). */
  readonly alsoInformation?: boolean;
  check(context: RuleContext): Diagnostic[];
}
