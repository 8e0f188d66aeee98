/**
 * Bytes of a report file as text. UTF-8 (a BOM is dropped; invalid sequences become U+FFFD, which the core
 * reports as "not UTF-8" when there are many), or UTF-16 when the file starts with a UTF-16 byte-order mark,
 * as Windows editors write "Unicode" text. Never an exception.
 */
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: false, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes);
  return utf8.decode(bytes);
}
