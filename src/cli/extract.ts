import { parseArgs } from 'node:util';
import { defaultRules } from '../rules/compile.js';
import { expandInputs } from './inputs.js';
import { openSink, type Format } from './output.js';
import { processInput } from './run.js';
import { UsageError } from './usage.js';

export async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' } },
  });
  const format = values.format as Format | undefined;
  if (format && format !== 'json' && format !== 'jsonl') throw new UsageError(`--format must be json or jsonl, not ${format}`);
  const rules = defaultRules();
  const { inputs, skipped } = await expandInputs(positionals.length ? positionals : ['corpus']);
  const sink = openSink(values.out, format);
  const failures = new Map<string, number>();
  for (const input of inputs) {
    const { record } = await processInput(input, rules);
    await sink.write(record);
    for (const e of record.errors) failures.set(e.code, (failures.get(e.code) ?? 0) + 1);
    if (record.errors.length) process.stderr.write(`${record.source.path}: ${record.errors.map((e) => `${e.code}: ${e.message}`).join('; ')}\n`);
  }
  await sink.close();
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  const skippedNote = skipped.size
    ? `; left out by extension: ${[...skipped].map(([ext, n]) => `${n} .${ext}`).join(', ')}`
    : '';
  process.stderr.write(`vnreform: ${inputs.length} input(s), ${inputs.length - failed} read, ${failed} failed → ${sink.describe()}${skippedNote}\n`);
  return failed ? 1 : 0;
}
