/** The client's decisions when the server dies (the real restart in VS Code: test/client/integration/serverRestart.test.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_RESTARTS, RestartPolicy, WINDOW_MS } from '../../client/src/restartPolicy';

test('a crash: restart, and say so; another soon after: restart without a second message', () => {
  let now = 1_000_000;
  const policy = new RestartPolicy(() => now);
  assert.deepEqual(policy.closed(), { restart: true, notice: 'restarted' });
  now += 10_000;
  assert.deepEqual(policy.closed(), { restart: true, notice: undefined });
  now += WINDOW_MS + 1;
  assert.deepEqual(policy.closed(), { restart: true, notice: 'restarted' }, 'after a quiet spell, news again');
  assert.equal(policy.restarts, 3);
});

test(`more than ${MAX_RESTARTS} crashes within the window: left stopped, with one message`, () => {
  let now = 0;
  const policy = new RestartPolicy(() => now);
  for (let i = 0; i < MAX_RESTARTS; i++) {
    assert.equal(policy.closed().restart, true);
    now += 1000;
  }
  assert.deepEqual(policy.closed(), { restart: false, notice: 'gaveUp' });
  policy.reset();
  assert.deepEqual(policy.closed(), { restart: true, notice: 'restarted' }, 'a restart by hand starts afresh');
});
