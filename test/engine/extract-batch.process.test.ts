import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { makePdf } from '../../support/format-fixtures.js';
import { zipBomb } from '../helpers/bad-files.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/engine/shard.js';
import { recordId, rowsOf, TABLES } from '../../src/engine/tables.js';
import { extractText } from '../../src/pipeline.js';
import { csvField } from '../../src/util/csv.js';
import { runInProcess } from '../helpers/cli.js';
import { HEAVY_TEST_MS } from '../helpers/limits.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/** `vnreform ARGS` in this process (runCli; the worker pool's threads as in the CLI). */
const vnreform = runInProcess;

/** `vnreform ARGS` as a process of its own: for a run whose memory or hang must not be the test runner's. */
function spawned(args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PROVINCES = ['An Giang', 'Lào Cai', 'Thừa Thiên Huế', 'Cà Mau', 'Quảng Ninh', 'Đắk Lắk', 'Hà Giang', 'Bình Dương'];

/** N small varied reports in a fresh folder, in nested sub-folders, plus a few bad files. */
function archive(n: number): string {
  const dir = tempDir('archive');
  for (let i = 0; i < n; i++) {
    const province = PROVINCES[i % PROVINCES.length]!;
    const year = 2010 + (i % 15);
    const sub = join(dir, `y${year}`, `b${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `r${String(i).padStart(5, '0')}.txt`),
      `UBND TỈNH ${province.toUpperCase()}\nSố: ${i + 1}/BC-UBND\n${province}, ngày ${1 + (i % 28)} tháng ${1 + (i % 12)} năm ${year}\nBÁO CÁO\nCông tác cải cách hành chính năm ${year}\n` +
      `Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ, tỉnh đã tiếp nhận ${100 + i} hồ sơ, giải quyết đúng hạn ${90 + (i % 10)} hồ sơ, đạt ${(90 + (i % 10)).toFixed(0)}%.\n`);
  }
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'random.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0xff]));
  return dir;
}

const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter(Boolean);
const pathsOf = (path: string): string[] => lines(path).map((l) => JSON.parse(l).source.path);

describe('--shard i/n', () => {
  it('parses i/n and refuses what is not a share', async () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('0/3')).toBeNull();
    expect(parseShard('4/3')).toBeNull();
    expect(parseShard('1-3')).toBeNull();
    expect((await vnreform(['extract', 'corpus', '--shard', '3/2'])).status).toBe(2);
  });

  it('splits by path deterministically and evenly enough', async () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[shardOf(`archive/${i}.pdf`, 3) - 1]!++;
    for (const c of counts) expect(c).toBeGreaterThan(900);
    expect(shardOf('archive/7.pdf', 3)).toBe(shardOf('archive/7.pdf', 3));
  });

  it('three shards merged equal the unsharded run, byte for byte; merge reports what is missing or doubled', async () => {
    const dir = archive(40);
    const out = tempDir('shards');
    expect((await vnreform(['extract', dir, '--out', join(out, 'all.jsonl'), '--tables', join(out, 'all-tables'), '--quiet'])).status).toBe(1); // two bad files
    for (const i of [1, 2, 3]) await vnreform(['extract', dir, '--shard', `${i}/3`, '--out', join(out, `s${i}.jsonl`), '--quiet']);
    const shardSizes = [1, 2, 3].map((i) => lines(join(out, `s${i}.jsonl`)).length);
    expect(shardSizes.reduce((a, b) => a + b, 0)).toBe(42);
    expect(Math.min(...shardSizes)).toBeGreaterThan(0);
    const merged = await vnreform(['merge', ...[1, 2, 3].map((i) => join(out, `s${i}.jsonl`)), '--out', join(out, 'merged.jsonl'), '--expect', dir, '--tables', join(out, 'merged-tables')]);
    expect(merged.status).toBe(0);
    expect(readFileSync(join(out, 'merged.jsonl'), 'utf8')).toBe(readFileSync(join(out, 'all.jsonl'), 'utf8'));
    const tableFiles = readdirSync(join(out, 'all-tables'));
    expect(tableFiles.sort()).toEqual(TABLES.map((t) => `${t}.csv`).sort());
    for (const table of tableFiles) expect(readFileSync(join(out, 'merged-tables', table), 'utf8'), table).toBe(readFileSync(join(out, 'all-tables', table), 'utf8'));
    const partial = await vnreform(['merge', join(out, 's1.jsonl'), join(out, 's1.jsonl'), '--out', join(out, 'bad.jsonl'), '--expect', dir]);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toMatch(new RegExp(`duplicated, first kept \\(${shardSizes[0]}\\)`));
    expect(partial.stderr).toMatch(new RegExp(`missing \\(${42 - shardSizes[0]!}\\)`));
  });
});

describe('--resume', () => {
  it('after a cut (half a line written), ends with each input once, byte-identical to an uninterrupted run', async () => {
    const dir = archive(30);
    const out = tempDir('resume');
    const full = join(out, 'full.jsonl');
    await vnreform(['extract', dir, '--out', full, '--quiet']);
    const cut = join(out, 'cut.jsonl');
    const whole = readFileSync(full, 'utf8');
    const ten = whole.split('\n').slice(0, 10).join('\n').length + 1;
    writeFileSync(cut, whole.slice(0, ten + 37)); // ten records and the start of the eleventh
    const r = await vnreform(['extract', dir, '--out', cut, '--resume']);
    expect(r.stderr).toMatch(/resumed: 10 input\(s\) already done, a half-written last line \(\d+ bytes\) cut off/);
    expect(readFileSync(cut, 'utf8')).toBe(whole);
    // Nothing left to do: a second resume writes nothing and keeps the file.
    await vnreform(['extract', dir, '--out', cut, '--resume', '--quiet']);
    expect(readFileSync(cut, 'utf8')).toBe(whole);
  });

  it('runs again an input whose content changed since its record, keeping one record for it', async () => {
    const dir = archive(6);
    const out = join(tempDir('changed'), 'o.jsonl');
    await vnreform(['extract', dir, '--out', out, '--quiet']);
    const file = pathsOf(out).find((p) => p.endsWith('r00003.txt'))!;
    writeFileSync(file, 'Thực hiện Quyết định số 985/QĐ-UBND ngày 12/5/2021 của UBND tỉnh Cà Mau.');
    await vnreform(['extract', dir, '--out', out, '--resume', '--quiet']);
    const paths = pathsOf(out);
    expect(paths.filter((p) => p === file)).toHaveLength(1);
    expect(new Set(paths).size).toBe(paths.length);
    const record = lines(out).map((l) => JSON.parse(l)).find((r) => r.source.path === file);
    expect(record.references[0].id).toBe('985/QĐ-UBND');
  });

  it('needs a .jsonl output', async () => {
    expect((await vnreform(['extract', 'corpus', '--resume'])).status).toBe(2);
  });

  it('survives kill -9 midway through 2,000 files: each input once, identical to an uninterrupted run', async () => {
    const dir = archive(2000);
    const out = tempDir('kill');
    const killed = join(out, 'killed.jsonl');
    const killedTables = join(out, 'killed-tables');
    const child = spawn(process.execPath, [...CLI, 'extract', dir, '--out', killed, '--tables', killedTables, '--quiet'], { cwd: ROOT, stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (existsSync(killed) && statSync(killed).size > 0 && lines(killed).length >= 600) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 50);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the run finished before it could be killed'));
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const before = lines(killed).length;
    expect(before).toBeLessThan(2002);
    await vnreform(['extract', dir, '--out', killed, '--tables', killedTables, '--resume', '--quiet']);
    const full = join(out, 'full.jsonl');
    await vnreform(['extract', dir, '--out', full, '--tables', join(out, 'full-tables'), '--quiet']);
    const paths = pathsOf(killed);
    expect(paths).toHaveLength(2002);
    expect(new Set(paths).size).toBe(2002);
    expect(readFileSync(killed, 'utf8')).toBe(readFileSync(full, 'utf8'));
    // The tables too: no row lost, doubled or cut by the kill.
    for (const table of readdirSync(join(out, 'full-tables'))) {
      expect(readFileSync(join(killedTables, table), 'utf8'), table).toBe(readFileSync(join(out, 'full-tables', table), 'utf8'));
    }
  }, HEAVY_TEST_MS);
});

describe('Ctrl-C and SIGTERM', () => {
  it('stop between two records, close the output whole, say how to go on, and exit 130 or 143', async () => {
    const dir = archive(600);
    const work = tempDir('interrupt');
    const full = join(work, 'full.jsonl');
    await vnreform(['extract', dir, '--out', full, '--quiet']);
    for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const out = join(work, `${signal}.jsonl`);
      const child = spawn(process.execPath, [...CLI, 'extract', dir, '--out', out, '--tables', join(work, `${signal}-tables`)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (existsSync(out) && lines(out).length >= 60) {
            clearInterval(timer);
            child.kill(signal);
            resolve();
          }
        }, 20);
        void exited.then(() => reject(new Error('the run finished before the signal')));
      });
      expect(await exited).toBe(status);
      const text = readFileSync(out, 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      const written = lines(out);
      expect(written.length).toBeLessThan(602);
      for (const line of written) JSON.parse(line); // every line whole
      expect(stderr).toMatch(new RegExp(`interrupted \\(${signal}\\) after ${written.length} of 602 input\\(s\\); every record written is whole: run the same command with --resume to go on`));
      // The tables were closed with the output: one documents row per record written.
      expect(readFileSync(join(work, `${signal}-tables`, 'documents.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(written.length + 1);
      await vnreform(['extract', dir, '--out', out, '--resume', '--quiet']);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(full, 'utf8'));
    }
  }, HEAVY_TEST_MS);
});

/**
 * A limit the ~10 MB report always passes (10-20 s of work on a quiet machine, 85 s on a loaded
 * one) and a small report never does, even on two loaded cores: 0.3 s once stopped small files too
 * (their chunk shares the limit) and --resume then ran them again.
 */
const SHORT_LIMIT_S = '3';
/**
 * A report repeated to ~19.6 MB (just under the 20 MB text limit): over ten seconds of work, well
 * past the limit even for a worker's first file, which is allowed its warm-up on top.
 */
const slowText = (): string => readFileSync(join(ROOT, 'corpus/an-giang_2019_q1_bao-cao-cchc.txt'), 'utf8').repeat(700);

describe('--jobs, --timeout, --max-memory', () => {
  it('gives the same output with one worker and with two', async () => {
    const dir = archive(45);
    const out = tempDir('jobs');
    await vnreform(['extract', dir, '--jobs', '1', '--out', join(out, 'one.jsonl'), '--quiet']);
    await vnreform(['extract', dir, '--jobs', '2', '--out', join(out, 'two.jsonl'), '--quiet']);
    expect(lines(join(out, 'two.jsonl'))).toHaveLength(47);
    expect(readFileSync(join(out, 'two.jsonl'), 'utf8')).toBe(readFileSync(join(out, 'one.jsonl'), 'utf8'));
  });

  it('stops a file past the time limit with a timeout record, and the files of its chunk still get theirs', async () => {
    const dir = archive(8);
    const big = join(dir, 'y2010', 'b0', 'r00000-big.txt');
    writeFileSync(big, slowText());
    const out = join(tempDir('timeout'), 'o.jsonl');
    const r = await vnreform(['extract', dir, '--out', out, '--timeout', SHORT_LIMIT_S, '--jobs', '1']);
    expect(r.status).toBe(1);
    const records = lines(out).map((l) => JSON.parse(l));
    expect(records).toHaveLength(11);
    expect(records.find((x) => x.source.path === big).errors[0].code).toBe('timeout');
    expect(records.filter((x) => x.errors.length === 0)).toHaveLength(8);
    expect(r.stderr).toMatch(/failed by code: .*timeout 1/);
  });

  it('--resume tries again a file a limit stopped (the limit may have been raised), keeping one record for it', async () => {
    const dir = archive(8);
    const big = join(dir, 'y2010', 'b0', 'r00000-big.txt');
    writeFileSync(big, slowText());
    const out = join(tempDir('retry'), 'o.jsonl');
    await vnreform(['extract', dir, '--out', out, '--timeout', SHORT_LIMIT_S, '--jobs', '1', '--quiet']);
    const before = lines(out);
    const isBig = (line: string) => JSON.parse(line).source.path === big;
    expect(JSON.parse(before.find(isBig)!).errors[0].code).toBe('timeout');
    // The same limit again keeps the test fast: what counts is that the file is run, not skipped.
    // The two content errors (empty.txt, random.pdf) stay done with the eight reports.
    const r = await vnreform(['extract', dir, '--out', out, '--resume', '--timeout', SHORT_LIMIT_S, '--jobs', '1']);
    expect(r.stderr).toMatch(/vnreform: 1 input\(s\), 0 read, 1 failed/);
    expect(r.stderr).toMatch(/resumed: 10 input\(s\) already done/);
    const after = lines(out);
    expect(after).toHaveLength(11);
    expect(after.slice(0, 10)).toEqual(before.filter((l) => !isBig(l)));
    expect(JSON.parse(after[10]!).source.path).toBe(big);
    expect(JSON.parse(after[10]!).errors[0].code).toBe('timeout');
  });

  it('--resume reads again an input that could not be read or has been replaced, and only those', async () => {
    const dir = archive(6);
    const late = join(dir, 'late.txt'); // named on the command line before it exists
    const replaced = join(dir, 'random.pdf'); // corrupt now, a good report later under the same name
    const piped = spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status === 0; // must not block the resume
    const work = tempDir('reread');
    const out = join(work, 'o.jsonl');
    await vnreform(['extract', dir, late, '--out', out, '--tables', join(work, 'tables'), '--quiet']);
    type Rec = { source: { path: string }; errors: { code: string }[]; references: { id: string }[] };
    const before: Rec[] = lines(out).map((l) => JSON.parse(l));
    const recordOf = (records: Rec[], path: string) => records.filter((x) => x.source.path === path);
    const codesOf = (records: Rec[], path: string) => recordOf(records, path).map((x) => x.errors.map((e) => e.code));
    expect(codesOf(before, late)).toEqual([['not-found']]);
    expect(codesOf(before, replaced)).toEqual([['corrupt-pdf']]);
    writeFileSync(late, 'Thực hiện Chỉ thị số 23/CT-TTg ngày 02/8/2024 của Thủ tướng Chính phủ');
    writeFileSync(replaced, 'Căn cứ Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính phủ');
    const r = await vnreform(['extract', dir, late, '--out', out, '--tables', join(work, 'tables'), '--resume']);
    expect(r.stderr).toMatch(/vnreform: 2 input\(s\), 2 read, 0 failed/);
    const after: Rec[] = lines(out).map((l) => JSON.parse(l));
    expect(after).toHaveLength(before.length);
    expect(recordOf(after, late).map((x) => x.references[0]?.id)).toEqual(['23/CT-TTg']);
    expect(recordOf(after, replaced).map((x) => x.references[0]?.id)).toEqual(['01/2023/TT-VPCP']);
    if (piped) expect(codesOf(after, join(dir, 'pipe.txt'))).toEqual([['not-a-file']]);
    // Nothing else ran again: the other records are the lines they were.
    const others = (records: Rec[]) => records.filter((x) => x.source.path !== late && x.source.path !== replaced).map((x) => JSON.stringify(x));
    expect(others(after)).toEqual(others(before));
    // The tables hold the rows of the records as they are now, not the not-found and corrupt-pdf
    // rows of before: the same rows as a fresh run over the same files.
    await vnreform(['extract', dir, late, '--out', join(work, 'fresh.jsonl'), '--tables', join(work, 'fresh-tables'), '--quiet']);
    const rowsIn = (folder: string, table: string) => readFileSync(join(work, folder, table), 'utf8').split('\r\n').sort();
    for (const table of readdirSync(join(work, 'fresh-tables'))) expect(rowsIn('tables', table), table).toEqual(rowsIn('fresh-tables', table));
    expect(readFileSync(join(work, 'tables', 'errors.csv'), 'utf8')).not.toContain('late.txt');
  });

  it('stops a file that needs more heap than --max-memory with an out-of-memory record, and goes on', async () => {
    const dir = archive(3);
    const big = join(dir, 'big.txt');
    writeFileSync(big, readFileSync(join(ROOT, 'corpus/an-giang_2019_q1_bao-cao-cchc.txt'), 'utf8').repeat(180)); // ~5 MB
    const out = join(tempDir('oom'), 'o.jsonl');
    const r = await vnreform(['extract', dir, '--out', out, '--max-memory', '48', '--jobs', '1']);
    expect(r.status).toBe(1);
    const records = lines(out).map((l) => JSON.parse(l));
    expect(records).toHaveLength(6);
    expect(records.find((x) => x.source.path === big).errors[0].code).toBe('out-of-memory');
    expect(records.filter((x) => x.errors.length === 0)).toHaveLength(3);
  });

  it('refuses a limit that is not a positive number', async () => {
    expect((await vnreform(['extract', 'corpus', '--jobs', '0'])).status).toBe(2);
    expect((await vnreform(['extract', 'corpus', '--jobs', '1.5'])).status).toBe(2);
    expect((await vnreform(['extract', 'corpus', '--timeout', 'soon'])).status).toBe(2);
  });
});

describe('an archive of bad inputs', () => {
  it('finishes, writes exactly one record per input with a specific code, and exits 1', async () => {
    const dir = tempDir('bad-archive');
    const put = (name: string, bytes: Uint8Array | string) => writeFileSync(join(dir, name), bytes);
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    for (const ext of ['txt', 'md', 'markdown', 'pdf', 'docx', 'doc', 'rtf']) {
      put(`zero.${ext}`, '');
      put(`random.${ext}`, random);
    }
    put('truncated.pdf', (await makePdf('Báo cáo công tác cải cách hành chính')).subarray(0, 600));
    put('locked.pdf', await makePdf('Báo cáo mật', { userPassword: 'secret' }));
    put('bomb.docx', zipBomb());
    put('latin.txt', Buffer.from([0x61, 0x62, 0x63, 0xff, 0xfe, 0x64, 0x0a]));
    put('nfd.txt', 'Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ'.normalize('NFD'));
    put('one-line.txt', `${'Sở Nội vụ tiếp nhận 1.250 hồ sơ; '.repeat(1_600_000)}`); // ~50 MB, no line break
    // Links and a pipe inside the folder, not named on the command line: found, never dropped.
    symlinkSync('loop.txt', join(dir, 'loop.txt'));
    symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
    symlinkSync('nfd.txt', join(dir, 'alias.txt'));
    const piped = spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status === 0;
    let deep = dir;
    for (let i = 0; i < 60; i++) deep = join(deep, `d${i}`);
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'deep.txt'), 'Quyết định số 985/QĐ-UBND ngày 12/5/2021 của UBND tỉnh Cà Mau');
    const out = join(tempDir('bad-out'), 'o.jsonl');
    // The 50 MB line would hold 1.6 million figures and as many agency mentions: past the 20 MB
    // limit for text it must come back as its own too-large record, at once, and cost the run nothing else.
    const r = spawned(['extract', dir, '--out', out, '--quiet', '--max-memory', '512', '--timeout', '120']);
    expect(r.status).toBe(1);
    const records = lines(out).map((l) => JSON.parse(l));
    const byName = new Map(records.map((x) => [x.source.path.split('/').pop(), x]));
    expect(records).toHaveLength(byName.size); // each input once
    const codes = (name: string) => byName.get(name)?.errors.map((e: { code: string }) => e.code);
    for (const ext of ['txt', 'md', 'markdown', 'pdf', 'docx', 'doc', 'rtf']) expect(codes(`zero.${ext}`)).toEqual(['empty-file']);
    expect(codes('random.pdf')).toEqual(['binary-file']);
    expect(codes('truncated.pdf')).toEqual(['corrupt-pdf']);
    expect(codes('locked.pdf')).toEqual(['password-protected']);
    expect(codes('bomb.docx')).toEqual(['zip-bomb']);
    expect(codes('latin.txt')).toEqual(['invalid-encoding']);
    expect(codes('loop.txt')).toEqual(['symlink-loop']);
    expect(codes('dangling.txt')).toEqual(['not-found']);
    expect(byName.get('alias.txt').references[0].id).toBe('61/2018/NĐ-CP');
    if (piped) expect(codes('pipe.txt')).toEqual(['not-a-file']);
    expect(byName.get('nfd.txt').references[0].id).toBe('61/2018/NĐ-CP');
    expect(byName.get('deep.txt').references[0].id).toBe('985/QĐ-UBND');
    expect(codes('one-line.txt')).toEqual(['too-large']);
    for (const ext of ['txt', 'md', 'markdown', 'docx', 'doc', 'rtf']) expect(codes(`random.${ext}`)?.length).toBe(1);
  }, HEAVY_TEST_MS);
});

describe('--cache', () => {
  it('serves unchanged files from the cache with the same records, under whatever path they now have', async () => {
    const dir = archive(6);
    const cache = tempDir('cache');
    const out = tempDir('cached');
    await vnreform(['extract', dir, '--out', join(out, 'plain.jsonl'), '--quiet']);
    await vnreform(['extract', dir, '--out', join(out, 'first.jsonl'), '--cache', cache, '--quiet']);
    const entries = () => readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(entries()).toHaveLength(6); // the six reports; files that could not be read are tried again next time
    // A cached entry is what the second run returns: mark one, and see the mark come back.
    const entry = join(cache, String(entries()[0]));
    const marked = JSON.parse(readFileSync(entry, 'utf8'));
    marked.record.document = { ...marked.record.document, title: 'FROM THE CACHE' };
    writeFileSync(entry, JSON.stringify(marked));
    const run2 = await vnreform(['extract', dir, '--out', join(out, 'second.jsonl'), '--cache', cache]);
    expect(run2.stderr).toContain('cache: 6 record(s) served');
    const second = lines(join(out, 'second.jsonl')).map((l) => JSON.parse(l));
    expect(second.filter((r) => r.document?.title === 'FROM THE CACHE')).toHaveLength(1);
    expect(readFileSync(join(out, 'first.jsonl'), 'utf8')).toBe(readFileSync(join(out, 'plain.jsonl'), 'utf8'));
    // The same content under a new name: served from the cache, reported under the new name.
    const copy = join(dir, 'copy-of-marked.txt');
    writeFileSync(copy, readFileSync(second.find((r) => r.document?.title === 'FROM THE CACHE').source.path));
    await vnreform(['extract', copy, '--out', join(out, 'copy.jsonl'), '--cache', cache, '--quiet']);
    const copied = JSON.parse(lines(join(out, 'copy.jsonl'))[0]!);
    expect(copied.source.path).toBe(copy);
    expect(copied.document.title).toBe('FROM THE CACHE');
  });

  it('keys the cache without reading a pipe (reading it would wait for a writer until the time limit)', async () => {
    const dir = archive(2);
    if (spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status !== 0) return;
    const out = join(tempDir('cache-pipe'), 'o.jsonl');
    // A run blocked on the pipe fails the test by its time limit.
    await vnreform(['extract', dir, '--out', out, '--cache', tempDir('cache'), '--timeout', '60', '--quiet']);
    const records = lines(out).map((l) => JSON.parse(l));
    expect(records.find((x) => x.source.path.endsWith('/pipe.txt')).errors.map((e: { code: string }) => e.code)).toEqual(['not-a-file']);
    expect(records).toHaveLength(5);
  });
});

describe('--tables', () => {
  it('writes long-format CSV: a header, one row per item with the record keys, RFC 4180 quoting', async () => {
    const dir = archive(5);
    const tables = tempDir('tables');
    const out = join(tables, 'o.jsonl');
    await vnreform(['extract', dir, '--out', out, '--tables', tables, '--quiet']);
    const records = lines(out).map((l) => JSON.parse(l));
    const csv = (name: string) => readFileSync(join(tables, `${name}.csv`), 'utf8').split('\r\n').filter(Boolean);
    const refs = csv('citations');
    expect(refs[0]!.split(',').slice(0, 6)).toEqual(['record_id', 'path', 'content_sha256', 'index', 'form', 'kind']);
    expect(refs[0]).toContain('span_start,span_end,page');
    expect(refs.length - 1).toBe(records.reduce((a, r) => a + r.references.length, 0));
    expect(csv('documents').length - 1).toBe(7);
    expect(csv('errors').length - 1).toBe(2);
    // Each row starts with its record's id, path and content hash, as the JSON says.
    const keys = new Set(records.map((r) => `${recordId(r.source.path, r.source.sha256)},${r.source.path},${r.source.sha256}`));
    expect(csv('figures').slice(1).every((row) => keys.has(row.split(',').slice(0, 3).join(',')))).toBe(true);
    const docs = csv('documents');
    const header = docs[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['content_sha256', 'province', 'period_year', 'date', 'number', 'citation_count', 'task_count']));
    expect(header).not.toContain('source_sha256');
  });

  it('quotes commas, quotes and line breaks, and writes lists as JSON arrays', async () => {
    expect(csvField('Sở Nội vụ, Sở Tư pháp')).toBe('"Sở Nội vụ, Sở Tư pháp"');
    expect(csvField('Công văn "hỏa tốc"')).toBe('"Công văn ""hỏa tốc"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(['lead', 'issuer'])).toBe('"[""lead"",""issuer""]"');
    // An item holding "; " stays one item: joined with "; " it would read back as two.
    const list = ['Sở Nội vụ; Sở Tư pháp', 'Văn phòng UBND tỉnh'];
    expect(JSON.parse(csvField(list).slice(1, -1).replace(/""/g, '"'))).toEqual(list);
    expect(csvField([])).toBe('[]');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });

  it('flattens spans and meanings into snake_case columns, signatures into rows of their own', async () => {
    const record = extractText('Tỉnh Lào Cai tiếp nhận 1.250 hồ sơ, đã giải quyết 1.200 hồ sơ theo Quyết định số 985/QĐ-UBND ngày 12/5/2021.\n'
      + 'Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An', { path: 'x.txt' });
    const rows = rowsOf(record);
    expect(rows.citations[0]).toMatchObject({ path: 'x.txt', id: '985/QĐ-UBND', type_word: 'Quyết định', span_start: expect.any(Number) });
    expect(rows.figures[0]).toMatchObject({ value: 1250, meaning_stage: 'received', time_frame: null });
    expect(rows.signatures).toEqual([expect.objectContaining({
      record_id: recordId('x.txt', record.source.sha256), index: 0, authority: 'KT.', authority_of: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An',
    })]);
    expect(rows.documents[0]).toMatchObject({ signature_count: 1, citation_count: 1 });
  });

  it('gives two copies of one file two record ids and one content hash', () => {
    const text = 'Thực hiện Quyết định số 985/QĐ-UBND ngày 12/5/2021 của UBND tỉnh Cà Mau.';
    const [a, b] = ['a/x.txt', 'b/x.txt'].map((path) => rowsOf(extractText(text, { path })).documents[0]!);
    expect(a!.content_sha256).toBe(b!.content_sha256);
    expect(a!.record_id).not.toBe(b!.record_id);
    expect(a!.record_id).toMatch(/^[0-9a-f]{16}$/);
  });
});
