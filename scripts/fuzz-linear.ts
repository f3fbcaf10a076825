/**
 * npm run fuzz:linear: the pipeline (extractText) on pathological inputs (scripts/pathological.ts)
 * at doubling sizes, asserting that its time grows linearly: for each doubling the fastest of the
 * runs (a busy machine only ever adds time, so the fastest run is the truest) may grow at most --max-ratio times (default 3; a quadratic pattern gives 4), and no size may take more
 * than --ceiling ms per MB (default 15000: the densest input, "1%" repeated, is a figure every two
 * bytes, ~9 s per MB at the pipeline's usual cost per item; a quadratic pattern at 1 MB takes
 * minutes). Prints a table (kind, size, ms, ratio) and exits 1 when a
 * row fails. Outside the test suite on purpose: it takes minutes at the default sizes, and times are
 * only meaningful on a machine that is not busy with something else.
 *
 *   npm run fuzz:linear                           # 1, 2, 4, 8 MB, fastest of 3 runs (~15 min)
 *   npm run fuzz:linear -- --quick                # 64 KB … 512 KB, ~1 min
 *   npm run fuzz:linear -- --kind 1, --kind spaces --sizes 100k,200k,400k --runs 5
 *
 * Each kind runs in a worker thread that is terminated when a run passes the ceiling (a quadratic
 * regex at 8 MB would otherwise run for hours); its larger sizes are then not tried. A doubling whose
 * larger time is under --noise ms (default 250) is not judged by its ratio: at that scale the ratio
 * is timer, collector and cache noise. Measured on the lightest kinds: a one-time step of 3-4×
 * between 1 and 2 MB ("." repeated: 44 → 180 ms; links 67 → 217 ms), the working set of a 2 MB
 * text (its copies and two offset arrays of 4 bytes a character) most likely outgrowing what the processor's
 * cache holds, then 2× at every doubling up to 8 MB. A quadratic cost shows at every doubling and
 * in the ceiling, well above a quarter second.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { PATHOLOGICAL_KINDS, REAL_REPORT_PATH } from './pathological.js';

const MB = 1024 * 1024;

interface Measure {
  bytes: number;
  ms: number;
  /** The error code the text got instead of a record, if any. */
  refused?: string;
}

/** The worker: loads the pipeline, warms it up on a real report, then times each size asked for. */
async function runWorker(): Promise<void> {
  const { extractText } = await import('../src/pipeline.js');
  const { readFileSync } = await import('node:fs');
  const { kind: name, warmUpBytes } = workerData as { kind: string; warmUpBytes: number };
  const kind = PATHOLOGICAL_KINDS.find((k) => k.name === name)!;
  // The first runs compile the code and the regexes this kind reaches: not what is measured.
  const report = readFileSync(REAL_REPORT_PATH, 'utf8');
  for (let i = 0; i < 3; i++) extractText(report);
  extractText(kind.make(warmUpBytes));
  parentPort!.on('message', ({ bytes }: { bytes: number }) => {
    const text = kind.make(bytes);
    const started = performance.now();
    let refused: string | undefined;
    try {
      extractText(text);
    } catch (err) {
      // A text denser in items than any record can hold ("1%" a million times) is refused with
      // too-many-items, an error record in a batch: an answer, timed like any other.
      if ((err as { code?: string }).code !== 'too-many-items') throw err;
      refused = 'too-many-items';
    }
    parentPort!.postMessage({ bytes: Buffer.byteLength(text, 'utf8'), ms: performance.now() - started, refused } satisfies Measure);
  });
  parentPort!.postMessage('ready');
}

/**
 * A worker running this file. Node 20 loads a worker's entry before the hooks of `--import tsx` are
 * in place ("Unknown file extension .ts"), so the worker registers tsx itself and then imports it.
 */
function startWorker(kind: string, warmUpBytes: number): Worker {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { kind, warmUpBytes } });
}

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([km]?)b?$/i.exec(s.trim());
  if (!m) throw new Error(`not a size: ${s} (say 512k or 2m)`);
  return Math.round(Number(m[1]) * (m[2]!.toLowerCase() === 'm' ? MB : m[2] ? 1024 : 1));
}

function formatSize(bytes: number): string {
  return bytes >= MB ? `${+(bytes / MB).toFixed(2)} MB` : `${+(bytes / 1024).toFixed(1)} KB`;
}

const fastest = (xs: number[]): number => Math.min(...xs);

/** One message from the worker, or null when `ms` pass first (the worker is then terminated). */
function ask(worker: Worker, bytes: number, ms: number): Promise<Measure | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.off('message', onMessage);
      void worker.terminate().then(() => resolve(null));
    }, ms);
    const onMessage = (m: Measure): void => {
      clearTimeout(timer);
      worker.off('error', onError);
      resolve(m);
    };
    const onError = (err: Error): void => {
      clearTimeout(timer);
      reject(err);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ bytes });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      kind: { type: 'string', multiple: true },
      runs: { type: 'string', default: '3' },
      'max-ratio': { type: 'string', default: '3' },
      ceiling: { type: 'string', default: '15000' },
      noise: { type: 'string', default: '250' },
    },
  });
  const sizes = (values.sizes ?? (values.quick ? '64k,128k,256k,512k' : '1m,2m,4m,8m')).split(',').map(parseSize);
  const runs = Math.max(1, Number(values.runs));
  const maxRatio = Number(values['max-ratio']);
  const ceilingPerMb = Number(values.ceiling);
  const noiseMs = Number(values.noise);
  const unknown = (values.kind ?? []).filter((k) => !PATHOLOGICAL_KINDS.some((p) => p.name === k));
  if (unknown.length) {
    console.error(`unknown kind: ${unknown.join(', ')}; kinds: ${PATHOLOGICAL_KINDS.map((k) => JSON.stringify(k.name)).join(' ')}`);
    return 2;
  }
  const kinds = values.kind?.length ? PATHOLOGICAL_KINDS.filter((k) => values.kind!.includes(k.name)) : PATHOLOGICAL_KINDS;

  console.log(`fastest of ${runs} run(s); a doubling may cost at most ${maxRatio}×, a size at most ${ceilingPerMb} ms per MB`);
  console.log(`${'kind'.padEnd(20)}${'size'.padStart(10)}${'ms'.padStart(10)}${'ratio'.padStart(8)}  verdict`);
  const failures: string[] = [];
  for (const kind of kinds) {
    // Warmed up on a sixteenth of the smallest size: enough to compile, too little to count.
    const worker = startWorker(kind.name, Math.ceil(sizes[0]! / 16));
    await new Promise((resolve) => worker.once('message', resolve));
    let previous: number | null = null;
    for (const size of sizes) {
      // The ceiling counts from at least 1 MB: small sizes are dominated by fixed costs.
      const limitMs = ceilingPerMb * Math.max(1, size / MB);
      const times: number[] = [];
      let bytes = size;
      let timedOut = false;
      let failed: Error | null = null;
      let refused: string | undefined;
      for (let r = 0; r < runs && !timedOut && !failed; r++) {
        try {
          const m = await ask(worker, size, limitMs + 1000);
          if (m) {
            times.push(m.ms);
            bytes = m.bytes;
            refused = m.refused;
          } else timedOut = true;
        } catch (err) {
          failed = err as Error; // the pipeline threw (a regex's stack overflowed): a failure of this kind, not of the run
        }
      }
      const row = `${kind.name.padEnd(20)}${formatSize(bytes).padStart(10)}`;
      if (failed) {
        console.log(`${row}${''.padStart(18)}  FAIL: ${failed.message}`);
        failures.push(`${kind.name} at ${formatSize(bytes)}: ${failed.message}`);
        break;
      }
      if (timedOut) {
        console.log(`${row}${`>${Math.round(limitMs)}`.padStart(10)}${''.padStart(8)}  FAIL: stopped at the ceiling`);
        failures.push(`${kind.name} at ${formatSize(bytes)}: over ${Math.round(limitMs)} ms`);
        break;
      }
      const ms = fastest(times);
      const ratio = previous === null ? null : ms / previous;
      const problems: string[] = [];
      if (ms > limitMs) problems.push(`over ${Math.round(limitMs)} ms`);
      if (ratio !== null && ms >= noiseMs && ratio > maxRatio) problems.push(`grew ${ratio.toFixed(2)}× for 2× the size`);
      console.log(`${row}${ms.toFixed(0).padStart(10)}${(ratio === null ? '' : ratio.toFixed(2)).padStart(8)}  ${problems.length ? `FAIL: ${problems.join('; ')}` : refused ? `ok (refused: ${refused})` : 'ok'}`);
      for (const p of problems) failures.push(`${kind.name} at ${formatSize(bytes)}: ${p}`);
      previous = ms;
    }
    await worker.terminate();
  }
  if (failures.length) {
    console.log(`\n${failures.length} failure(s):\n${failures.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  console.log('\nall linear');
  return 0;
}

if (!isMainThread) await runWorker();
else process.exitCode = await main();
