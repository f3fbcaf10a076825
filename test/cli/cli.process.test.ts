import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordId } from '../../src/engine/tables.js';
import { RecordSchema } from '../../src/schema.js';
import { runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** `vnreform ARGS` in this process (runCli): what the command does, says and returns. */
const vnreform = runInProcess;

/**
 * `vnreform ARGS` as a process: only for what lies between the process and the system — the exit
 * status the shell sees, real standard input, a closed pipe, a full standard output, the folder it runs in.
 */
function spawned(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const jsonl = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('vnreform extract', () => {
  it('prints five schema-valid records for the corpus as JSON Lines', async () => {
    const r = await vnreform(['extract', 'corpus', '--format', 'jsonl']);
    expect(r.status).toBe(0);
    const records = jsonl(r.stdout);
    expect(records).toHaveLength(5);
    for (const rec of records) expect(RecordSchema.safeParse(rec).success).toBe(true);
    expect(records.map((x) => x.document.province)).toEqual(['An Giang', 'An Giang', 'An Giang', 'An Giang', 'Kiên Giang']);
    expect(r.stderr).toMatch(/5 input\(s\), 5 read, 0 failed/);
  });

  it('writes one JSON file per input into an --out folder, and a JSON array with --format json', async () => {
    const out = tempDir('out');
    expect((await vnreform(['extract', 'corpus', '--out', out])).status).toBe(0);
    expect(readdirSync(out).sort()).toHaveLength(5);
    const arr = JSON.parse((await vnreform(['extract', 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt', '--format', 'json'])).stdout);
    expect(arr).toHaveLength(1);
    expect(arr[0].document.date).toBe('2020-09-14');
  });

  it('turns unreadable inputs into error records, exit 1, and never a stack trace', async () => {
    const dir = tempDir('bad');
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    writeFileSync(join(dir, 'bad-utf8.txt'), Buffer.from([0x61, 0xff, 0xfe]));
    writeFileSync(join(dir, 'good.txt'), 'BÁO CÁO\nCông tác cải cách hành chính năm 2024 tỉnh Cà Mau\n');
    const r = await vnreform(['extract', join(dir, 'folder'), join(dir, 'missing.txt'), join(dir, 'bad-utf8.txt'), join(dir, 'good.txt')]);
    expect(r.status).toBe(1);
    const records = jsonl(r.stdout);
    expect(records.map((x) => x.errors[0]?.code ?? 'ok')).toEqual(['binary-file', 'not-found', 'invalid-encoding', 'ok']);
    for (const rec of records) expect(RecordSchema.safeParse(rec).success).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(records[3].document.period).toMatchObject({ year: 2024 });
  });

  it('reads standard input with - (the process\'s own)', async () => {
    const r = spawned(['extract', '-'], 'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ');
    expect(r.status).toBe(0);
    const [rec] = jsonl(r.stdout);
    expect(rec.source.path).toBe('-');
    expect(rec.references[0].id).toBe('61/2018/NĐ-CP');
  });

  it('exits 2 on a usage error', async () => {
    expect((await vnreform(['extract', '--nonsense'])).status).toBe(2);
    // The process itself: the status the shell sees, the message on standard error, no stack trace.
    const asProcess = spawned(['frobnicate']);
    expect([asProcess.status, asProcess.stdout, asProcess.stderr]).toEqual([2, '', 'vnreform: unknown command "frobnicate"\nTry \'vnreform --help\'.\n']);
    expect((await vnreform(['extract', '--format', 'xml'])).status).toBe(2);
  });

  it('exits 73 with the path and the reason when the output cannot be written, before any record', async () => {
    const dir = tempDir('cant');
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    mkdirSync(join(dir, 'taken.json'));
    const input = 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt';
    const cases: [string[], RegExp][] = [
      [['--out', join(file, 'out.jsonl')], /cannot write .*a-file\/out\.jsonl: a file stands where a folder is needed/],
      [['--out', join(file, 'records')], /cannot write .*a-file\/records: a file stands where a folder is needed/],
      [['--out', join(dir, 'taken.json')], /cannot write .*taken\.json: it is a folder, not a file/],
      [['--out', join(dir, 'ok.jsonl'), '--tables', join(file, 'tables')], /cannot write .*a-file\/tables: a file stands/],
    ];
    for (const [args, message] of cases) {
      const r = await vnreform(['extract', input, '--quiet', ...args]);
      expect(r.status, args.join(' ')).toBe(73);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    // --tables is checked before --out is opened: the failed run above left no ok.jsonl behind.
    expect(existsSync(join(dir, 'ok.jsonl'))).toBe(false);
    expect((await vnreform(['extract', input, '--quiet', '--out', join(dir, 'ok.jsonl')])).status).toBe(0);
    const merged = await vnreform(['merge', join(dir, 'ok.jsonl'), '--out', join(file, 'all.jsonl')]);
    expect(merged.status).toBe(73);
    expect(merged.stderr).toMatch(/cannot write .*a-file\/all\.jsonl: a file stands where a folder is needed/);
    // A shard that never wrote its part: the others are joined, the absent one named, exit 1 (a workflow retries).
    const missing = await vnreform(['merge', join(dir, 'ok.jsonl'), join(dir, 'nowhere.jsonl'), '--out', join(dir, 'all.jsonl')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/shard outputs not found \(1\): .*nowhere\.jsonl/);
    expect(readFileSync(join(dir, 'all.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'ok.jsonl'), 'utf8'));
    const shard = join(dir, 'shard.jsonl');
    writeFileSync(shard, '{"source":{"path":"a.txt"}}\n{"source":{"path":"b.txt"}}\n');
    const over = await vnreform(['merge', shard, '--out', join(dir, 'sub', '..', 'shard.jsonl')]);
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/is one of the shard outputs/);
    expect(readFileSync(shard, 'utf8').split('\n')).toHaveLength(3);
  });

  it.runIf(process.platform === 'linux')('exits 73 when a write fails because the disk is full', async () => {
    // /dev/full takes the open and refuses every write with ENOSPC, as a full disk does.
    const dir = tempDir('full');
    symlinkSync('/dev/full', join(dir, 'out.jsonl'));
    const r = await vnreform(['extract', 'corpus', '--quiet', '--out', join(dir, 'out.jsonl')]);
    expect(r.status).toBe(73);
    expect(r.stderr).toMatch(/cannot write .*out\.jsonl: the disk is full/);
    mkdirSync(join(dir, 'tables'));
    symlinkSync('/dev/full', join(dir, 'tables', 'figures.csv'));
    const t = await vnreform(['extract', 'corpus', '--quiet', '--out', join(dir, 'ok.jsonl'), '--tables', join(dir, 'tables')]);
    expect(t.status).toBe(73);
    expect(t.stderr).toMatch(/cannot write .*figures\.csv: the disk is full/);
  });

  it('stops quietly, exit 0, when the reader of standard output goes away (| head)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'extract', 'corpus', '--quiet'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy()); // the first chunk, then the pipe is closed
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(status).toBe(0);
  });

  it('prints help and version', async () => {
    expect((await vnreform(['--help'])).stdout).toMatch(/Usage:/);
    expect((await vnreform(['--version'])).stdout).toMatch(/^vnreform \d+\.\d+\.\d+/);
  });
});

describe('vnreform check', () => {
  it('prints compiler-style findings for the corpus and exits 1', async () => {
    const r = await vnreform(['check', 'corpus']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines).toContain(
      'corpus/an-giang_2019_q1_bao-cao-cchc.txt:111:36: error year-mismatch: "Nghị định 130/2005/NĐ-CP ngày 17/10/2015" (130/2005/NĐ-CP): dated 2015-10-17, but the number says 2005',
    );
    const file = readFileSync(join(ROOT, 'corpus/an-giang_2019_q1_bao-cao-cchc.txt'), 'utf8').split('\n')[110]!;
    expect(file.slice(35)).toMatch(/^Nghị định 130\/2005/);
  });

  it('adds cross-document conflicts with --across, and prints JSON with --format json', async () => {
    const r = await vnreform(['check', 'corpus', '--across', '--format', 'json']);
    const findings = JSON.parse(r.stdout);
    expect(findings.filter((f: { code: string }) => f.code === 'conflicting-dates')).toHaveLength(1);
    // Across documents: a warning naming both places and both dates, once.
    const across = findings.filter((f: { code: string }) => f.code === 'conflicting-dates-across');
    expect(across).toHaveLength(1);
    expect(across[0]).toMatchObject({ severity: 'warning', path: 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt' });
    expect(across[0].message).toContain('2005-10-17 here, 2015-10-17 at corpus/an-giang_2019_q1_bao-cao-cchc.txt:111:36');
  });

  it('keeps unknown-code off unless asked: it speaks of rules/, not of the text', async () => {
    const text = 'theo công văn số 1108/QNI-QLDN2 ngày 22/9/2025 của Thuế tỉnh Quảng Ninh';
    expect(await vnreform(['check', '-'], text)).toMatchObject({ status: 0, stdout: '' });
    const on = await vnreform(['check', '-', '--rule', 'unknown-code=warning'], text);
    expect(on.stdout).toContain('warning unknown-code');
  });

  it('exits 0 when nothing is wrong', async () => {
    expect((await vnreform(['check', '-'], 'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018')).status).toBe(0);
  });

  it('takes each code\'s level from --rule and from the nearest vnreform.config.json, --rule winning', async () => {
    const off = await vnreform(['check', 'corpus', '--rule', 'year-mismatch=off', '--rule', 'date-out-of-range=off', '--format', 'json']);
    const codes = (r: { stdout: string }): string[] => JSON.parse(r.stdout).map((f: { code: string }) => f.code);
    expect(codes(off)).not.toContain('year-mismatch');
    const all = codes(await vnreform(['check', 'corpus', '--format', 'json']));
    expect(codes(off).length).toBeLessThan(all.length);
    // Every error made a warning: the run passes.
    const errorCodes = [...new Set(all)];
    const lowered = await vnreform(['check', 'corpus', ...errorCodes.flatMap((c) => ['--rule', `${c}=warning`])]);
    expect(lowered.status).toBe(0);
    const dir = tempDir('config');
    const report = join(dir, 'report.txt');
    writeFileSync(report, readFileSync(join(ROOT, 'corpus/an-giang_2019_q1_bao-cao-cchc.txt')));
    writeFileSync(join(dir, 'vnreform.config.json'), JSON.stringify({ rules: { 'year-mismatch': 'off' } }));
    expect(codes(await vnreform(['check', report, '--format', 'json']))).not.toContain('year-mismatch');
    expect(codes(await vnreform(['check', report, '--format', 'json', '--rule', 'year-mismatch=error']))).toContain('year-mismatch');
    writeFileSync(join(dir, 'vnreform.config.json'), JSON.stringify({ rules: { 'year-mismatch': 'sometimes' } }));
    const bad = await vnreform(['check', report]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/vnreform\.config\.json: rules\.year-mismatch/);
  });

  it('writes SARIF 2.1.0 with a rule per code and a located result per finding', async () => {
    const r = await vnreform(['check', 'corpus', '--format', 'sarif']);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('vnreform');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'year-mismatch');
    expect(result).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'corpus/an-giang_2019_q1_bao-cao-cchc.txt' }, region: { startLine: 111, startColumn: 36 } } }] });
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('year-mismatch');
  });
});

describe('vnreform compare', () => {
  const parseCsv = (csv: string): string[][] => csv.trim().split('\r\n').map((l) => l.split(','));

  it('prints one CSV row per report, with the Kiên Giang 2020 Q3 province figures', async () => {
    const r = await vnreform(['compare', 'corpus']);
    expect(r.status).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(rows).toHaveLength(5);
    // The keys of the --tables CSV first, in snake_case like every column there.
    expect(header!.slice(0, 4)).toEqual(['record_id', 'path', 'content_sha256', 'province']);
    const kg = Object.fromEntries(header!.map((h, i) => [h, rows.find((x) => x[1]!.includes('kien-giang'))![i]]));
    const kgPath = 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt';
    const sha256 = createHash('sha256').update(readFileSync(join(ROOT, kgPath))).digest('hex');
    expect(kg).toMatchObject({ record_id: recordId(kgPath, sha256), path: kgPath, content_sha256: sha256 });
    // The hồ sơ counts are the provincial Trung tâm's (one unit) and the year so far (not Q3): blank.
    expect(kg).toMatchObject({
      province: 'Kiên Giang', year: '2020', quarter: '3', type: 'Báo cáo', date: '2020-09-14',
      hs_received: '', hs_resolved: '', hs_late: '',
      tthc_published: '179', tthc_abolished: '171', tthc_amended: '13', dvc_partial: '369', dvc_full: '257', dvc_total: '',
    });
  });

  it('traces every value to its sentence with --long', async () => {
    const r = await vnreform(['compare', 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt', '--long', '--format', 'json']);
    const rows = JSON.parse(r.stdout) as { path: string; metric: string; value: number; rule: string; text: string; span_start: number; span_end: number; page: number | null }[];
    const text = readFileSync(join(ROOT, 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt'), 'utf8');
    expect(rows.find((x) => x.metric === 'tthc_published')).toMatchObject({ path: 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt', value: 179, rule: 'only', text: '179 thủ tục', page: null });
    for (const row of rows) expect(text.slice(row.span_start, row.span_end).replace(/\s+/g, ' ')).toBe(row.text);
  });

  it('quotes CSV fields as RFC 4180 says and keeps a row for an unreadable input', async () => {
    const dir = tempDir('cmp');
    const odd = join(dir, 'báo cáo, "quý 1".txt');
    writeFileSync(odd, 'BÁO CÁO\nCông tác cải cách hành chính quý I năm 2024\n\nĐã tiếp nhận 1.200 hồ sơ, trong đó trực tuyến 300 hồ sơ.');
    const r = await vnreform(['compare', odd, join(dir, 'missing.txt')]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[1]).toContain(`"${odd.replace(/"/g, '""')}"`);
    expect(lines[1]).toContain(',1200,300,');
    expect(lines[2]).toContain('not-found');
  });
});

describe('vnreform schema', () => {
  it('prints the record contract as JSON Schema', async () => {
    const schema = JSON.parse((await vnreform(['schema'])).stdout);
    expect(schema.properties.document).toBeDefined();
    expect(schema.required).toContain('references');
  });
});

describe('no silent surprises on the command line', () => {
  it('says in words that standard output cannot be written, exit 73, no stack trace', async () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts schema > /dev/full`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(73);
    expect(r.stderr).toBe('vnreform: cannot write standard output: the disk is full\n');
  });

  it('gives a quoted glob that matches nothing an error record naming it, exit 1', async () => {
    const r = await vnreform(['extract', 'nowhere/**/*.pdf', '--quiet']);
    expect(r.status).toBe(1);
    expect(jsonl(r.stdout)).toMatchObject([{ source: { path: 'nowhere/**/*.pdf' }, errors: [{ code: 'not-found', message: 'the glob matches no file' }] }]);
  });

  it('takes --out by its extension: .ndjson (any case) is JSON Lines, .csv an error, a format that contradicts it an error', async () => {
    const dir = tempDir('outkind');
    const one = 'corpus/an-giang_2025_thong-bao-ket-luan-cchc-2024.txt';
    expect((await vnreform(['extract', one, '--out', join(dir, 'a.NDJSON'), '--quiet'])).status).toBe(0);
    expect(jsonl(readFileSync(join(dir, 'a.NDJSON'), 'utf8'))).toHaveLength(1);
    const csv = await vnreform(['extract', one, '--out', join(dir, 'a.csv'), '--quiet']);
    expect([csv.status, csv.stderr]).toEqual([2, expect.stringContaining('.csv is none of them')]);
    expect(readdirSync(dir)).toEqual(['a.NDJSON']);
    expect((await vnreform(['extract', one, '--out', join(dir, 'b.jsonl'), '--format', 'json', '--quiet'])).status).toBe(2);
    expect((await vnreform(['extract', one, '--out', join(dir, 'runs.2025') + '/', '--quiet'])).status).toBe(0);
    expect(readdirSync(join(dir, 'runs.2025'))).toHaveLength(1);
  });
});

describe('help', () => {
  it('gives each command its own help, and usage without a command to standard error, exit 2', async () => {
    const check = await vnreform(['check', '--help']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('check prints citation problems');
    expect(check.stdout).toContain('--rule CODE=LEVEL');
    expect(check.stdout).not.toContain('extract writes');
    expect((await vnreform(['help', 'compare'])).stdout).toMatch(/^Usage:\n  vnreform compare/);
    const text = (await vnreform(['text', '--help'])).stdout;
    expect(text).toMatch(/^Usage:\n  vnreform text +FILE \[--page N\] \[--plain\]/);
    expect(text).toContain('==> page N <==');
    expect(text).not.toContain('Inputs are files, folders'); // one file, not inputs
    const none = await vnreform([]);
    expect([none.status, none.stdout, none.stderr.startsWith('vnreform —')]).toEqual([2, '', true]);
  });
});

describe('check and compare through the engine', () => {
  it('print the same with one worker and with two, and the same again from the cache, line and column too', async () => {
    const check = ['check', 'corpus', '--across', '--quiet'];
    const one = await vnreform([...check, '--jobs', '1']);
    expect(one.stdout).toContain('corpus/an-giang_2019_q1_bao-cao-cchc.txt:111:36: error year-mismatch');
    expect(await vnreform([...check, '--jobs', '2'])).toEqual(one);
    const compare = await vnreform(['compare', 'corpus', '--long', '--quiet', '--jobs', '1']);
    expect(await vnreform(['compare', 'corpus', '--long', '--quiet', '--jobs', '2'])).toEqual(compare);

    const cache = tempDir('check-cache');
    expect(await vnreform([...check, '--cache', cache])).toEqual(one);
    const entries = readdirSync(cache, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    expect(entries).toHaveLength(5);
    // A cached entry is what the next check prints: mark a finding of one, and see the mark come back at its place.
    const path = entries.map((f) => join(cache, f)).find((f) => readFileSync(f, 'utf8').includes('"code":"year-mismatch"'))!;
    const entry = JSON.parse(readFileSync(path, 'utf8'));
    const finding = entry.record.findings.find((f: { code: string }) => f.code === 'year-mismatch');
    finding.message = 'FROM THE CACHE';
    writeFileSync(path, JSON.stringify(entry));
    const cached = await vnreform([...check, '--cache', cache]);
    expect(cached.stdout).toContain('corpus/an-giang_2019_q1_bao-cao-cchc.txt:111:36: error year-mismatch: FROM THE CACHE\n');
    expect(cached.stdout.replace('FROM THE CACHE', '')).toBe(one.stdout.replace(/(111:36: error year-mismatch: )[^\n]*/, '$1'));
  });

  it('refuse engine options that cannot be right before reading anything', async () => {
    expect(await vnreform(['check', 'corpus', '--jobs', '0'])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('--jobs must be a positive number') });
    expect(await vnreform(['compare', 'corpus', '--max-memory', '1'])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('--max-memory must be at least 32') });
  });
});

describe('options checked before any work', () => {
  it('refuses a --cache that is a file or cannot be made, and a --max-memory no worker can start in', async () => {
    const dir = tempDir('cache-file');
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const one = 'corpus/an-giang_2025_thong-bao-ket-luan-cchc-2024.txt';
    const asFile = await vnreform(['extract', one, '--cache', file, '--quiet']);
    expect([asFile.status, asFile.stdout]).toEqual([2, '']);
    expect(asFile.stderr).toContain('a file stands where a folder is needed');
    // Node's own recursive mkdir never returns on /proc: the check must not hang.
    expect((await vnreform(['extract', one, '--cache', '/proc/vnreform-nope', '--quiet'])).status).toBe(2);
    const memory = await vnreform(['extract', one, '--max-memory', '1', '--quiet']);
    expect([memory.status, memory.stderr]).toEqual([2, expect.stringContaining('--max-memory must be at least 32')]);
  });

  it('keeps check and compare quiet on standard error with --quiet', async () => {
    expect((await vnreform(['check', 'corpus', '--quiet'])).stderr).toBe('');
    expect((await vnreform(['compare', 'corpus', '--quiet'])).stderr).toBe('');
  });
});

describe('inputs by default, and pages in findings', () => {
  it('reads corpus/ by default only where there is one', async () => {
    const elsewhere = spawnSync(process.execPath, ['--import', join(ROOT, 'node_modules/tsx/dist/loader.mjs'), join(ROOT, 'src/cli/main.ts'), 'check'], { cwd: tempDir('no-corpus'), encoding: 'utf8' });
    expect([elsewhere.status, elsewhere.stdout]).toEqual([2, '']);
    expect(elsewhere.stderr).toContain('no inputs: name the files, folders or globs to read');
  });

  it('says the page of a finding in a PDF after its message', async () => {
    const { makePdf } = await import('../../support/format-fixtures.js');
    const path = join(tempDir('pdf-check'), 'bao-cao.pdf');
    writeFileSync(path, await makePdf('BÁO CÁO\nKết quả năm 2019\n\nThực hiện Nghị định 130/2005/NĐ-CP ngày 17/10/2015 của Chính phủ.'));
    const r = await vnreform(['check', path, '--quiet']);
    expect(r.stdout).toMatch(/bao-cao\.pdf:\d+:\d+: error year-mismatch: .* \(p\. 1\)\n$/);
  });
});
