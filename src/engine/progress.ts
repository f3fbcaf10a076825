/**
 * Progress on standard error, nothing with --quiet. On a terminal, a bar redrawn in place ("\r",
 * the line cleared) that fits the terminal's width, cut and never wrapped (a wrapped bar scrolls
 * the screen a line per redraw). Elsewhere (a log file, a pipe, a batch scheduler) a plain line
 * every 10 s from a timer, whether files finish or not, so a log shows the run moving or stuck.
 * Time left is shown only once there is evidence for it (see `estimate`).
 */
export interface Progress {
  tick(failed: boolean): void;
  /** A message (a failed input) between two redraws: on a terminal the bar's line is cleared first. */
  say(text: string): void;
  done(): void;
}

/** Where progress goes: standard error, or what a test hands in. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width in characters (a TTY stream has it, and it follows a resize). */
  columns?: number;
}

export interface ProgressOptions {
  total: number;
  quiet: boolean;
  stream?: ProgressStream;
  /** Seconds between plain lines when not on a terminal. */
  every?: number;
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
  /** Calls `fn` every `ms` until the returned function is called (setInterval, unref'd). */
  repeat?: (ms: number, fn: () => void) => () => void;
}

/** Before this many files and seconds, a rate still holds the workers' start: no time left is shown. */
export const ESTIMATE_MIN_FILES = 10;
export const ESTIMATE_MIN_SECONDS = 30;
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

const everyMs = (ms: number, fn: () => void): (() => void) => {
  const timer = setInterval(fn, ms);
  timer.unref(); // never what keeps the process alive
  return () => clearInterval(timer);
};

export function progress(options: ProgressOptions): Progress {
  if (options.quiet || options.total === 0) return { tick: () => undefined, say: () => undefined, done: () => undefined };
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const state: RunState = { total: options.total, done: 0, failed: 0, start: now(), firstAt: null };
  if (!stream.isTTY) return plainLines(stream, state, now, (options.every ?? 10) * 1000, options.repeat ?? everyMs);
  return terminalBar(stream, state, now);
}

interface RunState {
  total: number;
  done: number;
  failed: number;
  /** When the run started, and when its first file was done (the rate is measured from there). */
  start: number;
  firstAt: number | null;
}

function count(state: RunState, failed: boolean, t: number): void {
  state.done++;
  if (failed) state.failed++;
  state.firstAt ??= t;
}

/**
 * Seconds left, or null while there is no evidence for a number: fewer than ESTIMATE_MIN_FILES
 * done or ESTIMATE_MIN_SECONDS gone, or no file done since the first. The rate is measured from the
 * first file done, not from the start, which holds the workers' start (~0.4 s each) and the listing.
 */
export function estimate(state: Readonly<RunState>, t: number): number | null {
  if (state.done < ESTIMATE_MIN_FILES || t - state.start < ESTIMATE_MIN_SECONDS * 1000 || state.firstAt === null) return null;
  const since = (t - state.firstAt) / 1000;
  const rate = (state.done - 1) / since;
  return rate > 0 && since > 0 ? (state.total - state.done) / rate : null;
}

function plainLines(stream: ProgressStream, state: RunState, now: () => number, everyMsValue: number, repeat: NonNullable<ProgressOptions['repeat']>): Progress {
  const line = (): string => {
    const t = now();
    const seconds = (t - state.start) / 1000;
    const left = estimate(state, t);
    const percent = Math.floor((state.done / state.total) * 100);
    return `vnreform: ${state.done}/${state.total} files (${percent}%), ${(state.done / Math.max(seconds, 1e-9)).toFixed(1)} files/s, `
      + `elapsed ${clock(seconds)}, ${left === null ? 'time left not known yet' : `about ${clock(left)} left`}, failed ${state.failed}\n`;
  };
  const stop = repeat(everyMsValue, () => stream.write(line()));
  return {
    tick: (failed) => count(state, failed, now()),
    say: (text) => void stream.write(text),
    done: stop,
  };
}

function terminalBar(stream: ProgressStream, state: RunState, now: () => number): Progress {
  let lastDraw = -Infinity;
  let drawn = false;
  const draw = (): void => {
    const t = now();
    stream.write(`\r${barLine(state, t, stream.columns ?? 80)}\x1b[K`);
    lastDraw = t;
    drawn = true;
  };
  return {
    tick(failed) {
      count(state, failed, now());
      if (now() - lastDraw >= REDRAW_MS || state.done === state.total) draw();
    },
    say(text) {
      // The message takes the bar's line; the bar is drawn again under it.
      stream.write(drawn ? `\r\x1b[K${text}` : text);
      if (drawn) draw();
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

/**
 * The bar's line for a terminal `columns` wide: at most columns − 1 characters (a line that fills
 * the last column makes some terminals wrap). Narrow, the rate and the elapsed time go first, then
 * the bar; what still does not fit is cut at the end.
 */
export function barLine(state: Readonly<RunState>, t: number, columns: number): string {
  const seconds = (t - state.start) / 1000;
  const left = estimate(state, t);
  const counts = `${state.done}/${state.total}`;
  const tail = `left ${left === null ? '--:--' : clock(left)} failed ${state.failed}`;
  const forms = [`${counts} ${(state.done / Math.max(seconds, 1e-9)).toFixed(1)}/s ${clock(seconds)} ${tail}`, `${counts} ${tail}`];
  const room = Math.max(0, columns - 1);
  const bar = (figures: string): string | null => {
    const width = Math.min(BAR_WIDTH, room - figures.length - 3);
    if (width < 5) return null;
    const filled = Math.round((state.done / state.total) * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${figures}`;
  };
  return bar(forms[0]!) ?? bar(forms[1]!) ?? forms.find((f) => f.length <= room) ?? forms[1]!.slice(0, room);
}

export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
