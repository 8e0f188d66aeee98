/**
 * Bytes of a published page or text as a string. Chinese government sites serve UTF-8 and GBK/GB2312 alike and
 * sometimes declare the wrong one: bytes that are valid UTF-8 are UTF-8; otherwise the declared `<meta charset>`
 * is tried, then GB18030 (a superset of GBK), each strictly; only when all fail is the declared one decoded
 * leniently.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** The standard `TextDecoder` (Node and browsers); the core compiles without DOM or Node types, so it is typed here. */
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;
const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;

export interface DecodedInput {
  readonly text: string;
  /** The encoding actually used (`utf-8`, `gbk`, `gb18030`, …). */
  readonly encoding: string;
  /** The charset the page declared, when it declared one. */
  readonly declared?: string;
}

/** How far into the bytes a `<meta charset>` is looked for (the HTML standard's prescan looks at 1024). */
const PRESCAN = 4096;

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | undefined {
  try {
    return new Decoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

function metaCharset(element: Element): string | undefined {
  const attr = (name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;
  const direct = attr('charset');
  if (direct) return direct.trim();
  if (attr('http-equiv')?.toLowerCase() === 'content-type') {
    // The charset parameter of a MIME type inside an attribute value, not markup.
    const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(attr('content') ?? '');
    if (m) return m[1];
  }
  return undefined;
}

function findCharset(node: ParentNode): string | undefined {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.tagName === 'meta') {
      const charset = metaCharset(child);
      if (charset) return charset;
    }
    const inner = findCharset(child);
    if (inner) return inner;
  }
  return undefined;
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type">`, read with the HTML parser. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // ASCII-compatible view of the head: enough to read markup whatever the real encoding is.
  const head = tryDecode(bytes.subarray(0, PRESCAN), 'latin1', false) ?? '';
  return findCharset(parse(head))?.toLowerCase();
}

export function decodeBytes(bytes: Uint8Array): DecodedInput {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: tryDecode(bytes.subarray(3), 'utf-8', false) ?? '', encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: tryDecode(bytes.subarray(2), 'utf-16le', false) ?? '', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: tryDecode(bytes.subarray(2), 'utf-16be', false) ?? '', encoding: 'utf-16be' };

  const declared = declaredCharset(bytes);
  // Text that is valid UTF-8 and not plain ASCII is UTF-8 whatever the page says: GBK text passing a strict
  // UTF-8 decode by chance does not happen at the length of a page, a wrong declaration does.
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== undefined && bytes.some((b) => b >= 0x80))
    return { text: utf8, encoding: 'utf-8', ...(declared ? { declared } : {}) };
  const order = [...(declared ? [declared] : []), 'utf-8', 'gb18030'];
  for (const label of order) {
    const text = tryDecode(bytes, label, true);
    if (text !== undefined) return { text, encoding: label, ...(declared ? { declared } : {}) };
  }
  const fallback = declared && tryDecode(bytes, declared, false) !== undefined ? declared : 'utf-8';
  return { text: tryDecode(bytes, fallback, false) ?? '', encoding: fallback, ...(declared ? { declared } : {}) };
}
