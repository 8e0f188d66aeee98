/**
 * Preloaded (`node --require`) into a process under measurement: when it exits, its peak resident memory and CPU
 * time go to the file named by NIANBAO_USAGE_FILE. The process itself is not changed otherwise.
 */
import { writeFileSync } from 'node:fs';
import { peakMemoryMB } from './peakMemory';

const file = process.env.NIANBAO_USAGE_FILE;
if (file) {
  const started = performance.now();
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssMB: peakMemoryMB(),
        cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
        wallMs: performance.now() - started,
      }),
    );
  });
}
