/** `新建年报`: edition, year and agency, then the server's skeleton in a new untitled `*.nianbao.yaml`. */
import * as vscode from 'vscode';
import { EditionsRequest, SkeletonRequest } from '../../../protocol/src/protocol';
import type { EditionInfo, SkeletonParams } from '../../../protocol/src/protocol';
import { t } from '../l10n';
import type { ServerConnection } from '../serverConnection';
import { reportFileBase } from './reportNames';
import { freeUntitledUri, openUntitledReport } from './untitledReport';

function yearsText(e: EditionInfo): string {
  return e.to !== undefined ? t('report years {0}–{1}', e.from, e.to) : t('report years from {0}', e.from);
}

/** Arguments for running the command without prompts (keybindings, tasks, tests); all three or none. */
export interface NewReportArgs {
  readonly edition: number;
  readonly year: number;
  readonly agency: string;
}

function isArgs(value: unknown): value is NewReportArgs {
  const v = value as Partial<NewReportArgs> | undefined;
  return (
    !!v &&
    typeof v.edition === 'number' &&
    typeof v.year === 'number' &&
    typeof v.agency === 'string' &&
    v.agency.trim() !== ''
  );
}

async function ask(client: Awaited<ReturnType<ServerConnection['ready']>>): Promise<SkeletonParams | undefined> {
  const editions = await client.sendRequest(EditionsRequest.type);
  const picked = await vscode.window.showQuickPick(
    [...editions]
      .sort((a, b) => b.edition - a.edition)
      .map((e) => ({
        label: t('{0} template', e.edition),
        description: e.document,
        detail: `${e.title} · ${yearsText(e)}`,
        edition: e,
      })),
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
  const params = isArgs(args)
    ? { edition: args.edition, year: args.year, agency: args.agency.trim() }
    : await ask(client);
  if (!params) return undefined;
  const result = await client.sendRequest(SkeletonRequest.type, params);
  if (result.error || result.text === undefined) {
    void vscode.window.showErrorMessage(result.error ?? t('The report could not be created'));
    return undefined;
  }
  const target = await freeUntitledUri(
    vscode.workspace.workspaceFolders?.[0]?.uri,
    reportFileBase(params.agency, params.year),
  );
  return (await openUntitledReport(target, result.text)).document;
}
