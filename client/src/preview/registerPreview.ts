/**
 * The preview feature: `打开预览` (nianbao.showPreview), `打开侧边预览` (nianbao.showPreviewToSide), `导出为 HTML`
 * (nianbao.exportHtml), `导出为 Word（.docx）` (nianbao.exportDocx), and `nianbao.preview.status` (not in the palette: what each preview shows, for the editor
 * tests). Each command takes an optional report URI (the editor title and explorer menus pass one).
 */
import * as vscode from 'vscode';
import { exportDocx, exportHtml } from '../commands/exportReport';
import type { ExtensionServices } from '../feature';
import { PREVIEW_COMMANDS } from './previewIds';
import { PreviewManager } from './previewManager';

const asUri = (value: unknown): vscode.Uri | undefined => (value instanceof vscode.Uri ? value : undefined);

export function registerPreview({ context, server }: ExtensionServices): vscode.Disposable[] {
  const previews = new PreviewManager(context.extensionUri, server);
  return [
    previews,
    vscode.commands.registerCommand(PREVIEW_COMMANDS.showPreview, (uri?: unknown) => previews.show(asUri(uri), false)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.showPreviewToSide, (uri?: unknown) =>
      previews.show(asUri(uri), true),
    ),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.exportHtml, (uri?: unknown, target?: unknown) =>
      exportHtml(server, previews, uri, target),
    ),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.exportDocx, (uri?: unknown, target?: unknown) =>
      exportDocx(server, previews, uri, target),
    ),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.status, () => previews.status()),
  ];
}
