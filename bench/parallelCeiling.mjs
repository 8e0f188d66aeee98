// What two threads can gain on this machine, whatever a program does: the core's `checkReport` over the same report
// texts, already in memory, in one worker thread, and split in two halves over two worker threads that share
// nothing (no reading, no messages while they work, no index, no output). Its wall-time ratio is the floor for any
// two-thread `nianbao check`: a pool, reading and output can only add to it. Cold, as every thread of a new process
// starts (each compiles the analysis for itself while it runs), and warm (after 400 reports, not timed); and, as the
// control, a loop of arithmetic that touches no memory, split the same way. Measured in rounds, one thread and two
// threads in turn, median of the per-round ratios.
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
  await Promise.all(workers.map((w) => (w.postMessage('go'), next(w))));
  const wall = now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return wall;
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
      one: median(one),
      two: median(two),
      ratio: median(one.map((o, i) => two[i] / o)),
      rounds: one.map((o, i) => [o, two[i]]),
    };
  };
  return {
    reports: texts.length,
    cold: await measure(0),
    warm: await measure(400),
    arithmetic: await measure(0, 4e8),
  };
}
