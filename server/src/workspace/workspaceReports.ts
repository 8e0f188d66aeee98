/**
 * The server's workspace index: every report in the workspace folders (read from disk here, at the edge) and every
 * open document (its editor text, unsaved edits included, wins over the disk), in the core's `ReportIndex`. It
 * publishes the diagnostics — own analysis plus cross-report findings — of the files an update changed: editing
 * last year's report republishes this year's without touching it.
 *
 * Open documents reach the index through `syncOpen` with the document store's analysis (one parse per version);
 * files on disk are analysed when read and then kept only as the index's compact facts, their diagnostics and their
 * line starts. Disk work runs in the background, one file at a time, so requests and the open document's first
 * diagnostics never wait for a large folder.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind } from 'vscode-languageserver/node';
import type {
  CancellationToken,
  Connection,
  FileEvent,
  WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { ReportIndex, agencyKey, nextYearCells, previousYearCells, tooLargeAnalysis } from '../../../core/src/index';
import type { Diagnostic, YearLinks } from '../../../core/src/index';
import type { DocumentState, DocumentStore } from '../documentStore';
import { toLspDiagnostic } from '../features/diagnostics';
import type { RelatedResolver } from '../features/diagnostics';
import { t } from '../l10n';
import { cancelled } from '../guard';
import type { FailureLog } from '../guard';
import type { CheckFilesResult, WorkspaceIndexResult } from '../../../protocol/src/protocol';
import type { ResponseError } from 'vscode-languageserver/node';
import type { Settings } from '../settings';
import { join } from 'node:path';
import { LineStarts } from './lineStarts';
import type { PositionSource } from '../positions';
import {
  REPORT_FILE,
  REPORT_GLOB,
  canonicalUri,
  fileUriOf,
  folderOf,
  fsPathOf,
  isDirectory,
  readReportText,
  walkReports,
} from './reportFiles';
import type { ReportFile } from './reportFiles';

/** While the initial index runs, publications are gathered a little longer (a file's neighbours arrive soon). */
const INDEXING_FLUSH_MS = 100;
const PROGRESS_EVERY = 100;
/** Files read concurrently during a folder walk. */
const READ_AHEAD = 8;

export interface WorkspaceCapabilities {
  /** The client registers file watchers for the server (`workspace/didChangeWatchedFiles` dynamic registration). */
  readonly watchFiles: boolean;
  /** The client shows server-initiated progress. */
  readonly progress: boolean;
}

export class WorkspaceReports {
  readonly index = new ReportIndex();
  /** Line starts of each indexed text (an open document's `LineIndex`, else compact `LineStarts`). */
  private readonly lines = new Map<string, PositionSource>();
  /** Canonical URI → the URI the editor uses, for open documents. */
  private readonly open = new Map<string, string>();
  /** Files (not open) with diagnostics published: they get an empty list once they have none. */
  private readonly published = new Set<string>();
  private readonly pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  /** Latest disk operation per file: a slower, older read never overwrites a newer state. */
  private readonly tickets = new Map<string, number>();
  private nextTicket = 1;
  private readonly inflight = new Set<Promise<unknown>>();
  private folders: string[] = [];
  private indexing = false;
  private initialIndexMs: number | undefined;
  private filesRead = 0;
  private diskAnalyses = 0;
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly settings: Settings,
    /** Publishes an open document (its current version) through the diagnostics publisher. */
    private readonly publishOpen: (uri: string) => void,
    /** Where a failure of the background work is logged (it has no request to answer). */
    private readonly log: FailureLog = { error: () => undefined },
  ) {}

  /** Workspace folders as `file:` URIs; others (virtual file systems) are not read. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(fsPathOf).filter((p): p is string => p !== undefined);
  }

  /** Whether the server has a folder to index (else only open documents are compared). */
  hasFolders(): boolean {
    return this.folders.length > 0;
  }

  /** After `initialized`: register the file watchers, then index the folders in the background. */
  start(caps: WorkspaceCapabilities): void {
    if (caps.watchFiles) {
      void this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: REPORT_GLOB },
            // A deleted folder is reported as the folder alone: its reports go with it.
            { globPattern: '**/*', kind: WatchKind.Delete },
          ],
        })
        .catch(() => undefined);
    }
    const started = performance.now();
    this.indexing = true;
    void this.track(
      (async () => {
        const progress = caps.progress
          ? await this.connection.window.createWorkDoneProgress().catch(() => undefined)
          : undefined;
        progress?.begin(t('Indexing the reports of the workspace'), undefined, undefined, false);
        try {
          for (const folder of this.folders) await this.indexFolder(folder, progress);
        } finally {
          this.indexing = false;
          this.initialIndexMs = performance.now() - started;
          progress?.done();
          this.flush();
        }
      })(),
    );
  }

  // ── open documents ────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The open document's current version into the index (its analysis reused); returns all its diagnostics, own
   * and cross, and queues the other files whose findings changed.
   */
  syncOpen(state: DocumentState): readonly Diagnostic[] {
    const key = canonicalUri(state.uri);
    this.open.set(key, state.uri);
    this.published.delete(key);
    this.tickets.delete(key);
    const update = this.index.set(key, state.text, state.analysis);
    this.lines.set(key, state.lines);
    this.queue(update.changed, key);
    return this.index.diagnostics(key);
  }

  /** The cross findings of an open document as last synced (quick fixes are offered for them too). */
  crossOf(uri: string): readonly Diagnostic[] {
    return this.index.crossDiagnostics(canonicalUri(uri));
  }

  /** A document was closed: its file on disk takes its place in the index, or it leaves the index. */
  closed(uri: string): void {
    const key = canonicalUri(uri);
    this.open.delete(key);
    const path = this.watchedPath(key);
    if (path) {
      void this.readFromDisk(key, path, true);
    } else {
      this.remove(key);
    }
  }

  // ── the file system ───────────────────────────────────────────────────────────────────────────────────────────

  /** `workspace/didChangeWatchedFiles`. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      const key = canonicalUri(change.uri);
      const path = this.watchedPath(key);
      if (change.type === FileChangeType.Deleted) this.drop(key);
      else if (path) void this.readFromDisk(key, path);
    }
  }

  /** `workspace/didCreateFiles`: files, or folders (copied or moved in) whose reports are read. */
  created(uris: readonly string[]): void {
    for (const uri of uris) {
      const key = canonicalUri(uri);
      const path = fsPathOf(key);
      if (!path) continue;
      if (REPORT_FILE.test(path)) {
        if (this.watchedPath(key)) void this.readFromDisk(key, path);
      } else {
        // A folder (copied or moved in): its reports, when it lies in the workspace outside skipped folders.
        void this.track(
          isDirectory(path).then((dir) =>
            dir && folderOf(join(path, 'x'), this.folders) ? this.indexFolder(path) : undefined,
          ),
        );
      }
    }
  }

  /** `workspace/didRenameFiles`: a file or a folder moved; findings elsewhere name the file. */
  renamed(files: readonly { readonly oldUri: string; readonly newUri: string }[]): void {
    for (const { oldUri, newUri } of files) {
      this.drop(canonicalUri(oldUri));
      this.created([newUri]);
    }
  }

  /** `workspace/didDeleteFiles`: a file or a folder. */
  deleted(uri: string): void {
    this.drop(canonicalUri(uri));
  }

  /** A file or folder is gone: its reports leave the index unless open in the editor (their text wins). */
  private drop(key: string): void {
    if (this.index.has(key) || this.tickets.has(key)) {
      if (!this.open.has(key)) this.remove(key);
      return;
    }
    // Not a report of the index: perhaps a folder that held some.
    if (REPORT_FILE.test(key)) return;
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const uri of [...this.index.uris()]) if (uri.startsWith(prefix) && !this.open.has(uri)) this.remove(uri);
  }

  /** `workspace/didChangeWorkspaceFolders`. */
  foldersChanged(added: readonly string[], removed: readonly string[]): void {
    const gone = removed.map(fsPathOf).filter((p): p is string => p !== undefined);
    this.folders = this.folders.filter((f) => !gone.includes(f));
    for (const folder of gone) this.drop(canonicalUri(fileUriOf(folder)));
    for (const path of added.map(fsPathOf)) {
      if (path === undefined || this.folders.includes(path)) continue;
      this.folders.push(path);
      void this.track(this.indexFolder(path));
    }
  }

  // ── requests ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** The index once the initial walk and every disk operation under way are done (publications sent). */
  async stats(token?: CancellationToken): Promise<WorkspaceIndexResult | ResponseError<void>> {
    await this.idle(token);
    if (token?.isCancellationRequested) return cancelled();
    return this.currentStats();
  }

  /** The counts as they are, without waiting (the answer when the request itself failed). */
  emptyStats(): WorkspaceIndexResult {
    try {
      return this.currentStats();
    } catch {
      return { reports: 0, agencies: 0, years: [], initialIndexMs: 0, filesRead: 0, diskAnalyses: 0, rechecks: 0 };
    }
  }

  private currentStats(): WorkspaceIndexResult {
    const s = this.index.stats();
    return {
      ...s,
      initialIndexMs: this.initialIndexMs ?? 0,
      filesRead: this.filesRead,
      diskAnalyses: this.diskAnalyses,
      rechecks: this.index.recheckCount,
    };
  }

  /**
   * `检查工作区中的所有年报`: read the files (open ones are taken from the editor), publish, count. Cross findings
   * are included: the files are the workspace.
   */
  async checkFiles(
    uris: readonly string[],
    token?: CancellationToken,
  ): Promise<CheckFilesResult | ResponseError<void>> {
    const unreadable: string[] = [];
    const tooLarge: string[] = [];
    const keys: string[] = [];
    // Read a few at a time, in order, so that a cancellation stops the reading (not only the answer).
    const queue = [...uris];
    const worker = async (): Promise<void> => {
      for (let uri = queue.shift(); uri !== undefined; uri = queue.shift()) {
        if (token?.isCancellationRequested) return;
        const key = canonicalUri(uri);
        const clientUri = this.open.get(key);
        if (clientUri !== undefined) {
          keys.push(key);
          continue;
        }
        const path = fsPathOf(key);
        const file = path ? await readReportText(path) : undefined;
        if (file === undefined) {
          unreadable.push(uri);
          continue;
        }
        if (this.open.has(key) || token?.isCancellationRequested) continue;
        if ('tooLarge' in file) tooLarge.push(uri);
        this.apply(key, file);
        keys.push(key);
      }
    };
    await Promise.all(Array.from({ length: READ_AHEAD }, worker));
    if (token?.isCancellationRequested) {
      this.flush();
      return cancelled();
    }
    // Open documents first brought to their current version.
    for (const key of keys) {
      const clientUri = this.open.get(key);
      if (clientUri !== undefined) this.publishOpen(clientUri);
    }
    this.flush();
    let errors = 0;
    let warnings = 0;
    let information = 0;
    let withProblems = 0;
    for (const key of keys) {
      const all = this.index.diagnostics(key);
      const e = all.filter((d) => d.severity === 'error').length;
      const w = all.filter((d) => d.severity === 'warning').length;
      errors += e;
      warnings += w;
      information += all.length - e - w;
      if (e + w > 0) withProblems++;
    }
    return {
      files: keys.length,
      errors,
      warnings,
      information,
      withProblems,
      unreadable,
      ...(tooLarge.length ? { tooLarge } : {}),
    };
  }

  /** The files of the workspace that claim this agency and year (next year's report, an import). */
  reportsOf(agency: string, year: number): string[] {
    return this.index.reportsOf(agencyKey(agency), year).map((key) => this.open.get(key) ?? key);
  }

  /**
   * The cells of last year's (`previous`) or next year's report of the same 机关 that the cell or row at `offset`
   * of an open document continues or is continued by (the document synced first, so that its key is current).
   */
  yearLinks(state: DocumentState, offset: number, direction: 'previous' | 'next'): YearLinks | undefined {
    this.syncOpen(state);
    const find = direction === 'previous' ? previousYearCells : nextYearCells;
    return find(this.index, canonicalUri(state.uri), state.analysis.report, offset);
  }

  /** Where a related location in another report is: the editor's URI for it and its line starts. */
  readonly resolve: RelatedResolver = (uri) => {
    const key = canonicalUri(uri);
    const lines = this.lines.get(key);
    return lines ? { uri: this.open.get(key) ?? key, lines } : undefined;
  };

  /** Language changed: every published file again. */
  republishFiles(): void {
    for (const key of this.published) this.pending.add(key);
    this.flush();
  }

  dispose(): void {
    this.disposed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** The file's path when the index follows it: a report file in a workspace folder, outside skipped folders. */
  private watchedPath(key: string): string | undefined {
    const path = fsPathOf(key);
    return path && REPORT_FILE.test(path) && folderOf(path, this.folders) ? path : undefined;
  }

  /**
   * Every report under `folder`, a few reads ahead of the analysis: each file is analysed when its read completes,
   * and the event loop serves the editor's requests in between.
   */
  private async indexFolder(folder: string, progress?: WorkDoneProgressServerReporter): Promise<void> {
    const reading = new Set<Promise<void>>();
    let n = 0;
    for await (const path of walkReports(folder)) {
      if (this.disposed) break;
      const key = canonicalUri(fileUriOf(path));
      if (this.open.has(key)) continue;
      const read: Promise<void> = this.readFromDisk(key, path).finally(() => reading.delete(read));
      reading.add(read);
      if (reading.size >= READ_AHEAD) await Promise.race(reading);
      if (++n % PROGRESS_EVERY === 0) progress?.report(t('{0} reports indexed', this.index.size));
    }
    await Promise.all(reading);
  }

  /** Read a file and put its text in the index, unless the editor has it open or a newer operation came first. */
  private readFromDisk(key: string, path: string, publishSelf = false): Promise<void> {
    const ticket = this.nextTicket++;
    this.tickets.set(key, ticket);
    return this.track(
      readReportText(path).then((file) => {
        if (this.tickets.get(key) !== ticket) return;
        this.tickets.delete(key);
        if (this.open.has(key) || this.disposed) return;
        this.filesRead++;
        if (file === undefined) this.remove(key);
        else this.apply(key, file, publishSelf);
      }),
    );
  }

  /** A file's text into the index; a file too large to read, as its NB107 alone. */
  private apply(key: string, file: ReportFile, publishSelf = false): void {
    const text = 'text' in file ? file.text : '';
    const update =
      'text' in file ? this.index.set(key, text) : this.index.set(key, text, tooLargeAnalysis(file.tooLarge));
    if (update.analysis) this.diskAnalyses++;
    this.lines.set(key, new LineStarts(text));
    this.queue(update.changed);
    if (publishSelf) this.queue([key]);
  }

  private remove(key: string): void {
    this.tickets.delete(key);
    const update = this.index.delete(key);
    this.lines.delete(key);
    this.queue([...update.changed, key]);
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
          this.log.error(
            `nianbao-language-server: publishing the workspace's diagnostics failed.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        }
      },
      this.indexing ? INDEXING_FLUSH_MS : 0,
    );
  }

  /** Publish every queued file: open ones through the publisher (current version), the others from the index. */
  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    const lang = this.settings.lang;
    for (const key of uris) {
      const clientUri = this.open.get(key);
      if (clientUri !== undefined) {
        if (this.store.documents.get(clientUri)) this.publishOpen(clientUri);
        continue;
      }
      const diagnostics = this.index.diagnostics(key);
      const lines = this.lines.get(key);
      if (diagnostics.length === 0 || !lines) {
        if (this.published.delete(key)) void this.connection.sendDiagnostics({ uri: key, diagnostics: [] });
        continue;
      }
      this.published.add(key);
      void this.connection.sendDiagnostics({
        uri: key,
        diagnostics: diagnostics.map((d) => toLspDiagnostic(d, key, lines, lang, this.resolve)),
      });
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inflight.add(promise);
    // Background work has no request to answer: a failure is logged, never an unhandled rejection.
    void promise
      .finally(() => this.inflight.delete(promise))
      .catch((error: unknown) =>
        this.log.error(
          `nianbao-language-server: workspace index failed.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
      );
    return promise;
  }

  private async idle(token?: CancellationToken): Promise<void> {
    while (this.inflight.size > 0 && !token?.isCancellationRequested) {
      const settled = Promise.allSettled([...this.inflight]);
      if (!token) await settled;
      else {
        let stop: { dispose(): void } | undefined;
        await Promise.race([
          settled,
          new Promise<void>((resolve) => (stop = token.onCancellationRequested(() => resolve()))),
        ]);
        stop?.dispose();
      }
    }
    this.flush();
  }
}
