/**
 * One large text through the whole pipeline in a fresh process, for the bench's size scaling (issue
 * 29: a 50 MB text within 10 times the time and memory of a 5 MB one): the corpus reports joined
 * and repeated to `MB` megabytes, analyzed and serialized once (analyzeText: the readers refuse a text
 * over 20 MB, the pipeline itself has no such limit). Prints JSON:
 * bytes, CPU seconds, wall seconds, peak RSS in MB and the peak RSS before the work (the baseline of
 * a process that has loaded the code and rules).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { analyzeText, textSource } from '../src/pipeline.js';
import { defaultRules } from '../src/rules/compile.js';
import { peakRssBytes } from '../src/util/peak-rss.js';

const mb = Number(process.argv[2] ?? 5);
const corpus = new URL('../corpus/', import.meta.url).pathname;
const joined = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(corpus + f, 'utf8')).join('\n\n');
const text = joined.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(joined, 'utf8')));
const rules = defaultRules();
const baseline = peakRssBytes() / 2 ** 20;
const c0 = process.cpuUsage();
const t0 = performance.now();
const record = analyzeText(text, textSource(text, 'large.txt'), rules).record;
const json = JSON.stringify(record);
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({
  bytes: Buffer.byteLength(text, 'utf8'), cpuS: (cpu.user + cpu.system) / 1e6, wallS: (performance.now() - t0) / 1000,
  peakRssMb: peakRssBytes() / 2 ** 20, baselineRssMb: baseline, errors: record.errors.map((e) => e.code), jsonMb: json.length / 1e6,
}));
