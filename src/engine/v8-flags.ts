import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a batch run, set by `extract` before the workers start (V8 flags are per process;
 * each worker's isolate reads them when it is created). See docs/decisions.md, "Batch speed".
 *
 * - `--heap-growing-percent=50`: V8 runs a full GC as soon as the old generation grows ~10% past
 *   what was live, because marking our small heap is cheap. But a full GC also drops the optimized
 *   code of every closure not alive at that moment (pdfjs's, mammoth's and our own per-document
 *   functions), and the next document compiles it again: over 10,000 files one worker ran 88 full
 *   GCs and 4,300 optimizations; letting the heap double first (100), 31 and 1,700. Half-way (50)
 *   keeps most of that and the peak memory flatter: over 10,000 files two workers peaked at ~300 MB
 *   against ~337 MB with 100 (1,000 files: ~267 and ~272 MB), for ~3% more time; one worker ran
 *   as fast either way.
 * - `--no-parallel-scavenge`: with `--single-threaded-gc` on the command line, V8's GC helper
 *   threads used ~12 CPU seconds less over 10,000 files and the worker under 1 s more; on two busy
 *   cores those seconds are taken from the other worker. This flag alone: two workers over 10,000
 *   files 46.4 → 41.5 s and 46.9 → 44.6 s. `--single-threaded-gc` itself cannot be
 *   set once V8 runs (the main thread's next marking aborts); the scavenger's part can.
 * - `--interrupt-budget=270336`, only when every core runs a worker: V8's optimizing compiler runs
 *   on background threads, which then take CPU from the workers, while with a core to spare it
 *   compiles for free. Four times V8's default (67,584) makes a function wait four times as long
 *   before it is optimized, so only the really hot ones are. Over 10,000 files: two workers on two
 *   cores 59.2 → 53.8 s; one worker would slow 96.5 → 102.4 s, so it keeps V8's default.
 *
 * Measured over 10,000 files, 2 runs each, the GC settings: one worker's CPU −9 to −12%, wall −1 to
 * −4%; two workers' wall −5 to −9%.
 */
export const BATCH_ENGINE_FLAGS = ['--heap-growing-percent=50', '--no-parallel-scavenge'] as const;
export const BUSY_CORES_FLAGS = ['--interrupt-budget=270336'] as const;

/**
 * Applies BATCH_ENGINE_FLAGS, and BUSY_CORES_FLAGS when `jobs` workers leave no core spare; none
 * with `VNREFORM_ENGINE_DEFAULTS=1` (V8's own settings, for A/B runs). Returns the flags set.
 */
export function tuneEngineForBatch(jobs: number, cores = availableParallelism(), env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.VNREFORM_ENGINE_DEFAULTS === '1') return [];
  const flags = [...BATCH_ENGINE_FLAGS, ...(jobs >= cores ? BUSY_CORES_FLAGS : [])];
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}
