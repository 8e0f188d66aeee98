/** A click in a page (preview or comparison): show the report with the clicked node selected, the cursor at its start. */
import * as vscode from 'vscode';

export async function revealRange(source: vscode.Uri, startOffset: number, endOffset: number): Promise<void> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(source);
  } catch {
    return;
  }
  // The page's offsets are those of the version it shows; between a keystroke and its body they may be a few
  // characters off, never outside the text.
  const length = document.getText().length;
  const clamp = (n: number): number => Math.max(0, Math.min(n, length));
  const start = document.positionAt(clamp(startOffset));
  const end = document.positionAt(clamp(Math.max(startOffset, endOffset)));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const selection = new vscode.Selection(end, start);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
    preserveFocus: false,
    selection,
  });
  editor.selection = selection;
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
