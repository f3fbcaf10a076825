import { parseArgs } from 'node:util';
import { comparisonRow, LONG_HEADER, longValues, wideHeader, wideValues } from '../engine/compare.js';
import { defaultRules } from '../rules/compile.js';
import { csvLine } from '../util/csv.js';
import { expandInputs } from '../engine/inputs.js';
import { inputsOrDefault } from './options.js';
import { processInput } from '../engine/process.js';
import { UsageError } from './usage.js';
import { processIo, type Io } from './io.js';

/** vnreform compare: the standard metrics of every input as CSV (wide or --long) or JSON. */
export async function compareCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, long: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
  });
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not ${format}`);
  const rules = defaultRules();
  const { inputs } = await expandInputs(inputsOrDefault(positionals));
  const out = io.stdout;
  const json: unknown[] = [];
  if (format === 'csv') out.write(csvLine(values.long ? LONG_HEADER : wideHeader(rules)));
  let failed = 0;
  for (const input of inputs) {
    const { record } = await processInput(input, rules, null, io.stdin);
    if (record.errors.length) failed++;
    const row = comparisonRow(record, rules);
    if (format === 'json') {
      json.push(values.long
        ? longValues(row).map((v) => Object.fromEntries(LONG_HEADER.map((h, i) => [h, v[i]])))
        : { ...row, metrics: Object.fromEntries(Object.entries(row.metrics).map(([k, v]) => [k, v?.value ?? null])) });
    } else if (values.long) {
      for (const line of longValues(row)) out.write(csvLine(line));
    } else {
      out.write(csvLine(wideValues(row, rules)));
    }
  }
  if (format === 'json') out.write(JSON.stringify(values.long ? json.flat() : json, null, 2) + '\n');
  if (!values.quiet) io.stderr.write(`vnreform compare: ${inputs.length} input(s), ${failed} failed\n`);
  return failed ? 1 : 0;
}
