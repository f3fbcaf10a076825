/**
 * Ctrl-C (SIGINT) or a scheduler's SIGTERM (Slurm, Kubernetes) during a run. The first asks the run
 * to stop between two records, so the output ends on a whole line and the tables match it; a
 * second ends the process at once, as the default handler would.
 */
export interface Interruption {
  /** Resolves with the signal when the first one arrives. */
  readonly stopped: Promise<NodeJS.Signals>;
  dispose(): void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** The exit status of a process ended by `signal`, as a shell reports it (128 + the signal's number). */
export const exitStatusOf = (signal: NodeJS.Signals): number => (signal === 'SIGINT' ? 130 : 143);

export function watchInterruption(proc: NodeJS.Process = process): Interruption {
  let received: NodeJS.Signals | null = null;
  let resolve!: (signal: NodeJS.Signals) => void;
  const stopped = new Promise<NodeJS.Signals>((r) => (resolve = r));
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) proc.exit(exitStatusOf(received));
    received = signal;
    resolve(signal);
  };
  for (const signal of SIGNALS) proc.on(signal, onSignal);
  return {
    stopped,
    dispose: () => {
      for (const signal of SIGNALS) proc.off(signal, onSignal);
    },
  };
}
