import { parseArgs } from 'node:util';
import { peakRssBytes } from '../util/peak-rss.js';
import { tuneEngineForBatch } from '../engine/v8-flags.js';
import { progress } from '../engine/progress.js';
import { resumePlan } from '../engine/resume.js';
import { writeRecords, type Written } from '../engine/write.js';
import { inShard, nameForShard, parseShard, SHARD_PLACEHOLDER, shardFromEnv, type Shard } from '../engine/shard.js';
import { openTables, writeRowsOf } from '../engine/tables.js';
import { defaultRules } from '../rules/compile.js';
import { expandInputs, type Input } from '../engine/inputs.js';
import { ENGINE_OPTIONS, engineOptions, inputsOrDefault } from './options.js';
import { exitStatusOf } from '../engine/interrupt.js';
import { openSink, outKind, type Format } from '../engine/output.js';
import { inputPath } from '../engine/process.js';
import { extractParallel, startPool, type StartedPool } from '../engine/pool.js';
import { UsageError } from './usage.js';
import { lockOutput } from '../util/output-lock.js';
import { quotedPath, shownPath } from '../util/shown.js';
import { processIo, type Io } from './io.js';

export async function extractCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const started = performance.now();
  const options = extractOptions(argv);
  tuneEngineForBatch(options.engine.jobs);
  // The workers start (~0.4 s: modules, rules) while this thread compiles the rules, lists the
  // inputs and reads a resumed output. Destroyed however the run ends, or the process would wait on them.
  const pool = startPool(options.engine);
  try {
    return await extractWith(options, pool, started, io);
  } finally {
    await pool.pool.destroy();
  }
}

function extractOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      resume: { type: 'boolean' },
      shard: { type: 'string' },
      shards: { type: 'string' },
      tables: { type: 'string' },
      ...ENGINE_OPTIONS,
      'keep-missing': { type: 'boolean' },
    },
  });
  const format = values.format as Format | undefined;
  if (format && format !== 'json' && format !== 'jsonl') throw new UsageError(`--format must be json or jsonl, not ${format}`);
  const { shard, shardFrom } = shardOption(values.shard, values.shards);
  // Each shard its own files: results/part-{shard}.jsonl → results/part-3.jsonl.
  values.out = shardPath(values.out, '--out', 'results/part-{shard}.jsonl', shard, shardFrom !== null);
  values.tables = shardPath(values.tables, '--tables', 'tables-{shard}/', shard, shardFrom !== null);
  if (values.resume && (!values.out || outKind(values.out) !== 'jsonl')) throw new UsageError('--resume needs --out FILE.jsonl (records are appended a line at a time)');
  if (values['keep-missing'] && !values.resume) throw new UsageError('--keep-missing goes with --resume (it keeps the records of inputs no longer given)');
  return { values, positionals, format, shard, shardFrom, ...engineOptions(values) };
}

/**
 * --shard i/n, or --shard auto: the shard a scheduler's task is (a Slurm job array, a Kubernetes
 * Indexed Job), read from its environment; `shardFrom` says where, null for i/n.
 */
function shardOption(text: string | undefined, shards: string | undefined): { shard: Shard | null; shardFrom: string | null } {
  const auto = text?.trim() === 'auto';
  if (shards !== undefined && !auto) throw new UsageError('--shards N goes with --shard auto (with --shard i/n, n is the number of shards)');
  if (text === undefined) return { shard: null, shardFrom: null };
  if (auto) {
    const found = shardFromEnv(process.env, shards);
    if ('error' in found) throw new UsageError(found.error);
    return { shard: found.shard, shardFrom: found.from };
  }
  const shard = parseShard(text);
  if (!shard) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, or auto, not ${text}`);
  return { shard, shardFrom: null };
}

/**
 * --out or --tables with {shard} replaced by the shard's number. Under --shard auto every task runs
 * the same command line, so a path without {shard} would be one file written by all of them.
 */
function shardPath(path: string | undefined, flag: string, example: string, shard: Shard | null, auto: boolean): string | undefined {
  if (path === undefined) return undefined;
  const placed = path.includes(SHARD_PLACEHOLDER);
  if (placed && !shard) throw new UsageError(`${flag} ${shownPath(path)} holds ${SHARD_PLACEHOLDER}, the number --shard gives; there is no --shard`);
  if (auto && !placed) throw new UsageError(`--shard auto runs the same command in every task: put ${SHARD_PLACEHOLDER} in ${flag} to give each task its own (${flag} ${example}), not ${shownPath(path)}`);
  return shard ? nameForShard(path, shard) : path;
}

async function extractWith(options: ReturnType<typeof extractOptions>, pool: StartedPool, started: number, io: Io): Promise<number> {
  const { values, positionals, shard } = options;
  const { inputs: all, skipped, hidden } = await expandInputs(inputsOrDefault(positionals));
  const mine = all.filter((input) => inShard(inputPath(input), shard));
  // One run at a time on an output; the lock goes when this run ends, however it ends.
  // Under a scheduler (--shard auto) a lock left on another machine is a killed attempt of this task.
  const unlock = values.out ? lockOutput(values.out, outKind(values.out) === 'folder', { scheduled: options.shardFrom !== null }) : null;
  try {
    return await extractLocked(options, pool, started, io, { all, mine, skipped, hidden });
  } finally {
    unlock?.();
  }
}

async function extractLocked(
  options: ReturnType<typeof extractOptions>, pool: StartedPool, started: number, io: Io,
  { all, mine, skipped, hidden }: { all: Input[]; mine: Input[]; skipped: Map<string, number>; hidden: string[] },
): Promise<number> {
  const { values, format, shard, shardFrom } = options;
  // A scheduler's log says which shard this task took before any work (a killed task has no summary).
  if (shard && shardFrom && !values.quiet) io.stderr.write(`vnreform: shard ${shard.index}/${shard.count} (${shardFrom}): ${mine.length} of ${all.length} inputs → ${shownPath(values.out ?? 'standard output')}\n`);
  const rules = defaultRules();
  const { todo, resumed } = values.resume ? await resumePlan(values.out!, mine, !!values['keep-missing']) : { todo: mine, resumed: null };

  // The tables first: a --tables that cannot be written stops the run before --out is opened (and emptied).
  const tables = values.tables ? await openTables(values.tables) : null;
  const sink = await openSink(values.out, format, { append: !!values.resume, stdout: io.stdout });
  // Resumed: the tables start from the records the output already holds, the one source of truth.
  if (tables && resumed) await writeRowsOf(values.out!, tables);
  const bar = progress({ total: todo.length, quiet: !!values.quiet, stream: io.stderr });
  const records = extractParallel(todo, rules, { ...options.engine, stdin: io.stdin }, pool);
  let run: Written;
  try {
    run = await writeRecords(records, sink, tables, bar);
  } finally {
    bar.done(); // its timer too, when a write fails
  }
  await sink.close();
  await tables?.close();
  const failed = [...run.failures.values()].reduce((a, b) => a + b, 0);
  if (!values.quiet) {
    io.stderr.write(summary({
      inputs: run.written, failed, failures: run.failures, seconds: (performance.now() - started) / 1000, bytes: run.bytes,
      sink: sink.describe(), skipped, hidden, shard: shard && { ...shard, of: all.length, from: shardFrom },
      resumed: resumed && { before: mine.length - todo.length, repairedBytes: resumed.repairedBytes },
      cache: values.cache !== undefined ? run.cache : null,
    }));
  }
  if (run.interrupted) {
    const goOn = values.out && outKind(values.out) === 'jsonl' ? 'run the same command with --resume to go on' : 'write to --out FILE.jsonl to be able to resume';
    io.stderr.write(`vnreform: interrupted (${run.interrupted}) after ${run.written} of ${todo.length} input(s); every record written is whole: ${goOn}\n`);
    return exitStatusOf(run.interrupted);
  }
  return failed ? 1 : 0;
}

interface Summary {
  inputs: number;
  failed: number;
  failures: Map<string, number>;
  seconds: number;
  bytes: number;
  sink: string;
  skipped: Map<string, number>;
  hidden: string[];
  shard: { index: number; count: number; of: number; from?: string | null } | null;
  resumed: { before: number; repairedBytes: number } | null;
  cache?: Written['cache'] | null;
}

/** The first few paths, then how many more: a summary line, not a listing. */
function namedFew(paths: string[], few = 3): string {
  const shown = paths.slice(0, few).map(quotedPath).join(', ');
  return paths.length > few ? `${shown} and ${paths.length - few} more` : shown;
}

/** The run summary on standard error: what was read, what failed and why, where it went, how fast. */
export function summary(s: Summary): string {
  const lines = [`vnreform: ${s.inputs} input(s), ${s.inputs - s.failed} read, ${s.failed} failed → ${shownPath(s.sink)}`];
  if (s.failures.size) lines.push(`  failed by code: ${[...s.failures].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ')}`);
  if (s.shard) lines.push(`  shard ${s.shard.index}/${s.shard.count}${s.shard.from ? ` (${s.shard.from})` : ''}: ${s.inputs} of ${s.shard.of} inputs`);
  if (s.resumed) lines.push(`  resumed: ${s.resumed.before} input(s) already done${s.resumed.repairedBytes ? `, a half-written last line (${s.resumed.repairedBytes} bytes) cut off` : ''}`);
  if (s.cache) {
    const { hit, 'bad-entry': bad, 'not-written': unwritten } = s.cache;
    lines.push(`  cache: ${hit} record(s) served${bad ? `, ${bad} bad entr${bad === 1 ? 'y' : 'ies'} (damaged, or not the key's or the file's) ignored and replaced` : ''}${unwritten ? `, ${unwritten} record(s) could not be kept (the cache folder cannot be written: full disk?)` : ''}`);
  }
  if (s.skipped.size) lines.push(`  left out by extension: ${[...s.skipped].map(([ext, n]) => (ext === '(none)' ? `${n} without extension` : `${n} .${ext}`)).join(', ')}`);
  if (s.hidden.length) lines.push(`  left out as hidden (name starts with "."): ${s.hidden.length} file(s) or folder(s): ${namedFew(s.hidden)}; name one to read it`);
  const rate = s.seconds > 0 ? s.inputs / s.seconds : 0;
  const peakMb = peakRssBytes() / 1e6;
  lines.push(`  ${s.seconds.toFixed(1)} s, ${rate.toFixed(1)} files/s, ${(s.bytes / 1e6 / Math.max(s.seconds, 1e-9)).toFixed(2)} MB/s, peak RSS ${peakMb.toFixed(0)} MB`);
  return `${lines.join('\n')}\n`;
}
