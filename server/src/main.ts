/**
 * The language server process: `nianbao-language-server --stdio` for any LSP client, Node IPC when VS Code starts
 * it. Everything else is in `startServer`.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

const TRANSPORTS = /^--(?:stdio|node-ipc|socket=\d+|pipe=.+)$/;
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h') || !args.some((a) => TRANSPORTS.test(a))) {
  process.stderr.write(
    'usage: nianbao-language-server --stdio\n' +
      '  Language server for 政府信息公开工作年度报告 (*.nianbao.yaml). Speaks LSP over standard input and output\n' +
      '  (--stdio), Node IPC (--node-ipc), a socket (--socket=PORT) or a pipe (--pipe=NAME).\n',
  );
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
// Every handler and timer of the server is guarded; a promise rejected with nobody to catch it would still be a
// bug. Node would end the process for it (and the editor restart the server): it is reported instead, on standard
// error (where the robustness tests look) and in the client's output, and the server goes on serving.
process.on('unhandledRejection', (reason) => {
  const text = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
  process.stderr.write(`nianbao-language-server: unhandled rejection: ${text}\n`);
  try {
    connection.console.error(`nianbao-language-server: unhandled rejection: ${text}`);
  } catch {
    // The connection is gone.
  }
});
startServer(connection);
