/**
 * Past one machine: the shard a scheduler's task is (--shard auto), each shard's own part file
 * ({shard} in --out), merge over a folder of parts, and the Kubernetes manifests of
 * docs/scale-out/ run as an Indexed Job would run them. The Slurm cluster test is slurm.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeArchive } from '../../support/archive.js';
import { nameForShard, shardFromEnv, shardOf, type Env } from '../../src/engine/shard.js';
import { expandInputs } from '../../src/engine/inputs.js';
import { inputPath } from '../../src/engine/process.js';
import { builtCli, ROOT, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** The environment of this test run without any scheduler's variables, to add a task's own to. */
function plainEnv(extra: Env = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SLURM_|JOB_COMPLETION_INDEX$|VNREFORM_SHARDS$)/.test(name)));
  return { ...env, ...extra };
}

/** The built vnreform as its own process, in a given environment. */
function vnreform(args: string[], env: Env = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, [builtCli(), ...args], { cwd, env: plainEnv(env), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Slurm's variables for task `id` of an array min-max (step 1), as sbatch --array=min-max sets them. */
const slurmTask = (id: number | string, min: number, max: number, extra: Env = {}): Env => ({
  SLURM_ARRAY_JOB_ID: '41', SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_MAX: String(max),
  SLURM_ARRAY_TASK_STEP: '1', SLURM_ARRAY_TASK_COUNT: String(max - min + 1), ...extra,
});

/**
 * A folder of corpus texts in which every shard of 2 and of 3 holds at least one input. The shard
 * is a hash of the input's path, and the test's folder lies wherever the checkout is: the five
 * corpus files alone fell all in shard 1 of 2 in one clone. Copies are added until each shard has one.
 */
function folderOverShards(name: string): string {
  const dir = tempDir(name);
  const texts = readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).sort();
  const covered = () => [2, 3].every((n) => Array.from({ length: n }, (_, i) => i + 1).every((i) => readdirSync(dir).some((f) => shardOf(join(dir, f), n) === i)));
  for (let i = 0; i < texts.length || !covered(); i++) {
    if (i >= 200) throw new Error(`no spread over the shards in ${dir}`);
    copyFileSync(join(ROOT, 'corpus', texts[i % texts.length]!), join(dir, `${i}-${texts[i % texts.length]}`));
  }
  return dir;
}

const shardOfEnv = (env: Env, shards?: string) => {
  const found = shardFromEnv(env, shards);
  return 'shard' in found ? found.shard : found.error;
};

const records = (path: string): { source: { path: string } }[] => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('--shard auto: the shard from the scheduler', () => {
  it('takes a Slurm task its place in the array, 0- or 1-based, stepped, or the count from SLURM_ARRAY_TASK_COUNT', () => {
    expect([1, 2, 3, 4].map((id) => shardOfEnv(slurmTask(id, 1, 4)))).toEqual([1, 2, 3, 4].map((index) => ({ index, count: 4 })));
    expect([0, 1, 2, 3].map((id) => shardOfEnv(slurmTask(id, 0, 3)))).toEqual([1, 2, 3, 4].map((index) => ({ index, count: 4 })));
    // sbatch --array=0-6:2 → tasks 0, 2, 4, 6 as Slurm 22.05 sets them.
    expect(shardOfEnv({ SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '6', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4 });
    expect(shardOfEnv({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '3' })).toEqual({ index: 3, count: 3 });
    expect(shardFromEnv(slurmTask(2, 1, 4))).toEqual({ shard: { index: 2, count: 4 }, from: 'Slurm array task 2 of 1-4' });
  });

  it('with --shards N (or VNREFORM_SHARDS) reads the Slurm array index as the shard number, so a task re-run alone keeps its shard', () => {
    // sbatch --array=3 after an array 1-4: the array is just 3-3.
    const alone = slurmTask(3, 3, 3);
    expect(shardOfEnv(alone, '4')).toEqual({ index: 3, count: 4 });
    expect(shardOfEnv({ ...alone, VNREFORM_SHARDS: '4' })).toEqual({ index: 3, count: 4 });
    expect(shardOfEnv({ ...alone, VNREFORM_SHARDS: '9' }, '4')).toEqual({ index: 3, count: 4 }); // the option wins
    // Without a count such a task cannot tell which shard it is: refused, not taken as shard 1 of 1.
    expect(shardOfEnv(alone)).toMatch(/a Slurm array of one task \(3\) cannot tell which shard it is.*--shards N/);
    expect(shardOfEnv(slurmTask(0, 0, 3), '4')).toMatch(/with --shards 4 the Slurm array index is the shard number, 1 to 4 \(sbatch --array=1-4\), not 0/);
    expect(shardOfEnv(slurmTask(5, 1, 5), '4')).toMatch(/1 to 4 .* not 5/);
  });

  it('refuses a Slurm task outside its array, an array with gaps, and numbers that are not numbers', () => {
    expect(shardOfEnv(slurmTask(5, 1, 4))).toMatch(/SLURM_ARRAY_TASK_ID 5 is not a task of its array 1-4/);
    expect(shardOfEnv(slurmTask(0, 1, 4))).toMatch(/SLURM_ARRAY_TASK_ID 0 is not a task of its array 1-4/);
    expect(shardOfEnv({ ...slurmTask(3, 0, 6), SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' })).toMatch(/not a task of its array 0-6:2/);
    expect(shardOfEnv({ SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '3' })).toMatch(/past the 3 task\(s\)/);
    // sbatch --array=1,3,7: COUNT 3 over MIN 1 to MAX 7.
    expect(shardOfEnv({ ...slurmTask(3, 1, 7), SLURM_ARRAY_TASK_COUNT: '3' })).toMatch(/has 3 task\(s\) but spans 1-7: an array with gaps/);
    expect(shardOfEnv({ ...slurmTask(1, 1, 4), SLURM_ARRAY_TASK_ID: 'x' })).toBe('SLURM_ARRAY_TASK_ID must be a whole number, not "x"');
    expect(shardOfEnv({ ...slurmTask(1, 1, 4), SLURM_ARRAY_TASK_MIN: '1a' })).toBe('SLURM_ARRAY_TASK_MIN must be a whole number, not "1a"');
    expect(shardOfEnv({ ...slurmTask(1, 1, 4), SLURM_ARRAY_TASK_COUNT: '' })).toBe('SLURM_ARRAY_TASK_COUNT must be a whole number, not ""');
    expect(shardOfEnv({ ...slurmTask(1, 1, 4), SLURM_ARRAY_TASK_ID: '-1' })).toMatch(/whole number, not "-1"/);
    expect(shardOfEnv({ ...slurmTask(1, 1, 4), SLURM_ARRAY_TASK_STEP: '0' })).toMatch(/SLURM_ARRAY_TASK_STEP must be at least 1/);
    expect(shardOfEnv({ SLURM_ARRAY_TASK_ID: '2' })).toMatch(/SLURM_ARRAY_TASK_ID is set but not its array's SLURM_ARRAY_TASK_MIN/);
    expect(shardOfEnv({ SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MAX: '4' })).toMatch(/but not its array's SLURM_ARRAY_TASK_MIN/);
  });

  it('takes a Kubernetes Indexed Job pod JOB_COMPLETION_INDEX 0…n-1 as shard 1…n, n from --shards or VNREFORM_SHARDS', () => {
    expect([0, 1, 2, 3].map((i) => shardOfEnv({ JOB_COMPLETION_INDEX: String(i) }, '4'))).toEqual([1, 2, 3, 4].map((index) => ({ index, count: 4 })));
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0', VNREFORM_SHARDS: '2' })).toEqual({ shard: { index: 1, count: 2 }, from: 'Indexed Job completion index 0, VNREFORM_SHARDS 2' });
    expect(shardOfEnv({ JOB_COMPLETION_INDEX: '2' })).toMatch(/gives JOB_COMPLETION_INDEX \(2\) but not the number of shards: give --shards N or VNREFORM_SHARDS=N/);
    expect(shardOfEnv({ JOB_COMPLETION_INDEX: '4' }, '4')).toMatch(/JOB_COMPLETION_INDEX 4 is past the last of 4 shards \(indexes 0 to 3\): --shards must equal the Job's completions/);
    expect(shardOfEnv({ JOB_COMPLETION_INDEX: 'one' }, '4')).toBe('JOB_COMPLETION_INDEX must be a whole number, not "one"');
    expect(shardOfEnv({ JOB_COMPLETION_INDEX: '0', VNREFORM_SHARDS: 'four' })).toMatch(/VNREFORM_SHARDS must be the number of shards, a whole number ≥ 1, not "four"/);
    expect(shardOfEnv({ JOB_COMPLETION_INDEX: '0' }, '0')).toMatch(/--shards must be the number of shards/);
  });

  it('refuses when no scheduler says, or two do', () => {
    expect(shardOfEnv({})).toMatch(/neither SLURM_ARRAY_TASK_ID .* nor JOB_COMPLETION_INDEX .* is set; outside a scheduler give --shard i\/n/);
    expect(shardOfEnv({ VNREFORM_SHARDS: '4' })).toMatch(/neither SLURM_ARRAY_TASK_ID/);
    expect(shardOfEnv({ ...slurmTask(1, 1, 4), JOB_COMPLETION_INDEX: '0' }, '4')).toMatch(/both SLURM_ARRAY_TASK_ID \(Slurm\) and JOB_COMPLETION_INDEX \(Kubernetes\) are set/);
  });

  it('names each part by the shard number, as --shard i/n counts', () => {
    expect(nameForShard('results/part-{shard}.jsonl', { index: 3, count: 4 })).toBe('results/part-3.jsonl');
    expect(nameForShard('r{shard}/p-{shard}.jsonl', { index: 10, count: 12 })).toBe('r10/p-10.jsonl');
  });
});

describe('the command line of a sharded run', () => {
  it('says what is wrong with --shard auto, --shards and {shard} (exit 2), before any work', () => {
    const cases: [string[], Env, RegExp][] = [
      [['--shard', 'auto', '--out', 'r/part-{shard}.jsonl'], {}, /neither SLURM_ARRAY_TASK_ID/],
      [['--shard', 'auto', '--out', 'r/all.jsonl'], slurmTask(1, 1, 4), /--shard auto runs the same command in every task: put \{shard\} in --out/],
      [['--shard', 'auto', '--out', 'r/p-{shard}.jsonl', '--tables', 'tables'], slurmTask(1, 1, 4), /put \{shard\} in --tables/],
      [['--shard', '2/4', '--shards', '4', '--out', 'r/p-{shard}.jsonl'], {}, /--shards N goes with --shard auto/],
      [['--out', 'r/part-{shard}.jsonl'], {}, /holds \{shard\}, the number --shard gives; there is no --shard/],
      [['--shard', 'auto', '--out', 'r/p-{shard}.jsonl'], { JOB_COMPLETION_INDEX: '1' }, /not the number of shards/],
      [['--shard', 'next', '--out', 'r/p.jsonl'], {}, /--shard must be i\/n with 1 ≤ i ≤ n, or auto, not next/],
    ];
    const cwd = tempDir('shard-usage');
    for (const [args, env, message] of cases) {
      const r = vnreform(['extract', join(ROOT, 'corpus'), ...args], env, cwd);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(cwd, 'r')), args.join(' ')).toBe(false);
    }
  });

  it('writes --shard i/n to the part named by {shard}, and --shard auto to the same part, saying which shard it took', async () => {
    const out = tempDir('shard-parts');
    const corpus = folderOverShards('shard-inputs');
    expect((await runInProcess(['extract', corpus, '--shard', '2/2', '--out', join(out, 'i-n', 'part-{shard}.jsonl'), '--quiet'])).status).toBe(0);
    const auto = vnreform(['extract', corpus, '--shard', 'auto', '--out', join(out, 'auto', 'part-{shard}.jsonl')], { JOB_COMPLETION_INDEX: '1', VNREFORM_SHARDS: '2' });
    expect(auto.status).toBe(0);
    const mine = (await expandInputs([corpus])).inputs.map(inputPath).filter((p) => shardOf(p, 2) === 2);
    expect(mine.length).toBeGreaterThan(0);
    expect(auto.stderr).toMatch(new RegExp(`^vnreform: shard 2/2 \\(Indexed Job completion index 1, VNREFORM_SHARDS 2\\): ${mine.length} of \\d+ inputs → .*auto/part-2\\.jsonl\\n`));
    expect(records(join(out, 'auto', 'part-2.jsonl')).map((r) => r.source.path)).toEqual(mine);
    expect(readFileSync(join(out, 'auto', 'part-2.jsonl'), 'utf8')).toBe(readFileSync(join(out, 'i-n', 'part-2.jsonl'), 'utf8'));
  });
});

describe('merge over a folder of parts', () => {
  it('joins every .jsonl in the folder; a part missing or a named file not there is listed and exits 1', async () => {
    const out = tempDir('merge-folder');
    const corpus = folderOverShards('merge-inputs');
    const parts = join(out, 'results');
    for (const i of [1, 2, 3]) await runInProcess(['extract', corpus, '--shard', `${i}/3`, '--out', join(parts, 'part-{shard}.jsonl'), '--quiet']);
    const all = (await expandInputs([corpus])).inputs.map(inputPath);
    writeFileSync(join(parts, 'notes.txt'), 'not a part\n');
    const whole = await runInProcess(['merge', parts, '--expect', corpus, '--out', join(out, 'all.jsonl')]);
    expect(whole.status).toBe(0);
    expect(whole.stderr).toBe(`vnreform merge: ${all.length} record(s) from 3 file(s) → ${join(out, 'all.jsonl')}\n`);
    expect(records(join(out, 'all.jsonl')).map((r) => r.source.path)).toEqual([...all].sort());

    // The output inside the folder of parts would be a part of the next merge.
    const inside = await runInProcess(['merge', parts, '--out', join(parts, 'all.jsonl')]);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toMatch(/--out .*results\/all\.jsonl is inside .*results, whose files are the shard outputs/);

    const lost = records(join(parts, 'part-2.jsonl')).map((r) => r.source.path);
    expect(lost.length).toBeGreaterThan(0);
    rmSync(join(parts, 'part-2.jsonl'));
    const gap = await runInProcess(['merge', parts, '--expect', corpus, '--out', join(out, 'gap.jsonl')]);
    expect(gap.status).toBe(1);
    expect(gap.stderr).toContain(`  missing (${lost.length}): ${lost.join(', ')}\n`);
    const named = await runInProcess(['merge', join(parts, 'part-1.jsonl'), join(parts, 'part-2.jsonl'), join(parts, 'part-3.jsonl'), '--out', join(out, 'named.jsonl')]);
    expect(named.status).toBe(1);
    expect(named.stderr).toContain(`  shard outputs not found (1): ${join(parts, 'part-2.jsonl')}\n`);
    expect(records(join(out, 'named.jsonl'))).toHaveLength(all.length - lost.length);
    const empty = join(out, 'empty');
    mkdirSync(empty);
    const none = await runInProcess(['merge', empty, '--out', join(out, 'none.jsonl')]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain(`shard outputs not found (1): ${join(empty, '*.jsonl')}`);
  });
});

interface Container {
  image: string;
  workingDir?: string;
  command: string[];
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { resourceFieldRef?: { resource: string; divisor?: string } } }[];
  resources?: { requests?: Record<string, string> };
  volumeMounts: { name: string; mountPath: string }[];
}

interface JobManifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    completionMode?: string;
    completions?: number;
    podReplacementPolicy?: string;
    template: { spec: { restartPolicy: string; containers: Container[]; volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[] } };
  };
}

const manifest = (name: string): JobManifest => parse(readFileSync(join(ROOT, 'docs/scale-out', name), 'utf8')) as JobManifest;

/** A CPU quantity ("4", "500m") in CPUs. */
const cpus = (quantity: string): number => (quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity));

/**
 * A container's environment as Kubernetes sets it: each value, and a resource request through the
 * downward API (resourceFieldRef: the request over the divisor, rounded up).
 */
function containerEnv(container: Container): Env {
  return Object.fromEntries((container.env ?? []).map((e) => {
    const field = e.valueFrom?.resourceFieldRef;
    if (e.value !== undefined) return [e.name, e.value];
    if (field?.resource === 'requests.cpu') return [e.name, String(Math.ceil(cpus(container.resources!.requests!.cpu!) / cpus(field.divisor ?? '1')))];
    throw new Error(`this test does not know how Kubernetes fills ${e.name}`);
  }));
}

/**
 * A container's command line run here as its pod would run it: the shared volume's mount path
 * becomes `shared` (a folder holding the archive, the results and a link to this checkout as
 * vnreform/), the pod's environment is the container's env and `extra` (JOB_COMPLETION_INDEX).
 */
function runContainer(container: Container, shared: string, extra: Env = {}): Promise<{ status: number | null; stderr: string }> {
  const mount = container.volumeMounts[0]!.mountPath;
  const here = (text: string) => text.replaceAll(mount, shared);
  const [program, ...rest] = [...container.command, ...(container.args ?? [])].map(here);
  const env = { ...containerEnv(container), ...extra };
  const child = spawn(program === 'node' ? process.execPath : program!, rest, { cwd: here(container.workingDir ?? '/'), env: plainEnv(env) });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdout.resume();
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

describe('the Kubernetes Indexed Job of docs/scale-out', () => {
  it('is an Indexed Job with the shard count in its environment, one writer per part, on a shared volume', () => {
    const job = manifest('indexed-job.yaml');
    expect([job.apiVersion, job.kind, job.spec.completionMode]).toEqual(['batch/v1', 'Job', 'Indexed']);
    const container = job.spec.template.spec.containers[0]!;
    expect(containerEnv(container)).toMatchObject({ VNREFORM_SHARDS: String(job.spec.completions), CPUS: '4' });
    expect(job.spec.podReplacementPolicy).toBe('Failed');
    const volume = job.spec.template.spec.volumes.find((v) => v.name === container.volumeMounts[0]!.name)!;
    const merge = manifest('merge-job.yaml');
    expect(merge.spec.template.spec.volumes.find((v) => v.name === merge.spec.template.spec.containers[0]!.volumeMounts[0]!.name)?.persistentVolumeClaim)
      .toEqual(volume.persistentVolumeClaim);
  });

  it('its pods, run with the environment each index gets, then a pod retried after a kill, then the merge Job: every input once', async () => {
    const job = manifest('indexed-job.yaml');
    const container = job.spec.template.spec.containers[0]!;
    const count = job.spec.completions!;
    builtCli(); // the manifest runs the built CLI of the checkout on the volume: this one
    const shared = tempDir('k8s-volume');
    symlinkSync(ROOT, join(shared, 'vnreform'));
    await makeArchive(join(shared, 'archive'), 120);
    const expected = (await expandInputs([join(shared, 'archive')])).inputs.map(inputPath).sort();
    expect(expected).toHaveLength(120);

    // One pod at a time (parallelism 1 is allowed too): four pods of four workers would crowd two cores.
    const pods = [];
    for (let i = 0; i < count; i++) pods.push(await runContainer(container, shared, { JOB_COMPLETION_INDEX: String(i) }));
    pods.forEach((pod, i) => {
      expect(pod.status, pod.stderr).toBe(0);
      expect(pod.stderr).toMatch(new RegExp(`^vnreform: shard ${i + 1}/${count} \\(Indexed Job completion index ${i}, VNREFORM_SHARDS ${count}\\)`));
    });
    const part = (i: number) => join(shared, 'results', `part-${i}.jsonl`);
    for (let i = 1; i <= count; i++) expect(records(part(i)).map((r) => r.source.path)).toEqual(expected.filter((p) => shardOf(p, count) === i));

    // Index 1's pod killed with its node mid-write: ten records and half of the eleventh, and its
    // lock left behind by a pod on another machine. The merge Job fails, naming what is missing.
    const whole = readFileSync(part(2), 'utf8');
    const ten = whole.split('\n').slice(0, 10).join('\n').length + 1;
    writeFileSync(part(2), whole.slice(0, ten + 50));
    writeFileSync(`${part(2)}.lock`, '7 vnreform-extract-1-x7k2q\n');
    const mergeContainer = manifest('merge-job.yaml').spec.template.spec.containers[0]!;
    const early = await runContainer(mergeContainer, shared);
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/missing \(\d+\)/);

    // The replacement pod: same index, new machine; it takes the lock over and resumes its part.
    const retried = await runContainer(container, shared, { JOB_COMPLETION_INDEX: '1' });
    expect(retried.status, retried.stderr).toBe(0);
    expect(retried.stderr).toMatch(/resumed: 10 input\(s\) already done, a half-written last line \(50 bytes\) cut off/);
    expect(readFileSync(part(2), 'utf8')).toBe(whole);
    expect(existsSync(`${part(2)}.lock`)).toBe(false);

    const merged = await runContainer(mergeContainer, shared);
    expect(merged.status, merged.stderr).toBe(0);
    expect(records(join(shared, 'all.jsonl')).map((r) => r.source.path)).toEqual(expected);
    expect(existsSync(join(shared, 'tables', 'documents.csv'))).toBe(true);
  });
});

describe('docs/scale-out.md', () => {
  it('is linked from the README, links the files the tests run, and quotes the sbatch script as it is', () => {
    const doc = readFileSync(join(ROOT, 'docs/scale-out.md'), 'utf8');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/scale-out.md)');
    const linked = [...doc.matchAll(/\]\((scale-out\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(new Set(linked)).toEqual(new Set(['scale-out/vnreform-array.sbatch', 'scale-out/indexed-job.yaml', 'scale-out/merge-job.yaml']));
    for (const target of linked) expect(existsSync(join(ROOT, 'docs', target)), target).toBe(true);
    const script = readFileSync(join(ROOT, 'docs/scale-out/vnreform-array.sbatch'), 'utf8').split('\n');
    const quoted = /## Slurm\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(doc)![1]!.split('\n').filter((line) => line && line !== '…');
    expect(quoted.length).toBeGreaterThan(5);
    for (const line of quoted) expect(script, line).toContain(line);
  });
});
