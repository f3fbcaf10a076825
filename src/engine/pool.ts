import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { inputPath, readAll } from './process.js';
import type { Input } from './inputs.js';
import { errorRecord } from '../pipeline.js';
import { ReadError } from '../read/index.js';
import { shownText } from '../util/shown.js';
import type { Rules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import { produced, type ChunkTask, type Produced } from './worker.js';

/**
 * Records for many inputs from a worker-thread pool (piscina), yielded in input order so a run's
 * output is the same whatever the number of workers. Inputs go to workers in chunks (a task per
 * file costs more in messages than a small file costs to read); a bounded window of chunks is in
 * flight, so memory stays flat however many inputs there are. Each file has the time limit from
 * the moment its worker starts on it; the file past it, or whose worker dies (out of memory), gets
 * an error record, the other files of its chunk run again without it, and the pool goes on with a
 * fresh worker. The files after a slow one go on on another worker meanwhile.
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
  /** Each record with the line and column of its spans (`check`). */
  locate?: boolean;
  /** Each record with its text and pages (`view`); no cache then. */
  withText?: boolean;
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
  if (here.endsWith('.js')) return here.replace(/pool\.js$/, 'worker.js');
  const inherited = process.execArgv.some((arg) => /\btsx\b/.test(arg));
  return here.replace(/pool\.ts$/, inherited ? 'worker.ts' : 'worker-from-source.mjs');
}

/**
 * A pool whose workers are starting: `warmup` resolves once one has run an empty task, to what a
 * worker's first file may take beyond the limit (its code is compiled as it first runs).
 */
export interface StartedPool {
  pool: Piscina;
  warmup: Promise<number>;
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
  // A worker that cannot start fails the run here, not file by file. A worker's first file also pays
  // for compiling the extractors: it gets twice what an empty task took on a fresh worker, and half a second.
  const t0 = performance.now();
  const warmup = pool.run({ inputs: [], cache: null } satisfies ChunkTask).then(() => 2 * (performance.now() - t0) + 500);
  warmup.catch(() => undefined); // awaited (and its failure reported) by extractParallel
  return { pool, warmup };
}

export async function* extractParallel(
  inputs: Input[], rules: Rules, options: ParallelOptions, started: StartedPool = startPool(options),
): AsyncGenerator<Produced> {
  const chunkSize = options.chunk ?? 20;
  const { pool } = started;
  let warmup: number;
  try {
    warmup = await started.warmup;
  } catch (err) {
    await pool.destroy();
    throw err;
  }
  /**
   * A chunk on a worker, watched: the worker notes in shared memory which file it is on and since
   * when, and a file past the limit from its own start (not its chunk's, not while the chunk waits
   * for a worker) stops the worker. The failure says which file it was. A file that runs long (past
   * a tenth of the limit, at most 2 s) does not hold back the files after it: the ones its worker has
   * not begun are taken from it (it claims each file before it begins it, so one atomic exchange
   * decides whose a file is) and go to the pool as a chunk of their own.
   */
  const handOverAfterMs = Math.min(2000, options.timeoutMs / 10);
  const watched = async (chunk: Input[], stdin?: Uint8Array): Promise<Produced[]> => {
    const progress = new Float64Array(new SharedArrayBuffer(3 * Float64Array.BYTES_PER_ELEMENT));
    progress[0] = -1;
    const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    let rest: { from: number; records: Promise<Produced[]> } | null = null;
    const controller = new AbortController();
    const watch = setInterval(() => {
      const running = Date.now() - progress[1]!;
      const limit = options.timeoutMs + (progress[2] ? warmup : 0);
      if (progress[0]! >= 0 && running > limit) controller.abort();
      else if (progress[0]! >= 0 && running > handOverAfterMs + (progress[2] ? warmup : 0) && !rest) {
        const next = Atomics.load(claims, 0);
        if (next < chunk.length && Atomics.compareExchange(claims, 0, next, -1 - next) === next) {
          rest = { from: next, records: task(chunk.slice(next)) };
          rest.records.catch(() => undefined); // awaited below
        }
      }
    }, Math.max(20, Math.min(1000, options.timeoutMs / 10)));
    let mine: Produced[];
    try {
      mine = await (pool.run({
        inputs: chunk, cache: options.cache ?? null, progress: progress.buffer as SharedArrayBuffer, claims: claims.buffer as SharedArrayBuffer,
        ...(stdin ? { stdin } : {}), ...(options.locate ? { locate: true } : {}), ...(options.withText ? { withText: true } : {}),
      } satisfies ChunkTask, { signal: controller.signal }) as Promise<Produced[]>);
    } catch (err) {
      throw new ChunkFailure(err as Error, Math.max(0, progress[0]!), rest);
    } finally {
      clearInterval(watch);
    }
    const handedOver = rest as { from: number; records: Promise<Produced[]> } | null;
    return handedOver ? [...mine, ...(await handedOver.records)] : mine;
  };

  /**
   * A chunk's records. When a file stops its worker (time limit, heap, a crash), it alone gets an error
   * record; the files before it (whose records went with the worker) and after it run again without
   * it — those after it that were handed over already run as their own chunk.
   */
  const task = async (chunk: Input[]): Promise<Produced[]> => {
    // Standard input cannot travel to a worker as a stream: read here, handed over as bytes.
    let stdin: Uint8Array | undefined;
    if (chunk.length === 1 && chunk[0]!.kind === 'stdin') {
      try {
        stdin = await readAll(options.stdin ?? process.stdin);
      } catch (err) {
        if (!(err instanceof ReadError)) throw err;
        return [produced(errorRecord(unreadSource('-'), { code: err.code, message: err.message }, rules))];
      }
    }
    try {
      return await watched(chunk, stdin);
    } catch (err) {
      if (!(err instanceof ChunkFailure)) throw err;
      const before = chunk.slice(0, err.at);
      const after = chunk.slice(err.at + 1, err.rest?.from ?? chunk.length);
      return [
        ...(before.length ? await task(before) : []),
        produced(failed(chunk[err.at]!, err.cause, options, rules)),
        ...(after.length ? await task(after) : []),
        ...(err.rest ? await err.rest.records : []),
      ];
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

/** A chunk whose worker stopped on its file number `at`. */
class ChunkFailure extends Error {
  /** `rest`: the files from `rest.from` on, handed over to a chunk of their own before the worker stopped. */
  constructor(override readonly cause: Error, readonly at: number, readonly rest: { from: number; records: Promise<Produced[]> } | null) {
    super(cause.message);
  }
}

/** The error record of an input its worker could not finish: past the time limit, or out of memory. */
const unreadSource = (path: string): ExtractionRecord['source'] => ({ path, format: 'unknown', encoding: null, sha256: null, bytes: null, pages: null, ocr: null });

function failed(input: Input, err: Error, options: ParallelOptions, rules: Rules): ExtractionRecord {
  const source = unreadSource(inputPath(input));
  const message = String(err.message ?? err);
  if (err.name === 'AbortError' || err.name === 'TimeoutError') {
    return errorRecord(source, { code: 'timeout', message: `extraction took longer than ${options.timeoutMs / 1000} s; stopped` }, rules);
  }
  if (/memory/i.test(message)) {
    return errorRecord(source, { code: 'out-of-memory', message: `extraction needed more than ${options.memoryMb} MB of heap; stopped` }, rules);
  }
  return errorRecord(source, { code: 'worker-crashed', message: `the worker stopped: ${shownText(message)}` }, rules);
}
