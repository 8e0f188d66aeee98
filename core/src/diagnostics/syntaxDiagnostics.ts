/** NB1xx: what the parsers found, worded for the reader. */
import { M } from '../i18n/messages';
import { locate } from '../syntax/navigate';
import { DEFAULT_MAX_LENGTH, MAX_ALIASES, MAX_FILE_BYTES, MAX_ITEMS } from '../syntax/limits';
import type { ParsedDocument, SyntaxError } from '../syntax/tree';
import type { Diagnostic } from './diagnostic';

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
      return error.detail.startsWith('bytes:') ? M.tooLargeFile(Number(error.detail.slice(6)), MAX_FILE_BYTES) : M.tooLarge(Number(error.detail) || doc.text.length, maxLength);
    case 'tooManyItems':
      return M.tooManyItems(Number(error.detail), MAX_ITEMS);
    case 'tooManyAliases':
      return M.tooManyAliases(Number(error.detail), MAX_ALIASES);
    case 'binary':
      return error.detail === 'utf16' ? M.utf16() : error.detail === 'encoding' ? M.notUtf8() : M.binary();
  }
}

export function syntaxDiagnostics(doc: ParsedDocument, maxLength = DEFAULT_MAX_LENGTH): Diagnostic[] {
  const out: Diagnostic[] = doc.errors.map((error) => ({
    code: CODES[error.kind],
    severity: 'error',
    message: message(error, doc, maxLength),
    range: { start: error.start, end: error.end },
    path: doc.root && error.kind !== 'syntax' ? locate(doc.root, error.start).path : [],
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
  }));
  if (!doc.root && doc.errors.length === 0) {
    out.push({ code: 'NB109', severity: 'error', message: M.empty(), range: { start: 0, end: 0 }, path: [], fix: { kind: 'insertMissing', path: [], ids: [] } });
  }
  return out;
}
