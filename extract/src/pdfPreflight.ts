/**
 * Bounds a PDF before pdfjs reads it. pdfjs inflates a stream whole when it reads it, and a few kilobytes of
 * deflated zeros are a gigabyte of content: here every stream that reading text would decode (page contents, forms,
 * fonts, CMaps, object and cross-reference streams — images are never decoded for text) is decoded once with a
 * counter and its output thrown away, and the objects the file declares are counted. Flate, LZW and run-length are
 * counted (Flate by Node's zlib with an output cap); ASCII hex and ASCII85 shrink their input and are decoded on
 * the way.
 */
import { constants, inflateRawSync, inflateSync } from 'node:zlib';

export interface PreflightLimits {
  /** What one stream may decode to. */
  readonly maxStreamBytes: number;
  /** What all streams together may decode to. */
  readonly maxDecodedBytes: number;
  readonly maxObjects: number;
}

export interface PreflightExcess {
  readonly what: 'stream' | 'decoded' | 'objects';
  readonly found: number;
  readonly limit: number;
}

/**
 * Bytes a deflated stream inflates to, up to `cap` (Node's zlib stops there: `maxOutputLength`); a damaged stream
 * counts what it gave.
 */
function inflatedLength(data: Uint8Array, cap: number): { length: number; bytes?: Uint8Array } {
  const zlibHeader = data.length >= 2 && (data[0] & 0x0f) === 8 && ((data[0] << 8) | data[1]) % 31 === 0;
  const options = { maxOutputLength: cap + 1, finishFlush: constants.Z_SYNC_FLUSH };
  try {
    const out = zlibHeader ? inflateSync(data, options) : inflateRawSync(data, options);
    return { length: out.length, bytes: out };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { length: cap + 1 };
    return { length: 0 };
  }
}

/** Bytes an LZW stream decodes to, from the lengths of its table's strings (nothing is decoded). */
function lzwLength(data: Uint8Array, earlyChange: number, cap: number): number {
  const lengths = new Uint32Array(4096);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  let width = 9;
  let next = 258;
  let previous = -1;
  let total = 0;
  for (;;) {
    while (bits < width) {
      if (at >= data.length) return total;
      buffer = ((buffer << 8) | data[at++]) & 0xffffff;
      bits += 8;
    }
    const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 256) {
      width = 9;
      next = 258;
      previous = -1;
      continue;
    }
    if (code === 257) return total;
    const before = previous < 0 ? 0 : previous < 256 ? 1 : lengths[previous];
    let length: number;
    if (code < 256) length = 1;
    else if (code < next) length = lengths[code];
    else if (code === next && previous >= 0) length = before + 1;
    else return total;
    total += length;
    if (total > cap) return total;
    if (previous >= 0 && next < 4096) lengths[next++] = before + 1;
    previous = code;
    if (next + earlyChange >= 1 << width && width < 12) width++;
  }
}

function runLengthLength(data: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < data.length;) {
    const n = data[i];
    if (n === 128) break;
    if (n < 128) {
      total += n + 1;
      i += n + 2;
    } else {
      total += 257 - n;
      i += 2;
    }
  }
  return total;
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let high = -1;
  for (const b of data) {
    if (b === 0x3e) break;
    const v = b >= 0x30 && b <= 0x39 ? b - 0x30 : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 ? (b | 0x20) - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  return Uint8Array.from(out);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (b === 0x7e) break;
    if (b === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (b < 0x21 || b > 0x75) continue;
    group.push(b - 33);
    if (group.length === 5) {
      let v = 0;
      for (const g of group) v = v * 85 + g;
      out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
      group.length = 0;
    }
  }
  return Uint8Array.from(out);
}

const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode', 'Crypt']);
const SHORT: Readonly<Record<string, string>> = {
  Fl: 'FlateDecode',
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
};

/** What one stream decodes to, past `cap` or not. */
function decodedLength(dict: string, data: Uint8Array, cap: number): number {
  if (/\/Subtype\s*\/Image\b/.test(dict)) return 0;
  const filterText = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1] ?? '';
  const filters = [...filterText.matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => SHORT[m[1]] ?? m[1]);
  if (filters.length === 0) return data.length;
  const early = /\/EarlyChange\s+0\b/.test(dict) ? 0 : 1;
  let current = data;
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    const last = i === filters.length - 1;
    if (IMAGE_FILTERS.has(f)) return current.length;
    if (f === 'ASCIIHexDecode') current = asciiHex(current);
    else if (f === 'ASCII85Decode') current = ascii85(current);
    else if (f === 'FlateDecode') {
      const r = inflatedLength(current, cap);
      if (last || r.length > cap || !r.bytes) return r.length;
      current = r.bytes;
    } else if (f === 'LZWDecode') {
      // Decoding LZW for a further filter is not done here: its counted length stands for the chain.
      return lzwLength(current, early, cap);
    } else if (f === 'RunLengthDecode') return runLengthLength(current);
    else return current.length;
  }
  return current.length;
}

/** The first limit the PDF is past, or undefined. */
export function preflight(bytes: Uint8Array, limits: PreflightLimits): PreflightExcess | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  let objects = 0;
  for (const m of text.matchAll(/\d+\s+\d+\s+obj\b/g)) if (m) objects++;
  for (const m of text.matchAll(/\/Type\s*\/ObjStm\b[^>]*?\/N\s+(\d+)|\/N\s+(\d+)[^>]*?\/Type\s*\/ObjStm\b/g))
    objects += Number(m[1] ?? m[2]) || 0;
  if (objects > limits.maxObjects) return { what: 'objects', found: objects, limit: limits.maxObjects };
  let total = 0;
  const keyword = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = keyword.exec(text))) {
    if (text.startsWith('end', m.index - 3)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const objAt = text.lastIndexOf('obj', m.index);
    const dict = text.slice(Math.max(objAt, m.index - 4096, 0), m.index);
    const length = decodedLength(dict, bytes.subarray(start, end), limits.maxStreamBytes);
    if (length > limits.maxStreamBytes) return { what: 'stream', found: length, limit: limits.maxStreamBytes };
    total += length;
    if (total > limits.maxDecodedBytes) return { what: 'decoded', found: total, limit: limits.maxDecodedBytes };
    keyword.lastIndex = end + 9;
  }
  return undefined;
}
