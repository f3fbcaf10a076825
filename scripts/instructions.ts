/**
 * Instructions per pass of the pipeline over the corpus, counted by valgrind (callgrind): unlike
 * time on a shared machine, which varies by half from run to run, counts of one build stay within
 * about 3% of each other, so builds compare on a run or two each. Each ROOT is a checkout with dist/ built (`npm run build`);
 * the count is that of 3 warm-up passes and 8 more, less that of the 3 alone, over 8 (what compiling
 * and loading cost is left out). Slow: about three minutes a build.
 *
 *   npm run instructions -- [ROOT ...]      (default: this checkout)
 *
 * Needs valgrind (Debian: apt-get install valgrind); without it, says so and exits 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['.'];
const corpus = resolve(new URL('../corpus', import.meta.url).pathname);

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('instructions: valgrind is not installed (apt-get install valgrind)');
  process.exit(2);
}

// The passes, in a plain ES module so that no loader runs under valgrind.
const passes = (root: string, warm: number, count: number): string => `
import { readFileSync, readdirSync } from 'node:fs';
const p = await import(${JSON.stringify(`${root}/dist/pipeline.js`)});
const rules = (await import(${JSON.stringify(`${root}/dist/rules/compile.js`)})).defaultRules();
const dir = ${JSON.stringify(corpus)};
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(dir + '/' + f, 'utf8'));
for (let r = 0; r < ${warm + count}; r++) for (const t of texts) JSON.stringify(p.analyzeText(t, p.textSource(t), rules).record);
`;

function instructions(root: string, warm: number, count: number): number {
  // --single-threaded: no compiler or collector threads, whose timing would decide when optimized
  // code arrives and so the count (with them, two runs of one build differed by a quarter); fixed
  // seeds, so that hash tables and heap layout are the same from run to run.
  const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', '--random-seed=1', '--hash-seed=1', '--input-type=module', '-e', passes(root, warm, count)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const collected = /Collected : (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !collected) throw new Error(`valgrind failed on ${root}: ${run.stderr.slice(-2000)}`);
  return Number(collected[1]);
}

const WARM = 3;
const PASSES = 8;
for (const given of roots) {
  const root = resolve(given);
  if (!existsSync(`${root}/dist/pipeline.js`)) {
    console.error(`instructions: ${root}/dist/pipeline.js is missing: run npm run build there`);
    process.exit(2);
  }
  const perPass = (instructions(root, WARM, PASSES) - instructions(root, WARM, 0)) / PASSES;
  console.log(`${given}: ${(perPass / 1e6).toFixed(1)} million instructions per pass over the corpus`);
}
