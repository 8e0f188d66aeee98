// What two threads can gain on this machine, whatever a program does: the core's `checkReport` over the same report
// texts, already in memory, in one worker thread, and split in two halves over two worker threads that share
// nothing (no reading, no messages while they work, no index, no output). Its wall-time ratio is the floor for any
// two-thread `nianbao check`: a pool, reading and output can only add to it. Cold, as every thread of a new process
// starts (each compiles the analysis for itself while it runs), and warm (after 400 reports, not timed); and, as the
// control, a loop of arithmetic that touches no memory, split the same way. Measured in rounds, one thread and two
// threads in turn, median of the per-round ratios; with the process's CPU time, which shows how many cores one
// thread already keeps busy (V8 compiles and collects garbage on threads of its own). A second control allocates
// short-lived objects as the analysis does (and nothing else), which needs V8's collector beside it. And what every
// new thread pays before it analyses at full speed: one thread's first pass over the texts against its second.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { loadCore, median, now } from './lib.mjs';

if (!isMainThread) {
  const core = loadCore();
  const { texts, warm, spin, allocate } = workerData;
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
    if (allocate) {
      // The second control: small objects and arrays that live for a while and die young, as a report's tree and
      // a checker's terms do (kept in a ring of the size of one report's, so that none can be optimised away).
      const ring = new Array(4096);
      let n = 0;
      for (let i = 0; i < allocate; i++) {
        const node = { kind: 'scalar', start: i, end: i + 1, text: `v${i & 1023}`, items: [i, i + 1, i + 2] };
        const old = ring[i & 4095];
        if (old !== undefined) n += old.items.length + old.text.length;
        ring[i & 4095] = node;
      }
      parentPort.postMessage(n === 0.5 ? 'never' : 'done');
      return;
    }
    for (const t of texts) core.checkReport(t);
    parentPort.postMessage('done');
  });
  parentPort.postMessage('ready');
}

/** The worker's next message ('ready', then 'done' after each 'go'). */
const reply = (w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)));

/** One 'go' to every worker until all are done: wall time, and the process's CPU time in ms. */
async function go(workers) {
  const started = now();
  // The process's CPU time counts every thread in it: the workers' and V8's compiler and collector threads.
  const cpuBefore = process.cpuUsage();
  await Promise.all(workers.map((w) => (w.postMessage('go'), reply(w))));
  const wall = now() - started;
  const used = process.cpuUsage(cpuBefore);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

async function timed(groups, warm, spin = 0, allocate = 0) {
  const workers = groups.map(
    (texts) =>
      new Worker(fileURLToPath(import.meta.url), {
        workerData: { texts, warm, spin: spin / groups.length, allocate: allocate / groups.length },
      }),
  );
  await Promise.all(workers.map(reply));
  const result = await go(workers);
  await Promise.all(workers.map((w) => w.terminate()));
  return result;
}

/**
 * One new thread's passes over `texts`: the process's CPU and wall time of the first pass (V8 runs the analysis
 * unoptimised and compiles it on threads of its own meanwhile) and of the second (compiled), median of `rounds`.
 */
async function firstAndSecondPass(texts, rounds) {
  const passes = [];
  for (let r = 0; r < rounds; r++) {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { texts, warm: 0 } });
    await reply(worker);
    const first = await go([worker]);
    const second = await go([worker]);
    passes.push({ first, second });
    await worker.terminate();
  }
  return {
    first: { wall: median(passes.map((p) => p.first.wall)), cpu: median(passes.map((p) => p.first.cpu)) },
    second: { wall: median(passes.map((p) => p.second.wall)), cpu: median(passes.map((p) => p.second.cpu)) },
    /** CPU time the first pass costs beyond the second: the warm-up every new thread pays. */
    warmUpCpu: median(passes.map((p) => p.first.cpu - p.second.cpu)),
    rounds,
  };
}

/** `texts` analysed by one thread and by two (halves), cold and warm: wall times and the median ratio two / one. */
export async function parallelCeiling(texts, rounds = 3) {
  const half = Math.ceil(texts.length / 2);
  const measure = async (warm, spin = 0, allocate = 0) => {
    const control = spin > 0 || allocate > 0;
    const one = [];
    const two = [];
    for (let r = 0; r < rounds; r++) {
      one.push(await timed(control ? [[]] : [texts], warm, spin, allocate));
      two.push(await timed(control ? [[], []] : [texts.slice(0, half), texts.slice(half)], warm, spin, allocate));
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
    allocation: await measure(0, 0, 4e7),
    passes: await firstAndSecondPass(texts, rounds + 2),
  };
}
