/**
 * Hostile files through the real `nianbao import` (a process of its own, with the PDF reader's worker thread): each
 * ends with exit 1 and its one message, no stack trace, no output file, within the CPU-time and memory bounds of
 * `inputs.ts` (the process's own CPU time and peak memory, read at exit by the preloaded `usage.ts`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { STACK_TRACE } from '../support/fuzz/bytes';
import { ROOT } from '../support/paths';
import { hostileDocx, hostilePdf } from '../support/hostile/importInputs';
import { CPU_BOUND_MS, MEMORY_BOUND_MB } from '../support/hostile/inputs';

const USAGE = join(__dirname, '..', 'support', 'hostile', 'usage.js');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const c of [...hostileDocx(), ...hostilePdf()]) {
  test(`import: ${c.name} — ${c.what}`, () => {
    const file = join(dir, `${c.name}.${c.ext}`);
    writeFileSync(file, c.bytes());
    const out = join(dir, `${c.name}.nianbao.yaml`);
    const usageFile = join(dir, `${c.name}.usage.json`);
    const r = spawnSync(
      process.execPath,
      ['--require', USAGE, join(ROOT, 'bin', 'nianbao.js'), 'import', file, '-o', out],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', NIANBAO_USAGE_FILE: usageFile },
      },
    );
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssMB: number; cpuMs: number; wallMs: number };
    console.log(
      `hostile import ${c.name}: exit ${r.status}, CPU ${usage.cpuMs.toFixed(0)} ms (bound ${CPU_BOUND_MS}), peak RSS ${usage.maxRssMB.toFixed(0)} MB (bound ${MEMORY_BOUND_MB}); "${r.stderr.trim().slice(0, 90)}"`,
    );
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, c.zh);
    assert.ok(!STACK_TRACE.test(`\n${r.stderr}`), r.stderr);
    assert.equal(existsSync(out), false);
    assert.ok(usage.cpuMs < CPU_BOUND_MS, `${usage.cpuMs} ms of CPU`);
    assert.ok(usage.maxRssMB < MEMORY_BOUND_MB, `${usage.maxRssMB} MB`);
    rmSync(file);
  });
}
