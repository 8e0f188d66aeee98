/**
 * The workspace index's disk edge in the server: the workspace folders walked in the background after `initialized`
 * (a few reads ahead of the analysis, the event loop serving requests between files), the file watchers registered
 * with the client, the editor's file operations and folder changes. A per-file ticket makes a slower, older read
 * lose to a newer event; an open document's editor text wins over the disk until it is closed.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind } from 'vscode-languageserver/node';
import type {
  CancellationToken,
  Connection,
  FileEvent,
  WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { join } from 'node:path';
import type { DiagnosticsPublisher } from '../diagnosticsPublisher';
import type { FailureLog } from '../guard';
import { t } from '../l10n';
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
import type { WorkspaceIndex } from './workspaceIndex';

const PROGRESS_EVERY = 100;
/** Files read concurrently during a folder walk. */
export const READ_AHEAD = 8;

export interface WorkspaceCapabilities {
  /** The client registers file watchers for the server (`workspace/didChangeWatchedFiles` dynamic registration). */
  readonly watchFiles: boolean;
  /** The client shows server-initiated progress. */
  readonly progress: boolean;
}

export class WorkspaceFiles {
  private folders: string[] = [];
  /** Latest disk operation per file: a slower, older read never overwrites a newer state. */
  private readonly tickets = new Map<string, number>();
  private nextTicket = 1;
  private readonly inflight = new Set<Promise<unknown>>();
  private disposed = false;
  /** How long the initial index of the workspace folders took, once done. */
  initialIndexMs: number | undefined;
  /** Report files read from disk so far. */
  filesRead = 0;

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly publisher: DiagnosticsPublisher,
    /** Where a failure of the background work is logged (it has no request to answer). */
    private readonly log: FailureLog = { error: () => undefined },
  ) {}

  /** Workspace folders as `file:` URIs; others (virtual file systems) are not read. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(fsPathOf).filter((p): p is string => p !== undefined);
  }

  /** Whether there is a folder to index (else only open documents are compared). */
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
    this.publisher.setGathering(true);
    void this.track(
      (async () => {
        const progress = caps.progress
          ? await this.connection.window.createWorkDoneProgress().catch(() => undefined)
          : undefined;
        progress?.begin(t('Indexing the reports of the workspace'), undefined, undefined, false);
        try {
          for (const folder of this.folders) await this.indexFolder(folder, progress);
        } finally {
          this.publisher.setGathering(false);
          this.initialIndexMs = performance.now() - started;
          progress?.done();
          this.publisher.flush();
        }
      })(),
    );
  }

  /** A document was closed: its file on disk takes its place in the index, or it leaves the index. */
  closed(uri: string): void {
    const key = this.index.close(uri);
    const path = this.watchedPath(key);
    if (path) {
      void this.readFromDisk(key, path, true);
    } else {
      this.remove(key);
    }
  }

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

  /** Once the initial walk and every disk operation under way are done (or the token is cancelled), publish. */
  async idle(token?: CancellationToken): Promise<void> {
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
    this.publisher.flush();
  }

  dispose(): void {
    this.disposed = true;
  }

  /** The file's path when the index follows it: a report file in a workspace folder, outside skipped folders. */
  private watchedPath(key: string): string | undefined {
    const path = fsPathOf(key);
    return path && REPORT_FILE.test(path) && folderOf(path, this.folders) ? path : undefined;
  }

  /** A file or folder is gone: its reports leave the index unless open in the editor (their text wins). */
  private drop(key: string): void {
    if (this.index.has(key) || this.tickets.has(key)) {
      if (!this.index.isOpen(key)) this.remove(key);
      return;
    }
    // Not a report of the index: perhaps a folder that held some.
    if (REPORT_FILE.test(key)) return;
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const uri of [...this.index.uris()]) if (uri.startsWith(prefix) && !this.index.isOpen(uri)) this.remove(uri);
  }

  private remove(key: string): void {
    this.tickets.delete(key);
    this.index.remove(key);
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
      if (this.index.isOpen(key)) continue;
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
        if (this.index.isOpen(key) || this.disposed) return;
        this.filesRead++;
        if (file === undefined) this.remove(key);
        else this.index.setFile(key, file, publishSelf);
      }),
    );
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
}
