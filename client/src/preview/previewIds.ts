/**
 * The preview's stable names: the webview view type (its serializer and `activeWebviewPanelId`) and the command
 * ids. The editor tests and the manifest rely on them; nothing here knows VS Code.
 */
export const PREVIEW_VIEW_TYPE = 'nianbao.preview';

export const PREVIEW_COMMANDS = {
  /** `打开预览`: the preview of the report (argument: its URI; default the active one) in the active group. */
  showPreview: 'nianbao.showPreview',
  /** `打开侧边预览`: the same beside the editor, keeping the focus there (Ctrl+K V / Cmd+K V). */
  showPreviewToSide: 'nianbao.showPreviewToSide',
  /** `导出为 HTML`: arguments (report URI?, target URI?); a given target must not exist. */
  exportHtml: 'nianbao.exportHtml',
  /** `导出为 Word（.docx）`: the same arguments; the official document format (GB/T 9704-2012). */
  exportDocx: 'nianbao.exportDocx',
  /** Not in the palette: `PreviewStatus[]` of the open previews, for the editor tests. */
  status: 'nianbao.preview.status',
} as const;
