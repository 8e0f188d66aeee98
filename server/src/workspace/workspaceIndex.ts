/**
 * The server's side of the core's `ReportIndex`: every report of the workspace and every open document, by its
 * canonical URI, with the line starts that place its findings. Open documents enter with the document store's
 * analysis (one parse per version) and their editor text wins over the disk; files read from disk enter through
 * `WorkspaceFiles`. Each update tells its listeners (the diagnostics publisher) which files' findings changed.
 */
import { ReportIndex, agencyKey, nextYearCells, previousYearCells, tooLargeAnalysis } from '../../../core/src/index';
import type { Diagnostic, ReportFacts, YearLinks } from '../../../core/src/index';
import type { PositionSource, RelatedResolver } from '../convert';
import type { DocumentState } from '../documentStore';
import { LineStarts } from './lineStarts';
import { canonicalUri } from './reportFiles';
import type { ReportFile } from './reportFiles';

/** Files whose findings changed, as canonical URIs; `except`: the open document the caller publishes itself. */
export type IndexListener = (uris: readonly string[], except?: string) => void;

export class WorkspaceIndex {
  private readonly index = new ReportIndex();
  /** Line starts of each indexed text (an open document's `LineIndex`, else compact `LineStarts`). */
  private readonly lines = new Map<string, PositionSource>();
  /** Canonical URI → the URI the editor uses, for open documents. */
  private readonly open = new Map<string, string>();
  private readonly listeners: IndexListener[] = [];
  /** Texts read from disk that were analysed (an unchanged text is not). */
  diskAnalyses = 0;

  onDidChange(listener: IndexListener): void {
    this.listeners.push(listener);
  }

  private changed(uris: readonly string[], except?: string): void {
    if (uris.length === 0) return;
    for (const listener of this.listeners) listener(uris, except);
  }

  // ── open documents ────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The open document's current version into the index (its analysis reused). Returns its canonical URI and all its
   * diagnostics, own and cross; the other files whose findings changed go to the listeners.
   */
  syncOpen(state: DocumentState): { readonly key: string; readonly diagnostics: readonly Diagnostic[] } {
    const key = canonicalUri(state.uri);
    this.open.set(key, state.uri);
    const update = this.index.set(key, state.text, state.analysis);
    this.lines.set(key, state.lines);
    this.changed(update.changed, key);
    return { key, diagnostics: this.index.diagnostics(key) };
  }

  /** The editor closed the document: the disk decides from now on (`WorkspaceFiles.closed`). Its canonical URI. */
  close(uri: string): string {
    const key = canonicalUri(uri);
    this.open.delete(key);
    return key;
  }

  /** The URI the editor uses for an open report; undefined when the report is not open. */
  clientUri(key: string): string | undefined {
    return this.open.get(key);
  }

  isOpen(key: string): boolean {
    return this.open.has(key);
  }

  // ── files on disk ─────────────────────────────────────────────────────────────────────────────────────────────

  /** A file's text into the index; a file too large to read, as its NB107 alone. `publishSelf`: even unchanged. */
  setFile(key: string, file: ReportFile, publishSelf = false): void {
    const text = 'text' in file ? file.text : '';
    const update =
      'text' in file ? this.index.set(key, text) : this.index.set(key, text, tooLargeAnalysis(file.tooLarge));
    if (update.analysis) this.diskAnalyses++;
    this.lines.set(key, new LineStarts(text));
    this.changed(publishSelf ? [...update.changed, key] : update.changed);
  }

  remove(key: string): void {
    const update = this.index.delete(key);
    this.lines.delete(key);
    this.changed([...update.changed, key]);
  }

  /** How many reports the index holds. */
  get size(): number {
    return this.index.size;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  uris(): Iterable<string> {
    return this.index.uris();
  }

  // ── what the index knows ──────────────────────────────────────────────────────────────────────────────────────

  /** A report's own and cross diagnostics. */
  diagnostics(key: string): readonly Diagnostic[] {
    return this.index.diagnostics(key);
  }

  /** The line starts of an indexed text. */
  linesOf(key: string): PositionSource | undefined {
    return this.lines.get(key);
  }

  /** The cross findings of an open document as last synced (quick fixes are offered for them too). */
  crossOf(uri: string): readonly Diagnostic[] {
    return this.index.crossDiagnostics(canonicalUri(uri));
  }

  /** The files of the workspace that claim this agency and year (next year's report, an import). */
  reportsOf(agency: string, year: number): string[] {
    return this.index.reportsOf(agencyKey(agency), year).map((key) => this.open.get(key) ?? key);
  }

  /** Every agency with the years it has reports for (the trends' choice of agencies). */
  agencies(): ReturnType<ReportIndex['agencies']> {
    return this.index.agencies();
  }

  /** The years one agency (by its `agencyKey`) has a report for, in order. */
  yearsOf(agencyKey: string): number[] {
    return this.index.yearsOf(agencyKey);
  }

  /** The one report of an agency's year (undefined when none, or when two claim it: NB320). */
  reportOf(agencyKey: string, year: number): string | undefined {
    return this.index.reportOf(agencyKey, year);
  }

  /** The compact facts kept of an indexed report. */
  facts(key: string): ReportFacts | undefined {
    return this.index.facts(key);
  }

  /**
   * The cells of last year's (`previous`) or next year's report of the same 机关 that the cell or row at `offset`
   * of an open document continues or is continued by (the document synced first, so that its key is current).
   */
  yearLinks(state: DocumentState, offset: number, direction: 'previous' | 'next'): YearLinks | undefined {
    const { key } = this.syncOpen(state);
    const find = direction === 'previous' ? previousYearCells : nextYearCells;
    return find(this.index, key, state.analysis.report, offset);
  }

  /** Where a related location in another report is: the editor's URI for it and its line starts. */
  readonly resolve: RelatedResolver = (uri) => {
    const key = canonicalUri(uri);
    const lines = this.lines.get(key);
    return lines ? { uri: this.open.get(key) ?? key, lines } : undefined;
  };

  /** Reports, agencies and years indexed; cross re-checks so far. */
  stats(): { reports: number; agencies: number; years: readonly number[]; rechecks: number } {
    return { ...this.index.stats(), rechecks: this.index.recheckCount };
  }
}
