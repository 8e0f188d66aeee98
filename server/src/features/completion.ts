/** Completion: the core's candidates as LSP items; the editor filters them by `filterText` as the user types. */
import { CompletionItemKind, InsertTextFormat, InsertTextMode } from 'vscode-languageserver/node';
import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { completionsAt, localize, snippetToPlain } from '../../../core/src/index';
import type { CandidateKind, CompletionCandidate, Lang } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { toOffset, toRange } from '../convert';
import type { Feature } from '../serverContext';

const KIND: Readonly<Record<CandidateKind, CompletionItemKind>> = {
  section: CompletionItemKind.Module,
  table: CompletionItemKind.Struct,
  group: CompletionItemKind.Class,
  row: CompletionItemKind.Field,
  text: CompletionItemKind.Text,
  meta: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export interface CompletionClient {
  readonly snippets: boolean;
  readonly retrigger: boolean;
}

function toItem(c: CompletionCandidate, state: DocumentState, lang: Lang, client: CompletionClient): CompletionItem {
  const newText = client.snippets ? c.insertText : snippetToPlain(c.insertText);
  const labelDetail = c.labelDetail ? localize(c.labelDetail, lang) : undefined;
  return {
    label: localize(c.label, lang),
    ...(labelDetail ? { labelDetails: { description: labelDetail.trim() } } : {}),
    kind: KIND[c.kind],
    detail: localize(c.detail, lang),
    ...(c.documentation ? { documentation: { kind: 'markdown', value: localize(c.documentation, lang) } } : {}),
    filterText: c.filterText,
    sortText: c.sortText,
    insertTextFormat: client.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Lines after the first already carry their indentation.
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: toRange(state.lines, c.range), newText },
    ...(c.retrigger && client.retrigger ? { command: { title: '', command: 'editor.action.triggerSuggest' } } : {}),
  };
}

export function completionItems(
  state: DocumentState,
  params: CompletionParams,
  lang: Lang,
  client: CompletionClient,
): CompletionItem[] {
  const offset = toOffset(state.lines, params.position);
  const candidates = completionsAt(state.analysis, offset, { currentYear: new Date().getFullYear() });
  return candidates.map((c) => toItem(c, state, lang, client));
}

export const completionFeature: Feature = (server) => {
  let client: CompletionClient = { snippets: false, retrigger: false };
  server.connection.onCompletion(
    server.onDocument('textDocument/completion', [], (state, params) =>
      completionItems(state, params, server.settings.lang, client),
    ),
  );
  return {
    initialize: (params, options) => {
      client = {
        snippets: params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
        retrigger: options.retriggerCompletion === true,
      };
      return { completionProvider: { triggerCharacters: [' '], resolveProvider: false } };
    },
  };
};
