/**
 * Diagnostics: published right away when a document opens, then debounced after changes, always for the
 * document's current version (the analysis is synchronous, so nothing newer can arrive in between), and cleared
 * when it closes. Each publication is followed by a status notification for the status bar.
 */
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Connection, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { localize } from '../../../core/src/index';
import type { Diagnostic, Lang } from '../../../core/src/index';
import type { DocumentState, DocumentStore } from '../documentStore';
import { toRange } from '../positions';
import type { PositionSource } from '../positions';
import { StatusNotification } from '../../../protocol/src/protocol';
import type { StatusParams } from '../../../protocol/src/protocol';
import type { Settings } from '../settings';
import type { FailureLog } from '../guard';

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

/** The status bar's view of a document; `diagnostics`: everything published for it (cross findings included). */
export function statusOf(
  state: DocumentState,
  diagnostics: readonly Diagnostic[] = state.analysis.diagnostics,
): StatusParams {
  const { report } = state.analysis;
  const count = (s: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
  return {
    uri: state.uri,
    version: state.version,
    edition: report.edition,
    editionSource: report.editionSource,
    ...(report.year !== undefined ? { year: report.year } : {}),
    ...(report.agency !== undefined ? { agency: report.agency } : {}),
    errors: count('error'),
    warnings: count('warning'),
    information: count('information'),
  };
}

/** The workspace index as the publisher needs it: an open document's cross findings, other documents' lines. */
export interface CrossFindings {
  /** Puts the document's current version in the index; returns its own and its cross diagnostics. */
  syncOpen(state: DocumentState): readonly Diagnostic[];
  readonly resolve: RelatedResolver;
}

/** A pending publication: a timer, or for a delay of 0 an immediate (a 0 ms timer waits at least 1 ms in Node). */
type Pending = { readonly timer: NodeJS.Timeout } | { readonly immediate: NodeJS.Immediate };

function cancel(pending: Pending | undefined): void {
  if (!pending) return;
  if ('timer' in pending) clearTimeout(pending.timer);
  else clearImmediate(pending.immediate);
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, Pending>();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly settings: Settings,
    private readonly workspace?: CrossFindings,
    private readonly log: FailureLog = { error: () => undefined },
  ) {}

  schedule(uri: string): void {
    cancel(this.timers.get(uri));
    const delay = this.settings.diagnosticsDelayMs;
    // A timer has no request to answer: a failure is logged (an exception here would end the process).
    const run = (): void => {
      try {
        this.publish(uri);
      } catch (error) {
        this.log.error(`nianbao-language-server: publishing diagnostics of ${uri} failed.
${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    };
    // With no delay, publish once the changes already read are processed (they still coalesce), not a tick later.
    this.timers.set(uri, delay === 0 ? { immediate: setImmediate(run) } : { timer: setTimeout(run, delay) });
  }

  publish(uri: string): void {
    cancel(this.timers.get(uri));
    this.timers.delete(uri);
    const state = this.store.get(uri);
    if (!state) return;
    const lang = this.settings.lang;
    const all = this.workspace ? this.workspace.syncOpen(state) : state.analysis.diagnostics;
    const diagnostics = all.map((d) => toLspDiagnostic(d, uri, state.lines, lang, this.workspace?.resolve));
    void this.connection.sendDiagnostics({ uri, version: state.version, diagnostics });
    void this.connection.sendNotification(StatusNotification.type, statusOf(state, all));
  }

  clear(uri: string): void {
    cancel(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  republishAll(): void {
    for (const document of this.store.documents.all()) this.publish(document.uri);
  }

  dispose(): void {
    for (const pending of this.timers.values()) cancel(pending);
    this.timers.clear();
  }
}
