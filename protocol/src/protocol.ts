/**
 * The nianbao server's own requests and notifications, shared by the server, the VS Code client and the tests.
 * Each is a `vscode-languageserver-protocol` message type (`X.type`) that carries its parameter and result types, so
 * `client.sendRequest(X.type, params)` and `connection.onRequest(X.type, handler)` are checked against each other.
 * Nothing else lives here: no editor, no server code.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export type Language = 'auto' | 'zh' | 'en';

/**
 * The column names before a row's values: `short` (one or two characters, `自:`; the default), `full` (`自然人:`),
 * `cursorRow` (full names on the cursor's row only: the VS Code client filters; other editors get full names
 * everywhere), `off`. `true` and `false`, the setting's earlier form, read as `full` and `off`.
 */
export type ColumnNames = 'short' | 'full' | 'cursorRow' | 'off';

/** The `nianbao.*` settings the server reads (initialization options and `workspace/didChangeConfiguration`). */
export interface ServerSettings {
  /** `auto`: the editor's display language (initialize `locale`); Chinese when the editor says nothing. */
  readonly language?: Language;
  readonly inlayHints?: { readonly columnNames?: ColumnNames | boolean };
}

export interface InitializationOptions {
  /**
   * The settings, as `{ language, inlayHints }` or in the shape of `workspace/didChangeConfiguration`,
   * `{ nianbao: { language, inlayHints } }` (what editors' `settings` tables hold); `nianbao` beside `settings`
   * is read too.
   */
  readonly settings?: ServerSettings | { readonly nianbao?: ServerSettings };
  readonly nianbao?: ServerSettings;
  /** The client understands the `editor.action.triggerSuggest` command on completion items (VS Code). */
  readonly retriggerCompletion?: boolean;
  /**
   * Milliseconds between the last change of a document and its diagnostics (default 150: typing is not checked on
   * every keystroke). 0 publishes as soon as the change is processed, as benchmarks measure it.
   */
  readonly diagnosticsDelayMs?: number;
}

export interface EditionInfo {
  readonly edition: number;
  /** `国办公开办函〔2021〕30号`. */
  readonly document: string;
  readonly title: string;
  /** First and (when superseded) last report year of the edition. */
  readonly from: number;
  readonly to?: number;
}

/** The template editions, for the "new report" command. */
export namespace EditionsRequest {
  export const method = 'nianbao/editions';
  export const type = new RequestType0<EditionInfo[], void>(method);
}

export interface SkeletonParams {
  readonly edition: number;
  readonly year: number;
  readonly agency: string;
}

/** A whole report of zeros for an edition, year and agency; `error` (localized) when they do not fit together. */
export interface SkeletonResult {
  readonly text?: string;
  readonly error?: string;
}

export namespace SkeletonRequest {
  export const method = 'nianbao/skeleton';
  export const type = new RequestType<SkeletonParams, SkeletonResult, void>(method);
}

export interface CheckFilesParams {
  /** `file:` URIs of reports; each gets its diagnostics published (open documents keep their live ones). */
  readonly uris: readonly string[];
}

export interface CheckFilesResult {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  /** Files with at least one error or warning. */
  readonly withProblems: number;
  readonly unreadable: readonly string[];
  /** Files above the size limit: reported as NB107 on the file instead of being read. */
  readonly tooLarge?: readonly string[];
  /** The check failed inside the server (localized; the details are in its output). */
  readonly error?: string;
}

export namespace CheckFilesRequest {
  export const method = 'nianbao/checkFiles';
  export const type = new RequestType<CheckFilesParams, CheckFilesResult, void>(method);
}

/** Sent with every diagnostics publication of an open document: what the status bar shows. */
export interface StatusParams {
  readonly uri: string;
  readonly version: number;
  readonly edition: number;
  /** Where the edition comes from: `declared` (格式), `year`, `layout`, or `default`. */
  readonly editionSource: string;
  readonly year?: number;
  readonly agency?: string;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
}

export namespace StatusNotification {
  export const method = 'nianbao/status';
  export const type = new NotificationType<StatusParams>(method);
}

/** How many analyses the server has run (one per document version used): for tests of the parse-once rule. */
export interface AnalysesResult {
  readonly analyses: number;
}

export namespace AnalysesRequest {
  export const method = 'nianbao/analyses';
  export const type = new RequestType0<AnalysesResult, void>(method);
}

/** The server process and its limits: for the client's restart handling and the robustness tests. */
export interface ServerInfoResult {
  readonly pid: number;
  /** Open documents longer than this (UTF-16 units) get NB107 instead of a check. */
  readonly maxDocumentLength: number;
  /** Files on disk larger than this (bytes) are not read: NB107 without reading. */
  readonly maxFileBytes: number;
}

export namespace ServerInfoRequest {
  export const method = 'nianbao/serverInfo';
  export const type = new RequestType0<ServerInfoResult, void>(method);
}

/** The workspace index once its initial walk and every disk operation under way are done (tests, benchmarks). */
export interface WorkspaceIndexResult {
  readonly reports: number;
  readonly agencies: number;
  readonly years: readonly number[];
  /** How long the initial index of the workspace folders took, in milliseconds. */
  readonly initialIndexMs: number;
  /** Report files read from disk so far. */
  readonly filesRead: number;
  /** Texts read from disk that were analysed (an unchanged text is not); open documents use the store's analysis. */
  readonly diskAnalyses: number;
  /** Cross re-checks so far (one report's cross findings recomputed): an edit re-checks only what it can affect. */
  readonly rechecks: number;
}

export namespace WorkspaceIndexRequest {
  export const method = 'nianbao/workspaceIndex';
  export const type = new RequestType0<WorkspaceIndexResult, void>(method);
}

export interface NextYearParams {
  /** An open report. */
  readonly uri: string;
}

/** Next year's report of the same agency (`生成下一年度年报`), or `error` (localized) saying why not. */
export interface NextYearResult {
  readonly text?: string;
  readonly error?: string;
  readonly agency?: string;
  /** The year of the new report. */
  readonly year?: number;
  readonly edition?: number;
  /** Reports of the workspace (or open) that already claim this agency and year. */
  readonly existing?: readonly string[];
  /** Errors in the report it was built from (its figures may be wrong). */
  readonly sourceErrors?: number;
}

export namespace NextYearRequest {
  export const method = 'nianbao/nextYear';
  export const type = new RequestType<NextYearParams, NextYearResult, void>(method);
}

/** A published report to import: the file's bytes (any encoding the importer reads), or text. */
export interface ImportParams {
  /**
   * The bytes, base64-encoded: a page or text (the importer finds the encoding: UTF-8, GBK / GB18030, `<meta
   * charset>`), a PDF or a Word .docx.
   */
  readonly base64?: string;
  readonly text?: string;
  /** The file's name, for messages. */
  readonly name?: string;
}

/** The imported report YAML with its notes, or `error` (localized): then nothing is to be opened. */
export interface ImportResult {
  readonly yaml?: string;
  readonly error?: string;
  readonly agency?: string;
  readonly year?: number;
  readonly edition?: number;
  /** `html`, `text`, `docx` or `pdf`. */
  readonly kind?: string;
  /** The encoding the bytes were read in. */
  readonly encoding?: string;
  /** Every note of the output's comment block, localized: fuzzy matches, items not imported, rows missing. */
  readonly notes?: readonly string[];
  readonly fuzzy?: number;
  readonly unplaced?: number;
  readonly missing?: number;
  /** Reports of the workspace that already claim this agency and year. */
  readonly existing?: readonly string[];
}

export namespace ImportRequest {
  export const method = 'nianbao/import';
  export const type = new RequestType<ImportParams, ImportResult, void>(method);
}

export interface RenderParams {
  /** An open document (the editor's text, saved or not). */
  readonly uri: string;
  /**
   * The document version the caller has. When it is not the server's current version of the document the result
   * is `stale` and renders nothing, so a caller can never show an older text after a newer one. Absent: the
   * current version.
   */
  readonly version?: number;
  /**
   * `page`: the standalone page to publish (renderPage, no annotations); `docx`: the Word document in the official
   * document format (GB/T 9704-2012); default `body`: the preview's body.
   */
  readonly kind?: 'body' | 'page' | 'docx';
  /** Language of the problem summary and marks; default the server's (`nianbao.language`, else the editor's). */
  readonly lang?: 'zh' | 'en';
  /** `docx` only: end the document with the agency's name and the publication date. */
  readonly signature?: boolean;
}

export interface RenderResult {
  readonly uri: string;
  /** The version rendered; with `stale`, the server's current version. */
  readonly version: number;
  /** The requested version is not the current one: nothing was rendered. */
  readonly stale?: true;
  /** `<机关><年度>年政府信息公开工作年度报告`. */
  readonly title?: string;
  /** `body`: one `<article>` (annotated with paths, offsets and problem marks); `page`: a whole HTML document. */
  readonly html?: string;
  readonly counts?: { readonly error: number; readonly warning: number; readonly information: number };
  /** `docx`: the .docx file, base64 (no `html` then). */
  readonly docx?: string;
  /** `page` and `docx` only: why the text holds no report to publish (localized); no `html` or `docx` then. */
  readonly notReport?: string;
}

/**
 * The report rendered from the document's shared analysis (no second parse). An unknown or closed document is a
 * request error (`InvalidParams`), never a crash; `null` when the server failed (it logs why).
 */
export namespace RenderRequest {
  export const method = 'nianbao/render';
  export const type = new RequestType<RenderParams, RenderResult | null, void>(method);
}

export interface CompareParams {
  /** The later report: an open document or a report file. */
  readonly uri: string;
  /** The earlier report to compare with; default: the same 机关's report of the year before, from the workspace. */
  readonly previous?: string;
  /** Language of the page's own words and of the findings; default the server's. */
  readonly lang?: 'zh' | 'en';
}

export interface CompareResult {
  readonly uri: string;
  /** The earlier report compared (the URI the editor uses for it). */
  readonly previous?: string;
  /** `<机关>年报对比：2023 → 2024`. */
  readonly title?: string;
  /** One `<article class="nb-report nb-compare">`, cells and findings linked (`data-cell`, `data-target`). */
  readonly html?: string;
  /** How many findings between the two years. */
  readonly findings?: number;
  /** No report of the year before for this 机关 in the workspace (one file only): the caller may ask for one. */
  readonly missing?: { readonly agency?: string; readonly year?: number; readonly several?: readonly string[] };
  /** Why nothing was compared (localized): not a report, unreadable. */
  readonly error?: string;
}

/** `与上一年度对比`: the two years side by side in the official layout (core compareReports, renderComparison). */
export namespace CompareRequest {
  export const method = 'nianbao/compare';
  export const type = new RequestType<CompareParams, CompareResult, void>(method);
}

export interface TrendsParams {
  /** A report of the agency (its 机关 decides); or */
  readonly uri?: string;
  /** an agency's key as `agencies` lists it. */
  readonly agency?: string;
}

export interface AgencyYears {
  readonly key: string;
  readonly agency: string;
  readonly years: readonly number[];
}

/** A string in both UI languages. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** One agency's figures by year, as core `trendsOf` makes them (the page draws them; its words come from the core). */
export interface TrendsData {
  readonly agency: string;
  readonly years: readonly number[];
  /** The report of each year. */
  readonly uris: readonly string[];
  readonly charts: readonly {
    readonly id: string;
    readonly title: LocalizedText;
    /** `stacked` bars add up to a whole; `line`s are separate counts. */
    readonly kind: 'stacked' | 'line';
    /** One value per year; null where the year's report lacks the figure. */
    readonly series: readonly {
      readonly id: string;
      readonly label: LocalizedText;
      readonly values: readonly (number | null)[];
    }[];
  }[];
}

export interface TrendsResult {
  /** Every agency with reports of two years or more, for a choice. */
  readonly agencies: readonly AgencyYears[];
  /** The agency's figures by year, when it has two years or more. */
  readonly trends?: TrendsData;
}

/** `年度趋势`: one agency's key figures over the years of the workspace, read from the index (core trendsOf). */
export namespace TrendsRequest {
  export const method = 'nianbao/trends';
  export const type = new RequestType<TrendsParams, TrendsResult, void>(method);
}
