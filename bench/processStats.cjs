// Preloaded (`node --require bench/processStats.cjs …`) into a process a benchmark runs, such as the real
// `bin/nianbao.js`: at exit it writes the process's peak resident memory, heap and CPU time to the file named by
// NIANBAO_BENCH_STATS (with --expose-gc also the heap live when it first writes to stdout). It changes nothing
// else in the process.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.NIANBAO_BENCH_STATS;
if (file) {
  const started = process.hrtime.bigint();
  // With --expose-gc: the heap still live when the process first writes to stdout — for `nianbao check`, once
  // every report is analysed and indexed and before the output begins, which is when it holds the most.
  let liveAtFirstOutput;
  const write = process.stdout.write;
  process.stdout.write = function (...args) {
    if (liveAtFirstOutput === undefined && typeof global.gc === 'function') {
      global.gc();
      liveAtFirstOutput = process.memoryUsage().heapUsed;
    }
    return write.apply(this, args);
  };
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    const memory = process.memoryUsage();

    writeFileSync(
      file,
      JSON.stringify({
        code,
        wallMs: Number(process.hrtime.bigint() - started) / 1e6,
        // resourceUsage: maxRSS in KB, CPU times in µs.
        maxRssBytes: usage.maxRSS * 1024,
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
        heapUsedBytes: memory.heapUsed,
        liveHeapBytes: liveAtFirstOutput,
        rssBytes: memory.rss,
      }),
    );
  });
}
