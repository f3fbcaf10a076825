import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordSchema } from '../../src/schema.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function vnreform(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const jsonl = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('vnreform extract', () => {
  it('prints five schema-valid records for the corpus as JSON Lines', () => {
    const r = vnreform(['extract', 'corpus', '--format', 'jsonl']);
    expect(r.status).toBe(0);
    const records = jsonl(r.stdout);
    expect(records).toHaveLength(5);
    for (const rec of records) expect(RecordSchema.safeParse(rec).success).toBe(true);
    expect(records.map((x) => x.document.province)).toEqual(['An Giang', 'An Giang', 'An Giang', 'An Giang', 'Kiên Giang']);
    expect(r.stderr).toMatch(/5 input\(s\), 5 read, 0 failed/);
  });

  it('writes one JSON file per input into an --out folder, and a JSON array with --format json', () => {
    const out = mkdtempSync(join(tmpdir(), 'vnreform-out-'));
    expect(vnreform(['extract', 'corpus', '--out', out]).status).toBe(0);
    expect(readdirSync(out).sort()).toHaveLength(5);
    const arr = JSON.parse(vnreform(['extract', 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt', '--format', 'json']).stdout);
    expect(arr).toHaveLength(1);
    expect(arr[0].document.date).toBe('2020-09-14');
  });

  it('turns unreadable inputs into error records, exit 1, and never a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnreform-bad-'));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    writeFileSync(join(dir, 'bad-utf8.txt'), Buffer.from([0x61, 0xff, 0xfe]));
    writeFileSync(join(dir, 'good.txt'), 'BÁO CÁO\nCông tác cải cách hành chính năm 2024 tỉnh Cà Mau\n');
    const r = vnreform(['extract', join(dir, 'folder'), join(dir, 'missing.txt'), join(dir, 'bad-utf8.txt'), join(dir, 'good.txt')]);
    expect(r.status).toBe(1);
    const records = jsonl(r.stdout);
    expect(records.map((x) => x.errors[0]?.code ?? 'ok')).toEqual(['binary-file', 'not-found', 'invalid-encoding', 'ok']);
    for (const rec of records) expect(RecordSchema.safeParse(rec).success).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(records[3].document.period).toMatchObject({ year: 2024 });
  });

  it('reads standard input with -', () => {
    const r = vnreform(['extract', '-'], 'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ');
    expect(r.status).toBe(0);
    const [rec] = jsonl(r.stdout);
    expect(rec.source.path).toBe('-');
    expect(rec.references[0].id).toBe('61/2018/NĐ-CP');
  });

  it('exits 2 on a usage error', () => {
    expect(vnreform(['extract', '--nonsense']).status).toBe(2);
    expect(vnreform(['frobnicate']).status).toBe(2);
    expect(vnreform(['extract', '--format', 'xml']).status).toBe(2);
  });

  it('prints help and version', () => {
    expect(vnreform(['--help']).stdout).toMatch(/Usage:/);
    expect(vnreform(['--version']).stdout).toMatch(/^vnreform \d+\.\d+\.\d+/);
  });
});

describe('vnreform check', () => {
  it('prints compiler-style findings for the corpus and exits 1', () => {
    const r = vnreform(['check', 'corpus']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines).toContain(
      'corpus/an-giang_2019_q1_bao-cao-cchc.txt:111:36: error year-mismatch: "Nghị định 130/2005/NĐ-CP ngày 17/10/2015" (130/2005/NĐ-CP): dated 2015-10-17, but the number says 2005',
    );
    const file = readFileSync(join(ROOT, 'corpus/an-giang_2019_q1_bao-cao-cchc.txt'), 'utf8').split('\n')[110]!;
    expect(file.slice(35)).toMatch(/^Nghị định 130\/2005/);
  });

  it('adds cross-document conflicts with --across, and prints JSON with --format json', () => {
    const r = vnreform(['check', 'corpus', '--across', '--format', 'json']);
    const findings = JSON.parse(r.stdout);
    expect(findings.filter((f: { code: string }) => f.code === 'conflicting-dates')).toHaveLength(2);
  });

  it('exits 0 when nothing is wrong', () => {
    expect(vnreform(['check', '-'], 'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018').status).toBe(0);
  });
});

describe('vnreform schema', () => {
  it('prints the record contract as JSON Schema', () => {
    const schema = JSON.parse(vnreform(['schema']).stdout);
    expect(schema.properties.document).toBeDefined();
    expect(schema.required).toContain('references');
  });
});
