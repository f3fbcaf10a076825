import { createHash } from 'node:crypto';

/**
 * Deterministic split of the inputs for `--shard i/n`: an input belongs to shard
 * 1 + (first 32 bits of sha256(path)) mod n, so n machines given the same input list each take a
 * share, every input falls in exactly one, and adding files does not move the others.
 */
export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

export function shardOf(path: string, count: number): number {
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1;
}

export function inShard(path: string, shard: Shard | null): boolean {
  return !shard || shardOf(path, shard.count) === shard.index;
}

/** The environment a scheduler gives a task (process.env); only the variables named below are read. */
export type Env = Readonly<Record<string, string | undefined>>;

/** `--shard auto`: this task's shard, where it was read (for the run's messages), or why it cannot be had. */
export type ShardFromEnv = { shard: Shard; from: string } | { error: string };

/** The environment variable that gives the number of shards when `--shards` is not given (an Indexed Job's completions). */
export const SHARDS_VARIABLE = 'VNREFORM_SHARDS';

/** The placeholder of `--out results/part-{shard}.jsonl`: the shard's 1-based index, as in `--shard i/n`. */
export const SHARD_PLACEHOLDER = '{shard}';

/** `results/part-{shard}.jsonl` with shard 3 → `results/part-3.jsonl`. */
export function nameForShard(template: string, shard: Shard): string {
  return template.replaceAll(SHARD_PLACEHOLDER, String(shard.index));
}

/** A whole number as a scheduler writes it ("3"), else null ("", "3.5", "x", "-1"). */
function wholeNumber(text: string | undefined): number | null {
  if (text === undefined || !/^\s*\d{1,15}\s*$/.test(text)) return null;
  return Number(text);
}

/**
 * The shard of a task of a Slurm job array (SLURM_ARRAY_TASK_ID and its array's MIN, MAX, STEP,
 * COUNT) or of a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, 0-based; the count from `--shards`
 * or VNREFORM_SHARDS, since Kubernetes does not say it). Slurm: without a count, the shard is the
 * task's place in its array, so `--array=0-3` and `--array=1-4` both give shards 1..4; with a count,
 * the array index is the shard number itself (`--array=1-N`), so a task re-run alone
 * (`sbatch --array=3`, whose array is just 3-3) is still shard 3.
 */
export function shardFromEnv(env: Env, shardsOption?: string): ShardFromEnv {
  const countName = shardsOption !== undefined ? '--shards' : SHARDS_VARIABLE;
  const countText = shardsOption ?? env[SHARDS_VARIABLE];
  const count = wholeNumber(countText);
  if (countText !== undefined && !count) return { error: `${countName} must be the number of shards, a whole number ≥ 1, not ${JSON.stringify(countText)}` };
  const slurm = env.SLURM_ARRAY_TASK_ID;
  const indexed = env.JOB_COMPLETION_INDEX;
  if (slurm !== undefined && indexed !== undefined) {
    return { error: '--shard auto: both SLURM_ARRAY_TASK_ID (Slurm) and JOB_COMPLETION_INDEX (Kubernetes) are set, so the shard is not clear; give --shard i/n' };
  }
  if (slurm !== undefined) return slurmShard(env, count, countName);
  if (indexed !== undefined) return indexedJobShard(indexed, count, countName);
  return {
    error: '--shard auto takes the shard from a scheduler, but neither SLURM_ARRAY_TASK_ID (a Slurm job array: sbatch --array) ' +
      'nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; outside a scheduler give --shard i/n',
  };
}

function slurmShard(env: Env, count: number | null, countName: string): ShardFromEnv {
  const id = wholeNumber(env.SLURM_ARRAY_TASK_ID);
  if (id === null) return { error: `SLURM_ARRAY_TASK_ID must be a whole number, not ${JSON.stringify(env.SLURM_ARRAY_TASK_ID)}` };
  if (count !== null) {
    if (id < 1 || id > count) {
      return { error: `with ${countName} ${count} the Slurm array index is the shard number, 1 to ${count} (sbatch --array=1-${count}), not ${id}` };
    }
    return { shard: { index: id, count }, from: `Slurm array task ${id}, ${countName} ${count}` };
  }
  const bad = ['MIN', 'MAX', 'STEP', 'COUNT'].find((name) => env[`SLURM_ARRAY_TASK_${name}`] !== undefined && wholeNumber(env[`SLURM_ARRAY_TASK_${name}`]) === null);
  if (bad) return { error: `SLURM_ARRAY_TASK_${bad} must be a whole number, not ${JSON.stringify(env[`SLURM_ARRAY_TASK_${bad}`])}` };
  const min = wholeNumber(env.SLURM_ARRAY_TASK_MIN);
  const max = wholeNumber(env.SLURM_ARRAY_TASK_MAX);
  const tasks = wholeNumber(env.SLURM_ARRAY_TASK_COUNT);
  const step = wholeNumber(env.SLURM_ARRAY_TASK_STEP) ?? 1;
  if (min === null || (max === null && tasks === null)) {
    return { error: `SLURM_ARRAY_TASK_ID is set but not its array's SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_MAX (or _COUNT); give --shards N (the array is then --array=1-N)` };
  }
  if (step === 0) return { error: 'SLURM_ARRAY_TASK_STEP must be at least 1, not 0' };
  const shown = `${min}-${max ?? '?'}${step > 1 ? `:${step}` : ''}`;
  if (id < min || (max !== null && id > max) || (id - min) % step !== 0) {
    return { error: `SLURM_ARRAY_TASK_ID ${id} is not a task of its array ${shown} (SLURM_ARRAY_TASK_MIN, _MAX, _STEP)` };
  }
  const spanned = max === null ? null : Math.floor((max - min) / step) + 1;
  if (spanned !== null && tasks !== null && spanned !== tasks) {
    return { error: `the Slurm array has ${tasks} task(s) but spans ${shown}: an array with gaps (--array=1,3,7, or some tasks re-run) cannot tell the shards; give --shards N, which makes the array index the shard number` };
  }
  const total = tasks ?? spanned!;
  const index = (id - min) / step + 1;
  if (index > total) return { error: `SLURM_ARRAY_TASK_ID ${id} is past the ${total} task(s) of its array (SLURM_ARRAY_TASK_COUNT)` };
  if (total === 1) {
    return { error: `a Slurm array of one task (${id}) cannot tell which shard it is (a task re-run alone?): give --shards N (or ${SHARDS_VARIABLE}=N), which makes the array index the shard number, or --shard i/n` };
  }
  return { shard: { index, count: total }, from: `Slurm array task ${id} of ${shown}` };
}

function indexedJobShard(text: string, count: number | null, countName: string): ShardFromEnv {
  const completion = wholeNumber(text);
  if (completion === null) return { error: `JOB_COMPLETION_INDEX must be a whole number, not ${JSON.stringify(text)}` };
  if (count === null) {
    return { error: `a Kubernetes Indexed Job gives JOB_COMPLETION_INDEX (${completion}) but not the number of shards: give --shards N or ${SHARDS_VARIABLE}=N, N the Job's completions` };
  }
  if (completion >= count) {
    return { error: `JOB_COMPLETION_INDEX ${completion} is past the last of ${count} shards (indexes 0 to ${count - 1}): ${countName} must equal the Job's completions` };
  }
  return { shard: { index: completion + 1, count }, from: `Indexed Job completion index ${completion}, ${countName} ${count}` };
}
