/**
 * A real Slurm cluster of one node (Debian's slurm-wlm and munge, as root: proctrack/pgid and
 * task/none, no cgroups), started here and stopped after, its state, spool and logs in a temporary
 * folder. The job array of docs/scale-out/vnreform-array.sbatch runs over a generated archive of
 * 2,000 documents; one task is cancelled midway and submitted again alone; the parts merge to every
 * input exactly once. `.ci/run` installs the packages; without them the test is skipped, saying so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArchive } from '../../support/archive.js';
import { shardOf } from '../../src/engine/shard.js';
import { expandInputs } from '../../src/engine/inputs.js';
import { inputPath } from '../../src/engine/process.js';
import { builtCli, ROOT } from '../helpers/cli.js';
import { HEAVY_TEST_MS } from '../helpers/limits.js';
import { tempDir } from '../helpers/temp.js';

const PROGRAMS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'scancel', 'squeue', 'sinfo'] as const;
type Program = (typeof PROGRAMS)[number];

/** Where a program is: the daemons live in /usr/sbin, which a non-login PATH may lack. */
const programPath = (name: string): string | null =>
  [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin'].filter(Boolean).map((dir) => join(dir, name)).find((path) => existsSync(path)) ?? null;

const absent = PROGRAMS.filter((name) => !programPath(name));
const asRoot = process.getuid?.() === 0;
const skipReason = absent.length
  ? `skipped: ${absent.join(', ')} not installed (apt-get install slurm-wlm munge; .ci/run does)`
  : !asRoot ? 'skipped: a Slurm node of one machine runs jobs as root, and this test is not root' : '';

const SHARDS = 4;
const DOCUMENTS = 2000;
const NODE = 'vnreform-node';

interface Cluster {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** PID files of the daemons started, in the order they are stopped. */
  pidFiles: string[];
  /** `sbatch --wait` processes: on a failed test they would wait for a controller that is gone. */
  submitted: ChildProcess[];
}

let cluster: Cluster | null = null;

/** A TCP port free on the loopback now (the daemons' ports, so two runs never meet). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A Slurm program in the cluster's environment; its output, or an error with its output and the daemons' logs. */
function run(c: Cluster, program: Program, args: string[]): string {
  const r = spawnSync(programPath(program)!, args, { env: c.env, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}${r.stdout}\n${logs(c)}`);
  return r.stdout;
}

function logs(c: Cluster): string {
  return ['munged.log', 'slurmctld.log', 'slurmd.log'].map((name) => join(c.dir, 'log', name)).filter(existsSync)
    .map((path) => `--- ${path}\n${readFileSync(path, 'utf8').split('\n').slice(-15).join('\n')}`).join('\n');
}

async function waitFor<T>(what: string, probe: () => T | null | undefined | false, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** munged with its own key and socket, then slurmctld and slurmd for one node of 2 CPUs on localhost. */
async function startCluster(c: Cluster): Promise<void> {
  const { dir } = c;
  // munged wants every folder above its socket searchable by all, and its key readable by it alone.
  chmodSync(dir, 0o755);
  for (const sub of ['state', 'spool', 'log']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'munge.key'), randomBytes(1024), { mode: 0o600 });
  const socket = join(dir, 'munge.socket');
  c.pidFiles.unshift(join(dir, 'munged.pid'));
  run(c, 'munged', [`--key-file=${join(dir, 'munge.key')}`, `--socket=${socket}`, `--pid-file=${join(dir, 'munged.pid')}`,
    `--log-file=${join(dir, 'log', 'munged.log')}`, `--seed-file=${join(dir, 'munged.seed')}`]);
  const [controllerPort, nodePort] = [await freePort(), await freePort()];
  // Memory Slurm may hand out: what the jobs ask for, never more than the machine has (a node that
  // claims more is drained).
  const memoryMb = Math.min(8192, Math.floor((totalmem() / 2 ** 20) * 0.9));
  writeFileSync(join(dir, 'slurm.conf'), [
    'ClusterName=vnreform-test',
    `SlurmctldHost=localhost(127.0.0.1)`,
    `SlurmctldPort=${controllerPort}`,
    `SlurmdPort=${nodePort}`,
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${socket}`,
    `StateSaveLocation=${join(dir, 'state')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
    `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
    // No cgroups: processes tracked by process group, no task binding.
    'ProctrackType=proctrack/pgid',
    'TaskPlugin=task/none',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'SchedulerType=sched/builtin',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_CPU',
    'MpiDefault=none',
    'ReturnToService=2',
    'KillWait=5',
    `NodeName=${NODE} NodeAddr=127.0.0.1 NodeHostname=${hostname()} CPUs=2 RealMemory=${memoryMb} State=UNKNOWN`,
    `PartitionName=test Nodes=${NODE} Default=YES MaxTime=INFINITE State=UP`,
  ].join('\n') + '\n');
  c.pidFiles.unshift(join(dir, 'slurmctld.pid'));
  run(c, 'slurmctld', []);
  c.pidFiles.unshift(join(dir, 'slurmd.pid'));
  run(c, 'slurmd', ['-N', NODE]);
  await waitFor('the node to be idle', () => {
    const r = spawnSync(programPath('sinfo')!, ['-h', '-N', '-o', '%T'], { env: c.env, encoding: 'utf8' });
    return r.status === 0 && r.stdout.trim() === 'idle';
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Jobs cancelled, then slurmd, slurmctld and munged stopped by their PIDs (killed if they linger). */
async function stopCluster(c: Cluster): Promise<void> {
  const jobs = spawnSync(programPath('squeue')!, ['-h', '-o', '%A'], { env: c.env, encoding: 'utf8', timeout: 20_000 });
  const ids = jobs.status === 0 ? jobs.stdout.split('\n').filter(Boolean) : [];
  if (ids.length) {
    spawnSync(programPath('scancel')!, ids, { env: c.env, timeout: 20_000 });
    await waitFor('the jobs to end', () => spawnSync(programPath('squeue')!, ['-h'], { env: c.env, encoding: 'utf8' }).stdout.trim() === '', 30_000).catch(() => undefined);
  }
  for (const child of c.submitted) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  for (const pidFile of c.pidFiles) {
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    if (!(pid > 0) || !alive(pid)) continue;
    process.kill(pid, 'SIGTERM');
    const gone = await waitFor(`PID ${pid} to stop`, () => !alive(pid), 10_000).catch(() => false);
    if (!gone) process.kill(pid, 'SIGKILL');
  }
}

/** `sbatch --wait` as a process of its own: the job ID as soon as it is submitted, the exit status when the job ends. */
function submit(c: Cluster, args: string[]): { id: Promise<string>; done: Promise<number | null> } {
  const child = spawn(programPath('sbatch')!, ['--wait', '--parsable', ...args], { env: c.env, cwd: c.dir });
  c.submitted.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const id = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const m = /^(\d+)/.exec(stdout);
      if (m && stdout.includes('\n')) resolve(m[1]!);
    });
    child.on('close', () => reject(new Error(`sbatch printed no job ID: ${stdout}${stderr}\n${logs(c)}`)));
  });
  const done = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  return { id, done };
}

const lines = (path: string): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);

describe.skipIf(skipReason !== '')(`a Slurm job array on a real single-node cluster${skipReason ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    const dir = tempDir('slurm');
    cluster = { dir, env: {}, pidFiles: [], submitted: [] };
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    // `vnreform` on the PATH of the job, as on a cluster where it is installed: the built CLI of this checkout.
    writeFileSync(join(bin, 'vnreform'), `#!/bin/sh\nexec '${process.execPath}' '${builtCli()}' "$@"\n`, { mode: 0o755 });
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SLURM_|JOB_COMPLETION_INDEX$|VNREFORM_SHARDS$)/.test(name)));
    cluster.env = { ...env, SLURM_CONF: join(dir, 'slurm.conf'), PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` };
    await startCluster(cluster);
  }, HEAVY_TEST_MS);

  afterAll(async () => {
    if (cluster) await stopCluster(cluster);
  }, HEAVY_TEST_MS);

  it('runs the array of docs/scale-out, a task cancelled midway and submitted again resumes its part, and merge finds every input once', async () => {
    const c = cluster!;
    const archive = join(c.dir, 'archive');
    const results = join(c.dir, 'results');
    await makeArchive(archive, DOCUMENTS);
    const expected = (await expandInputs([archive])).inputs.map(inputPath).sort();
    expect(expected).toHaveLength(DOCUMENTS);
    const share = (i: number) => expected.filter((path) => shardOf(path, SHARDS) === i);
    const part = (i: number) => join(results, `part-${i}.jsonl`);

    // The script as written, but one CPU a task (the node has two: two tasks at a time) and its logs here.
    const script = join(ROOT, 'docs/scale-out/vnreform-array.sbatch');
    const common = ['--cpus-per-task=1', `--export=ALL,ARCHIVE=${archive},RESULTS=${results}`, script];
    const array = submit(c, [`--output=${join(c.dir, 'log', 'task-%a.log')}`, ...common]);
    const jobId = await array.id;

    // Task 1 cancelled once it has written some records, as `scancel` (or a lost node) ends it.
    await waitFor('task 1 to write 30 records', () => lines(part(1)).length >= 30, 120_000);
    run(c, 'scancel', [`${jobId}_1`]);
    // squeue lists a task until it has ended (and fails once Slurm has forgotten it).
    await waitFor('task 1 to end', () => spawnSync(programPath('squeue')!, ['-h', '-j', `${jobId}_1`], { env: c.env, encoding: 'utf8' }).stdout.trim() === '', 60_000);
    const written = lines(part(1)).length;
    expect(written).toBeGreaterThanOrEqual(30);
    expect(written).toBeLessThan(share(1).length);
    expect(readFileSync(join(c.dir, 'log', 'task-1.log'), 'utf8')).toMatch(/CANCELLED/);

    // Submitted again alone: sbatch --array=1, the array just 1-1; --shards in the script keeps it shard 1.
    const again = submit(c, ['--array=1', `--output=${join(c.dir, 'log', 'again-%a.log')}`, ...common]);
    await again.id;
    expect(await array.done).not.toBe(0); // a task of it was cancelled
    expect(await again.done).toBe(0);
    const retryLog = readFileSync(join(c.dir, 'log', 'again-1.log'), 'utf8');
    expect(retryLog).toMatch(new RegExp(`vnreform: shard 1/${SHARDS} \\(Slurm array task 1, --shards ${SHARDS}\\): ${share(1).length} of ${DOCUMENTS} inputs`));
    expect(retryLog).toContain(`resumed: ${written} input(s) already done`);
    for (let i = 1; i <= SHARDS; i++) {
      expect(lines(part(i)).map((l) => JSON.parse(l).source.path), `part ${i}`).toEqual(share(i));
    }

    const merge = spawnSync(process.execPath, [builtCli(), 'merge', results, '--expect', archive, '--out', join(c.dir, 'all.jsonl')], { encoding: 'utf8' });
    expect(merge.status, merge.stderr).toBe(0);
    expect(merge.stderr).toBe(`vnreform merge: ${DOCUMENTS} record(s) from ${SHARDS} file(s) → ${join(c.dir, 'all.jsonl')}\n`);
    const merged = lines(join(c.dir, 'all.jsonl')).map((l) => JSON.parse(l) as { source: { path: string }; errors: unknown[] });
    expect(merged.map((r) => r.source.path)).toEqual(expected);
    expect(merged.filter((r) => r.errors.length)).toEqual([]);
  }, HEAVY_TEST_MS);
});
