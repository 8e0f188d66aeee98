// The smallest language server, for the latency benchmark: it answers every opened or changed document with an
// empty publishDiagnostics at once and does no work. Given the same edits as the real servers, its round trip is
// this machine's own (two processes, a pipe each way, JSON-RPC), which every server's latency includes.
'use strict';
const { createConnection } = require('vscode-languageserver/node');

const connection = createConnection(process.stdin, process.stdout);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: 2 } }));
const publish = ({ textDocument }) =>
  connection.sendDiagnostics({ uri: textDocument.uri, version: textDocument.version, diagnostics: [] });
connection.onDidOpenTextDocument(publish);
connection.onDidChangeTextDocument(publish);
connection.listen();
