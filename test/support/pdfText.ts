/**
 * A PDF read back with poppler's `pdftotext -bbox` (Debian poppler-utils): its pages, their size in points, and
 * their words with boxes, so that tests can ask where a page ends, which line ends it, and what the tables say in
 * reading order. Used for the Chromium print of the HTML page and for LibreOffice's PDF of the Word export.
 */
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfPage {
  /** Points (A4: 595.3 × 841.9). */
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ENTITIES[e.toLowerCase()],
  );
}

export function pdfPages(pdf: string): PdfPage[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)) {
    const words: PdfWord[] = [];
    for (const w of m[3].matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/gs,
    )) {
      words.push({ text: unescape(w[5]), xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4] });
    }
    pages.push({ width: +m[1], height: +m[2], words });
  }
  return pages;
}

/**
 * The page's words as lines, top to bottom, each left to right: words whose vertical centres lie within
 * `tolerance` points of a line's first word belong to it (cells of one table row are centred on one line).
 */
export function lines(page: PdfPage, tolerance = 3): PdfWord[][] {
  const centre = (w: PdfWord) => (w.yMin + w.yMax) / 2;
  const sorted = [...page.words].sort((a, b) => centre(a) - centre(b) || a.xMin - b.xMin);
  const out: PdfWord[][] = [];
  for (const w of sorted) {
    const line = out[out.length - 1];
    if (line && Math.abs(centre(line[0]) - centre(w)) <= tolerance) line.push(w);
    else out.push([w]);
  }
  for (const line of out) line.sort((a, b) => a.xMin - b.xMin);
  return out;
}

/** Every word of the document in reading order (page by page, line by line). */
export function readingOrder(pages: readonly PdfPage[]): string[] {
  return pages.flatMap((p) => lines(p).flatMap((l) => l.map((w) => w.text)));
}

/** The text of a page's last line, its words joined without spaces, and how far down the page it ends (0–1). */
export function lastLine(page: PdfPage): { text: string; bottom: number } {
  const all = lines(page);
  if (!all.length) return { text: '', bottom: 0 };
  const last = all[all.length - 1];
  return { text: last.map((w) => w.text).join(''), bottom: Math.max(...last.map((w) => w.yMax)) / page.height };
}

/** A4 in points, within a point. */
export function isA4(page: PdfPage): boolean {
  return Math.abs(page.width - 595.3) < 1 && Math.abs(page.height - 841.9) < 1;
}
