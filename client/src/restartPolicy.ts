/**
 * What the client does when the language server process ends without being asked to: restart it, and tell the user
 * once. A server that keeps dying (MAX_RESTARTS within WINDOW_MS) is left stopped, with one message saying how to
 * start it again. Nothing here knows VS Code, so the decisions are tested on their own; `serverConnection.ts` wires
 * them into vscode-languageclient's error handler.
 */

export const MAX_RESTARTS = 5;
export const WINDOW_MS = 3 * 60 * 1000;

export type CloseDecision =
  /** Restart; `notice`: tell the user (the first restart of a quiet spell only). */
  | { readonly restart: true; readonly notice: 'restarted' | undefined }
  | { readonly restart: false; readonly notice: 'gaveUp' };

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private lastNotice = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Restarts so far (for the status command). */
  get restarts(): number {
    return this.crashes.length;
  }

  /** The server's connection closed unexpectedly. */
  closed(): CloseDecision {
    const now = this.now();
    this.crashes.push(now);
    const recent = this.crashes.filter((t) => now - t <= WINDOW_MS);
    if (recent.length > MAX_RESTARTS) return { restart: false, notice: 'gaveUp' };
    // One message for a burst of restarts: a server that dies twice in a minute is not news twice.
    const notice = now - this.lastNotice > WINDOW_MS ? 'restarted' : undefined;
    if (notice) this.lastNotice = now;
    return { restart: true, notice };
  }

  /** The user restarted the server by hand: a fresh start. */
  reset(): void {
    this.crashes.length = 0;
    this.lastNotice = Number.NEGATIVE_INFINITY;
  }
}
