/**
 * What this machine gives two threads of JavaScript, with none of vnreform's code: the bound under
 * `npm run bench`'s "2 workers / 1". Two loops, each in one worker thread alone and then in two at
 * once, alternating for PROBE_RUNS rounds (default 5):
 * - integer arithmetic, which touches no memory: two cores that are really two give 2.00;
 * - string building whose strings outlive a few scavenges, like a text pipeline's: this is what
 *   memory, caches and V8's collector let two threads share.
 * The string loop runs twice: with V8's own settings, then with the V8 flags `extract` sets for two
 * workers (src/engine/v8-flags.ts), since V8's collector helpers, which run on the other core when one
 * thread is alone, are what that loop loses most to.
 * Prints the median time of each and the throughput ratio (2 threads' work per second over 1's).
 *
 *   node --import tsx scripts/scaling-probe.ts
 */
import { Worker } from 'node:worker_threads';
import { tuneEngineForBatch } from '../src/engine/v8-flags.js';

const RUNS = Number(process.env.PROBE_RUNS ?? 5);

// Each loop runs inside a worker; the source is a string so that the probe needs no build step.
const LOOPS: Record<string, string> = {
  integer: `
    let x = 0;
    for (let i = 0; i < 5e8; i++) x = (x + i * 7) % 1000003;
    x;`,
  strings: `
    // A window of live strings, like the lines and matches of the documents in flight.
    const live = new Array(20000);
    let n = 0;
    for (let i = 0; i < 3e6; i++) {
      const s = 'Quyết định số ' + i + '/QĐ-UBND ngày ' + (i % 28 + 1) + ' tháng ' + (i % 12 + 1);
      live[i % live.length] = s.toLowerCase().split(' ');
      n += live[(i * 7) % live.length]?.length ?? 0;
    }
    n;`,
};

function runIn(threads: number, loop: string): Promise<number> {
  const started = performance.now();
  const body = `const { parentPort } = require('node:worker_threads'); ${loop}; parentPort.postMessage(0);`;
  const workers = Array.from({ length: threads }, () => new Worker(body, { eval: true }));
  return Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  }))).then(() => {
    void Promise.all(workers.map((w) => w.terminate()));
    return (performance.now() - started) / 1000;
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

console.log(`two threads against one, median of ${RUNS} alternating rounds`);
const PLAN: [string, string, boolean][] = [
  ['integer', LOOPS.integer!, false],
  ['strings', LOOPS.strings!, false],
  ['strings, extract\'s V8 flags', LOOPS.strings!, true], // last: V8 flags cannot be unset
];
for (const [name, loop, tuned] of PLAN) {
  if (tuned) tuneEngineForBatch(2, 2, {});
  const one: number[] = [];
  const two: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    one.push(await runIn(1, loop));
    two.push(await runIn(2, loop));
  }
  // Two threads do twice the work: throughput ratio = 2 × t(1) / t(2).
  const ratio = (2 * median(one)) / median(two);
  console.log(`${name.padEnd(28)} 1 thread ${median(one).toFixed(2)} s, 2 threads ${median(two).toFixed(2)} s: 2 threads / 1 = ${ratio.toFixed(2)}`);
}
