import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeShards } from '../engine/merge.js';
import { openTables, writeRowsOf } from '../engine/tables.js';
import { expandInputs } from '../engine/inputs.js';
import { inputPath } from '../engine/process.js';
import { UsageError } from './usage.js';
import { processIo, type Io } from './io.js';
import { shownPath } from '../util/shown.js';

/**
 * `vnreform merge SHARD.jsonl… --out ALL.jsonl [--expect INPUT]… [--tables DIR]`: shard outputs
 * joined, each input once; with --expect (the inputs given to the sharded runs) the inputs with no
 * record are listed; with --tables the CSV tables of the joined output, as `extract --tables` writes them.
 * Exit 1 when an input is missing, duplicated or a line is broken.
 */
export async function mergeCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, expect: { type: 'string', multiple: true }, tables: { type: 'string' } },
  });
  if (!values.out) throw new UsageError('merge needs --out FILE.jsonl');
  if (!positionals.length) throw new UsageError('merge needs the shard outputs to join');
  for (const file of positionals) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`merge: no shard output file ${shownPath(file)}`);
  }
  // Writing over a shard would cut it before its records are copied.
  const out = existsSync(values.out) ? realpathSync(values.out) : resolve(values.out);
  if (positionals.some((file) => realpathSync(file) === out)) throw new UsageError(`merge: --out ${shownPath(values.out)} is one of the shard outputs`);
  const expected = values.expect ? (await expandInputs(values.expect)).inputs.map(inputPath) : null;
  const report = mergeShards(positionals, values.out, expected);
  if (values.tables) {
    const tables = await openTables(values.tables);
    await writeRowsOf(values.out, tables);
    await tables.close();
  }
  const say = (s: string): void => void io.stderr.write(`${s}\n`);
  say(`vnreform merge: ${report.records} record(s) from ${positionals.length} file(s) → ${shownPath(values.out)}`);
  const list = (label: string, items: string[]): void => {
    if (items.length) say(`  ${label} (${items.length}): ${items.slice(0, 20).map(shownPath).join(', ')}${items.length > 20 ? ', …' : ''}`);
  };
  list('duplicated, first kept', report.duplicated);
  list('missing', report.missing);
  list('broken lines, left out', report.broken.map((b) => `${b.file}:${b.line}`));
  return report.duplicated.length || report.missing.length || report.broken.length ? 1 : 0;
}
