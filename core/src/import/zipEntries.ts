/**
 * Reading one file out of a zip archive (a .docx is one) as untrusted input: the central directory is read with a
 * cap on the number of entries, and an entry is inflated in small steps with a cap on what it may grow to — the
 * sizes an archive declares are not trusted (a zip bomb declares small ones). fflate does the inflating.
 */
import { Inflate, inflateSync } from 'fflate';

/** More entries than any Word document has (a .docx has a few dozen; one with many images a few hundred). */
export const MAX_ZIP_ENTRIES = 2000;
/** What one entry may inflate to: a report's document.xml is a few megabytes. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeader: number;
}

export type ZipProblem = 'notZip' | 'tooManyEntries' | 'damaged' | 'tooLarge' | 'encrypted' | 'method';

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem);
  }
}

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The archive's entries from its central directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 65557; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('notZip');
  const count = u16(bytes, end + 10);
  if (count > MAX_ZIP_ENTRIES) throw new ZipError('tooManyEntries');
  let at = u32(bytes, end + 16);
  const decoder = new (
    globalThis as unknown as { TextDecoder: new (label: string) => { decode(b: Uint8Array): string } }
  ).TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('damaged');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localHeader = u32(bytes, at + 42);
    if (at + 46 + nameLength > bytes.length) throw new ZipError('damaged');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw new ZipError('encrypted');
    entries.push({ name, method, compressedSize, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Input fed to the inflater per step: each step can grow by at most about a thousand times this. */
const STEP = 64 * 1024;
/** Deflate cannot grow data more than about 1032 times. */
const MAX_RATIO = 1032;

/** An entry's bytes, inflated with a cap on their size. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes = MAX_ENTRY_BYTES): Uint8Array {
  const at = entry.localHeader;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipError('damaged');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) throw new ZipError('damaged');
  const data = bytes.subarray(start, stop);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipError('tooLarge');
    return data;
  }
  if (entry.method !== 8) throw new ZipError('method');
  if (data.length * MAX_RATIO <= maxBytes) {
    // Too small to inflate past the cap: at once.
    try {
      return inflateSync(data);
    } catch {
      throw new ZipError('damaged');
    }
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new ZipError('tooLarge');
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !done; i += STEP) {
      const last = i + STEP >= data.length;
      inflater.push(data.subarray(i, Math.min(i + STEP, data.length)), last);
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('damaged');
  }
  if (!done && data.length > 0) throw new ZipError('damaged');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
