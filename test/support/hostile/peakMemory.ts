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

/** A process's CPU time (user + system) so far in ms: /proc/<pid>/stat (Linux); elsewhere only for this process. */
export function cpuTimeMs(pid: number | 'self' = 'self'): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last parenthesis): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    // The kernel counts in USER_HZ, 100 on every Linux Node supports.
    if (Number.isFinite(ticks)) return ticks * 10;
  } catch {
    // Not Linux, or the process is gone.
  }
  if (pid !== 'self') return Number.NaN;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
