/**
 * A process's peak resident memory in MB: `VmHWM` of /proc/<pid>/status (Linux), which belongs to the process's own
 * address space. (`getrusage`'s maxrss is no good for a child process: Linux carries the parent's peak across fork
 * and exec, so a child of a large test process would report the parent's size.) Elsewhere: maxrss of the process.
 */
import { readFileSync } from 'node:fs';

export function peakMemoryMB(pid: number | 'self' = 'self'): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // Not Linux, or the process is gone.
  }
  return pid === 'self' ? process.resourceUsage().maxRSS / 1024 : Number.NaN;
}
