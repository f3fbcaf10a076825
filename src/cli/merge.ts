import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeShards } from '../engine/merge.js';
import { openTables, writeRowsOf } from '../engine/tables.js';
import { expandInputs } from '../engine/inputs.js';
import { inputPath } from '../engine/process.js';
import { UsageError } from './usage.js';
import { processIo, type Io } from './io.js';
import { shownPath } from '../util/shown.js';

/**
 * `vnreform merge SHARD.jsonl…|DIR… --out ALL.jsonl [--expect INPUT]… [--tables DIR]`: shard outputs
 * joined, each input once; a folder stands for the JSON Lines files in it (results/ of
 * `--out results/part-{shard}.jsonl`); with --expect (the inputs given to the sharded runs) the
 * inputs with no record are listed; with --tables the CSV tables of the joined output, as
 * `extract --tables` writes them. Exit 1 when a named shard file or an input is missing, an input
 * duplicated or a line broken: a workflow retries the shards then.
 */
export async function mergeCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, expect: { type: 'string', multiple: true }, tables: { type: 'string' } },
  });
  if (!values.out) throw new UsageError('merge needs --out FILE.jsonl');
  if (!positionals.length) throw new UsageError('merge needs the shard outputs to join');
  const { files, absent } = shardFiles(positionals, values.out);
  // Writing over a shard would cut it before its records are copied.
  const out = existsSync(values.out) ? realpathSync(values.out) : resolve(values.out);
  if (files.some((file) => realpathSync(file) === out)) throw new UsageError(`merge: --out ${shownPath(values.out)} is one of the shard outputs`);
  const expected = values.expect ? (await expandInputs(values.expect)).inputs.map(inputPath) : null;
  const report = mergeShards(files, values.out, expected);
  if (values.tables) {
    const tables = await openTables(values.tables);
    await writeRowsOf(values.out, tables);
    await tables.close();
  }
  const say = (s: string): void => void io.stderr.write(`${s}\n`);
  say(`vnreform merge: ${report.records} record(s) from ${files.length} file(s) → ${shownPath(values.out)}`);
  const list = (label: string, items: string[]): void => {
    if (items.length) say(`  ${label} (${items.length}): ${items.slice(0, 20).map(shownPath).join(', ')}${items.length > 20 ? ', …' : ''}`);
  };
  list('shard outputs not found', absent);
  list('duplicated, first kept', report.duplicated);
  list('missing', report.missing);
  list('broken lines, left out', report.broken.map((b) => `${b.file}:${b.line}`));
  return absent.length || report.duplicated.length || report.missing.length || report.broken.length ? 1 : 0;
}

const JSON_LINES = /\.(jsonl|ndjson)$/i;

/**
 * The files to join: each file named, and the JSON Lines files in each folder named (not in its
 * sub-folders; hidden ones left out), in name order. A named file that is not there is reported
 * (a shard that never wrote its part), not a usage error: the shards that did are still joined.
 * The output inside a folder being read would be read as a part by the next merge: refused.
 */
function shardFiles(args: string[], out: string): { files: string[]; absent: string[] } {
  const files: string[] = [];
  const absent: string[] = [];
  for (const arg of args) {
    const info = statSync(arg, { throwIfNoEntry: false });
    if (!info) absent.push(arg);
    else if (info.isFile()) files.push(arg);
    else if (info.isDirectory()) {
      const outFolder = existsSync(dirname(out)) ? realpathSync(dirname(out)) : resolve(dirname(out));
      if (outFolder === realpathSync(arg)) throw new UsageError(`merge: --out ${shownPath(out)} is inside ${shownPath(arg)}, whose files are the shard outputs; write it elsewhere`);
      const parts = readdirSync(arg).filter((name) => JSON_LINES.test(name) && !name.startsWith('.')).sort().map((name) => join(arg, name));
      const found = parts.filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
      // A folder of no parts: every shard failed before writing, or the wrong folder.
      if (found.length) files.push(...found);
      else absent.push(join(arg, '*.jsonl'));
    } else throw new UsageError(`merge: ${shownPath(arg)} is neither a shard output file nor a folder of them`);
  }
  return { files, absent };
}
