/**
 * Document sync and diagnostics: the editor's open documents (incremental changes) kept by the document store, and
 * their diagnostics published by the server's one `DiagnosticsPublisher` (`diagnosticsPublisher.ts`): at once when
 * a document opens, then after the debounce, cleared when it closes, when it then returns to the disk's text.
 */
import { TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { Feature } from '../serverContext';

export const diagnosticsFeature: Feature = (server) => {
  const { store, publisher, files } = server;
  const { documents } = store;
  // The first change event of a document is its opening: published at once, not after the debounce.
  const opened = new Set<string>();
  documents.onDidOpen((e) => opened.add(e.document.uri));
  documents.onDidChangeContent(
    server.notification('textDocument/didChange', (e) => {
      const uri = e.document.uri;
      if (opened.delete(uri)) publisher.publish(uri);
      else publisher.schedule(uri);
    }),
  );
  documents.onDidClose(
    server.notification('textDocument/didClose', (e) => {
      opened.delete(e.document.uri);
      store.forget(e.document.uri);
      publisher.clear(e.document.uri);
      files.closed(e.document.uri);
    }),
  );
  // The language of the messages may have changed.
  server.settings.onDidChange(() => publisher.republishAll());
  return {
    initialize: () => ({ textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } }),
    dispose: () => publisher.dispose(),
  };
};
