/**
 * `nianbao/checkFiles` (`检查工作区中的所有年报`): the files read (open ones are taken from the editor), put in the
 * workspace index, published, counted. Cross findings are included: the files are the workspace.
 */
import type { CancellationToken, ResponseError } from 'vscode-languageserver/node';
import type { CheckFilesResult } from '../../../protocol/src/protocol';
import type { DiagnosticsPublisher } from '../diagnosticsPublisher';
import { cancelled } from '../guard';
import { canonicalUri, fsPathOf, readReportText } from './reportFiles';
import { READ_AHEAD } from './workspaceFiles';
import type { WorkspaceIndex } from './workspaceIndex';

/** The answer when the check itself failed. */
export const NO_FILES: CheckFilesResult = {
  files: 0,
  errors: 0,
  warnings: 0,
  information: 0,
  withProblems: 0,
  unreadable: [],
};

export async function checkFiles(
  uris: readonly string[],
  index: WorkspaceIndex,
  publisher: DiagnosticsPublisher,
  token?: CancellationToken,
): Promise<CheckFilesResult | ResponseError<void>> {
  const unreadable: string[] = [];
  const tooLarge: string[] = [];
  const keys: string[] = [];
  // Read a few at a time, in order, so that a cancellation stops the reading (not only the answer).
  const queue = [...uris];
  const worker = async (): Promise<void> => {
    for (let uri = queue.shift(); uri !== undefined; uri = queue.shift()) {
      if (token?.isCancellationRequested) return;
      const key = canonicalUri(uri);
      if (index.isOpen(key)) {
        keys.push(key);
        continue;
      }
      const path = fsPathOf(key);
      const file = path ? await readReportText(path) : undefined;
      if (file === undefined) {
        unreadable.push(uri);
        continue;
      }
      if (index.isOpen(key) || token?.isCancellationRequested) continue;
      if ('tooLarge' in file) tooLarge.push(uri);
      index.setFile(key, file);
      keys.push(key);
    }
  };
  await Promise.all(Array.from({ length: READ_AHEAD }, worker));
  if (token?.isCancellationRequested) {
    publisher.flush();
    return cancelled();
  }
  // Open documents first brought to their current version.
  for (const key of keys) {
    const clientUri = index.clientUri(key);
    if (clientUri !== undefined) publisher.publish(clientUri);
  }
  publisher.flush();
  let errors = 0;
  let warnings = 0;
  let information = 0;
  let withProblems = 0;
  for (const key of keys) {
    const all = index.diagnostics(key);
    const e = all.filter((d) => d.severity === 'error').length;
    const w = all.filter((d) => d.severity === 'warning').length;
    errors += e;
    warnings += w;
    information += all.length - e - w;
    if (e + w > 0) withProblems++;
  }
  return {
    files: keys.length,
    errors,
    warnings,
    information,
    withProblems,
    unreadable,
    ...(tooLarge.length ? { tooLarge } : {}),
  };
}
