/**
 * The workspace index as the client sees it: the workspace folders and file operations followed, the watchers
 * registered after `initialized`, `nianbao/checkFiles` (检查工作区中的所有年报) and `nianbao/workspaceIndex` (its state
 * once every disk operation under way is done, for tests and benchmarks).
 */
import type { ResponseError } from 'vscode-languageserver/node';
import { CheckFilesRequest, WorkspaceIndexRequest } from '../../../protocol/src/protocol';
import type { WorkspaceIndexResult } from '../../../protocol/src/protocol';
import { cancelled } from '../guard';
import { t } from '../l10n';
import type { Feature, ServerContext } from '../serverContext';
import { NO_FILES, checkFiles } from '../workspace/checkFiles';
import { REPORT_GLOB } from '../workspace/reportFiles';
import type { WorkspaceCapabilities } from '../workspace/workspaceFiles';

function stats(server: ServerContext): WorkspaceIndexResult {
  const { reports, agencies, years, rechecks } = server.index.stats();
  return {
    reports,
    agencies,
    years,
    initialIndexMs: server.files.initialIndexMs ?? 0,
    filesRead: server.files.filesRead,
    diskAnalyses: server.index.diskAnalyses,
    rechecks,
  };
}

export const workspaceFeature: Feature = (server) => {
  const { connection, files } = server;
  let caps: WorkspaceCapabilities = { watchFiles: false, progress: false };
  let folderChanges = false;

  connection.onDidChangeWatchedFiles(
    server.notification('workspace/didChangeWatchedFiles', (params) => files.filesChanged(params.changes)),
  );
  connection.workspace.onDidCreateFiles(
    server.notification('workspace/didCreateFiles', (params) => files.created(params.files.map((f) => f.uri))),
  );
  connection.workspace.onDidRenameFiles(
    server.notification('workspace/didRenameFiles', (params) => files.renamed(params.files)),
  );
  connection.workspace.onDidDeleteFiles(
    server.notification('workspace/didDeleteFiles', (params) => params.files.forEach((f) => files.deleted(f.uri))),
  );

  server.request(
    CheckFilesRequest.type,
    () => ({ ...NO_FILES, error: server.internalError() }),
    (params, token) => checkFiles(params.uris, server.index, server.publisher, token),
  );
  server.request0(
    WorkspaceIndexRequest.type,
    () => {
      // The counts as they are, without waiting (the answer when the request itself failed).
      try {
        return stats(server);
      } catch {
        return { reports: 0, agencies: 0, years: [], initialIndexMs: 0, filesRead: 0, diskAnalyses: 0, rechecks: 0 };
      }
    },
    async (token): Promise<WorkspaceIndexResult | ResponseError<void>> => {
      await files.idle(token);
      if (token?.isCancellationRequested) return cancelled();
      return stats(server);
    },
  );

  return {
    initialize: (params) => {
      const client = params.capabilities;
      caps = {
        watchFiles: client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
        progress: client.window?.workDoneProgress === true,
      };
      folderChanges = client.workspace?.workspaceFolders === true;
      files.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
      // Files and folders created, renamed or deleted in the editor (folders too, which file watchers report alone).
      const fileOperation = {
        filters: [
          { scheme: 'file', pattern: { glob: REPORT_GLOB } },
          { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' as const } },
        ],
      };
      return {
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
          fileOperations: { didCreate: fileOperation, didRename: fileOperation, didDelete: fileOperation },
        },
      };
    },
    // The folders walked once after `initialized`, then kept current from the file system.
    initialized: () => {
      files.start(caps);
      // Without a folder the checks between years see only the open reports; say so where the editor logs the server.
      if (!files.hasFolders())
        connection.console.info(
          t(
            'No workspace folder: only the open reports are checked against each other (last year’s carry-over, duplicates). Open the folder that holds the reports.',
          ),
        );
      if (folderChanges) {
        connection.workspace.onDidChangeWorkspaceFolders(
          server.notification('workspace/didChangeWorkspaceFolders', (e) =>
            files.foldersChanged(
              e.added.map((f) => f.uri),
              e.removed.map((f) => f.uri),
            ),
          ),
        );
      }
    },
    dispose: () => files.dispose(),
  };
};
