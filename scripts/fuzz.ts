/**
 * `npm run fuzz`: mutants of a small real file of each format and hand-made hostile files through
 * one `vnreform extract` batch (support/fuzz.ts says what must hold).
 *
 *   npm run fuzz                  1,000 mutants per format
 *   npm run fuzz -- --per 200     fewer
 *   npm run fuzz -- --keep DIR    write the files to DIR and keep them (to look at a failure)
 *
 * The files are made from a fixed seed: the same command makes the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzReport, runFuzz, writeFuzzFiles } from '../support/fuzz.js';

const { values } = parseArgs({ options: { per: { type: 'string', default: '1000' }, keep: { type: 'string' }, jobs: { type: 'string', default: '2' } } });
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'vnreform-fuzz-'));
const files = join(dir, 'files');
const paths = await writeFuzzFiles(files, Number(values.per));
const result = runFuzz(files, paths, { jobs: Number(values.jobs) });
console.log(fuzzReport(result));
if (!values.keep) rmSync(dir, { recursive: true, force: true });
process.exitCode = fuzzReport(result).endsWith('PASS') ? 0 : 1;
