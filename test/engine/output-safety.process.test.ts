/**
 * What a run does to its output when something else goes wrong: another run on the same output, a
 * damaged line met by --resume, a --tables that cannot be written, inputs gone since, a full disk.
 * These go through the command line: the exit code and the file left behind are what is tested.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
const vnreform = (args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
const records = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { source: { path: string } });

function reports(n: number): string {
  const dir = tempDir('safety');
  for (let i = 1; i <= n; i++) {
    writeFileSync(join(dir, `r${i}.txt`), `UBND TỈNH LÀO CAI\nSố: ${i}/BC-UBND\nLào Cai, ngày ${i} tháng 3 năm 2025\nBÁO CÁO\nThực hiện Nghị định số 61/2018/NĐ-CP, tỉnh đã tiếp nhận ${100 + i} hồ sơ.\n`);
  }
  return dir;
}

describe('one run at a time on an output', () => {
  it('stops a second run at once (exit 73) while the first holds the output, and takes over a lock whose run is gone', () => {
    const dir = reports(2);
    const out = join(tempDir('safety-out'), 'all.jsonl');
    writeFileSync(out, 'kept\n');
    // A live run's lock: this test process stands for it.
    writeFileSync(`${out}.lock`, `${process.pid}\n`);
    const second = vnreform(['extract', dir, '--out', out, '--quiet']);
    expect(second.status).toBe(73);
    expect(second.stderr).toContain(`another vnreform run (PID ${process.pid}) is writing it`);
    expect(readFileSync(out, 'utf8')).toBe('kept\n');
    // A lock left by a run that is gone (kill -9): taken over, and removed at the end.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${out}.lock`, `${gone}\n`);
    expect(vnreform(['extract', dir, '--out', out, '--quiet']).status).toBe(0);
    expect(records(out)).toHaveLength(2);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });
});

describe('a lock from another machine (an output on a shared volume)', () => {
  it('stops a run, naming the machine, unless the run is a scheduler task, whose lock there is its own killed attempt', () => {
    const dir = reports(2);
    const out = join(tempDir('safety-out'), 'part-1.jsonl');
    // A PID alive here means nothing on node-17.
    writeFileSync(`${out}.lock`, `${process.pid} node-17.cluster\n`);
    const plain = vnreform(['extract', dir, '--out', out, '--quiet']);
    expect(plain.status).toBe(73);
    expect(plain.stderr).toContain(`a vnreform run on node-17.cluster (PID ${process.pid}) holds its lock ${out}.lock, and this machine cannot tell whether it is still going; if it is not, delete the lock and run again`);
    expect(existsSync(out)).toBe(false);
    // The same part written by an Indexed Job's pod, replaced after its node was lost.
    const env: NodeJS.ProcessEnv = { ...process.env, JOB_COMPLETION_INDEX: '0', VNREFORM_SHARDS: '1' };
    delete env.SLURM_ARRAY_TASK_ID;
    const task = spawnSync(process.execPath, [...CLI, 'extract', dir, '--shard', 'auto', '--out', out.replace('part-1', 'part-{shard}'), '--quiet'], { cwd: ROOT, encoding: 'utf8', env });
    expect(task.status, task.stderr).toBe(0);
    expect(records(out)).toHaveLength(2);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });
});

describe('--resume on an output it cannot trust', () => {
  it('names the damaged line and exits 73, leaving the file as it was', () => {
    const dir = reports(3);
    const out = join(tempDir('safety-out'), 'all.jsonl');
    expect(vnreform(['extract', dir, '--out', out, '--quiet']).status).toBe(0);
    const good = readFileSync(out, 'utf8').split('\n');
    const damaged = [good[0], '\u0000\u0000\u0000{"source":', good[2], ''].join('\n');
    writeFileSync(out, damaged);
    const run = vnreform(['extract', dir, '--out', out, '--resume', '--quiet']);
    expect(run.status).toBe(73);
    expect(run.stderr).toContain('line 2 is not a whole record');
    expect(readFileSync(out, 'utf8')).toBe(damaged);
  });

  it('exits 73 with a message when the output is a folder', () => {
    const out = join(tempDir('safety-out'), 'all.jsonl');
    mkdirSync(out);
    const run = vnreform(['extract', reports(1), '--out', out, '--resume', '--quiet']);
    expect(run.status).toBe(73);
    expect(run.stderr).toMatch(/all\.jsonl.*(folder|directory)/);
  });

  it('drops the records of inputs no longer given, unless --keep-missing', () => {
    const dir = reports(3);
    const out = join(tempDir('safety-out'), 'all.jsonl');
    expect(vnreform(['extract', dir, '--out', out, '--quiet']).status).toBe(0);
    const keep = join(tempDir('safety-out'), 'keep.jsonl');
    writeFileSync(keep, readFileSync(out));
    const two = [join(dir, 'r1.txt'), join(dir, 'r2.txt')];
    expect(vnreform(['extract', ...two, '--out', out, '--resume', '--quiet']).status).toBe(0);
    expect(records(out).map((r) => r.source.path).sort()).toEqual(two);
    expect(vnreform(['extract', ...two, '--out', keep, '--resume', '--keep-missing', '--quiet']).status).toBe(0);
    expect(records(keep)).toHaveLength(3);
  });
});

describe('an output is never lost to another failure', () => {
  it('leaves an existing --out untouched when --tables cannot be written', () => {
    const dir = reports(1);
    const where = tempDir('safety-out');
    const out = join(where, 'all.jsonl');
    writeFileSync(out, '{"earlier":"run"}\n');
    const blocker = join(where, 'tables');
    writeFileSync(blocker, 'a file where the tables folder should be');
    const run = vnreform(['extract', dir, '--out', out, '--tables', blocker, '--quiet']);
    expect(run.status).toBe(73);
    expect(readFileSync(out, 'utf8')).toBe('{"earlier":"run"}\n');
  });

  it('stops with 73 and the reason on a full disk', () => {
    const out = join(tempDir('safety-out'), 'full.jsonl');
    symlinkSync('/dev/full', out);
    const run = vnreform(['extract', reports(2), '--out', out, '--quiet']);
    expect(run.status).toBe(73);
    expect(run.stderr).toContain('the disk is full');
  });

  it('writes a folder-mode file whole or not at all: no temporary names left behind', () => {
    const where = join(tempDir('safety-out'), 'records');
    expect(vnreform(['extract', reports(2), '--out', `${where}/`, '--quiet']).status).toBe(0);
    expect(readFileSync(join(where, 'r1.json'), 'utf8')).toContain('"1/BC-UBND"');
    expect(readdirSync(where).sort()).toEqual(['r1.json', 'r2.json']);
  });
});

describe('a write that fails half-way (a full disk)', () => {
  it('cuts the JSON Lines file back to its last whole line, so --resume can go on', async () => {
    const { appendFileSync } = await import('node:fs');
    const { Writable } = await import('node:stream');
    const { streamSink } = await import('../../src/engine/output.js');
    const path = join(tempDir('safety-out'), 'all.jsonl');
    writeFileSync(path, '{"a":1}\n');
    // A disk with room for 20 more bytes: the write that passes it lands in part, then fails.
    let room = 20;
    const disk = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const fits = chunk.subarray(0, room);
        appendFileSync(path, fits);
        room -= fits.length;
        done(fits.length < chunk.length ? Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }) : null);
      },
    });
    disk.on('error', () => undefined); // as openWriteStream does: the write's callback reports it
    const sink = streamSink(disk, 'jsonl', path, false, 8);
    await sink.writeLine!(Buffer.from('{"b":2}\n'));
    await expect(sink.writeLine!(Buffer.from('{"c":"a line longer than the room left"}\n'))).rejects.toThrow(/the disk is full/);
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
  });
});
