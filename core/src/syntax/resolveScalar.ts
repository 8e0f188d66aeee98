/** Type resolution of scalars under the YAML 1.2 core schema, shared by both parsers. */
import type { ScalarStyle, ScalarValue } from './tree';

const NULL = /^(?:~|null|Null|NULL|)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT10 = /^[-+]?[0-9]+$/;
const INT8 = /^0o[0-7]+$/;
const INT16 = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** Standard tags of the core schema, in their short form. */
export const CORE_TAGS: ReadonlySet<string> = new Set([
  '!!str',
  '!!int',
  '!!float',
  '!!null',
  '!!bool',
  '!!map',
  '!!seq',
  '!',
]);

/** `tag:yaml.org,2002:int` and `!<tag:yaml.org,2002:int>` become `!!int`; anything else is kept as written. */
export function normaliseTag(tag: string): string {
  const verbatim = /^!<(.*)>$/.exec(tag);
  const full = verbatim ? verbatim[1] : tag;
  return full.startsWith('tag:yaml.org,2002:') ? `!!${full.slice('tag:yaml.org,2002:'.length)}` : full;
}

/**
 * First characters a plain scalar of another type than string can start with (digits, signs, `.`, `~`, and the
 * letters of null/true/false/0o/0x). Keys and narrative words start with something else and skip every test.
 */
function mayBeTyped(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2d ||
    c === 0x2b ||
    c === 0x2e ||
    c === 0x7e ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46
  );
}

function resolvePlain(text: string): ScalarValue {
  if (text.length === 0) return null;
  const first = text.charCodeAt(0);
  if (!mayBeTyped(first)) return text;
  if (first >= 0x30 && first <= 0x39 && INT10.test(text)) return Number(text);
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (INT10.test(text)) return Number(text);
  if (INT8.test(text)) return parseInt(text.slice(2), 8);
  if (INT16.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return Number(text);
  if (INF.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(text)) return NaN;
  return text;
}

/**
 * Resolve a decoded scalar. Quoted and block scalars are strings; a plain scalar is typed by its text.
 * A standard tag forces the type when the text fits it; otherwise (and for custom tags) the text is kept and
 * the caller reports the tag.
 */
export function resolveScalar(text: string, style: ScalarStyle, tag: string | undefined): ScalarValue {
  if (tag === undefined) return style === 'plain' ? resolvePlain(text) : text;
  switch (tag) {
    case '!!str':
    case '!':
      return text;
    case '!!null':
      return NULL.test(text) ? null : text;
    case '!!bool':
      return TRUE.test(text) ? true : FALSE.test(text) ? false : text;
    case '!!int':
    case '!!float': {
      const value = resolvePlain(text);
      return typeof value === 'number' ? value : text;
    }
    default:
      return text;
  }
}
