/**
 * A small fuzz run in the suite (support/fuzz.ts; `npm run fuzz` runs 1,000 mutants per format):
 * mutants of a real file of each format and hand-made hostile files, one batch through the command
 * line. Every file gives exactly one record with a specific code; nothing crashes, hangs or ends in
 * internal-error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzReport, runFuzz, writeFuzzFiles } from '../../support/fuzz.js';
import { tempDir } from '../helpers/temp.js';

describe('fuzzing: mutants and hostile files through one batch', () => {
  it('gives every file one record with a specific code, no crash, hang or internal error', async () => {
    const dir = join(tempDir('fuzz'), 'files');
    const paths = await writeFuzzFiles(dir, 12);
    const result = runFuzz(dir, paths, { jobs: 2, timeoutS: 60, hangS: 900 });
    const report = fuzzReport(result);
    expect({ exit: result.exitStatus, missing: result.missing, doubled: result.doubled, bad: result.bad }, report)
      .toEqual({ exit: 1, missing: [], doubled: [], bad: [] });
    expect(result.records).toBe(paths.length);
  }, 900_000);
});
