/**
 * `startServer(connection)`: the nianbao language server on any connection (stdio, IPC, or a test's streams), as
 * the list of its features. The server is the only place that knows LSP; every answer comes from the core through
 * one analysis per document version (`documentStore.ts`), and every handler runs behind `guard.ts`.
 */
import type { Connection, InitializeResult, ServerCapabilities } from 'vscode-languageserver/node';
import type { InitializationOptions } from '../../protocol/src/protocol';
import { codeActionsFeature } from './features/codeActions';
import { completionFeature } from './features/completion';
import { configurationFeature } from './features/configuration';
import { diagnosticsFeature } from './features/diagnostics';
import { documentSymbolsFeature } from './features/documentSymbols';
import { foldingFeature } from './features/folding';
import { formattingFeature } from './features/formatting';
import { hoverFeature } from './features/hover';
import { importFeature } from './features/importSource';
import { inlayHintsFeature } from './features/inlayHints';
import { nextYearFeature } from './features/nextYear';
import { renderFeature } from './features/render';
import { newReportFeature } from './features/reports';
import { serverInfoFeature } from './features/serverInfo';
import { workspaceFeature } from './features/workspace';
import { yearLinksFeature } from './features/yearLinks';
import { yearOverYearFeature } from './features/yearOverYear';
import { ServerContext } from './serverContext';
import type { Feature, FeatureSetup } from './serverContext';

const FEATURES: readonly Feature[] = [
  configurationFeature, //   the nianbao.* settings and the language of messages
  diagnosticsFeature, //     document sync; diagnostics of open documents and of the workspace's files
  completionFeature,
  hoverFeature,
  inlayHintsFeature,
  codeActionsFeature,
  documentSymbolsFeature,
  foldingFeature,
  formattingFeature, //      document and range formatting
  yearLinksFeature, //       definition and references across years
  newReportFeature, //       nianbao/editions, nianbao/skeleton
  renderFeature, //          nianbao/render: the preview's body, the export page
  nextYearFeature, //        nianbao/nextYear
  importFeature, //          nianbao/import
  workspaceFeature, //       folders, watchers, file operations; nianbao/checkFiles, nianbao/workspaceIndex
  yearOverYearFeature, //    nianbao/compare, nianbao/trends
  serverInfoFeature, //      nianbao/serverInfo, nianbao/analyses
];

/** The capabilities of all features in one object (`workspace` gathered from each). */
function merge(into: ServerCapabilities, add: ServerCapabilities): ServerCapabilities {
  return { ...into, ...add, ...(add.workspace ? { workspace: { ...into.workspace, ...add.workspace } } : {}) };
}

export function startServer(connection: Connection): void {
  const server = new ServerContext(connection);
  const setups: FeatureSetup[] = FEATURES.map((feature) => feature(server) ?? {});

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    let capabilities: ServerCapabilities = {};
    for (const setup of setups) capabilities = merge(capabilities, setup.initialize?.(params, options) ?? {});
    return { capabilities, serverInfo: { name: 'nianbao-language-server', version: '0.1.0' } };
  });
  connection.onInitialized(() => setups.forEach((setup) => setup.initialized?.()));
  connection.onShutdown(() => setups.forEach((setup) => setup.dispose?.()));

  server.store.documents.listen(connection);
  connection.listen();
}
