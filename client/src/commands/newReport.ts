/** `新建年报`: edition, year and agency, then the server's skeleton in a new untitled `*.nianbao.yaml`. */
import * as vscode from 'vscode';
import { EditionsRequest, SkeletonRequest } from '../../../server/src/protocol';
import type { EditionInfo, SkeletonParams, SkeletonResult } from '../../../server/src/protocol';
import { t } from '../l10n';
import type { ServerConnection } from '../serverConnection';
import { reportFileBase } from './reportNames';
import { freeUntitledUri, openUntitledReport } from './untitledReport';

function yearsText(e: EditionInfo): string {
  return e.to !== undefined ? t('report years {0}–{1}', e.from, e.to) : t('report years from {0}', e.from);
}

export async function newReport(server: ServerConnection): Promise<void> {
  const client = await server.ready();
  const editions = await client.sendRequest<EditionInfo[]>(EditionsRequest.method);
  const picked = await vscode.window.showQuickPick(
    [...editions]
      .sort((a, b) => b.edition - a.edition)
      .map((e) => ({ label: t('{0} template', e.edition), description: e.document, detail: `${e.title} · ${yearsText(e)}`, edition: e })),
    { title: t('New annual report'), placeHolder: t('Template edition') },
  );
  if (!picked) return;
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
  if (yearText === undefined) return;
  const agency = await vscode.window.showInputBox({
    title: t('New annual report'),
    prompt: t('Agency (full name, as published)'),
    validateInput: (v) => (v.trim() ? undefined : t('The agency name must not be empty')),
  });
  if (agency === undefined) return;
  const params: SkeletonParams = { edition: e.edition, year: Number(yearText.trim()), agency: agency.trim() };
  const result = await client.sendRequest<SkeletonResult>(SkeletonRequest.method, params);
  if (result.error || result.text === undefined) {
    void vscode.window.showErrorMessage(result.error ?? t('The report could not be created'));
    return;
  }
  const target = await freeUntitledUri(vscode.workspace.workspaceFolders?.[0]?.uri, reportFileBase(params.agency, params.year));
  await openUntitledReport(target, result.text);
}
