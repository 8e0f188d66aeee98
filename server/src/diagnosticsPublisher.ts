/**
 * The one publisher of diagnostics, for open documents and for the files of the workspace index alike.
 *
 * An open document is published right away when it opens, then debounced after changes (`diagnosticsDelayMs`),
 * always for its current version (the analysis is synchronous, so nothing newer can arrive in between), with its
 * cross findings and a status notification for the status bar; it is cleared when it closes. Files the editor does
 * not have open are published from the index when an update changes their findings (editing last year's report
 * republishes this year's), gathered in one flush, and get an empty list once they have nothing left.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Diagnostic } from '../../core/src/index';
import { StatusNotification } from '../../protocol/src/protocol';
import type { StatusParams } from '../../protocol/src/protocol';
import { toLspDiagnostic } from './convert';
import type { DocumentState, DocumentStore } from './documentStore';
import type { FailureLog } from './guard';
import type { Settings } from './settings';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

/** While the initial index runs, publications are gathered a little longer (a file's neighbours arrive soon). */
const GATHER_MS = 100;

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

/** A pending publication: a timer, or for a delay of 0 an immediate (a 0 ms timer waits at least 1 ms in Node). */
type Pending = { readonly timer: NodeJS.Timeout } | { readonly immediate: NodeJS.Immediate };

function cancel(pending: Pending | undefined): void {
  if (!pending) return;
  if ('timer' in pending) clearTimeout(pending.timer);
  else clearImmediate(pending.immediate);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export class DiagnosticsPublisher {
  /** Open documents waiting for the debounce. */
  private readonly timers = new Map<string, Pending>();
  /** Indexed files (canonical URIs) whose findings changed since the last flush. */
  private readonly pending = new Set<string>();
  /** Files (not open) with diagnostics published: they get an empty list once they have none. */
  private readonly published = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private gathering = false;
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly settings: Settings,
    private readonly index: WorkspaceIndex,
    /** Where a failure of a timer's publication is logged (it has no request to answer). */
    private readonly log: FailureLog = { error: () => undefined },
  ) {
    index.onDidChange((uris, except) => this.queue(uris, except));
  }

  // ── open documents ────────────────────────────────────────────────────────────────────────────────────────────

  /** A change of an open document: published once the changes stop for `diagnosticsDelayMs`. */
  schedule(uri: string): void {
    cancel(this.timers.get(uri));
    const delay = this.settings.diagnosticsDelayMs;
    // A timer has no request to answer: a failure is logged (an exception here would end the process).
    const run = (): void => {
      try {
        this.publish(uri);
      } catch (error) {
        this.log.error(`nianbao-language-server: publishing diagnostics of ${uri} failed.\n${describe(error)}`);
      }
    };
    // With no delay, publish once the changes already read are processed (they still coalesce), not a tick later.
    this.timers.set(uri, delay === 0 ? { immediate: setImmediate(run) } : { timer: setTimeout(run, delay) });
  }

  /** An open document now: its current version into the index, its own and cross diagnostics, its status. */
  publish(uri: string): void {
    cancel(this.timers.get(uri));
    this.timers.delete(uri);
    const state = this.store.get(uri);
    if (!state) return;
    const lang = this.settings.lang;
    const { key, diagnostics: all } = this.index.syncOpen(state);
    this.published.delete(key);
    const diagnostics = all.map((d) => toLspDiagnostic(d, uri, state.lines, lang, this.index.resolve));
    void this.connection.sendDiagnostics({ uri, version: state.version, diagnostics });
    void this.connection.sendNotification(StatusNotification.type, statusOf(state, all));
  }

  /** The editor closed the document. */
  clear(uri: string): void {
    cancel(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  // ── files of the index ────────────────────────────────────────────────────────────────────────────────────────

  /** While the workspace folders are first walked, publications wait a little longer to be gathered. */
  setGathering(on: boolean): void {
    this.gathering = on;
  }

  private queue(uris: readonly string[], except?: string): void {
    let any = false;
    for (const uri of uris) {
      if (uri === except) continue;
      this.pending.add(uri);
      any = true;
    }
    if (!any || this.flushTimer || this.disposed) return;
    this.flushTimer = setTimeout(
      () => {
        try {
          this.flush();
        } catch (error) {
          this.log.error(`nianbao-language-server: publishing the workspace's diagnostics failed.\n${describe(error)}`);
        }
      },
      this.gathering ? GATHER_MS : 0,
    );
  }

  /** Publish every queued file: open ones as open documents (current version), the others from the index. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    const lang = this.settings.lang;
    for (const key of uris) {
      const clientUri = this.index.clientUri(key);
      if (clientUri !== undefined) {
        if (this.store.documents.get(clientUri)) this.publish(clientUri);
        continue;
      }
      const diagnostics = this.index.diagnostics(key);
      const lines = this.index.linesOf(key);
      if (diagnostics.length === 0 || !lines) {
        if (this.published.delete(key)) void this.connection.sendDiagnostics({ uri: key, diagnostics: [] });
        continue;
      }
      this.published.add(key);
      void this.connection.sendDiagnostics({
        uri: key,
        diagnostics: diagnostics.map((d) => toLspDiagnostic(d, key, lines, lang, this.index.resolve)),
      });
    }
  }

  /** The language changed: every open document and every published file again. */
  republishAll(): void {
    for (const document of this.store.documents.all()) this.publish(document.uri);
    for (const key of this.published) this.pending.add(key);
    this.flush();
  }

  dispose(): void {
    this.disposed = true;
    for (const pending of this.timers.values()) cancel(pending);
    this.timers.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }
}
