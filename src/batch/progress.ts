/**
 * Progress on standard error: a bar redrawn in place on a terminal (done of total, rate, elapsed,
 * time left, failures); a plain line every few seconds when standard error is a file or a pipe, so
 * a batch log shows the run moving; nothing with --quiet.
 */
export interface Progress {
  tick(failed: boolean): void;
  done(): void;
}

export interface ProgressOptions {
  total: number;
  quiet: boolean;
  stream?: NodeJS.WriteStream;
  /** Seconds between plain lines when not on a terminal. */
  every?: number;
  now?: () => number;
}

export function progress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const start = now();
  let count = 0;
  let failures = 0;
  let lastPrint = start;
  if (options.quiet || options.total === 0) return { tick: () => undefined, done: () => undefined };
  const tty = !!stream.isTTY;
  const line = (): string => {
    const seconds = (now() - start) / 1000;
    const rate = seconds > 0 ? count / seconds : 0;
    const left = rate > 0 ? (options.total - count) / rate : NaN;
    return `${count}/${options.total} files  ${rate.toFixed(1)}/s  elapsed ${clock(seconds)}  left ${Number.isFinite(left) ? clock(left) : '--:--'}  failed ${failures}`;
  };
  return {
    tick(failed) {
      count++;
      if (failed) failures++;
      const t = now();
      if (tty) {
        if (t - lastPrint < 100 && count < options.total) return;
        const width = 24;
        const filled = Math.round((count / options.total) * width);
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line()}\x1b[K`);
      } else if (t - lastPrint >= (options.every ?? 10) * 1000) {
        stream.write(`vnreform: ${line()}\n`);
      } else return;
      lastPrint = t;
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}

export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
