import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAll, diagnosticsWhere, markers, open, positionOf, workspaceUri } from './helpers';

interface ServerStatus {
  readonly state: 'stopped' | 'starting' | 'running';
  readonly pid: number | undefined;
  readonly restarts: number;
  readonly notices: readonly string[];
}

function status(): Thenable<ServerStatus> {
  return vscode.commands.executeCommand<ServerStatus>('nianbao.server.status');
}

/** The server is running again, as a process other than `pid` (checked as the client reports its state). */
async function runningOtherThan(pid: number, limitMs = 50_000): Promise<ServerStatus> {
  const started = Date.now();
  for (;;) {
    const s = await status();
    if (s.state === 'running' && s.pid !== undefined && s.pid !== pid) return s;
    if (Date.now() - started > limitMs) throw new Error(`the server did not come back: ${JSON.stringify(s)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a dead language server in VS Code', () => {
  before(activate);
  afterEach(closeAll);

  it('is restarted, says so once, and checks the open report again', async () => {
    const uri = workspaceUri('examples', 'shifan-2024.nianbao.yaml');
    const editor = await open(uri);
    // Checked (other suites may have left a copy of it in the workspace: NB320 is fine, NB304 is not there yet).
    const noNb304 = (d: readonly vscode.Diagnostic[]): boolean => !d.some((x) => String(x.code) === 'NB304');
    await diagnosticsWhere(uri, noNb304, 'the example checked');
    const before = await status();
    assert.equal(before.state, 'running');
    assert.ok(before.pid, 'the server tells its process id');
    const noticesBefore = before.notices.length;

    // The server process dies as a crash would end it.
    process.kill(before.pid as number, 'SIGKILL');
    const after = await runningOtherThan(before.pid as number);
    assert.equal(after.restarts, before.restarts + 1);
    const notices = after.notices.slice(noticesBefore);
    assert.equal(notices.length, 1, JSON.stringify(notices));
    assert.match(notices[0], /意外停止，已自动重启|stopped unexpectedly and was restarted/);

    // The new server has the document (unsaved edits included) and checks it live.
    const at = positionOf(editor.document, '行政复议: [');
    const line = editor.document.lineAt(at.line);
    await editor.edit((b) =>
      b.replace(
        line.range,
        line.text.replace(/\d+\]/, (m) => `${Number(m.slice(0, -1)) + 1}]`),
      ),
    );
    const broken = await diagnosticsWhere(
      uri,
      (d) => d.some((x) => String(x.code) === 'NB304'),
      'NB304 from the restarted server',
    );
    assert.ok(
      broken.some((d) => d.range.start.line === at.line),
      JSON.stringify(markers(broken)),
    );
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhere(uri, noNb304, 'NB304 gone after undo');

    // Still one message: nothing more was said while it ran again.
    const later = await status();
    assert.equal(later.notices.length - noticesBefore, 1);
    assert.equal(later.pid, after.pid);
  });
});
