/**
 * The preview webview's options, the only place they are stated (a test reads every panel the client creates to
 * make sure they come from here): scripts only for the page's own nonce'd script (the CSP sees to that), no forms,
 * no command links — a `command:` URI in a report could otherwise run any VS Code command — and resources only from
 * the extension's `media/` folder, never from the workspace or anywhere else on disk. Nothing here knows VS Code:
 * the media folder's URI is passed in.
 */
export interface PreviewWebviewOptions<U> {
  readonly enableScripts: true;
  readonly enableForms: false;
  readonly enableCommandUris: false;
  readonly localResourceRoots: readonly U[];
}

export function previewWebviewOptions<U>(mediaFolder: U): PreviewWebviewOptions<U> {
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [mediaFolder] };
}
