// What two threads can gain on this machine, whatever a program does: the core's `checkReport` over the same report
// texts, already in memory, in one worker thread, and split in two halves over two worker threads that share
// nothing (no reading, no messages while they work, no index, no output). Its wall-time ratio is the floor for any
// two-thread `nianbao check`: a pool, reading and output can only add to it. Cold, as every thread of a new process
// starts (each compiles the analysis for itself while it runs), and warm (after 400 reports, not timed); and, as the
// control, a loop of arithmetic that touches no memory, split the same way. Measured in rounds, one thread and two
// threads in turn, median of the per-round ratios; with the process's CPU time, which shows how many cores one
// thread already keeps busy (V8 compiles and collects garbage on threads of its own).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { loadCore, median, now } from './lib.mjs';

if (!isMainThread) {
  const core = loadCore();
  const { texts, warm, spin } = workerData;
  // Warm-up: V8 compiles the analysis before the timed part.
  for (let i = 0; i < Math.min(texts.length, warm); i++) core.checkReport(texts[i]);
  parentPort.on('message', () => {
    if (spin) {
      // The control: arithmetic that touches no memory.
      let h = 0;
      for (let i = 0; i < spin; i++) h = (h * 31 + i) | 0;
      parentPort.postMessage(h === 0.5 ? 'never' : 'done');
      return;
    }
    for (const t of texts) core.checkReport(t);
    parentPort.postMessage('done');
  });
  parentPort.postMessage('ready');
}

async function timed(groups, warm, spin = 0) {
  const workers = groups.map(
    (texts) => new Worker(fileURLToPath(import.meta.url), { workerData: { texts, warm, spin: spin / groups.length } }),
  );
  const next = (w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)));
  await Promise.all(workers.map(next));
  const started = now();
  // The process's CPU time counts every thread in it: the workers' and V8's compiler and collector threads.
  const cpuBefore = process.cpuUsage();
  await Promise.all(workers.map((w) => (w.postMessage('go'), next(w))));
  const wall = now() - started;
  const used = process.cpuUsage(cpuBefore);
  await Promise.all(workers.map((w) => w.terminate()));
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** `texts` analysed by one thread and by two (halves), cold and warm: wall times and the median ratio two / one. */
export async function parallelCeiling(texts, rounds = 3) {
  const half = Math.ceil(texts.length / 2);
  const measure = async (warm, spin = 0) => {
    const one = [];
    const two = [];
    for (let r = 0; r < rounds; r++) {
      one.push(await timed(spin ? [[]] : [texts], warm, spin));
      two.push(await timed(spin ? [[], []] : [texts.slice(0, half), texts.slice(half)], warm, spin));
    }
    return {
      one: median(one.map((o) => o.wall)),
      two: median(two.map((t) => t.wall)),
      ratio: median(one.map((o, i) => two[i].wall / o.wall)),
      rounds: one.map((o, i) => [o.wall, two[i].wall]),
      // Cores kept busy while one thread analyses, and the CPU time of one and of two threads.
      cores: median(one.map((o) => o.cpu / o.wall)),
      oneCpu: median(one.map((o) => o.cpu)),
      twoCpu: median(two.map((t) => t.cpu)),
    };
  };
  return {
    reports: texts.length,
    cold: await measure(0),
    warm: await measure(400),
    arithmetic: await measure(0, 4e8),
  };
}
