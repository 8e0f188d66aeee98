/**
 * The preview's update scheduler on its own, with a scripted host (the end-to-end behaviour with the real server
 * and page is in test/client/previewLive.test.ts): one request at a time for the newest version, nothing older
 * shown after something newer, a refresh shows the same version again, a reset after the document reopened,
 * failures reported once after the retries, nothing shown after dispose.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PreviewUpdater } from '../../client/src/preview/previewUpdater';
import type { RenderResult } from '../../protocol/src/protocol';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class Host {
  version: number | undefined = 1;
  serverVersion = 1;
  readonly requested: number[] = [];
  readonly shown: number[] = [];
  readonly failures: unknown[] = [];
  fail = false;
  /** Answer null, as the server does when rendering failed inside it (its guarded empty result). */
  empty = false;
  private pending: (() => void)[] = [];
  /** Hold answers until `release`. */
  hold = false;

  fetch = async (version: number): Promise<RenderResult | null> => {
    this.requested.push(version);
    if (this.hold) await new Promise<void>((resolve) => this.pending.push(resolve));
    if (this.fail) throw new Error('no server');
    if (this.empty) return null;
    const uri = 'file:///r.nianbao.yaml';
    return version === this.serverVersion
      ? { uri, version, html: `<article>${version}</article>` }
      : { uri, version: this.serverVersion, stale: true };
  };

  release(): void {
    this.hold = false;
    for (const r of this.pending.splice(0)) r();
  }

  updater(throttle = 0): PreviewUpdater {
    return new PreviewUpdater(
      {
        version: () => this.version,
        fetch: this.fetch,
        show: (r) => this.shown.push(r.version),
        failed: (e) => this.failures.push(e),
      },
      throttle,
    );
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await sleep(1);
}

test('changes while a request is out: one request at a time, then one for the newest version only', async () => {
  const host = new Host();
  const updater = host.updater();
  host.hold = true;
  updater.changed();
  await settle();
  assert.deepEqual(host.requested, [1]);
  for (let v = 2; v <= 10; v++) {
    host.version = v;
    host.serverVersion = v;
    updater.changed();
  }
  await settle();
  assert.deepEqual(host.requested, [1], 'nothing more while the first is out');
  host.release();
  await settle();
  assert.deepEqual(host.requested, [1, 10]);
  assert.deepEqual(
    host.shown,
    [10],
    'the answer for 1 came back stale (the server had moved to 10); 10 was asked next',
  );
  updater.changed();
  await settle();
  assert.deepEqual(host.requested, [1, 10], 'no request when the shown version is current');
  updater.dispose();
});

test('a refresh shows the current version again; a reset accepts a lower version after the document reopened', async () => {
  const host = new Host();
  const updater = host.updater();
  host.version = host.serverVersion = 5;
  updater.changed();
  await settle();
  updater.refresh();
  await settle();
  assert.deepEqual(host.shown, [5, 5]);
  host.version = host.serverVersion = 1;
  updater.changed();
  await settle();
  assert.deepEqual(host.shown, [5, 5], 'never an older version without a reset');
  updater.reset();
  await settle();
  assert.deepEqual(host.shown, [5, 5, 1]);
  updater.dispose();
});

test('a server that keeps failing is reported once after the retries; the next change tries again', async () => {
  const host = new Host();
  const updater = host.updater();
  host.fail = true;
  updater.changed();
  for (let i = 0; i < 50 && host.failures.length === 0; i++) await settle();
  assert.equal(host.failures.length, 1);
  assert.equal(host.requested.length, 21, 'the first attempt and 20 retries');
  await settle();
  assert.equal(host.requested.length, 21, 'then quiet');
  host.fail = false;
  updater.changed();
  await settle();
  assert.deepEqual(host.shown, [1]);
  assert.equal(host.failures.length, 1);
  updater.dispose();
});

test('an empty answer (the server failed to render and logged why) is a failure: retried, reported once, then quiet', async () => {
  const host = new Host();
  const updater = host.updater();
  host.empty = true;
  updater.changed();
  for (let i = 0; i < 50 && host.failures.length === 0; i++) await settle();
  assert.equal(host.failures.length, 1);
  assert.deepEqual(host.shown, []);
  host.empty = false;
  updater.changed();
  await settle();
  assert.deepEqual(host.shown, [1]);
  updater.dispose();
});

test('nothing is shown after dispose, and no document means no request', async () => {
  const host = new Host();
  const updater = host.updater();
  host.hold = true;
  updater.changed();
  await settle();
  updater.dispose();
  host.release();
  await settle();
  assert.deepEqual(host.shown, []);

  const closed = new Host();
  closed.version = undefined;
  const other = closed.updater();
  other.changed();
  await settle();
  assert.deepEqual(closed.requested, []);
  other.dispose();
});

test('the throttle spaces requests while typing: a burst of changes becomes few requests', async () => {
  const host = new Host();
  const updater = host.updater(40);
  for (let v = 1; v <= 30; v++) {
    host.version = host.serverVersion = v;
    updater.changed();
    await sleep(2);
  }
  for (let i = 0; i < 100 && host.shown.at(-1) !== 30; i++) await sleep(10);
  assert.equal(host.shown.at(-1), 30);
  assert.ok(host.requested.length < 30, `${host.requested.length} requests for 30 versions`);
  assert.ok(host.shown.every((v, i) => i === 0 || v > host.shown[i - 1]));
  updater.dispose();
});
