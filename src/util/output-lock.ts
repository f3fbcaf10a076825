import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { makeFolder, OutputError, outputError } from './output-files.js';

/**
 * One run at a time on an output: a lock file beside it (inside it, for a folder) holding the PID and
 * host name of the run that writes it, made with O_EXCL so two runs cannot both take it. Two runs on
 * one `--out` used to both exit 0 and leave lines of NULs where their writes crossed. A lock left by
 * a run that is gone (kill -9) is taken over; one whose run is alive stops this run at once (exit 73).
 * A lock from another machine (an output on a shared volume) cannot be checked from here: it stops
 * the run, unless the run is a scheduler's task (`scheduled`: Slurm, Kubernetes), which runs one
 * attempt of a task at a time, so the lock is that of an attempt killed with its node.
 */
export function lockOutput(out: string, folder: boolean, { scheduled = false }: { scheduled?: boolean } = {}): () => void {
  const lock = folder ? join(out, '.vnreform.lock') : `${out}.lock`;
  makeFolder(dirname(lock), out);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lock, `${process.pid} ${hostname()}\n`, { flag: 'wx' });
      const release = (): void => {
        process.off('exit', release);
        const holder = lockHolder(lock);
        // Still this run's (not taken over since by a run that thought this one gone).
        try {
          if (holder?.pid === process.pid && holder.host === hostname()) rmSync(lock, { force: true });
        } catch {
          // cannot be removed (the volume is gone): the next run sees this run is over and takes it
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw outputError(lock, err);
      const holder = lockHolder(lock);
      if (holder && holder.host !== hostname() && !scheduled) {
        throw new OutputError(`cannot write ${out}: a vnreform run on ${holder.host} (PID ${holder.pid}) holds its lock ${lock}, and this machine cannot tell whether it is still going; if it is not, delete the lock and run again`, 'ELOCKED');
      }
      if (holder && holder.host === hostname() && holder.pid !== process.pid && alive(holder.pid)) {
        throw new OutputError(`cannot write ${out}: another vnreform run (PID ${holder.pid}) is writing it; wait for it to end (its lock is ${lock})`, 'ELOCKED');
      }
      rmSync(lock, { force: true }); // its run is gone
    }
  }
  throw new OutputError(`cannot write ${out}: its lock ${lock} keeps coming back`, 'ELOCKED');
}

/** "PID HOST" (a lock written before host names were kept, "PID" alone, is taken as this host's). */
function lockHolder(lock: string): { pid: number; host: string } | null {
  try {
    const m = /^(\d+)(?: (\S+))?$/.exec(readFileSync(lock, 'utf8').trim());
    return m && Number(m[1]) > 0 ? { pid: Number(m[1]), host: m[2] ?? hostname() } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
