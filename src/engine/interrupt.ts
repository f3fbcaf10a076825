/**
 * Ctrl-C (SIGINT) or a scheduler's SIGTERM (Slurm, Kubernetes) during a run. The first asks the run
 * to stop between two records, so the output ends on a whole line and the tables match it; a
 * second ends the process at once, as the default handler would.
 */
export interface Interruption {
  /**
   * `pending`'s value, or the signal if one arrives first. Not `Promise.race` with a promise of the
   * signal: each race leaves a reaction on that promise, which never settles, and the reaction keeps
   * the race's value (a record's bytes) alive: over 2,000 files peak RSS grew ~35 MB.
   */
  race<T>(pending: Promise<T>): Promise<T | NodeJS.Signals>;
  dispose(): void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** The exit status of a process ended by `signal`, as a shell reports it (128 + the signal's number). */
export const exitStatusOf = (signal: NodeJS.Signals): number => (signal === 'SIGINT' ? 130 : 143);

export function watchInterruption(proc: NodeJS.Process = process): Interruption {
  let received: NodeJS.Signals | null = null;
  // Only the race in progress can be woken: one waiter at a time, dropped when it settles.
  let wake: ((signal: NodeJS.Signals) => void) | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) proc.exit(exitStatusOf(received));
    received = signal;
    wake?.(signal);
  };
  for (const signal of SIGNALS) proc.on(signal, onSignal);
  return {
    race<T>(pending: Promise<T>): Promise<T | NodeJS.Signals> {
      if (received) return Promise.resolve(received);
      return new Promise<T | NodeJS.Signals>((resolve, reject) => {
        wake = resolve;
        pending.then(
          (value) => {
            wake = null;
            resolve(value);
          },
          (err: unknown) => {
            wake = null;
            reject(err);
          },
        );
      });
    },
    dispose: () => {
      wake = null;
      for (const signal of SIGNALS) proc.off(signal, onSignal);
    },
  };
}
