import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in bytes. On Linux from /proc (VmHWM): `getrusage`'s maxRSS
 * survives exec, so a process started by a large one reports its parent's memory at the fork as its
 * own peak (a CLI run from the bench, 250 MB at most, said 387 MB). Elsewhere maxRSS is all there is.
 */
export function peakRssBytes(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // no /proc: not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
