import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_ENGINE_FLAGS, BUSY_CORES_FLAGS, tuneEngineForBatch } from '../../src/engine/v8-flags.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * A process that sets the batch flags the way the CLI does (after V8 has started), then makes the
 * main thread and a worker collect garbage many times, incremental marking included. Some GC flags
 * abort V8 when changed in a running process: `--single-threaded-gc` here dies with "Check failed:
 * concurrent_marking_handle_" at the first marking that started before the change.
 */
function runWithFlags(): { status: number | null; stdout: string; stderr: string } {
  const dir = tempDir('engine');
  const script = join(dir, 'churn.mts');
  writeFileSync(script, `
    import { Worker } from 'node:worker_threads';
    import { tuneEngineForBatch } from ${JSON.stringify(join(ROOT, 'src/engine/v8-flags.ts'))};
    const churn = \`
      const keep = [];
      for (let round = 0; round < 40; round++) {
        for (let i = 0; i < 50000; i++) keep.push({ i, s: 'x' + i });
        if (keep.length > 400000) keep.splice(0, 200000);
      }\`;
    new Function(churn)(); // the main isolate marks with the flags V8 started with
    console.log(tuneEngineForBatch(2, 2, {}).join(' '));
    new Function(churn)(); // and now with the new ones
    await new Promise((resolve, reject) => {
      const w = new Worker(churn, { eval: true });
      w.on('exit', resolve);
      w.on('error', reject);
    });
    console.log('done');
  `);
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('V8 settings for batch runs', () => {
  it('are set in a running process without V8 aborting in the main thread or a worker', () => {
    const r = runWithFlags();
    expect(r.stderr).not.toMatch(/Fatal error|Check failed/);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([[...BATCH_ENGINE_FLAGS, ...BUSY_CORES_FLAGS].join(' '), 'done']);
  });

  it('are left to V8 with VNREFORM_ENGINE_DEFAULTS=1 (for A/B measurements)', () => {
    expect(tuneEngineForBatch(1, 2, { VNREFORM_ENGINE_DEFAULTS: '1' })).toEqual([]);
    expect(tuneEngineForBatch(8, 8, { VNREFORM_ENGINE_DEFAULTS: '1' })).toEqual([]);
  });

  it('compile less eagerly only when the workers leave no core spare', () => {
    expect(tuneEngineForBatch(1, 2, {})).toEqual(BATCH_ENGINE_FLAGS);
    expect(tuneEngineForBatch(3, 8, {})).toEqual(BATCH_ENGINE_FLAGS);
    expect(tuneEngineForBatch(8, 8, {})).toEqual([...BATCH_ENGINE_FLAGS, ...BUSY_CORES_FLAGS]);
    expect(tuneEngineForBatch(4, 2, {})).toEqual([...BATCH_ENGINE_FLAGS, ...BUSY_CORES_FLAGS]);
  });
});
