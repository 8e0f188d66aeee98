/**
 * Diagnostics: published right away when a document opens, then debounced after changes, always for the
 * document's current version (the analysis is synchronous, so nothing newer can arrive in between), and cleared
 * when it closes. Each publication is followed by a status notification for the status bar.
 */
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Connection, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { localize } from '../../../core/src/index';
import type { Diagnostic, Lang, LineIndex } from '../../../core/src/index';
import type { DocumentState, DocumentStore } from '../documentStore';
import { toRange } from '../positions';
import { StatusNotification } from '../protocol';
import type { StatusParams } from '../protocol';
import type { Settings } from '../settings';

export const DEBOUNCE_MS = 150;

const SEVERITY: Readonly<Record<Diagnostic['severity'], DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: Diagnostic, uri: string, lines: LineIndex, lang: Lang): LspDiagnostic {
  // Related places in other documents (cross-year checks) carry offsets into those documents; they are
  // converted where those documents are known.
  const related: DiagnosticRelatedInformation[] = (d.related ?? [])
    .filter((r) => r.uri === undefined)
    .map((r) => ({ location: { uri, range: toRange(lines, r.range) }, message: localize(r.message, lang) }));
  return {
    range: toRange(lines, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'nianbao',
    message: localize(d.message, lang),
    ...(related.length ? { relatedInformation: related } : {}),
  };
}

export function statusOf(state: DocumentState): StatusParams {
  const { report, diagnostics } = state.analysis;
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

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly settings: Settings,
  ) {}

  schedule(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => this.publish(uri), DEBOUNCE_MS),
    );
  }

  publish(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    const state = this.store.get(uri);
    if (!state) return;
    const lang = this.settings.lang;
    const diagnostics = state.analysis.diagnostics.map((d) => toLspDiagnostic(d, uri, state.lines, lang));
    void this.connection.sendDiagnostics({ uri, version: state.version, diagnostics });
    void this.connection.sendNotification(StatusNotification.method, statusOf(state));
  }

  clear(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  republishAll(): void {
    for (const document of this.store.documents.all()) this.publish(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
