import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a batch run, set by the CLI before the workers start (V8 flags are per process;
 * each worker's isolate reads them when it is created). See docs/decisions.md, "Batch speed".
 *
 * - `--heap-growing-percent=100`: V8 runs a full GC as soon as the old generation grows ~10% past
 *   what was live, because marking our small heap is cheap. But a full GC also drops the optimized
 *   code of every closure not alive at that moment (pdfjs's, mammoth's and our own per-document
 *   functions), and the next document compiles it again: over 10,000 files one worker ran 88 full
 *   GCs and 4,300 optimizations; letting the heap double first, 31 and 1,700.
 * - `--no-parallel-scavenge`: the young-generation GC's helper threads cost more CPU than they save
 *   the worker on 2 cores. (`--single-threaded-gc` would also stop concurrent marking, but it cannot
 *   be changed once V8 runs: the main thread's next marking aborts.)
 *
 * Measured over 10,000 files, 2 runs each: one worker's CPU −9 to −12%, wall −1 to −4%; two
 * workers' wall −5 to −9%.
 */
export const BATCH_ENGINE_FLAGS = ['--heap-growing-percent=100', '--no-parallel-scavenge'] as const;

/** Applies BATCH_ENGINE_FLAGS to this process, unless `VNREFORM_ENGINE_DEFAULTS=1` asks for V8's own. */
export function tuneEngineForBatch(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  if (env.VNREFORM_ENGINE_DEFAULTS === '1') return [];
  for (const flag of BATCH_ENGINE_FLAGS) setFlagsFromString(flag);
  return BATCH_ENGINE_FLAGS;
}

/**
 * When every core runs a worker, V8 should compile less eagerly: its optimizing compiler runs on
 * background threads, which then take CPU from the workers; with a core to spare it compiles for
 * free. Four times V8's default interrupt budget (67,584) makes a function wait four times as long
 * before it is optimized, so only the really hot ones are. Measured over 10,000 files: two workers
 * on two cores 59.2 → 53.8 s; the same budget would slow one worker 96.5 → 102.4 s, so one worker
 * with cores to spare keeps V8's default.
 */
export const BUSY_CORES_FLAGS = ['--interrupt-budget=270336'] as const;

/** Applies BUSY_CORES_FLAGS when `jobs` workers leave no core spare (call before the pool starts). */
export function tuneEngineForJobs(jobs: number, cores = availableParallelism(), env: NodeJS.ProcessEnv = process.env): readonly string[] {
  if (env.VNREFORM_ENGINE_DEFAULTS === '1' || jobs < cores) return [];
  for (const flag of BUSY_CORES_FLAGS) setFlagsFromString(flag);
  return BUSY_CORES_FLAGS;
}
