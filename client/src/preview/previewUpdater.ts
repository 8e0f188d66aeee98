/**
 * When the preview asks the server for a new body: throttled (at most one request per `THROTTLE_MS`, the first
 * at once), one request at a time, always for the document's newest version, and never showing a version older
 * than one already shown. A `stale` answer (the server has another version than the one asked for: the change
 * is still on its way, or a newer one arrived) is retried at the next tick. Nothing here knows VS Code, so the
 * tests drive this very scheduler against the real server and the real page.
 */
import type { RenderResult } from '../../../protocol/src/protocol';

/** The shortest time between two requests while typing; an idle preview answers the first change at once. */
export const THROTTLE_MS = 50;
/** Stale or failed answers in a row before giving up until the next change. */
const MAX_RETRIES = 20;

export interface UpdaterHost {
  /** The document's version now; `undefined` when there is no document to render. */
  version(): number | undefined;
  /** The server's rendering of `version` (the `nianbao/render` request); null when rendering failed in the server. */
  fetch(version: number): Promise<RenderResult | null>;
  /** Show a body; versions passed here only grow (or repeat after `refresh`). */
  show(result: RenderResult): void;
  /** The requests kept failing (no server, document not open). */
  failed(error: unknown): void;
}

export class PreviewUpdater {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;
  /** A version other than the shown one may exist. */
  private wanted = false;
  /** Show the current version even when it is the one shown (the language changed, the page was rebuilt). */
  private forced = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  private retries = 0;
  private disposed = false;
  /** The version last shown. */
  shown = -1;
  /** Requests sent (for the status command and the tests). */
  requests = 0;

  constructor(
    private readonly host: UpdaterHost,
    private readonly throttleMs = THROTTLE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The document changed. */
  changed(): void {
    this.wanted = true;
    this.schedule();
  }

  /** Render the current version again even if it is shown. */
  refresh(): void {
    this.forced = true;
    this.changed();
  }

  /** The document was opened anew (its versions start again). */
  reset(): void {
    this.shown = -1;
    this.refresh();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.disposed || this.busy || this.timer) return;
    const wait = Math.max(0, this.lastStart + this.throttleMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    if (this.disposed || !this.wanted) return;
    const version = this.host.version();
    this.wanted = false;
    if (version === undefined || version < this.shown || (version === this.shown && !this.forced)) {
      this.forced = false;
      return;
    }
    const forced = this.forced;
    this.forced = false;
    this.busy = true;
    this.lastStart = this.now();
    this.requests++;
    let failure: { error: unknown } | undefined;
    let retry = false;
    try {
      const result = await this.host.fetch(version);
      if (this.disposed) return;
      if (!result) {
        // The server failed to render (it logged why): like a failed request, retried a few times, then reported.
        retry = true;
        failure = { error: new Error('the language server could not render the report') };
      } else if (result.stale) {
        retry = true;
      } else if (result.version > this.shown || (forced && result.version === this.shown)) {
        this.retries = 0;
        this.shown = result.version;
        this.host.show(result);
      }
    } catch (error) {
      if (this.disposed) return;
      retry = true;
      failure = { error };
    } finally {
      this.busy = false;
    }
    if (retry) {
      if (++this.retries <= MAX_RETRIES) {
        this.wanted = true;
        this.forced ||= forced;
      } else {
        this.retries = 0;
        if (failure) this.host.failed(failure.error);
      }
    }
    if (this.wanted) this.schedule();
  }
}
