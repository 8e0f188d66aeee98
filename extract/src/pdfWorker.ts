/**
 * The PDF worker thread: reads PDFs with pdfjs-dist (`pdfText.ts`) for the thread that started it. One request at
 * a time: `{ id, bytes, cmapDir, limits }` in, `{ id, reading }` out. Its console is silent: what pdfjs-dist prints
 * there would reach the parent's standard output.
 */
import { parentPort } from 'node:worker_threads';
import type { PdfLimits } from './pdfText';
import { pdfText } from './pdfText';

export interface PdfRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly cmapDir?: string;
  readonly limits?: PdfLimits;
}

const quiet = (): void => undefined;
console.log = console.info = console.warn = console.error = console.debug = quiet;

parentPort?.on('message', (request: PdfRequest) => {
  pdfText(request.bytes, { cmapDir: request.cmapDir, limits: request.limits }).then(
    (reading) => parentPort?.postMessage({ id: request.id, reading }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        reading: { ok: false, problem: { kind: 'damaged', detail: String(error).slice(0, 200) } },
      }),
  );
});
