/**
 * Each hostile input as a file through the real `bin/nianbao.js`: `check --format json` ends with the finding and
 * exit code 1, `render` and `next` refuse or render with a message and never a stack trace; the check's time and the
 * process's peak memory are measured (a preloaded hook reads them at exit) and printed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../support/paths';
import { STACK_TRACE } from '../support/fuzz/bytes';
import { CPU_BOUND_MS, HOSTILE, MEMORY_BOUND_MB, PWNED, summarise } from '../support/hostile/inputs';

const USAGE = join(__dirname, '..', 'support', 'hostile', 'usage.js');
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function nianbao(args: readonly string[], usageFile?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--require', USAGE, join(ROOT, 'bin', 'nianbao.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...(usageFile ? { NIANBAO_USAGE_FILE: usageFile } : {}) },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

for (const c of HOSTILE) {
  test(`cli: ${c.name} — ${c.what}`, () => {
    const file = join(dir, `${c.name}.nianbao.yaml`);
    writeFileSync(file, c.bytes());
    const usageFile = join(dir, `${c.name}.usage.json`);
    const check = nianbao(['check', file, '--format', 'json'], usageFile);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssMB: number; cpuMs: number; wallMs: number };
    const result = JSON.parse(check.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] };
    const codes = result.files[0].diagnostics.map((d) => d.code);
    console.log(
      `hostile ${c.name} via cli: ${summarise(codes)}, exit ${check.code}, ${usage.wallMs.toFixed(0)} ms (CPU ${usage.cpuMs.toFixed(0)} ms, bound ${CPU_BOUND_MS} ms); peak RSS ${usage.maxRssMB.toFixed(0)} MB (bound ${MEMORY_BOUND_MB} MB); "${result.files[0].diagnostics[0]?.message.slice(0, 80)}"`,
    );
    assert.equal(c.expect(codes), undefined);
    assert.equal(check.code, c.exit ?? 1);
    assert.ok(usage.maxRssMB < MEMORY_BOUND_MB, `peak RSS ${usage.maxRssMB} MB`);
    assert.ok(usage.cpuMs < CPU_BOUND_MS, `the check took ${usage.cpuMs} ms of CPU time`);

    for (const args of [
      ['render', file],
      ['next', file],
      ['check', file],
    ]) {
      const r = nianbao(args);
      assert.ok([0, 1, 2].includes(r.code), `${args[0]}: exit ${r.code}`);
      assert.ok(
        !STACK_TRACE.test(`\n${r.stderr}`) && !STACK_TRACE.test(`\n${r.stdout}`),
        `${args[0]}: a stack trace\n${r.stderr}`,
      );
      if (r.code !== 0) assert.ok((r.stderr + r.stdout).trim(), `${args[0]}: no message`);
    }
    assert.equal(existsSync(PWNED), false, 'a tag was executed');
    rmSync(file);
  });
}
