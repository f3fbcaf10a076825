import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tuneEngineForBatch } from '../batch/engine.js';
import { progress, type Progress } from '../batch/progress.js';
import { alreadyDone, dropRecords, loadResumeState, type ResumeState } from '../batch/resume.js';
import { inShard, nameForShard, parseShard, SHARD_PLACEHOLDER, shardFromEnv, type Shard } from '../batch/shard.js';
import { openTables, writeRowsOf, type TableWriter } from '../batch/tables.js';
import type { Produced } from '../batch/worker.js';
import { defaultRules } from '../rules/compile.js';
import type { ExtractionRecord } from '../schema.js';
import { expandInputs, inputsOrDefault, type Input } from './inputs.js';
import { pathForFs } from '../read/file-name.js';
import { exitStatusOf, watchInterruption } from './interrupt.js';
import { openSink, outKind, type Format, type RecordSink } from './output.js';
import { failureLine, inputPath } from './run.js';
import { DEFAULT_JOBS, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, extractParallel, startPool, type StartedPool } from '../batch/parallel.js';
import { UsageError } from './usage.js';
import { makeFolder, outputError } from '../util/output-files.js';
import { lockOutput } from '../util/output-lock.js';
import { quotedPath, shownPath } from '../util/shown.js';
import { processIo, type Io } from './io.js';

const utf8 = new TextDecoder();

export async function extractCommand(argv: string[], io: Io = processIo()): Promise<number> {
  const started = performance.now();
  const options = extractOptions(argv);
  tuneEngineForBatch(options.jobs);
  // The workers start (~0.4 s: modules, rules) while this thread compiles the rules, lists the
  // inputs and reads a resumed output. Destroyed however the run ends, or the process would wait on them.
  const pool = startPool(options);
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
      quiet: { type: 'boolean', short: 'q' },
      jobs: { type: 'string', short: 'j' },
      timeout: { type: 'string' },
      'max-memory': { type: 'string' },
      cache: { type: 'string' },
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
  const jobs = positiveNumber(values.jobs, '--jobs', DEFAULT_JOBS);
  if (!Number.isInteger(jobs)) throw new UsageError(`--jobs must be a whole number, not ${values.jobs}`);
  const timeoutS = positiveNumber(values.timeout, '--timeout', DEFAULT_TIMEOUT_S);
  const memoryMb = positiveNumber(values['max-memory'], '--max-memory', DEFAULT_MEMORY_MB);
  // A worker needs this much heap to load the rules and read one file at all.
  if (memoryMb < MIN_MEMORY_MB) throw new UsageError(`--max-memory must be at least ${MIN_MEMORY_MB} (MB): a worker needs that much to start, not ${values['max-memory']}`);
  if (values.cache !== undefined) usableCache(values.cache);
  return { values, positionals, format, shard, shardFrom, jobs, timeoutS, memoryMb };
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

const MIN_MEMORY_MB = 32;

/**
 * The cache folder is checked before any work: a file in its place, or a place no folder can be
 * made (/proc), is a usage error, not every record lost to "worker-crashed".
 */
function usableCache(dir: string): void {
  try {
    makeFolder(dir);
    const probe = join(dir, `.vnreform-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    const reason = outputError(dir, err).message.slice(`cannot write ${shownPath(dir)}: `.length);
    throw new UsageError(`--cache ${shownPath(dir)}: ${reason}; give a folder that can be written`);
  }
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
  const { values, format, shard, shardFrom, jobs, timeoutS, memoryMb } = options;
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
  const records = extractParallel(todo, rules, { jobs, timeoutMs: timeoutS * 1000, memoryMb, cache: values.cache ?? null, stdin: io.stdin }, pool);
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

/**
 * --resume: inputs already in the output with the same content are skipped; changed ones, those a
 * limit stopped (timeout, out of memory) and those unreadable then run again, their old record
 * dropped; so is the record of a folder that could not be listed then and can be now, and (unless
 * --keep-missing) the record of an input no longer given: the output holds the inputs of this run.
 */
async function resumePlan(out: string, mine: Input[], keepMissing: boolean): Promise<{ todo: Input[]; resumed: ResumeState }> {
  const resumed = await loadResumeState(out);
  const todo: Input[] = [];
  const stale = new Set<string>();
  const now = new Set<string>();
  for (const input of mine) {
    const path = inputPath(input);
    now.add(path);
    if (alreadyDone(path, resumed)) continue;
    if (resumed.done.has(path)) stale.add(path);
    todo.push(input);
  }
  // A folder that could not be listed then and can be now: its files are inputs of their own.
  for (const [path, hash] of resumed.done) {
    if (now.has(path)) continue;
    if ((hash === null && isFolder(path)) || !keepMissing) stale.add(path);
  }
  await dropRecords(out, stale);
  return { todo, resumed };
}

function isFolder(path: string): boolean {
  return statSync(pathForFs(path), { throwIfNoEntry: false })?.isDirectory() ?? false;
}

interface Written {
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
async function writeRecords(records: AsyncIterable<Produced>, sink: RecordSink, tables: TableWriter | null, bar: Progress): Promise<Written> {
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

function positiveNumber(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, not ${text}`);
  return n;
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
  const peakMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
  lines.push(`  ${s.seconds.toFixed(1)} s, ${rate.toFixed(1)} files/s, ${(s.bytes / 1e6 / Math.max(s.seconds, 1e-9)).toFixed(2)} MB/s, peak RSS ${peakMb.toFixed(0)} MB`);
  return `${lines.join('\n')}\n`;
}
