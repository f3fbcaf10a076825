import { parseArgs } from 'node:util';
import { comparisonRow, LONG_HEADER, longValues, wideHeader, wideValues } from '../engine/compare.js';
import { expandInputs } from '../engine/inputs.js';
import { startPool } from '../engine/pool.js';
import { progress } from '../engine/progress.js';
import { pooledRecords } from '../engine/records.js';
import { tuneEngineForBatch } from '../engine/v8-flags.js';
import { defaultRules } from '../rules/compile.js';
import { csvLine } from '../util/csv.js';
import { JsonArrayText } from '../util/json-array.js';
import { put } from '../util/output-files.js';
import { ENGINE_OPTIONS, engineOptions, inputsOrDefault } from './options.js';
import { UsageError } from './usage.js';
import { processIo, type Io } from './io.js';

/**
 * vnreform compare: the standard metrics of every input as CSV (wide or --long) or JSON, through the
 * engine's pool (--jobs, limits, --cache), a row written as each record arrives, in input order.
 */
export async function compareCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, long: { type: 'boolean' }, ...ENGINE_OPTIONS },
  });
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not ${format}`);
  const { engine } = engineOptions(values);
  const targets = inputsOrDefault(positionals);
  tuneEngineForBatch(engine.jobs);
  const pool = startPool(engine);
  try {
    const rules = defaultRules();
    const { inputs } = await expandInputs(targets);
    const write = (text: string): Promise<void> => (text ? put(io.stdout, text, 'standard output') : Promise.resolve());
    const json = new JsonArrayText();
    if (format === 'csv') await write(csvLine(values.long ? LONG_HEADER : wideHeader(rules)));
    const bar = progress({ total: inputs.length, quiet: !!values.quiet, stream: io.stderr });
    let failed = 0;
    try {
      for await (const { record } of pooledRecords(inputs, rules, { ...engine, stdin: io.stdin }, pool, bar)) {
        if (record.errors.length) failed++;
        const row = comparisonRow(record, rules);
        if (format === 'json') {
          // --long: one item per value, the items of all rows in one flat array.
          const items = values.long
            ? longValues(row).map((v) => Object.fromEntries(LONG_HEADER.map((h, i) => [h, v[i]])))
            : [{ ...row, metrics: Object.fromEntries(Object.entries(row.metrics).map(([k, v]) => [k, v?.value ?? null])) }];
          await write(items.map((item) => json.item(item)).join(''));
        } else if (values.long) {
          await write(longValues(row).map(csvLine).join(''));
        } else {
          await write(csvLine(wideValues(row, rules)));
        }
      }
    } finally {
      bar.done();
    }
    if (format === 'json') await write(json.end());
    if (!values.quiet) io.stderr.write(`vnreform compare: ${inputs.length} input(s), ${failed} failed\n`);
    return failed ? 1 : 0;
  } finally {
    await pool.pool.destroy();
  }
}
