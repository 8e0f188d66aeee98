/**
 * `导入已发布的年报`: a published report — a saved web page, PDF, Word document (.docx) or text file (its bytes, so that
 * the importer finds the encoding: UTF-8, GBK, a `<meta charset>`), the clipboard, or the text of the active editor — through the
 * server's `nianbao/import` into a new unsaved `*.nianbao.yaml`. The importer's notes (labels matched
 * approximately, items not imported, rows missing) go to the “年报导入” output channel as well as into the comment
 * block at the top of the report. A failure shows the importer's message and opens nothing.
 */
import * as vscode from 'vscode';
import { ImportRequest } from '../../../protocol/src/protocol';
import type { ImportParams } from '../../../protocol/src/protocol';
import { t } from '../l10n';
import { isReport } from '../reportDocuments';
import type { ServerConnection } from '../serverConnection';
import { reportFileBase } from './reportNames';
import { fileName, folderFor, freeUntitledUri, openUntitledReport } from './untitledReport';

/** The server refuses more; a published report page is a few hundred kilobytes. */
const MAX_BYTES = 32 * 1024 * 1024;

interface Source {
  /** For messages: the file name, “剪贴板”, or the editor's name. */
  readonly name: string;
  readonly params: ImportParams;
  /** Where the new report is suggested to be saved. */
  readonly folder: vscode.Uri | undefined;
}

/** The output channel for import notes, created on first use. */
export class ImportLog implements vscode.Disposable {
  private channel: vscode.OutputChannel | undefined;

  get output(): vscode.OutputChannel {
    this.channel ??= vscode.window.createOutputChannel(t('Nianbao import'));
    return this.channel;
  }

  dispose(): void {
    this.channel?.dispose();
  }
}

async function fromFile(uri: vscode.Uri): Promise<Source | undefined> {
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_BYTES) {
      void vscode.window.showErrorMessage(
        t('{0} is larger than {1} MB; nothing was imported', fileName(uri), MAX_BYTES / 1024 / 1024),
      );
      return undefined;
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(
      t('{0} could not be read: {1}', fileName(uri), error instanceof Error ? error.message : String(error)),
    );
    return undefined;
  }
  return {
    name: fileName(uri),
    params: { base64: Buffer.from(bytes).toString('base64'), name: fileName(uri) },
    folder: folderFor(uri),
  };
}

async function pickSource(): Promise<Source | undefined> {
  type Choice = vscode.QuickPickItem & { readonly id: 'file' | 'clipboard' | 'editor' };
  const active = vscode.window.activeTextEditor?.document;
  const editorUsable = active !== undefined && !isReport(active) && active.getText().trim() !== '';
  const items: Choice[] = [
    {
      id: 'file',
      label: `$(file) ${t('From a file…')}`,
      detail: t('A saved web page (.html), a PDF, a Word document (.docx) or a text file; GBK and UTF-8 are both read'),
    },
    {
      id: 'clipboard',
      label: `$(clippy) ${t('From the clipboard')}`,
      detail: t('Copy the published report from the browser (the whole page or its text), then choose this'),
    },
  ];
  if (editorUsable)
    items.push({ id: 'editor', label: `$(edit) ${t('From the active editor')}`, detail: fileName(active.uri) });
  const choice = await vscode.window.showQuickPick(items, {
    title: t('Import a published report'),
    placeHolder: t('Where is the report?'),
  });
  if (!choice) return undefined;
  switch (choice.id) {
    case 'file': {
      const picked = await vscode.window.showOpenDialog({
        title: t('Import a published report'),
        openLabel: t('Import'),
        canSelectMany: false,
        filters: {
          [t('Published reports')]: ['html', 'htm', 'shtml', 'xhtml', 'pdf', 'docx', 'txt', 'text'],
          [t('All files')]: ['*'],
        },
      });
      return picked?.[0] ? fromFile(picked[0]) : undefined;
    }
    case 'clipboard': {
      const text = await vscode.env.clipboard.readText();
      if (!text.trim()) {
        void vscode.window.showWarningMessage(t('The clipboard holds no text: copy the published report first'));
        return undefined;
      }
      return { name: t('the clipboard'), params: { text }, folder: folderFor(undefined) };
    }
    case 'editor': {
      const document = active as vscode.TextDocument;
      return { name: fileName(document.uri), params: { text: document.getText() }, folder: folderFor(document.uri) };
    }
  }
}

export async function importReport(server: ServerConnection, log: ImportLog, resource?: vscode.Uri): Promise<void> {
  const source = resource instanceof vscode.Uri ? await fromFile(resource) : await pickSource();
  if (!source) return;
  const client = await server.ready();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Importing {0}…', source.name) },
    () => client.sendRequest(ImportRequest.type, source.params),
  );
  const out = log.output;
  const stamp = new Date().toLocaleString();
  if (result.error || result.yaml === undefined || result.year === undefined) {
    const message = result.error ?? t('The report could not be created');
    out.appendLine(`[${stamp}] ${t('Import of {0} failed: {1}', source.name, message)}`);
    void vscode.window.showErrorMessage(t('Import of {0} failed: {1}', source.name, message));
    return;
  }
  const agency = result.agency ?? '';
  const how = [t('{0} template', result.edition ?? ''), result.kind ?? '', result.encoding ?? '']
    .filter(Boolean)
    .join(', ');
  out.appendLine(`[${stamp}] ${t('Imported {0}: {1} {2} ({3})', source.name, agency, result.year, how)}`);
  for (const note of result.notes ?? []) out.appendLine(`  ${note}`);

  const target = await freeUntitledUri(source.folder, reportFileBase(agency, result.year));
  await openUntitledReport(target, result.yaml);

  const summary = t(
    'Imported the {0} report of {1}: {2} labels matched approximately, {3} items not imported, {4} rows missing. Check it against the source, then save.',
    result.year,
    agency || t('(agency not given)'),
    result.fuzzy ?? 0,
    result.unplaced ?? 0,
    result.missing ?? 0,
  );
  const showNotes = t('Show notes');
  const existing = result.existing ?? [];
  const openExisting = t('Open it');
  const actions = [...((result.notes ?? []).length ? [showNotes] : []), ...(existing.length ? [openExisting] : [])];
  const message = existing.length
    ? `${summary} ${t('The workspace already has this report: {0}', existing.map((u) => fileName(u)).join(', '))}`
    : summary;
  const show =
    existing.length || (result.unplaced ?? 0) > 0
      ? vscode.window.showWarningMessage
      : vscode.window.showInformationMessage;
  const choice = await show(message, ...actions);
  if (choice === showNotes) out.show(true);
  else if (choice === openExisting) await vscode.window.showTextDocument(vscode.Uri.parse(existing[0]));
}
