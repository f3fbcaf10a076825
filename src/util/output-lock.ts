import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeFolder, OutputError, outputError } from './output-files.js';

/**
 * One run at a time on an output: a lock file beside it (inside it, for a folder) holding the PID of
 * the run that writes it, made with O_EXCL so two runs cannot both take it. Two runs on one
 * `--out` used to both exit 0 and leave lines of NULs where their writes crossed. A lock left by a
 * run that is gone (kill -9) is taken over; one whose run is alive stops this run at once (exit 73).
 */
export function lockOutput(out: string, folder: boolean): () => void {
  const lock = folder ? join(out, '.vnreform.lock') : `${out}.lock`;
  makeFolder(dirname(lock), out);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      const release = (): void => {
        process.off('exit', release);
        try {
          if (readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw outputError(lock, err);
      const holder = lockHolder(lock);
      if (holder !== null && holder !== process.pid && alive(holder)) {
        throw new OutputError(`cannot write ${out}: another vnreform run (PID ${holder}) is writing it; wait for it to end (its lock is ${lock})`, 'ELOCKED');
      }
      rmSync(lock, { force: true }); // its run is gone
    }
  }
  throw new OutputError(`cannot write ${out}: its lock ${lock} keeps coming back`, 'ELOCKED');
}

function lockHolder(lock: string): number | null {
  try {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
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
