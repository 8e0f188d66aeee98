/**
 * Each hostile input through the core, in a process of its own: the analysis ends with its finding; its time and
 * the process's peak memory are measured and printed (both under generous bounds; the time as CPU time, never wall-clock time).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CPU_BOUND_MS, HOSTILE, MEMORY_BOUND_MB, PWNED, summarise } from '../support/hostile/inputs';

const MEASURE = join(__dirname, '..', 'support', 'hostile', 'measure.js');

for (const c of HOSTILE) {
  test(`core: ${c.name} — ${c.what}`, () => {
    const r = spawnSync(process.execPath, [MEASURE, c.name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(r.stdout) as {
      codes: string[];
      first: string;
      ms: number;
      cpuMs: number;
      bytes: number;
      units: number;
      baselineMB: number;
      maxRssMB: number;
    };
    console.log(
      `hostile ${c.name} via core: ${summarise(m.codes)} in ${m.ms.toFixed(0)} ms (CPU ${m.cpuMs.toFixed(0)} ms, bound ${CPU_BOUND_MS} ms); peak RSS ${m.maxRssMB.toFixed(0)} MB (${(m.maxRssMB - m.baselineMB).toFixed(0)} MB over the input's own ${m.baselineMB.toFixed(0)} MB; bound ${MEMORY_BOUND_MB} MB); ${(m.bytes / 1048576).toFixed(2)} MB in, "${m.first.slice(0, 80)}"`,
    );
    assert.equal(c.expect(m.codes), undefined);
    assert.ok(m.first.length > 0, 'the finding has a message');
    assert.ok(m.maxRssMB < MEMORY_BOUND_MB, `peak RSS ${m.maxRssMB} MB`);
    assert.ok(m.cpuMs < CPU_BOUND_MS, `analysis took ${m.cpuMs} ms of CPU time`);
    assert.equal(existsSync(PWNED), false, 'a tag was executed');
  });
}
