import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_JOBS, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, type ParallelOptions } from '../engine/pool.js';
import { makeFolder, outputError } from '../util/output-files.js';
import { shownPath } from '../util/shown.js';
import { UsageError } from './usage.js';

/**
 * The inputs a command was given; with none, the bundled corpus/ when the current folder has one
 * (the repository's quick start), else a usage error: reading ./corpus anywhere else is a surprise.
 */
export function inputsOrDefault(positionals: readonly string[]): string[] {
  if (positionals.length) return [...positionals];
  if (statSync('corpus', { throwIfNoEntry: false })?.isDirectory()) return ['corpus'];
  throw new UsageError('no inputs: name the files, folders or globs to read (only a folder that holds corpus/ has it as a default)');
}

/** How the engine runs, the same flags for extract, check and compare. */
export const ENGINE_OPTIONS = {
  quiet: { type: 'boolean', short: 'q' },
  jobs: { type: 'string', short: 'j' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  cache: { type: 'string' },
} as const;

export interface EngineValues {
  jobs?: string | undefined;
  timeout?: string | undefined;
  'max-memory'?: string | undefined;
  cache?: string | undefined;
}

/** The pool's settings as the command line gives them. */
export type EngineSettings = Required<Pick<ParallelOptions, 'jobs' | 'timeoutMs' | 'memoryMb'>> & { cache: string | null };

/** The pool's settings from the command line, refused before any work when they cannot be right. */
export function engineOptions(values: EngineValues): { engine: EngineSettings } {
  const jobs = positiveNumber(values.jobs, '--jobs', DEFAULT_JOBS);
  if (!Number.isInteger(jobs)) throw new UsageError(`--jobs must be a whole number, not ${values.jobs}`);
  const timeoutS = positiveNumber(values.timeout, '--timeout', DEFAULT_TIMEOUT_S);
  const memoryMb = positiveNumber(values['max-memory'], '--max-memory', DEFAULT_MEMORY_MB);
  // A worker needs this much heap to load the rules and read one file at all.
  if (memoryMb < MIN_MEMORY_MB) throw new UsageError(`--max-memory must be at least ${MIN_MEMORY_MB} (MB): a worker needs that much to start, not ${values['max-memory']}`);
  if (values.cache !== undefined) usableCache(values.cache);
  return { engine: { jobs, timeoutMs: timeoutS * 1000, memoryMb, cache: values.cache ?? null } };
}

const MIN_MEMORY_MB = 32;

/**
 * The cache folder is checked before any work: a file in its place, or a place no folder can be
 * made (/proc), is a usage error, not every record lost to "worker-crashed".
 */
function usableCache(dir: string): void {
  try {
    makeFolder(dir);
    const probe = join(dir, `.vnreform-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    const reason = outputError(dir, err).message.slice(`cannot write ${shownPath(dir)}: `.length);
    throw new UsageError(`--cache ${shownPath(dir)}: ${reason}; give a folder that can be written`);
  }
}

function positiveNumber(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, not ${text}`);
  return n;
}

