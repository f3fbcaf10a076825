/**
 * The per-file time limit, seen from the main thread: a stand-in pool runs each "file" for the time
 * its name says, one task at a time (as one worker would), noting which file it is on in the shared
 * progress buffer as the real worker does. What is tested is the scheduling, not a machine's speed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractParallel, type StartedPool } from '../../src/engine/pool.js';
import { produced, type ChunkTask, type Produced } from '../../src/engine/worker.js';
import type { Input } from '../../src/engine/inputs.js';
import { analyzeText, textSource } from '../../src/pipeline.js';
import { defaultRules } from '../../src/rules/compile.js';

const rules = defaultRules();
const ms = (input: Input) => Number(/(\d+)ms/.exec(input.kind === 'file' ? input.path : '')![1]);

function standInPool(workers = 1) {
  const started: Record<string, number> = {};
  const finished: Record<string, number> = {};
  // `workers` workers: a task waits for a free one, and its files' clocks start only when it runs.
  let free = workers;
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> => (free > 0 ? (free--, Promise.resolve()) : new Promise((resolve) => waiting.push(resolve)));
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  const run = async (task: ChunkTask, { signal }: { signal: AbortSignal }): Promise<Produced[]> => {
    await acquire();
    try {
      const progress = task.progress ? new Float64Array(task.progress) : null;
      const claims = task.claims ? new Int32Array(task.claims) : null;
      const out: Produced[] = [];
      for (const [i, input] of task.inputs.entries()) {
        // As the real worker: a file is claimed before it begins; the rest may have been taken.
        if (claims && Atomics.compareExchange(claims, 0, i, i + 1) !== i) break;
        const path = input.kind === 'file' ? input.path : '-';
        started[path] = (started[path] ?? 0) + 1;
        if (progress) {
          progress[1] = Date.now();
          progress[0] = i;
        }
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, ms(input));
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
          }, { once: true });
        });
        finished[path] = Date.now();
        out.push(produced(analyzeText('Báo cáo', textSource('Báo cáo', path), rules).record));
      }
      return out;
    } finally {
      release();
    }
  };
  const pool = { run, destroy: async () => undefined } as unknown as StartedPool['pool'];
  return { started, finished, pool: { pool, warmup: Promise.resolve(0) } satisfies StartedPool };
}

const files = (...durations: number[]): Input[] => durations.map((d, i) => ({ kind: 'file', path: `f${i}-${d}ms.txt` }));

async function all(inputs: Input[], timeoutMs: number, pool: StartedPool, jobs = 1) {
  const out: Produced[] = [];
  for await (const p of extractParallel(inputs, rules, { jobs, timeoutMs, memoryMb: 512, chunk: 5 }, pool)) out.push(p);
  return out;
}

describe('the time limit is per file, from the moment its extraction starts', () => {
  it('gives no timeout to files whose chunk, or whose wait for a worker, takes longer than the limit', async () => {
    const { pool } = standInPool();
    // Five chunks of five 60 ms files: each chunk takes 300 ms, the last waits 1.2 s; the limit is 150 ms.
    const out = await all(files(...Array(25).fill(60)), 150, pool);
    expect(out.map((p) => p.errors.map((e) => e.code)).flat()).toEqual([]);
    expect(out.map((p) => p.path)).toEqual(files(...Array(25).fill(60)).map((i) => (i as { path: string }).path));
  });

  it('stops a slow file once, at the limit, and gives the other files of its chunk their records in order', async () => {
    const { pool, started } = standInPool();
    const inputs = files(10, 10, 60_000, 10, 10, 10);
    const t0 = Date.now();
    const out = await all(inputs, 300, pool);
    expect(out.map((p) => [p.path, p.errors.map((e) => e.code)])).toEqual(inputs.map((i) => [(i as { path: string }).path, (i as { path: string }).path.includes('60000') ? ['timeout'] : []]));
    expect(started['f2-60000ms.txt']).toBe(1); // not run a second time alone
    expect(Date.now() - t0).toBeLessThan(5_000); // the limit once, not twice, nor a minute
  });

  it('hands the files after a slow one to another worker instead of holding them until it ends', async () => {
    const { pool, started, finished } = standInPool(2);
    // One chunk of five; its second file takes 2.5 s, under the 3 s limit. Past 300 ms (a tenth of the
    // limit) the three files not begun go to the second worker.
    const inputs = files(10, 2_500, 10, 10, 10);
    const t0 = Date.now();
    const out = await all(inputs, 3_000, pool, 2);
    const paths = inputs.map((i) => (i as { path: string }).path);
    expect(out.map((p) => [p.path, p.errors.map((e) => e.code)])).toEqual(paths.map((p) => [p, []]));
    expect(paths.map((p) => started[p])).toEqual([1, 1, 1, 1, 1]); // each file once: claimed by one worker
    for (const p of paths.slice(2)) expect(finished[p]! - t0).toBeLessThan(1_500);
    expect(finished[paths[1]!]! - t0).toBeGreaterThanOrEqual(2_500);
  });

  it('hands over the files after a file that then times out, and stops that file alone', async () => {
    const { pool, started } = standInPool(2);
    const inputs = files(10, 60_000, 10, 10);
    const out = await all(inputs, 1_000, pool, 2);
    expect(out.map((p) => [p.path, p.errors.map((e) => e.code)])).toEqual(inputs.map((i) => [(i as { path: string }).path, (i as { path: string }).path.includes('60000') ? ['timeout'] : []]));
    // The file before the slow one runs again (its record went with the stopped worker); the slow
    // one is not run again, and the ones handed over ran once, on the other worker.
    expect(inputs.map((i) => started[(i as { path: string }).path])).toEqual([2, 1, 1, 1]);
  });
});

describe('standard input has the limits of a file', () => {
  it('refuses standard input past the size of a file with too-large, without holding it all', async () => {
    const { pool } = standInPool();
    const megabyte = new Uint8Array(1024 * 1024);
    async function* endless() {
      for (let i = 0; i < 1000; i++) yield megabyte; // 1 GB if it were all read
    }
    const out: Produced[] = [];
    for await (const p of extractParallel([{ kind: 'stdin' }], rules, { jobs: 1, timeoutMs: 60_000, memoryMb: 512, stdin: endless() }, pool)) out.push(p);
    expect(out.map((p) => [p.path, p.errors.map((e) => e.code)])).toEqual([['-', ['too-large']]]);
    expect(process.memoryUsage().rss).toBeLessThan(1.5e9);
  });

  it('stops a slow standard input with a timeout record', () => {
    const ROOT = new URL('../../', import.meta.url).pathname;
    // Just under the 20 MB a text may hold: well past the limit even with the first file's allowance
    // for starting a worker (twice the warm-up and half a second, several seconds when the suite
    // loads the machine; 10 MB once finished inside it).
    const report = readFileSync(join(ROOT, 'corpus/an-giang_2019_q1_bao-cao-cchc.txt'), 'utf8');
    const big = report.repeat(Math.floor(20_000_000 / Buffer.byteLength(report)));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'extract', '-', '--timeout', '0.3', '--quiet'], { input: big, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ code: 'timeout' });
  });
});
