/** NB1xx: what the parsers found, worded for the reader. */
import { M } from '../i18n/messages';
import { locate } from '../syntax/navigate';
import { DEFAULT_MAX_LENGTH, MAX_ALIASES, MAX_FILE_BYTES, MAX_ITEMS } from '../syntax/limits';
import { syntaxRepairOf } from '../syntax/repairable';
import type { ParsedDocument, SyntaxError, YamlNode } from '../syntax/tree';
import type { Diagnostic, FixData, RelatedInformation } from './diagnostic';

const CODES: Record<SyntaxError['kind'], string> = {
  syntax: 'NB101',
  duplicateKey: 'NB102',
  tag: 'NB103',
  alias: 'NB104',
  multiDocument: 'NB105',
  tooDeep: 'NB106',
  tooLarge: 'NB107',
  tooManyItems: 'NB107',
  tooManyAliases: 'NB104',
  binary: 'NB108',
};

function message(error: SyntaxError, doc: ParsedDocument, maxLength: number) {
  switch (error.kind) {
    case 'syntax':
      // No tree at all: say why nothing else is reported.
      return doc.parser === 'none' ? M.syntaxUnrecovered(error.detail) : M.syntax(error.detail, error.code);
    case 'duplicateKey':
      return M.duplicateKey(error.key ?? error.detail);
    case 'tag':
      return M.tag(error.detail);
    case 'alias':
      return M.alias(error.detail);
    case 'multiDocument':
      return M.multiDocument();
    case 'tooDeep':
      return M.tooDeep();
    case 'tooLarge':
      // The parser records the text's length; a file refused before reading, `bytes:` and its size.
      return error.detail.startsWith('bytes:')
        ? M.tooLargeFile(Number(error.detail.slice(6)), MAX_FILE_BYTES)
        : M.tooLarge(Number(error.detail) || doc.text.length, maxLength);
    case 'tooManyItems':
      return M.tooManyItems(Number(error.detail), MAX_ITEMS);
    case 'tooManyAliases':
      return M.tooManyAliases(Number(error.detail), MAX_ALIASES);
    case 'binary':
      return error.detail === 'utf16' ? M.utf16() : error.detail === 'encoding' ? M.notUtf8() : M.binary();
  }
}

/**
 * What a quick fix can do about the error, as far as the parse shows it (the edits module checks the result):
 * repair an unclosed bracket or quote or tab indentation, comment out a later duplicate key or the documents
 * after the first, drop a custom tag, write out what an alias stands for.
 */
function fixOf(error: SyntaxError, doc: ParsedDocument): FixData | undefined {
  const range = { start: error.start, end: error.end };
  switch (error.kind) {
    case 'syntax': {
      // Without a recovered tree (a file of megabytes) a repair could not be checked at a reasonable cost.
      const repair = doc.parser === 'recover' ? syntaxRepairOf(doc.text, error) : undefined;
      return repair ? { kind: 'repairSyntax', repair, at: error.start } : undefined;
    }
    case 'duplicateKey': {
      const pair = locate(doc.root, error.start).pair;
      if (!pair || pair.key.start !== error.start) return undefined;
      return { kind: 'commentOut', range: { start: pair.key.start, end: Math.max(pair.end, pair.key.end) } };
    }
    case 'tag':
      return { kind: 'dropTag', range, path: locate(doc.root, error.start).path };
    case 'alias':
      return { kind: 'expandAlias', range, name: error.detail };
    case 'multiDocument': {
      // Everything from the marker that starts the second document on, when the first one is a report.
      const start = doc.text.lastIndexOf('\n', error.start - 1) + 1;
      const marker = /^(?:---|\.\.\.)(?:\s|$)/.test(doc.text.slice(start, start + 4));
      return marker && doc.root && doc.root.end <= start
        ? { kind: 'commentOut', range: { start, end: doc.text.length } }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Every anchored node by name, in document order, gathered once for all the aliases of a document. */
function anchorsOf(doc: ParsedDocument): Map<string, YamlNode[]> {
  const anchors = new Map<string, YamlNode[]>();
  const stack: YamlNode[] = doc.root ? [doc.root] : [];
  while (stack.length) {
    const node = stack.pop() as YamlNode;
    if (node.anchor !== undefined) {
      const list = anchors.get(node.anchor);
      if (list) list.push(node);
      else anchors.set(node.anchor, [node]);
    }
    if (node.kind === 'seq') for (const item of node.items) stack.push(item);
    if (node.kind === 'map') for (const pair of node.items) stack.push(pair.key, ...(pair.value ? [pair.value] : []));
  }
  for (const list of anchors.values()) list.sort((a, b) => a.start - b.start);
  return anchors;
}

/** Where the anchor an alias refers to is (the last one of that name before it), as related information. */
function anchorOf(
  doc: ParsedDocument,
  anchors: Map<string, YamlNode[]>,
  name: string,
  before: number,
): { related?: RelatedInformation[] } {
  let anchored: YamlNode | undefined;
  for (const node of anchors.get(name) ?? []) if (node.start < before) anchored = node;
  if (!anchored) return {};
  const at = doc.text.lastIndexOf(`&${name}`, Math.min(anchored.start, anchored.tagRange?.[0] ?? anchored.start));
  const range = at >= 0 ? { start: at, end: at + name.length + 1 } : { start: anchored.start, end: anchored.end };
  return { related: [{ range, path: locate(doc.root, anchored.start).path, message: M.anchorHere(name) }] };
}

export function syntaxDiagnostics(doc: ParsedDocument, maxLength = DEFAULT_MAX_LENGTH): Diagnostic[] {
  let anchors: Map<string, YamlNode[]> | undefined;
  const out: Diagnostic[] = doc.errors.map((error) => {
    const fix = fixOf(error, doc);
    return {
      code: CODES[error.kind],
      severity: 'error',
      message: message(error, doc, maxLength),
      range: { start: error.start, end: error.end },
      path: doc.root && error.kind !== 'syntax' ? locate(doc.root, error.start).path : [],
      ...(error.kind === 'alias' ? anchorOf(doc, (anchors ??= anchorsOf(doc)), error.detail, error.start) : {}),
      ...(error.kind === 'duplicateKey' && error.firstStart !== undefined
        ? {
            related: [
              {
                range: { start: error.firstStart, end: error.firstEnd ?? error.firstStart },
                path: [],
                message: M.duplicateKeyFirst(error.key ?? error.detail),
              },
            ],
          }
        : {}),
      ...(fix ? { fix } : {}),
    };
  });
  if (!doc.root && doc.errors.length === 0) {
    out.push({
      code: 'NB109',
      severity: 'error',
      message: M.empty(),
      range: { start: 0, end: 0 },
      path: [],
      fix: { kind: 'insertMissing', path: [], ids: [] },
    });
  }
  return out;
}
