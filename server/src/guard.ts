/**
 * Resilience of the server's handlers. An exception (or a rejected promise) in one request handler is logged to the
 * client's output with its stack and answered with that request's empty result — never an error response, which
 * VS Code turns into a notification and some clients into a broken feature — and the server keeps serving the
 * other requests and documents. Long requests honour the client's cancellation (`$/cancelRequest`): they yield to
 * the event loop before their work, so that a cancellation already on its way is seen, and answer
 * `RequestCancelled` instead of a result nobody waits for.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';

export type Answer<R> = R | ResponseError<void>;
export type Handler<P, R> = (params: P, token: CancellationToken) => Answer<R> | Promise<Answer<R>>;

/** Where failures are logged: the client's output channel (`window/logMessage`, type Error). */
export interface FailureLog {
  error(message: string): void;
}

export function connectionLog(connection: Connection): FailureLog {
  return {
    error: (message) => {
      try {
        connection.console.error(message);
      } catch {
        // The connection is gone: nobody is left to tell.
      }
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * `handler` behind a guard: a throw or a rejection is logged (`method` and the stack) and answered with `empty()`.
 * A `ResponseError` the handler returns on purpose (invalid parameters, cancellation) passes through.
 */
export function guarded<P, R>(
  log: FailureLog,
  method: string,
  empty: (params: P) => R,
  handler: Handler<P, R>,
): Handler<P, R> {
  const fail = (params: P, error: unknown): R => {
    log.error(`nianbao-language-server: ${method} failed; answered with an empty result.\n${describe(error)}`);
    try {
      return empty(params);
    } catch {
      return empty(undefined as P);
    }
  };
  return (params, token) => {
    let answer: Answer<R> | Promise<Answer<R>>;
    try {
      answer = handler(params, token);
    } catch (error) {
      return fail(params, error);
    }
    if (answer instanceof Promise) return answer.catch((error: unknown) => fail(params, error));
    return answer;
  };
}

/** A notification handler behind the same guard: a throw is logged, the server goes on. */
export function guardedNotification<P>(
  log: FailureLog,
  method: string,
  handler: (params: P) => void | Promise<void>,
): (params: P) => void {
  return (params) => {
    try {
      const done = handler(params);
      if (done instanceof Promise)
        done.catch((error: unknown) => log.error(`nianbao-language-server: ${method} failed.\n${describe(error)}`));
    } catch (error) {
      log.error(`nianbao-language-server: ${method} failed.\n${describe(error)}`);
    }
  };
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

/** One turn of the event loop: messages already received (a `$/cancelRequest`) are handled meanwhile. */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A synchronous handler that may take long (rendering a huge document, importing a page): it runs after one turn
 * of the event loop, and not at all when the request was cancelled by then.
 */
export function cancellable<P, R>(
  handler: (params: P, token: CancellationToken) => Answer<R> | Promise<Answer<R>>,
): Handler<P, R> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelled();
    await yieldTurn();
    if (token.isCancellationRequested) return cancelled();
    return handler(params, token);
  };
}
