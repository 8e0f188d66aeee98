/**
 * Open documents and their analysis: each document version is analysed once, on first use, and every feature
 * (diagnostics, completion, hover, hints, actions, outline) shares that result. Each document keeps the core's
 * memo of its analyses, so that a keystroke in a table does not read the unchanged narrative again.
 */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisMemo, DEFAULT_MAX_LENGTH, LineIndex, analyze } from '../../core/src/index';
import type { Analysis } from '../../core/src/index';

/**
 * Open documents longer than this (UTF-16 units) are not checked: their one diagnostic (NB107) says so, and every
 * feature answers from that empty analysis. The core's own limit, stated here so that the server's is explicit.
 */
export const MAX_DOCUMENT_LENGTH = DEFAULT_MAX_LENGTH;

export interface DocumentState {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly analysis: Analysis;
  readonly lines: LineIndex;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, DocumentState>();
  private readonly memos = new Map<string, AnalysisMemo>();
  /** How many analyses ran (one per document version used). */
  analyses = 0;

  get(uri: string): DocumentState | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached;
    // The core reads a leading BOM as nothing and keeps offsets into the text as given.
    const text = document.getText();
    let memo = this.memos.get(uri);
    if (!memo) this.memos.set(uri, (memo = new AnalysisMemo()));
    const state: DocumentState = {
      uri,
      version: document.version,
      text,
      analysis: analyze(text, { maxLength: MAX_DOCUMENT_LENGTH, memo }),
      lines: new LineIndex(text),
    };
    this.analyses++;
    this.cache.set(uri, state);
    return state;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.memos.delete(uri);
  }
}
