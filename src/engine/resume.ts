import { accessSync, closeSync, constants, createWriteStream, existsSync, ftruncateSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { pathForFs } from '../read/file-name.js';
import { readFileBytes } from '../read/index.js';
import type { Input } from './inputs.js';
import { inputPath } from './process.js';
import { lines, numberedLines } from '../util/lines.js';
import { OutputError, outputError } from '../util/output-files.js';

/**
 * What an interrupted JSON Lines run already wrote. Records are appended a whole line at a time,
 * so only the last line can be cut (kill -9, power cut): it is cut off here, and the input it
 * belonged to runs again. The output is read a line at a time, never whole: it holds some 30 KB
 * per input, past the longest string V8 makes (2^29 characters) at about 17,000 inputs.
 */
export interface ResumeState {
  /** Path → content hash of every input that has a record (null for inputs that could not be read). */
  done: Map<string, string | null>;
  /** Paths whose last record says a limit of the run stopped them: they run again. */
  retry: Set<string>;
  /** Bytes of a half-written last line removed from the file. */
  repairedBytes: number;
}

/**
 * Error codes that say a limit of the run (time, heap, a worker's death) stopped the input, not
 * what the file holds: a resumed run, perhaps with higher limits, tries it again.
 */
export const RETRIED_CODES: ReadonlySet<string> = new Set(['timeout', 'out-of-memory', 'worker-crashed']);

interface Seen {
  source?: { path?: string; sha256?: string | null };
  errors?: { code?: string }[];
}

/**
 * What the output holds. It cannot be resumed (exit 73, nothing touched but a cut-off last line)
 * when it is a folder, cannot be read and written, or has a damaged line before its last: the
 * message names the line, for the user to mend or remove.
 */
export async function loadResumeState(outPath: string): Promise<ResumeState> {
  const state: ResumeState = { done: new Map(), retry: new Set(), repairedBytes: 0 };
  if (!existsSync(outPath)) return state;
  try {
    accessSync(outPath, constants.R_OK | constants.W_OK);
    if (statSync(outPath).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    state.repairedBytes = cutHalfLine(outPath);
  } catch (err) {
    throw outputError(outPath, err);
  }
  for await (const [number, line] of numberedLines(outPath)) {
    let seen: Seen;
    try {
      seen = JSON.parse(line) as Seen;
    } catch {
      throw new OutputError(`cannot resume ${outPath}: line ${number} is not a whole record (${JSON.stringify(line.slice(0, 40))}…); mend or delete that line, then run again`, 'EBADRECORD');
    }
    const { source, errors } = seen;
    if (!source?.path) continue;
    state.done.set(source.path, source.sha256 ?? null);
    // The last record of a path decides.
    if (errors?.some((e) => RETRIED_CODES.has(e.code ?? ''))) state.retry.add(source.path);
    else state.retry.delete(source.path);
  }
  return state;
}

/** Truncate the file after its last newline; the number of bytes removed. Reads back from the end only. */
function cutHalfLine(path: string): number {
  const size = statSync(path).size;
  if (size === 0) return 0;
  const fd = openSync(path, 'r+');
  try {
    const block = Buffer.alloc(64 * 1024);
    let keep = 0;
    for (let end = size; end > 0 && keep === 0;) {
      const start = Math.max(0, end - block.length);
      const n = readSync(fd, block, 0, end - start, start);
      const newline = block.subarray(0, n).lastIndexOf(0x0a);
      if (newline !== -1) keep = start + newline + 1;
      end = start;
    }
    if (keep !== size) ftruncateSync(fd, keep);
    return size - keep;
  } finally {
    closeSync(fd);
  }
}

/**
 * True when the input already has its record: same path, not stopped by a limit of the run, and
 * the file still has the content it had then. A file changed since is run again, and so is one
 * that could not be read then (no hash: not found, permission denied) and can be now; one that
 * still cannot be read keeps its error record.
 */
export function alreadyDone(path: string, state: ResumeState): boolean {
  if (!state.done.has(path) || state.retry.has(path)) return false;
  return contentHash(path) === state.done.get(path);
}

/** The hash a record of this file would carry now; null when it cannot be read (see readFileBytes). */
function contentHash(path: string): string | null {
  try {
    return createHash('sha256').update(readFileBytes(path)).digest('hex');
  } catch {
    return null;
  }
}

/** Rewrite the output without the records of `paths` (inputs to run again): each input keeps one record. */
export async function dropRecords(outPath: string, paths: Set<string>): Promise<void> {
  if (!paths.size) return;
  const tmp = `${outPath}.tmp-${process.pid}`;
  const kept = async function* (): AsyncGenerator<string> {
    for await (const line of lines(outPath)) {
      const path = (JSON.parse(line) as Seen).source?.path;
      if (!path || !paths.has(path)) yield `${line}\n`;
    }
  };
  await pipeline(kept, createWriteStream(tmp, 'utf8'));
  renameSync(tmp, outPath);
}

/**
 * --resume: inputs already in the output with the same content are skipped; changed ones, those a
 * limit stopped (timeout, out of memory) and those unreadable then run again, their old record
 * dropped; so is the record of a folder that could not be listed then and can be now, and (unless
 * --keep-missing) the record of an input no longer given: the output holds the inputs of this run.
 */
export async function resumePlan(out: string, mine: Input[], keepMissing: boolean): Promise<{ todo: Input[]; resumed: ResumeState }> {
  const resumed = await loadResumeState(out);
  const todo: Input[] = [];
  const stale = new Set<string>();
  const now = new Set<string>();
  for (const input of mine) {
    const path = inputPath(input);
    now.add(path);
    if (alreadyDone(path, resumed)) continue;
    if (resumed.done.has(path)) stale.add(path);
    todo.push(input);
  }
  // A folder that could not be listed then and can be now: its files are inputs of their own.
  for (const [path, hash] of resumed.done) {
    if (now.has(path)) continue;
    if ((hash === null && isFolder(path)) || !keepMissing) stale.add(path);
  }
  await dropRecords(out, stale);
  return { todo, resumed };
}

function isFolder(path: string): boolean {
  return statSync(pathForFs(path), { throwIfNoEntry: false })?.isDirectory() ?? false;
}
