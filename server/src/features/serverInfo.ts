/**
 * `nianbao/serverInfo` (the process and its size limits, for the client's restart handling and the robustness
 * tests) and `nianbao/analyses` (how many analyses ran: for tests of the parse-once rule).
 */
import { AnalysesRequest, ServerInfoRequest } from '../../../protocol/src/protocol';
import type { ServerInfoResult } from '../../../protocol/src/protocol';
import { MAX_DOCUMENT_LENGTH } from '../documentStore';
import type { Feature } from '../serverContext';
import { MAX_FILE_BYTES } from '../workspace/reportFiles';

function serverInfo(): ServerInfoResult {
  return { pid: process.pid, maxDocumentLength: MAX_DOCUMENT_LENGTH, maxFileBytes: MAX_FILE_BYTES };
}

export const serverInfoFeature: Feature = (server) => {
  server.request0(
    AnalysesRequest.type,
    () => ({ analyses: server.store.analyses }),
    () => ({ analyses: server.store.analyses }),
  );
  server.request0(
    ServerInfoRequest.type,
    () => serverInfo(),
    () => serverInfo(),
  );
};
