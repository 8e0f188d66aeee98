// A small LSP client for the benchmarks: spawns a server (`node <args>`), talks JSON-RPC over its stdio, answers
// the server's requests (workspace/configuration from the given settings, registrations with null), and resolves
// a waiter the moment a publishDiagnostics for a document arrives. Times are taken with performance.now() in
// this process, from just before a message is written to just after the answer is read.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT, now, require } from './lib.mjs';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

export const CAPABILITIES = {
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true, labelDetailsSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  // No pull configuration: yaml-language-server would then ask for a setting before every validation.
  workspace: { configuration: false, workspaceFolders: false },
};

export class BenchClient {
  constructor(child, connection) {
    this.child = child;
    this.connection = connection;
    this.stderr = '';
    this.texts = new Map();
    this.waiters = new Map();
    this.publications = 0;
    this.config = {};
  }

  /**
   * Spawns `node ...args`, sends `initialize` and `initialized`. `readyMs`: from spawn to the initialize result.
   */
  static async start(args, { initializationOptions, settings = {}, env } = {}) {
    const spawned = now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ...env } });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new BenchClient(child, connection);
    client.config = settings;
    child.stderr.on('data', (chunk) => (client.stderr += chunk.toString('utf8')));
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      client.publications++;
      const waiter = client.waiters.get(params.uri);
      if (waiter && waiter.accept(params)) {
        client.waiters.delete(params.uri);
        waiter.resolve({ at: now(), params });
      }
    });
    connection.onNotification(() => {});
    connection.onRequest('workspace/configuration', (params) =>
      params.items.map((item) => client.config[item.section] ?? null),
    );
    connection.onRequest(() => null);
    connection.listen();
    // A server that dies (a missing module, a crash) would leave every request unanswered: fail with its stderr.
    const exited = new Promise((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`${args.join(' ')} exited (${signal ?? code}) before the benchmark ended:\n${client.stderr}`)),
      ),
    );
    exited.catch(() => {});
    client.exited = exited;
    const result = await Promise.race([
      exited,
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: CAPABILITIES,
        locale: 'zh-cn',
        initializationOptions,
      }),
    ]);
    client.readyMs = now() - spawned;
    client.initializeResult = result;
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the next publication for `uri` that `accept` takes (default: any). */
  nextDiagnostics(uri, accept = () => true) {
    if (this.waiters.has(uri)) throw new Error(`already waiting for ${uri}`);
    return new Promise((resolve) => this.waiters.set(uri, { accept, resolve }));
  }

  async open(uri, text, languageId = 'nianbao') {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return (await published).params;
  }

  text(uri) {
    return this.texts.get(uri).getText();
  }

  positionAt(uri, offset) {
    return this.texts.get(uri).positionAt(offset);
  }

  /** One incremental change (offsets into the current text); returns the new version. */
  change(uri, start, end, text) {
    const doc = this.texts.get(uri);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const version = doc.version + 1;
    TextDocument.update(doc, [{ range, text }], version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  /** A change and the time until its diagnostics arrive (for servers that send no version: the next publication). */
  async timedChange(uri, start, end, text, { versioned }) {
    let version;
    const published = this.nextDiagnostics(uri, (p) => !versioned || p.version === version);
    const t0 = now();
    version = this.change(uri, start, end, text);
    const { at, params } = await published;
    return { ms: at - t0, diagnostics: params.diagnostics };
  }

  async completion(uri, position) {
    const t0 = now();
    const result = await this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    const ms = now() - t0;
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return { ms, items };
  }

  async request(method, params) {
    const t0 = now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: now() - t0, result };
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  async stop() {
    const exited = new Promise((resolve) =>
      this.child.exitCode !== null ? resolve() : this.child.once('exit', resolve),
    );
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {}
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

export function fileUri(path) {
  return pathToFileURL(path).toString();
}
