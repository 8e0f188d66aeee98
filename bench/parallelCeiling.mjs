// What two threads can gain on this machine, whatever a program does: the core's `checkReport` over the same report
// texts, already in memory, in one worker thread, and split in two halves over two worker threads that share
// nothing (no reading, no messages while they work, no index, no output). Its wall-time ratio is the floor for any
// two-thread `nianbao check`: a pool, reading and output can only add to it. Measured in rounds, one thread and two
// threads in turn, median of the per-round ratios.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { loadCore, median, now } from './lib.mjs';

if (!isMainThread) {
  const core = loadCore();
  const texts = workerData.texts;
  // Warm-up: V8 compiles the analysis before the timed part.
  for (let i = 0; i < Math.min(texts.length, 400); i++) core.checkReport(texts[i]);
  parentPort.on('message', () => {
    for (const t of texts) core.checkReport(t);
    parentPort.postMessage('done');
  });
  parentPort.postMessage('ready');
}

async function timed(groups) {
  const workers = groups.map((texts) => new Worker(fileURLToPath(import.meta.url), { workerData: { texts } }));
  const next = (w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)));
  await Promise.all(workers.map(next));
  const started = now();
  await Promise.all(workers.map((w) => (w.postMessage('go'), next(w))));
  const wall = now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return wall;
}

/** `texts` analysed by one thread and by two (halves): wall times per round and the median ratio two / one. */
export async function parallelCeiling(texts, rounds = 5) {
  const half = Math.ceil(texts.length / 2);
  const one = [];
  const two = [];
  for (let r = 0; r < rounds; r++) {
    one.push(await timed([texts]));
    two.push(await timed([texts.slice(0, half), texts.slice(half)]));
  }
  return {
    reports: texts.length,
    one: median(one),
    two: median(two),
    ratio: median(one.map((o, i) => two[i] / o)),
    rounds: one.map((o, i) => [o, two[i]]),
  };
}
