/**
 * Quick fixes from the core's fix data, recomputed on the current version (so an action never edits a text it
 * was not made for), plus "fix all totals in this file". Edits are the core's minimal edits: only the node at
 * fault changes.
 */
import { CodeActionKind, TextDocumentEdit } from 'vscode-languageserver/node';
import type {
  CodeAction,
  CodeActionParams,
  Diagnostic as LspDiagnostic,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  commentOutEdits,
  culpritCells,
  fixAllTotals,
  fixEdits,
  isSumFinding,
  nodeAtPath,
} from '../../../core/src/index';
import type { Diagnostic, FixData, Lang, TextEdit as CoreEdit } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { t } from '../l10n';
import { toLspDiagnostic, toOffsetRange, toRange } from '../convert';
import type { Feature } from '../serverContext';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;
/** The source action that writes 0 into every blank cell of the report. */
export const FILL_BLANKS_KIND = `${CodeActionKind.Source}.fillBlanks.nianbao`;

export interface CodeActionClient {
  readonly documentChanges: boolean;
}

/** Findings against last year's report: their fix overwrites what this report prints. */
const CROSS_YEAR = new Set(['NB306', 'NB307', 'NB308']);

function title(d: Diagnostic, fix: FixData, edits: readonly CoreEdit[], text: string): string {
  switch (fix.kind) {
    case 'setValue':
      if (CROSS_YEAR.has(d.code))
        return t(
          'Overwrite the printed {0} with {1} from last year’s report',
          text.slice(fix.range.start, fix.range.end),
          edits[0]?.newText.trim() ?? '',
        );
      if (d.code === 'NB205') return t('Write it as the number {0}', edits[0]?.newText ?? '');
      if (d.code === 'NB206' || (d.code === 'NB203' && fix.value === 0)) return t('Write 0');
      return t('Change to {0}', edits[0]?.newText ?? '');
    case 'renameKey':
      return t('Rename to “{0}”', fix.key);
    case 'replaceText':
      if (d.code === 'NB206') return fix.text.includes('[') ? t('Fill the row with 0') : t('Write 0');
      if (d.code === 'NB207') return t('Change to {0}', fix.text.trim());
      if (d.code === 'NB312') return t('Change 格式 to {0}', fix.text);
      if (d.code === 'NB204' && fix.text === '')
        return t(
          'Remove the value typed twice ({0})',
          text.slice(fix.range.start, fix.range.end).replace(/^[\s,]+|[\s,]+$/g, ''),
        );
      if (d.code === 'NB204') return t('Fill the row with 0');
      if (d.code === 'NB203' || d.code === 'NB208') return t('Change to {0}', fix.text.trim());
      return t('Replace with {0}', fix.text.trim());
    case 'insertMissing': {
      if (fix.agencyType === '人民政府') return t('This is a government report (机关类型: 人民政府)');
      if (fix.agencyType === '部门') return t('This is a department report (机关类型: 部门)');
      const lines = edits.reduce((n, e) => n + e.newText.split('\n').filter((l) => l.trim()).length, 0);
      return t('Insert the missing items with zeros ({0} lines)', lines);
    }
    case 'commentOut':
      if (d.code === 'NB102') return t('Comment out the repeated “{0}”', String(d.path[d.path.length - 1] ?? ''));
      if (d.code === 'NB105') return t('Comment out the second and later documents');
      return t('Comment out this item');
    case 'repairSyntax':
      if (fix.repair === 'tabIndent') return t('Indent with spaces instead of tabs');
      if (fix.repair === 'closeQuote') return t('Close the quote');
      return t('Add the missing “{0}”', edits.map((e) => e.newText).join(''));
    case 'dropTag':
      return t('Remove the tag {0}', text.slice(fix.range.start, fix.range.end));
    case 'expandAlias':
      return t('Write out the value of *{0}', fix.name);
    case 'fillTable':
      return t('Write the table with zeros');
    case 'sumRows':
      return t('Write the row as the sum of its sub-rows (kept as comments)');
    case 'fillBlanks':
      return fix.table ? t('Fill every blank cell of this table with 0') : t('Fill every blank cell with 0');
  }
}

function workspaceEdit(state: DocumentState, edits: readonly CoreEdit[], client: CodeActionClient): WorkspaceEdit {
  const lspEdits: TextEdit[] = edits.map((e) => ({ range: toRange(state.lines, e), newText: e.newText }));
  return client.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: state.uri, version: state.version }, lspEdits)] }
    : { changes: { [state.uri]: lspEdits } };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * The findings a request is about: those the range overlaps, and those the client sent whose lines the range
 * touches (Neovim asks from column 0 of the line, before the finding's own column).
 */
function findingsFor(state: DocumentState, params: CodeActionParams, all: readonly Diagnostic[]): Diagnostic[] {
  const range = toOffsetRange(state.lines, params.range);
  const first = params.range.start.line;
  const last = params.range.end.line;
  const sent = (params.context.diagnostics ?? []).filter(
    (s) => s.range.start.line <= last && first <= s.range.end.line,
  );
  return all.filter((d) => {
    if (overlaps(d.range, range)) return true;
    if (sent.length === 0) return false;
    const at = toRange(state.lines, d.range);
    return sent.some(
      (s) =>
        String(s.code) === d.code &&
        s.range.start.line === at.start.line &&
        s.range.start.character === at.start.character,
    );
  });
}

/** The client's copy of the diagnostic when it sent one (same code and range), else a fresh conversion. */
function matching(d: Diagnostic, state: DocumentState, sent: readonly LspDiagnostic[], lang: Lang): LspDiagnostic {
  const fresh = toLspDiagnostic(d, state.uri, state.lines, lang);
  return (
    sent.find(
      (s) =>
        s.code === d.code &&
        s.range.start.line === fresh.range.start.line &&
        s.range.start.character === fresh.range.start.character &&
        s.range.end.line === fresh.range.end.line &&
        s.range.end.character === fresh.range.end.character,
    ) ?? fresh
  );
}

/** A key at a place where the report's edition has no such key (not one of its keys with a wrong shape). */
function isStrayKey(state: DocumentState, d: Diagnostic): boolean {
  const keys = d.path.filter((p): p is string => typeof p === 'string');
  return (
    keys.length > 0 && keys.length === d.path.length && nodeAtPath(state.analysis.report.edition, keys) === undefined
  );
}

/** Whether a blank-cell finding is one of those a fill of `table` (or of the whole report) settles. */
function fillsTable(d: Diagnostic, table: string | undefined): boolean {
  if (table === undefined) return true;
  return [d.fix, ...(d.fixes ?? [])].some((f) => f?.kind === 'fillBlanks' && f.table === table);
}

/** `cross`: the document's cross-report findings (NB306 offers last year's value). */
export function codeActions(
  state: DocumentState,
  params: CodeActionParams,
  lang: Lang,
  client: CodeActionClient,
  cross: readonly Diagnostic[] = [],
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const sent = params.context.diagnostics ?? [];
  const here = findingsFor(state, params, [...state.analysis.diagnostics, ...cross]);
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const culprits = culpritCells(state.analysis);
    for (const d of here) {
      // A mistyped cell that explains this total and another one comes first: it settles both.
      const culprit = culprits.find((c) =>
        c.explains.some((e) => e.code === d.code && e.range.start === d.range.start && e.range.end === d.range.end),
      );
      if (culprit) {
        const explained = state.analysis.diagnostics.filter((x) =>
          culprit.explains.some(
            (e) => e.code === x.code && e.range.start === x.range.start && e.range.end === x.range.end,
          ),
        );
        actions.push({
          title: t(
            'Change {0} from {1} to {2} (settles the row and the column total)',
            culprit.name,
            culprit.from,
            culprit.value,
          ),
          kind: CodeActionKind.QuickFix,
          diagnostics: explained.map((x) => matching(x, state, sent, lang)),
          isPreferred: true,
          edit: workspaceEdit(
            state,
            fixEdits(state.analysis, { kind: 'setValue', value: culprit.value, range: culprit.range }) ?? [],
            client,
          ),
        });
      }
      // The finding's own fix is preferred, not a wider one (the whole table's blanks); of a choice between fixes
      // of one kind (这是人民政府年报 / 这是部门年报) none is.
      const choices = d.fix ? [d.fix, ...(d.fixes ?? [])] : [];
      const choice = choices.some((f, i) => i > 0 && f.kind === d.fix?.kind);
      for (const fix of choices) {
        const edits = fixEdits(state.analysis, fix);
        if (!edits || edits.length === 0) continue;
        // Filling a table's blanks settles every blank-cell finding of that table.
        const settles =
          fix.kind === 'fillBlanks'
            ? state.analysis.diagnostics.filter((x) => x.code === 'NB206' && fillsTable(x, fix.table))
            : [d];
        actions.push({
          title: title(d, fix, edits, state.text),
          kind: CodeActionKind.QuickFix,
          diagnostics: settles.map((x) => matching(x, state, sent, lang)),
          // A cross-year value is last year's word against this year's print: offered, never preferred.
          isPreferred: !culprit && !CROSS_YEAR.has(d.code) && fix === d.fix && !choice,
          edit: workspaceEdit(state, edits, client),
        });
      }
      if (!d.fix && (d.code === 'NB201' || d.code === 'NB312') && isStrayKey(state, d)) {
        // A key with no official counterpart: keep its text as a comment.
        const out = commentOutEdits(state.analysis.doc, d.path);
        if (out && out.length > 0) {
          actions.push({
            title: t('Comment out “{0}”', String(d.path[d.path.length - 1])),
            kind: CodeActionKind.QuickFix,
            diagnostics: [matching(d, state, sent, lang)],
            edit: workspaceEdit(state, out, client),
          });
        }
      }
    }
  }

  // "Fix all totals": beside a total's own fix, and as the source.fixAll action of the file.
  // Beside every sum finding, fixed alone or not: a total held back alone may be settled with the others.
  const totalsHere = here.filter(isSumFinding);
  const asQuickFix = totalsHere.length > 0 && wants(CodeActionKind.QuickFix);
  const asFixAll = only !== undefined && wants(FIX_ALL_KIND);
  if (asQuickFix || asFixAll) {
    const edits = fixAllTotals(state.text, state.analysis);
    if (edits.length) {
      const edit = workspaceEdit(state, edits, client);
      const base = { title: t('Fix all totals in this file'), edit };
      if (asQuickFix)
        actions.push({
          ...base,
          kind: CodeActionKind.QuickFix,
          diagnostics: totalsHere.map((d) => matching(d, state, sent, lang)),
        });
      if (asFixAll) actions.push({ ...base, kind: FIX_ALL_KIND });
    }
  }

  // Every blank cell of the report at once, when asked for source actions.
  if (only !== undefined && wants(FILL_BLANKS_KIND) && state.analysis.diagnostics.some((d) => d.code === 'NB206')) {
    const edits = fixEdits(state.analysis, { kind: 'fillBlanks' });
    if (edits && edits.length > 0)
      actions.push({
        title: t('Fill every blank cell with 0'),
        kind: FILL_BLANKS_KIND,
        edit: workspaceEdit(state, edits, client),
      });
  }
  return actions;
}

export const codeActionsFeature: Feature = (server) => {
  let client: CodeActionClient = { documentChanges: false };
  server.connection.onCodeAction(
    server.onDocument('textDocument/codeAction', [], (state, params) => {
      server.index.syncOpen(state);
      return codeActions(state, params, server.settings.lang, client, server.index.crossOf(state.uri));
    }),
  );
  return {
    initialize: (params) => {
      client = { documentChanges: params.capabilities.workspace?.workspaceEdit?.documentChanges === true };
      return {
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, FILL_BLANKS_KIND],
          resolveProvider: false,
        },
      };
    },
  };
};
