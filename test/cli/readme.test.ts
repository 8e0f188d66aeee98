/** What the README shows of the CLI is what the CLI prints. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runBin } from '../support/cliRun';
import { ROOT } from '../support/paths';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('every `nianbao check` console example in the README is the real output and exit code', () => {
  const section = README.slice(
    README.indexOf('<!-- cli-example:start -->'),
    README.indexOf('<!-- cli-example:end -->'),
  );
  const blocks = [...section.matchAll(/```console\n\$ npx nianbao (.+)\n([\s\S]*?)\$ echo \$\?\n(\d+)\n```/g)];
  assert.equal(blocks.length, 2);
  for (const [, command, output, code] of blocks) {
    const r = runBin(command.split(' '));
    assert.equal(r.stdout, output, command);
    assert.equal(r.code, Number(code), command);
  }
});

test('the README’s --format json example, unwrapped, is the real output', () => {
  const block = /```json\n([\s\S]*?)```/.exec(README.slice(README.indexOf('`--format json` prints one line')));
  assert.ok(block);
  const shown = JSON.parse(block[1].replace(/\n\s*/g, ''));
  const r = runBin(['check', '--format', 'json', shown.files[0].file]);
  assert.deepEqual(JSON.parse(r.stdout), shown);
});
