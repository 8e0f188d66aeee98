/**
 * PDF text extraction from the caller's side: the work happens in a worker thread (`pdfWorker.ts`), started on first
 * use and kept for the next PDF. The thread isolates pdfjs-dist's polyfills from this one, bounds its heap, and can
 * be stopped: a PDF that keeps it busy past `WATCHDOG_MS` ends it (and the next PDF gets a new one).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PdfRequest } from './pdfWorker';
import type { PdfLimits, PdfReading } from './pdfText';

export type { PdfLimits, PdfProblem, PdfReading } from './pdfText';
export { PDF_LIMITS } from './pdfText';

/** The worker's heap; pdfjs-dist needs a few tens of megabytes for a report. */
const HEAP_MB = 768;
/** A last resort in time, far above any real PDF (the reader bounds pages, text, streams and its own CPU time). */
const WATCHDOG_MS = 120_000;
/** An idle worker ends after this (it does not keep the process alive meanwhile either). */
const IDLE_MS = 30_000;

interface Pending {
  readonly resolve: (reading: PdfReading) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
let idle: NodeJS.Timeout | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** The worker script: beside this module (out/extract/src, or dist/ where the bundles are). */
function script(): string {
  return join(__dirname, 'pdfWorker.js');
}

function failAll(detail: string): void {
  for (const [, p] of pending) p.resolve({ ok: false, problem: { kind: 'damaged', detail } });
  pending.clear();
}

function start(): Worker {
  if (worker) return worker;
  const w = new Worker(script(), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, stdout: true, stderr: true });
  // Whatever the thread prints is dropped (pdfjs-dist warns about rendering, which is never done here).
  w.stdout.resume();
  w.stderr.resume();
  w.on('message', (message: { id: number; reading: PdfReading }) => {
    const p = pending.get(message.id);
    pending.delete(message.id);
    p?.resolve(message.reading);
  });
  w.on('error', (error: Error & { code?: string }) => {
    const limit = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (worker === w) worker = undefined;
    failAll(limit ? 'out of memory (the PDF needs more than the import allows)' : error.message);
  });
  w.on('exit', () => {
    if (worker === w) worker = undefined;
    failAll('the PDF reader stopped');
  });
  w.unref();
  worker = w;
  return w;
}

/** Ends the worker now (tests, and a process that is done with PDFs). */
export async function stopPdfWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (idle) clearTimeout(idle);
  if (w) await w.terminate();
}

function request(bytes: Uint8Array, cmapDir: string | undefined, limits: PdfLimits | undefined): Promise<PdfReading> {
  return new Promise((resolve) => {
    if (!existsSync(script())) {
      resolve({ ok: false, problem: { kind: 'damaged', detail: 'the PDF reader is missing from this installation' } });
      return;
    }
    if (idle) clearTimeout(idle);
    const w = start();
    const id = nextId++;
    const watchdog = setTimeout(() => {
      if (!pending.has(id)) return;
      pending.delete(id);
      resolve({ ok: false, problem: { kind: 'limit', what: 'cpu', found: WATCHDOG_MS, limit: WATCHDOG_MS } });
      void w.terminate();
    }, WATCHDOG_MS);
    watchdog.unref();
    pending.set(id, {
      resolve: (reading) => {
        clearTimeout(watchdog);
        idle = setTimeout(() => void stopPdfWorker(), IDLE_MS);
        idle.unref();
        resolve(reading);
      },
    });
    // A copy goes to the worker (transferred: the caller keeps its own bytes).
    const copy = new Uint8Array(bytes);
    const message: PdfRequest = { id, bytes: copy, ...(cmapDir ? { cmapDir } : {}), ...(limits ? { limits } : {}) };
    w.postMessage(message, [copy.buffer]);
  });
}

/** Text items with positions, page by page, or why the PDF cannot be read. PDFs are read one after another. */
export function pdfItems(
  bytes: Uint8Array,
  options: { readonly cmapDir?: string; readonly limits?: PdfLimits } = {},
): Promise<PdfReading> {
  const run = queue.then(() => request(bytes, options.cmapDir, options.limits));
  queue = run.catch(() => undefined);
  return run;
}
