/** Bytes of a report file as text: UTF-8 (a BOM is dropped); invalid sequences become U+FFFD, never an exception. */
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
