/**
 * A plain LSP client for the tests: spawns the real bundled server (`dist/server.js --stdio`, or the
 * `nianbao-language-server` bin) and talks JSON-RPC to it over its standard input and output.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  InlayHint,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './paths';

export const SERVER = join(ROOT, 'dist', 'server.js');
export const SERVER_BIN = join(ROOT, 'bin', 'nianbao-language-server.js');

/** What VS Code announces for the features the server uses. */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: {
      completionItem: {
        snippetSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        insertTextModeSupport: { valueSet: [1, 2] },
      },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    inlayHint: {},
  },
  workspace: { workspaceEdit: { documentChanges: true }, inlayHint: { refreshSupport: true }, configuration: false },
};

/** A safety net against a hung server, not a speed requirement. */
const WAIT_LIMIT_MS = 60_000;

export function fileUri(name: string): string {
  return pathToFileURL(join(ROOT, 'test', 'tmp-virtual', name)).toString();
}

export interface StartOptions {
  /** Command after `node`; default `dist/server.js --stdio`. */
  readonly args?: readonly string[];
  readonly locale?: string;
  readonly initializationOptions?: unknown;
  readonly capabilities?: ClientCapabilities;
  /**
   * Workspace folders (paths) the server indexes; none by default, so that a suite sees only the documents it
   * opens (the repository's own fixtures would otherwise be duplicates of each other).
   */
  readonly workspaceFolders?: readonly string[];
}

export interface ServerRequest {
  readonly method: string;
  readonly params: unknown;
}

export interface Notification {
  readonly method: string;
  readonly params: unknown;
}

export class LspClient {
  /** Every diagnostics publication in arrival order. */
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly notifications: Notification[] = [];
  readonly stderr: string[] = [];
  /** Requests the server sent (client/registerCapability …), answered with null. */
  readonly requests: ServerRequest[] = [];
  initializeResult: InitializeResult | undefined;
  private readonly waiters: (() => void)[] = [];
  private readonly texts = new Map<string, TextDocument>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.args ?? [SERVER, '--stdio'])], { cwd: ROOT, stdio: 'pipe' });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new LspClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString('utf8')));
    connection.onNotification((method, params) => {
      if (method === 'textDocument/publishDiagnostics') client.publications.push(params as PublishDiagnosticsParams);
      client.notifications.push({ method, params });
      for (const wake of client.waiters.splice(0)) wake();
    });
    connection.onRequest((method, params) => {
      client.requests.push({ method, params });
      for (const wake of client.waiters.splice(0)) wake();
      return null;
    });
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders.length ? pathToFileURL(folders[0]).toString() : null,
      workspaceFolders: folders.length ? folders.map((f) => ({ uri: pathToFileURL(f).toString(), name: f })) : null,
      capabilities: options.capabilities ?? VSCODE_CAPABILITIES,
      locale: options.locale ?? 'zh-cn',
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone.
    }
    const timer = setTimeout(() => this.process.kill(), WAIT_LIMIT_MS);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  /** Resolves when `predicate` holds, re-checked after every notification. */
  async waitFor<T>(describe: string, predicate: () => T | undefined): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = predicate();
      if (value !== undefined) return value;
      if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`timed out waiting for ${describe}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The diagnostics published for `uri` at `version` (any version when undefined) after publication `since`. */
  diagnosticsFor(uri: string, version?: number, since = 0): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics of ${uri}@${version}`, () => {
      for (let i = this.publications.length - 1; i >= since; i--) {
        const p = this.publications[i];
        if (p.uri === uri && (version === undefined || p.version === version)) return p.diagnostics;
      }
      return undefined;
    });
  }

  text(uri: string): string {
    return (this.texts.get(uri) as TextDocument).getText();
  }

  version(uri: string): number {
    return (this.texts.get(uri) as TextDocument).version;
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.texts.set(uri, TextDocument.create(uri, 'nianbao', 1, text));
    const since = this.publications.length;
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'nianbao', version: 1, text },
    });
    return this.diagnosticsFor(uri, 1, since);
  }

  /** Replace the whole text (as a full-content change) and wait for its diagnostics. */
  async replace(uri: string, text: string): Promise<Diagnostic[]> {
    const since = this.publications.length;
    const version = this.sendChange(uri, [{ text }]);
    return this.diagnosticsFor(uri, version, since);
  }

  /** Send one change without waiting; returns the new version. */
  sendChange(uri: string, changes: ({ text: string } | { range: Range; text: string })[]): number {
    const doc = this.texts.get(uri) as TextDocument;
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async applyEdit(uri: string, edit: WorkspaceEdit): Promise<Diagnostic[]> {
    const edits = editsFor(uri, edit, this.version(uri));
    return this.replace(uri, TextDocument.applyEdits(this.texts.get(uri) as TextDocument, edits));
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest<CompletionItem[] | CompletionList | null>(
      'textDocument/completion',
      {
        textDocument: { uri },
        position,
      },
    );
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[]> {
    return this.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
  }

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  }

  folding(uri: string): Promise<FoldingRange[]> {
    return this.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  }

  /** `textDocument/formatting`, or `rangeFormatting` with a range; two-space options as editors send them. */
  format(uri: string, range?: Range): Promise<TextEdit[] | null> {
    const options = { tabSize: 2, insertSpaces: true };
    return range
      ? this.connection.sendRequest<TextEdit[] | null>('textDocument/rangeFormatting', {
          textDocument: { uri },
          range,
          options,
        })
      : this.connection.sendRequest<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options });
  }

  /** The document's text with `edits` applied (as the editor would). */
  applied(uri: string, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(this.texts.get(uri) as TextDocument, [...edits]);
  }
}

/** The text edits of a workspace edit for one document, checking the version it was made for. */
export function editsFor(uri: string, edit: WorkspaceEdit, version: number): TextEdit[] {
  if (edit.documentChanges) {
    const edits: TextEdit[] = [];
    for (const change of edit.documentChanges) {
      if (!('textDocument' in change)) throw new Error('unexpected resource operation');
      if (change.textDocument.uri !== uri) throw new Error(`edit for another document ${change.textDocument.uri}`);
      if (change.textDocument.version !== null && change.textDocument.version !== version) {
        throw new Error(`edit made for version ${change.textDocument.version}, document is at ${version}`);
      }
      for (const e of change.edits) edits.push(e as TextEdit);
    }
    return edits;
  }
  return edit.changes?.[uri] ?? [];
}

/** Position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found`);
  const doc = TextDocument.create('x:', 'nianbao', 0, text);
  return doc.positionAt(offset + delta);
}
