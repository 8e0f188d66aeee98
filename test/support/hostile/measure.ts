/**
 * One hostile case through the core in a process of its own (so that its memory is its own): the bytes decoded as
 * the CLI decodes a file, analysed; prints the codes, the analysis time and the process's peak memory as JSON.
 * Usage: node out/test/support/hostile/measure.js CASE
 */
import { decodeText } from '../../../cli/src/decodeText';
import { analyze } from '../../../core/src/index';
import { hostileCase } from './inputs';
import { peakMemoryMB } from './peakMemory';

const c = hostileCase(process.argv[2]);
const bytes = c.bytes();
let text = decodeText(bytes);
if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
const baseline = peakMemoryMB();
const started = performance.now();
const cpu = process.cpuUsage();
const analysis = analyze(text);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    codes: analysis.diagnostics.map((d) => d.code),
    first: analysis.diagnostics[0]?.message.zh ?? '',
    ms,
    cpuMs: (used.user + used.system) / 1000,
    bytes: bytes.length,
    units: text.length,
    baselineMB: baseline,
    maxRssMB: peakMemoryMB(),
  }),
);
