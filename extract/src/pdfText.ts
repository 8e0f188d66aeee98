/**
 * A PDF's text with positions, through pdfjs-dist (the legacy build, which runs on Node 20): for each page its
 * size and every horizontal text item (string, baseline start, width, font size). What the items mean is the core's
 * business (`core/src/import/pdfLines.ts`); this module only gets them out, safely. It runs inside the PDF worker
 * thread (`pdfWorker.ts`): the legacy build installs core-js polyfills over built-ins such as `Array.prototype.push`,
 * which must not slow down or change the CLI's or the language server's own thread.
 *
 * A PDF is untrusted input. pdfjs-dist runs with its "fake worker" in that thread (no further Worker, nothing fetched):
 * font programs are never compiled to functions (`isEvalSupported: false`, the fix for the class of PDF.js holes
 * that ran script through crafted fonts), no font faces, no system fonts, no network or range requests, no worker
 * fetches; CMaps (for Chinese PDFs whose fonts are not embedded) come only from the directory given here. Before
 * pdfjs sees the file, `pdfPreflight` bounds what its streams inflate to and how many objects it declares; pages,
 * items, characters and CPU time are bounded while reading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist';
import type { PdfItem, PdfPage } from '../../core/src/index';
import { preflight } from './pdfPreflight';
import type { PreflightLimits } from './pdfPreflight';

export interface PdfLimits extends PreflightLimits {
  readonly maxPages: number;
  readonly maxItems: number;
  readonly maxChars: number;
  /** CPU time of this process spent reading one PDF, in milliseconds. */
  readonly maxCpuMs: number;
}

/** A report is a handful of pages; these bounds leave room for a whole year's bulletin and stop a hostile file. */
export const PDF_LIMITS: PdfLimits = {
  maxPages: 500,
  maxItems: 500_000,
  maxChars: 5_000_000,
  maxCpuMs: 30_000,
  maxStreamBytes: 64 * 1024 * 1024,
  maxDecodedBytes: 256 * 1024 * 1024,
  maxObjects: 1_000_000,
};

export type PdfProblem =
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'damaged'; readonly detail: string }
  | {
      readonly kind: 'limit';
      readonly what: 'pages' | 'items' | 'chars' | 'cpu' | 'stream' | 'decoded' | 'objects';
      readonly found: number;
      readonly limit: number;
    };

export type PdfReading =
  { readonly ok: true; readonly pages: PdfPage[] } | { readonly ok: false; readonly problem: PdfProblem };

type PdfJs = typeof PdfJsModule;

interface TextItemLike {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
}

let library: PdfJs | undefined;

/**
 * Built-ins the legacy build's core-js polyfills replace on Node 20's V8 (for edge cases pdf.js never meets: the
 * error a push onto a frozen length throws, JSON.parse's source text for revivers) with functions written in
 * JavaScript. Every `push` in the reading thread then ran through the polyfill: a sixth of that thread's time in a
 * profile of three PDFs read eight times. The native ones are put back once pdf.js has loaded.
 */
const KEPT_NATIVES: readonly (readonly [object, PropertyKey])[] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
];

/**
 * pdfjs-dist, loaded on first use. Its module code warns on the console that it cannot load a canvas package, which
 * only rendering needs; the worker's console goes to the parent's standard output (the CLI's YAML, the server's LSP
 * messages), so the worker keeps its console quiet (`pdfWorker.ts`).
 */
function pdfjs(): PdfJs {
  if (library) return library;
  {
    const natives = KEPT_NATIVES.map(
      ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const,
    );
    const lib = require('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;
    // The worker's code runs in this thread ("fake worker"): no Worker is started and no worker file fetched.
    const worker = require('pdfjs-dist/legacy/build/pdf.worker.mjs') as unknown;
    for (const [owner, key, descriptor] of natives) if (descriptor) Object.defineProperty(owner, key, descriptor);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    library = lib;
    return lib;
  }
}

/** CMap names as pdfjs asks for them; nothing else is read. */
const CMAP_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** Reads pdfjs's binary CMaps from one directory (shipped beside the program), by their plain names only. */
function cmapFactory(
  dir: string | undefined,
): new () => { fetch(o: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> } {
  return class {
    async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
      if (!dir || !CMAP_NAME.test(name)) throw new Error(`CMap ${name} is not available`);
      return { cMapData: new Uint8Array(readFileSync(join(dir, `${name}.bcmap`))), isCompressed: true };
    }
  };
}

function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Text items with positions, page by page, or why the PDF cannot be read (in the thread that calls it). */
export async function pdfText(
  bytes: Uint8Array,
  options: { readonly cmapDir?: string; readonly limits?: PdfLimits } = {},
): Promise<PdfReading> {
  const limits = options.limits ?? PDF_LIMITS;
  const checked = preflight(bytes, limits);
  if (checked) return { ok: false, problem: { kind: 'limit', ...checked } };
  const started = process.cpuUsage();
  const lib = pdfjs();
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
    password: '',
    cMapPacked: true,
    cMapUrl: options.cmapDir ? 'cmaps/' : undefined,
    CMapReaderFactory: cmapFactory(options.cmapDir),
  } as Parameters<PdfJs['getDocument']>[0]);
  let document: Awaited<typeof task.promise> | undefined;
  try {
    document = await task.promise;
    if (document.numPages > limits.maxPages)
      return { ok: false, problem: { kind: 'limit', what: 'pages', found: document.numPages, limit: limits.maxPages } };
    const pages: PdfPage[] = [];
    let items = 0;
    let chars = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent({ includeMarkedContent: false });
      const out: PdfItem[] = [];
      for (const raw of content.items as TextItemLike[]) {
        const t = raw.transform;
        if (typeof raw.str !== 'string' || !t || t.length < 6 || raw.str.trim() === '') continue;
        const [a, b, c, d, e, f] = t;
        // Horizontal text only: a rotated item is a watermark or a stamp, not the report's text.
        if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d <= 0) continue;
        out.push({ text: raw.str, x: e - x0, y: f - y0, width: raw.width ?? 0, size: Math.abs(d) });
        chars += raw.str.length;
      }
      items += out.length;
      page.cleanup();
      if (items > limits.maxItems)
        return { ok: false, problem: { kind: 'limit', what: 'items', found: items, limit: limits.maxItems } };
      if (chars > limits.maxChars)
        return { ok: false, problem: { kind: 'limit', what: 'chars', found: chars, limit: limits.maxChars } };
      const cpu = cpuMs(started);
      if (cpu > limits.maxCpuMs)
        return { ok: false, problem: { kind: 'limit', what: 'cpu', found: Math.round(cpu), limit: limits.maxCpuMs } };
      pages.push({ width: x1 - x0, height: y1 - y0, items: out });
    }
    return { ok: true, pages };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return { ok: false, problem: { kind: 'encrypted' } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { kind: 'damaged', detail: message.slice(0, 200) } };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
