import type { ExtractionRecord } from '../schema.js';
import { watchInterruption } from './interrupt.js';
import type { RecordSink } from './output.js';
import { failureLine } from './process.js';
import type { Progress } from './progress.js';
import type { TableWriter } from './tables.js';
import type { Produced } from './worker.js';

const utf8 = new TextDecoder();

export interface Written {
  written: number;
  /** Error records by code. */
  failures: Map<string, number>;
  bytes: number;
  /** The signal that stopped the run early, if one did. */
  interrupted: NodeJS.Signals | null;
  /** With --cache: records served from it, bad entries met (and replaced), records it could not keep. */
  cache: { hit: number; 'bad-entry': number; 'not-written': number };
}

/** Records as the pool yields them, to the sink and the tables, until the last one or a signal. */
export async function writeRecords(records: AsyncIterable<Produced>, sink: RecordSink, tables: TableWriter | null, bar: Progress): Promise<Written> {
  const run: Written = { written: 0, failures: new Map(), bytes: 0, interrupted: null, cache: { hit: 0, 'bad-entry': 0, 'not-written': 0 } };
  const iterator = records[Symbol.asyncIterator]();
  const interruption = watchInterruption();
  try {
    for (;;) {
      // Between two records only: a record being written is finished first.
      const pending = iterator.next();
      const next = await interruption.race(pending);
      if (typeof next === 'string') {
        run.interrupted = next;
        pending.catch(() => undefined); // the pool is destroyed under it; its outcome is not wanted
        return run;
      }
      if (next.done) return run;
      const result = next.value;
      run.written++;
      // JSON Lines take the worker's line as is; other sinks and the tables need the record.
      const record = sink.writeLine && !tables ? null : (JSON.parse(utf8.decode(result.line)) as ExtractionRecord);
      if (sink.writeLine) await sink.writeLine(result.line);
      else await sink.write(record!);
      if (record) await tables?.write(record);
      run.bytes += result.bytes ?? 0;
      if (result.cache) run.cache[result.cache]++;
      for (const e of result.errors) run.failures.set(e.code, (run.failures.get(e.code) ?? 0) + 1);
      bar.tick(result.errors.length > 0);
      // Through the bar, which clears its line first (and says nothing with --quiet).
      if (result.errors.length) bar.say(failureLine(result.path, result.errors));
    }
  } finally {
    interruption.dispose();
  }
}
