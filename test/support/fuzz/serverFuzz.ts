/**
 * The real bundled server (`dist/server.js --stdio`) under random edit sequences of valid reports, with completion,
 * hover, code actions, inlay hints, outline, folding and render requests at random places in between (some of
 * them cancelled right away). After each sequence:
 * - the process is alive, wrote nothing to standard error (an unhandled rejection would be there) and logged no
 *   internal failure (a guarded handler that threw logs `window/logMessage` of type Error);
 * - every request was answered (a cancelled one may be answered with RequestCancelled), with ranges inside the text
 *   of the version it was made for, and code actions whose edits apply to the version they name;
 * - diagnostics were published only for versions that were sent, never going back, the last one for the last
 *   version, and each publication equals the core's own analysis of the text of its version (so the incremental
 *   text sync, positions across CRLF, lone CR and surrogates, and the debounce are all right).
 */
import fc from 'fast-check';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, analyze } from '../../../core/src/index';
import { editsFor, fileUri, LspClient } from '../lspClient';
import type { RenderResult } from '../../../protocol/src/protocol';
import { applyChange, baseReport, changeOf, edit, showChange } from './mutations';
import type { Edit } from './mutations';
import type { FuzzTarget } from './runFuzz';

type RequestKind =
  | 'completion'
  | 'hover'
  | 'codeAction'
  | 'fixAll'
  | 'inlayHint'
  | 'symbols'
  | 'folding'
  | 'render'
  | 'renderPage'
  | 'renderStale';

interface RequestSpec {
  readonly kind: RequestKind;
  /** Where in the text (a fraction of its length), or a position off the text. */
  readonly where: number;
  readonly wild: boolean;
  /** Cancel it right after sending. */
  readonly cancel: boolean;
}

interface Step {
  readonly edit: Edit;
  /** Wait after the change (ms): 0 sends the next change at once; 160 lets the debounced diagnostics out. */
  readonly pause: number;
  readonly requests: readonly RequestSpec[];
}

const request: fc.Arbitrary<RequestSpec> = fc.record({
  kind: fc.constantFrom<RequestKind>(
    'completion',
    'completion',
    'hover',
    'hover',
    'codeAction',
    'fixAll',
    'inlayHint',
    'symbols',
    'folding',
    'render',
    'renderPage',
    'renderStale',
  ),
  where: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  wild: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  cancel: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

const step: fc.Arbitrary<Step> = fc.record({
  edit: edit({ loneCr: false }),
  pause: fc.constantFrom(0, 0, 0, 0, 2, 10, 40, 160),
  requests: fc.array(request, { maxLength: 3 }),
});

const WAIT_LIMIT_MS = 60_000;
const REQUEST_CANCELLED = -32800;

function withLimit<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${WAIT_LIMIT_MS / 1000} s`)), WAIT_LIMIT_MS);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The diagnostics the server must publish for `text`: the core's analysis, as the server words and places it. */
export function expectedDiagnostics(text: string): string[] {
  const lines = new LineIndex(text);
  return analyze(text).diagnostics.map((d) => {
    const s = lines.positionAt(d.range.start);
    const e = lines.positionAt(d.range.end);
    return `${d.code} ${s.line}:${s.character}-${e.line}:${e.character} ${d.message.zh}`;
  });
}

function shown(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
  );
}

function lineLength(doc: TextDocument, line: number): number {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '').length;
}

/** A range of real positions in `doc`: on one of its lines, not past the line's end (as the editor counts lines). */
function inside(doc: TextDocument, range: Range): boolean {
  const ok = (p: Position): boolean =>
    p.line >= 0 && p.character >= 0 && p.line < doc.lineCount && p.character <= lineLength(doc, p.line);
  return ok(range.start) && ok(range.end) && doc.offsetAt(range.start) <= doc.offsetAt(range.end);
}

export class ServerFuzz implements FuzzTarget<[string, Step[]]> {
  readonly name = 'server';
  private client: LspClient | undefined;
  private documents = 0;
  private readonly count = { edits: 0, requests: 0, cancelled: 0, publications: 0 };

  async setup(): Promise<void> {
    this.client = await LspClient.start();
  }

  async teardown(): Promise<void> {
    await this.client?.stop();
    this.client = undefined;
  }

  counters(): Record<string, number> {
    return { ...this.count };
  }

  /** The server is alive and has reported no failure of its own. */
  health(): string[] {
    const client = this.client as LspClient;
    const problems: string[] = [];
    if (client.process.exitCode !== null || client.process.signalCode !== null)
      problems.push(`the server exited (${client.process.exitCode ?? client.process.signalCode})`);
    const stderr = client.stderr.join('');
    if (stderr.trim()) problems.push(`the server wrote to standard error:\n${stderr.slice(0, 3000)}`);
    const failures = client.notifications.filter(
      (n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1,
    );
    for (const f of failures.slice(0, 3))
      problems.push(
        `the server logged an internal failure:\n${(f.params as { message: string }).message.slice(0, 3000)}`,
      );
    return problems;
  }

  readonly property = fc.asyncProperty(
    baseReport,
    fc.array(step, { minLength: 1, maxLength: 14 }),
    async (base, steps) => this.run(base, steps),
  );

  private async run(base: string, steps: readonly Step[]): Promise<void> {
    const client = this.client as LspClient;
    const before = this.health();
    if (before.length) throw new Error(`before the run: ${before.join('\n')}`);
    const uri = fileUri(`fuzz-${++this.documents}.nianbao.yaml`);
    const since = client.publications.length;
    const statusSince = client.notifications.length;
    const texts = new Map<number, string>([[1, base]]);
    const log: string[] = [];
    await withLimit('didOpen', client.open(uri, base));
    const answers: Promise<string | undefined>[] = [];
    try {
      for (const s of steps) {
        const text = client.text(uri);
        const change = changeOf(text, s.edit);
        const doc = TextDocument.create(uri, 'nianbao', 0, text);
        const lsp = change.full
          ? { text: applyChange(text, change) }
          : { range: { start: doc.positionAt(change.start), end: doc.positionAt(change.end) }, text: change.text };
        const version = client.sendChange(uri, [lsp]);
        texts.set(version, client.text(uri));
        log.push(`v${version}: ${showChange(change)}`);
        this.count.edits++;
        for (const r of s.requests) answers.push(this.request(uri, r, version, texts));
        if (s.pause) await sleep(s.pause);
      }
      const last = client.version(uri);
      await withLimit(`the diagnostics of version ${last}`, client.diagnosticsFor(uri, last, since));
      const problems = (await Promise.all(answers)).filter((p): p is string => p !== undefined);
      if (problems.length) throw new Error(problems.join('\n'));

      // Publications: only versions sent, never backwards, each equal to the core's analysis of its text.
      let previous = 0;
      for (const p of client.publications.slice(since).filter((x) => x.uri === uri)) {
        this.count.publications++;
        if (p.version === undefined || !texts.has(p.version))
          throw new Error(`diagnostics published for version ${p.version}, which was never sent`);
        if (p.version < previous)
          throw new Error(`diagnostics of version ${p.version} published after those of version ${previous}`);
        previous = p.version;
        const versionDoc = TextDocument.create(uri, 'nianbao', p.version, texts.get(p.version) as string);
        const outside = p.diagnostics.find(
          (d) =>
            !inside(versionDoc, d.range) ||
            d.relatedInformation?.some((ri) => ri.location.uri === uri && !inside(versionDoc, ri.location.range)),
        );
        if (outside)
          throw new Error(
            `version ${p.version}: ${String(outside.code)} at ${JSON.stringify(outside.range)} is not a place in the text as the editor counts lines`,
          );
        const expected = expectedDiagnostics(texts.get(p.version) as string);
        const actual = shown(p.diagnostics);
        if (JSON.stringify([...actual].sort()) !== JSON.stringify([...expected].sort())) {
          throw new Error(
            `diagnostics of version ${p.version} differ from the core's analysis of its text:\n  published ${JSON.stringify(actual.slice(0, 8))}\n  expected  ${JSON.stringify(expected.slice(0, 8))}`,
          );
        }
      }
      if (previous !== last)
        throw new Error(`the last publication is for version ${previous}, the document is at ${last}`);
      // The status bar's notification follows the same versions.
      const statuses = client.notifications
        .slice(statusSince)
        .filter((n) => n.method === 'nianbao/status' && (n.params as { uri: string }).uri === uri);
      const statusVersions = statuses.map((n) => (n.params as { version: number }).version);
      if (statusVersions.some((v, i) => i > 0 && v < statusVersions[i - 1]))
        throw new Error(`status notifications went back in versions: ${statusVersions.join(',')}`);
    } catch (error) {
      (error as Error).message += `\nchanges:\n  ${log.join('\n  ')}`;
      throw error;
    } finally {
      await Promise.allSettled(answers);
      const closed = client.publications.length;
      await client.close(uri);
      await withLimit(
        'the cleared diagnostics after didClose',
        client.waitFor('cleared diagnostics', () =>
          client.publications.slice(closed).some((p) => p.uri === uri && p.diagnostics.length === 0) ? true : undefined,
        ),
      );
    }
    const after = this.health();
    if (after.length) throw new Error(`${after.join('\n')}\nchanges:\n  ${log.join('\n  ')}`);
  }

  /** Send one request made at `version`; resolves to a problem, or undefined when the answer is right. */
  private async request(
    uri: string,
    r: RequestSpec,
    version: number,
    texts: ReadonlyMap<number, string>,
  ): Promise<string | undefined> {
    const client = this.client as LspClient;
    this.count.requests++;
    const text = texts.get(version) as string;
    const doc = TextDocument.create(uri, 'nianbao', version, text);
    const position: Position = r.wild
      ? {
          line: Math.floor(r.where * 4) === 0 ? doc.lineCount + 5 : Math.floor(r.where * doc.lineCount),
          character: 100_000,
        }
      : doc.positionAt(Math.floor(r.where * (text.length + 1)));
    const range: Range = {
      start: position,
      end: r.wild
        ? { line: position.line + 3, character: 0 }
        : doc.positionAt(Math.min(text.length, doc.offsetAt(position) + 40)),
    };
    const lastDiagnostics = [...client.publications].reverse().find((p) => p.uri === uri)?.diagnostics ?? [];
    const cancel = new CancellationTokenSource();
    const what = `${r.kind} at version ${version} (${JSON.stringify(position)})`;
    const send = <T>(method: string, params: unknown): Promise<T> => {
      const p = client.connection.sendRequest<T>(method, params, cancel.token);
      if (r.cancel) {
        this.count.cancelled++;
        cancel.cancel();
      }
      return p;
    };
    try {
      switch (r.kind) {
        case 'completion': {
          const result = await withLimit(
            what,
            send<CompletionItem[] | CompletionList | null>('textDocument/completion', {
              textDocument: { uri },
              position,
            }),
          );
          const items = Array.isArray(result) ? result : (result?.items ?? []);
          for (const item of items) {
            if (typeof item.label !== 'string' || !item.label) return `${what}: an item without a label`;
            const edit = item.textEdit;
            if (edit) {
              const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
              for (const er of ranges) {
                if (!inside(doc, er) || er.start.line !== er.end.line)
                  return `${what}: item ${item.label} edits ${JSON.stringify(er)} outside its line`;
              }
            }
          }
          return undefined;
        }
        case 'hover': {
          const result = await withLimit(
            what,
            send<Hover | null>('textDocument/hover', { textDocument: { uri }, position }),
          );
          if (result?.range && !inside(doc, result.range))
            return `${what}: hover range ${JSON.stringify(result.range)} outside the text`;
          return undefined;
        }
        case 'codeAction':
        case 'fixAll': {
          const only = r.kind === 'fixAll' ? ['source.fixAll'] : undefined;
          const actions = await withLimit(
            what,
            send<CodeAction[] | null>('textDocument/codeAction', {
              textDocument: { uri },
              range,
              context: { diagnostics: lastDiagnostics, ...(only ? { only } : {}) },
            }),
          );
          for (const action of actions ?? []) {
            if (!action.edit) continue;
            const target = action.edit.documentChanges?.[0];
            const at =
              target && 'textDocument' in target && target.textDocument.version !== null
                ? target.textDocument.version
                : version;
            const base = texts.get(at);
            if (base === undefined) return `${what}: "${action.title}" is made for version ${at}, which was never sent`;
            let edits: TextEdit[];
            try {
              edits = editsFor(uri, action.edit, at);
            } catch (error) {
              return `${what}: "${action.title}": ${(error as Error).message}`;
            }
            const atDoc = TextDocument.create(uri, 'nianbao', at, base);
            for (const e of edits)
              if (!inside(atDoc, e.range))
                return `${what}: "${action.title}" edits ${JSON.stringify(e.range)} outside version ${at}`;
            try {
              TextDocument.applyEdits(atDoc, edits);
            } catch (error) {
              return `${what}: "${action.title}" does not apply: ${(error as Error).message}`;
            }
          }
          return undefined;
        }
        case 'inlayHint': {
          const hints = await withLimit(
            what,
            send<{ position: Position }[] | null>('textDocument/inlayHint', {
              textDocument: { uri },
              range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } },
            }),
          );
          for (const h of hints ?? [])
            if (
              !inside(doc, { start: h.position, end: h.position }) ||
              h.position.character > lineLength(doc, h.position.line)
            )
              return `${what}: hint at ${JSON.stringify(h.position)} outside the text`;
          return undefined;
        }
        case 'symbols': {
          const symbols = await withLimit(
            what,
            send<{ range: Range; selectionRange: Range; name: string }[] | null>('textDocument/documentSymbol', {
              textDocument: { uri },
            }),
          );
          const all = (
            list: readonly { range: Range; selectionRange: Range; name: string; children?: unknown[] }[],
          ): string | undefined => {
            for (const s of list) {
              if (!s.name) return `${what}: a symbol without a name`;
              if (!inside(doc, s.range) || !inside(doc, s.selectionRange))
                return `${what}: symbol ${s.name} outside the text`;
              const inner = all((s.children ?? []) as typeof list);
              if (inner) return inner;
            }
            return undefined;
          };
          return all(symbols ?? []);
        }
        case 'folding': {
          const ranges = await withLimit(
            what,
            send<{ startLine: number; endLine: number }[] | null>('textDocument/foldingRange', {
              textDocument: { uri },
            }),
          );
          for (const f of ranges ?? [])
            if (f.startLine < 0 || f.endLine >= doc.lineCount || f.startLine > f.endLine)
              return `${what}: fold ${f.startLine}-${f.endLine} outside ${doc.lineCount} lines`;
          return undefined;
        }
        case 'render':
        case 'renderPage':
        case 'renderStale': {
          const asked = r.kind === 'renderStale' ? version - 1 : version;
          const result = await withLimit(
            what,
            send<RenderResult | null>('nianbao/render', {
              uri,
              version: asked,
              kind: r.kind === 'renderPage' ? 'page' : 'body',
            }),
          );
          if (!result) return `${what}: no rendering (an internal failure)`;
          if (result.stale)
            return result.version !== asked
              ? undefined
              : `${what}: stale, yet the version asked for is the current one`;
          if (result.version !== asked) return `${what}: rendered version ${result.version}`;
          if (typeof result.html !== 'string' && typeof result.notReport !== 'string')
            return `${what}: neither a body nor a reason`;
          return undefined;
        }
      }
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (r.cancel && code === REQUEST_CANCELLED) return undefined;
      return `${what}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      cancel.dispose();
    }
  }
}
