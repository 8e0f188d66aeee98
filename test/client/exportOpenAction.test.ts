/** What the export's message offers: the browser where the window can open the file, the Explorer elsewhere. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportOpenAction } from '../../client/src/commands/exportOpenAction';

test('VS Code on the desktop, local file: open it (the page in the browser, a .docx in Word)', () => {
  assert.equal(exportOpenAction({ web: false, remoteName: undefined, scheme: 'file' }), 'openExternal');
});

test('VS Code in the browser, a remote window or a file not on disk: show it in the Explorer instead', () => {
  assert.equal(exportOpenAction({ web: true, remoteName: undefined, scheme: 'file' }), 'revealInExplorer');
  assert.equal(exportOpenAction({ web: true, remoteName: undefined, scheme: 'vscode-remote' }), 'revealInExplorer');
  assert.equal(exportOpenAction({ web: false, remoteName: 'ssh-remote', scheme: 'vscode-remote' }), 'revealInExplorer');
  assert.equal(exportOpenAction({ web: false, remoteName: 'wsl', scheme: 'file' }), 'revealInExplorer');
  assert.equal(exportOpenAction({ web: false, remoteName: undefined, scheme: 'vscode-userdata' }), 'revealInExplorer');
});
