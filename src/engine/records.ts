import type { Rules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import type { Input } from './inputs.js';
import { extractParallel, type ParallelOptions, type StartedPool } from './pool.js';
import type { Progress } from './progress.js';

const utf8 = new TextDecoder();

/** A record as a command that reads records (check, compare) takes it from the pool. */
export interface PooledRecord {
  record: ExtractionRecord;
  /** With `locate`: spanPositions of the record, worked out where its text was. */
  positions: number[];
  /** With `withText`: the text its spans point into (null if the input was not read) and its pages. */
  text: { source: string | null; pages: { start: number; end: number }[] | null } | null;
}

/**
 * The records of the inputs from the worker pool, in input order, one at a time: the commands that
 * print something of each record (check, compare, view) hold one record, never the run's. Progress ticks
 * as each arrives; the pool is destroyed when the last is taken or the caller stops early.
 */
export async function* pooledRecords(
  inputs: Input[], rules: Rules, options: ParallelOptions, started: StartedPool, bar: Progress,
): AsyncGenerator<PooledRecord> {
  for await (const produced of extractParallel(inputs, rules, options, started)) {
    bar.tick(produced.errors.length > 0);
    yield { record: JSON.parse(utf8.decode(produced.line)) as ExtractionRecord, positions: produced.positions ?? [], text: produced.text ?? null };
  }
}
