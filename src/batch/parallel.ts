import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { inputPath, processInput } from '../cli/run.js';
import type { Input } from '../cli/inputs.js';
import { errorRecord } from '../pipeline.js';
import { shownText } from '../util/shown.js';
import type { Rules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import { produced, type ChunkTask, type Produced } from './worker.js';

/**
 * Records for many inputs from a worker-thread pool (piscina), yielded in input order so a run's
 * output is the same whatever the number of workers. Inputs go to workers in chunks (a task per
 * file costs more in messages than a small file costs to read); a bounded window of chunks is in
 * flight, so memory stays flat however many inputs there are. A chunk that runs past the time
 * limit, or whose worker dies (out of memory), is run again file by file, each with the limit
 * alone; the file that still fails gets an error record, and the pool goes on with a fresh worker.
 */
export interface ParallelOptions {
  jobs: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs: number;
  /** Per-worker heap limit in MB (worker resource limits). */
  memoryMb: number;
  /** Inputs per task. */
  chunk?: number;
  /** The --cache folder. */
  cache?: string | null;
  /** What "-" reads (the process's standard input unless given). */
  stdin?: AsyncIterable<Uint8Array>;
}

export const DEFAULT_JOBS = availableParallelism();
export const DEFAULT_TIMEOUT_S = 300;
/**
 * Just under 2 GB on purpose: the limit is a ceiling for pathological files, but V8 also paces its
 * collections by it, and from 2048 MB up (Node's 64-bit builds) lets a heap grow to four times its
 * live data between full collections, below to under twice. Over 10,000 files (~40 MB live) a
 * worker's heap peaked at ~190 MB with 2048, at ~120 MB with 2000 (docs/decisions.md).
 */
export const DEFAULT_MEMORY_MB = 2000;
/**
 * Each worker's young generation: 12 MB is two 4 MB semi-spaces, against V8's 16 MB ones. A
 * document's garbage dies young either way; the larger nursery only held ~50 MB more of RSS with two
 * workers (1,000 and 10,000 files alike) and ran no faster (docs/decisions.md, "Batch memory").
 */
export const WORKER_YOUNG_GENERATION_MB = 12;

function workerFile(): string {
  // Built, the worker is the .js beside this file; under `node --import tsx` (development, the CLI
  // in tests) the .ts, which the threads read with the loader they inherit; in a host whose loader
  // threads do not inherit (vitest), the .ts through a bootstrap that registers tsx first.
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return here.replace(/parallel\.js$/, 'worker.js');
  const inherited = process.execArgv.some((arg) => /\btsx\b/.test(arg));
  return here.replace(/parallel\.ts$/, inherited ? 'worker.ts' : 'worker-from-source.mjs');
}

/** A pool whose workers are starting: `allowance` resolves once one has run an empty task. */
export interface StartedPool {
  pool: Piscina;
  /** What a task's time limit adds for starting a worker, in ms. */
  allowance: Promise<number>;
}

/**
 * Start the workers (loading modules, compiling the rules: ~0.4 s) while the main thread lists the
 * inputs and reads a resumed output, instead of after.
 */
export function startPool(options: Pick<ParallelOptions, 'jobs' | 'memoryMb'>): StartedPool {
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: options.jobs,
    maxThreads: options.jobs,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  // A worker replaced after a crash may report its death here too; the task's own rejection says it.
  pool.on('error', () => undefined);
  // The limit is on extraction, not on starting a worker: a task's allowance adds twice what an
  // empty task took on a fresh worker (a worker replaced after a timeout starts before its next task).
  const t0 = performance.now();
  const allowance = pool.run({ inputs: [], cache: null } satisfies ChunkTask).then(() => 2 * (performance.now() - t0) + 500);
  allowance.catch(() => undefined); // awaited (and its failure reported) by extractParallel
  return { pool, allowance };
}

export async function* extractParallel(
  inputs: Input[], rules: Rules, options: ParallelOptions, started: StartedPool = startPool(options),
): AsyncGenerator<Produced> {
  const chunkSize = options.chunk ?? 20;
  const { pool } = started;
  let allowance: number;
  try {
    allowance = await started.allowance;
  } catch (err) {
    await pool.destroy();
    throw err;
  }
  const run = (chunk: Input[]): Promise<Produced[]> =>
    pool.run({ inputs: chunk, cache: options.cache ?? null } satisfies ChunkTask, { signal: AbortSignal.timeout(Math.ceil(options.timeoutMs + allowance)) }) as Promise<Produced[]>;

  const oneByOne = async (chunk: Input[]): Promise<Produced[]> => {
    const records: Produced[] = [];
    for (const input of chunk) {
      try {
        records.push(...(await run([input])));
      } catch (err) {
        records.push(produced(failed(input, err as Error, options, rules)));
      }
    }
    return records;
  };
  const task = async (chunk: Input[]): Promise<Produced[]> => {
    // Standard input cannot travel to a worker: read here.
    if (chunk.length === 1 && chunk[0]!.kind === 'stdin') return [produced((await processInput(chunk[0]!, rules, null, options.stdin)).record)];
    try {
      return await run(chunk);
    } catch (err) {
      // A chunk of one already ran its file alone: running it again would only double the wait.
      return chunk.length === 1 ? [produced(failed(chunk[0]!, err as Error, options, rules))] : oneByOne(chunk);
    }
  };

  const chunks: Input[][] = [];
  for (const input of inputs) {
    const last = chunks[chunks.length - 1];
    if (input.kind === 'stdin') chunks.push([input]);
    else if (last && last.length < chunkSize && last[0]!.kind !== 'stdin') last.push(input);
    else chunks.push([input]);
  }
  const window: Promise<Produced[]>[] = [];
  let next = 0;
  try {
    while (next < chunks.length || window.length) {
      while (next < chunks.length && window.length < options.jobs * 2) window.push(task(chunks[next++]!));
      yield* await window.shift()!;
    }
  } finally {
    await pool.destroy();
  }
}

/** The error record of an input its worker could not finish: past the time limit, or out of memory. */
function failed(input: Input, err: Error, options: ParallelOptions, rules: Rules): ExtractionRecord {
  const source = { path: inputPath(input), format: 'unknown' as const, encoding: null, sha256: null, bytes: null, pages: null, ocr: null };
  const message = String(err.message ?? err);
  if (err.name === 'AbortError' || err.name === 'TimeoutError') {
    return errorRecord(source, { code: 'timeout', message: `extraction took longer than ${options.timeoutMs / 1000} s; stopped` }, rules);
  }
  if (/memory/i.test(message)) {
    return errorRecord(source, { code: 'out-of-memory', message: `extraction needed more than ${options.memoryMb} MB of heap; stopped` }, rules);
  }
  return errorRecord(source, { code: 'worker-crashed', message: `the worker stopped: ${shownText(message)}` }, rules);
}
