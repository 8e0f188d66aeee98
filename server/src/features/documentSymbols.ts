/** The outline: sections, tables, row groups and rows, named as printed. */
import { SymbolKind } from 'vscode-languageserver/node';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { outline } from '../../../core/src/index';
import type { OutlineItem, OutlineKind } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { toRange } from '../convert';
import type { Feature } from '../serverContext';

const KIND: Readonly<Record<OutlineKind, SymbolKind>> = {
  section: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  group: SymbolKind.Class,
  row: SymbolKind.Array,
  text: SymbolKind.String,
  meta: SymbolKind.Property,
  other: SymbolKind.Key,
};

function toSymbol(item: OutlineItem, state: DocumentState): DocumentSymbol {
  return {
    name: item.name,
    ...(item.detail ? { detail: item.detail } : {}),
    kind: KIND[item.kind],
    range: toRange(state.lines, item.range),
    selectionRange: toRange(state.lines, item.selectionRange),
    children: item.children.map((c) => toSymbol(c, state)),
  };
}

export function documentSymbols(state: DocumentState): DocumentSymbol[] {
  return outline(state.analysis).map((item) => toSymbol(item, state));
}

export const documentSymbolsFeature: Feature = (server) => {
  server.connection.onDocumentSymbol(
    server.onDocument('textDocument/documentSymbol', [], (state) => documentSymbols(state)),
  );
  return { initialize: () => ({ documentSymbolProvider: true }) };
};
