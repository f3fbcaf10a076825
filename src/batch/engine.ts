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
