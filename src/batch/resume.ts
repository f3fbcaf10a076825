import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * What an interrupted JSON Lines run already wrote. Records are appended a whole line at a time,
 * so only the last line can be cut (kill -9, power cut): it is cut off here, and the input it
 * belonged to runs again.
 */
export interface ResumeState {
  /** Path → content hash of every input that has a record (null for inputs that could not be read). */
  done: Map<string, string | null>;
  /** Bytes of a half-written last line removed from the file. */
  repairedBytes: number;
}

export function loadResumeState(outPath: string): ResumeState {
  const done = new Map<string, string | null>();
  if (!existsSync(outPath)) return { done, repairedBytes: 0 };
  const repairedBytes = cutHalfLine(outPath);
  const text = readFileSync(outPath, 'utf8');
  for (const line of text.split('\n')) {
    if (!line) continue;
    const source = (JSON.parse(line) as { source?: { path?: string; sha256?: string | null } }).source;
    if (source?.path) done.set(source.path, source.sha256 ?? null);
  }
  return { done, repairedBytes };
}

/** Truncate the file after its last newline; the number of bytes removed. */
function cutHalfLine(path: string): number {
  const size = statSync(path).size;
  if (size === 0) return 0;
  const bytes = readFileSync(path);
  const lastNewline = bytes.lastIndexOf(0x0a);
  const keep = lastNewline + 1;
  if (keep === size) return 0;
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, keep);
  } finally {
    closeSync(fd);
  }
  return size - keep;
}

/**
 * True when the input already has its record: same path, and (for a file that was read) the file
 * still has the content it had then. A file changed since is run again.
 */
export async function alreadyDone(path: string, state: ResumeState): Promise<boolean> {
  if (!state.done.has(path)) return false;
  const recorded = state.done.get(path);
  if (recorded === null) return true;
  const now = await readFile(path).then((b) => createHash('sha256').update(b).digest('hex'), () => null);
  return now === recorded;
}

/** Rewrite the output without the records of `paths` (inputs changed since): each input keeps one record. */
export function dropRecords(outPath: string, paths: Set<string>): void {
  if (!paths.size) return;
  const kept = readFileSync(outPath, 'utf8').split('\n').filter((line) => {
    if (!line) return false;
    const path = (JSON.parse(line) as { source?: { path?: string } }).source?.path;
    return !path || !paths.has(path);
  });
  const tmp = `${outPath}.tmp-${process.pid}`;
  writeFileSync(tmp, kept.map((l) => `${l}\n`).join(''));
  renameSync(tmp, outPath);
}
