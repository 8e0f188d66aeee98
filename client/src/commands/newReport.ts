/** `新建年报`: edition, year and agency, then the server's skeleton in a new untitled `*.nianbao.yaml`. */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { EditionsRequest, SkeletonRequest } from '../../../server/src/protocol';
import type { EditionInfo, SkeletonParams, SkeletonResult } from '../../../server/src/protocol';
import { t } from '../l10n';
import type { ServerConnection } from '../serverConnection';

/** Characters that cannot appear in a file name on some system. */
const UNSAFE = /[\\/:*?"<>|\s]+/g;

function yearsText(e: EditionInfo): string {
  return e.to !== undefined ? t('report years {0}–{1}', e.from, e.to) : t('report years from {0}', e.from);
}

async function freeUntitledUri(agency: string, year: number): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = `${agency.replace(UNSAFE, '') || 'nianbao'}-${year}`;
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const name = `${base}${n > 1 ? `-${n}` : ''}.nianbao.yaml`;
    const path = folder ? posix.join(folder.path, name) : name;
    if (open.has(path)) continue;
    if (folder) {
      try {
        // A saved file of that name exists: never offer to overwrite it.
        await vscode.workspace.fs.stat(folder.with({ path }));
        continue;
      } catch {
        // Free.
      }
    }
    return folder ? folder.with({ scheme: 'untitled', path }) : vscode.Uri.from({ scheme: 'untitled', path: name });
  }
}

/** Arguments for running the command without prompts (keybindings, tasks, tests); all three or none. */
export interface NewReportArgs {
  readonly edition: number;
  readonly year: number;
  readonly agency: string;
}

function isArgs(value: unknown): value is NewReportArgs {
  const v = value as Partial<NewReportArgs> | undefined;
  return !!v && typeof v.edition === 'number' && typeof v.year === 'number' && typeof v.agency === 'string' && v.agency.trim() !== '';
}

async function ask(client: Awaited<ReturnType<ServerConnection['ready']>>): Promise<SkeletonParams | undefined> {
  const editions = await client.sendRequest<EditionInfo[]>(EditionsRequest.method);
  const picked = await vscode.window.showQuickPick(
    [...editions]
      .sort((a, b) => b.edition - a.edition)
      .map((e) => ({ label: t('{0} template', e.edition), description: e.document, detail: `${e.title} · ${yearsText(e)}`, edition: e })),
    { title: t('New annual report'), placeHolder: t('Template edition') },
  );
  if (!picked) return undefined;
  const e = picked.edition;
  const lastYear = new Date().getFullYear() - 1;
  const suggested = Math.min(Math.max(lastYear, e.from), e.to ?? lastYear);
  const yearText = await vscode.window.showInputBox({
    title: t('New annual report'),
    prompt: t('Report year ({0})', yearsText(e)),
    value: String(suggested),
    validateInput: (v) => {
      const y = Number(v.trim());
      return /^\d{4}$/.test(v.trim()) && y >= e.from && y <= (e.to ?? 9999) ? undefined : yearsText(e);
    },
  });
  if (yearText === undefined) return undefined;
  const agency = await vscode.window.showInputBox({
    title: t('New annual report'),
    prompt: t('Agency (full name, as published)'),
    validateInput: (v) => (v.trim() ? undefined : t('The agency name must not be empty')),
  });
  if (agency === undefined) return undefined;
  return { edition: e.edition, year: Number(yearText.trim()), agency: agency.trim() };
}

export async function newReport(server: ServerConnection, args?: unknown): Promise<vscode.TextDocument | undefined> {
  const client = await server.ready();
  const params: SkeletonParams | undefined = isArgs(args) ? { edition: args.edition, year: args.year, agency: args.agency.trim() } : await ask(client);
  if (!params) return undefined;
  const result = await client.sendRequest<SkeletonResult>(SkeletonRequest.method, params);
  if (result.error || result.text === undefined) {
    void vscode.window.showErrorMessage(result.error ?? t('The report could not be created'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(await freeUntitledUri(params.agency, params.year));
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), result.text as string));
  return document;
}
