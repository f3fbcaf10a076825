/**
 * Fuzzing the readers and the batch: mutants of a small real file of each format (bits flipped,
 * bytes overwritten, cut short, chunks inserted or doubled) and hand-made hostile files, all run
 * through `vnreform extract` in one batch, as a user's archive would be. Every file must give
 * exactly one record, none `internal-error` or `worker-crashed`, the run must end with 0 or 1 (not a
 * V8 abort), and none may hang (a `timeout` record is counted as a hang).
 * `npm run fuzz` (scripts/fuzz.ts) runs it at full size; test/cli/fuzz.process.test.ts a small one. The files
 * are made from a fixed seed: the same call makes the same files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDocx, makeLegacyRtf, makePdf } from './format-fixtures.js';
import { random } from './random.js';

const ROOT = join(import.meta.dirname, '..');

export const FUZZ_FORMATS = ['txt', 'pdf', 'docx', 'doc', 'rtf', 'html'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/** The real file each format's mutants are made from: a corpus report's first pages, or a legacy original. */
export async function seedFile(format: FuzzFormat): Promise<Buffer> {
  const text = readFileSync(join(ROOT, 'corpus/kien-giang_2020_q3_bao-cao-cchc.txt'), 'utf8').slice(0, 4000);
  switch (format) {
    case 'txt': return Buffer.from(text, 'utf8');
    case 'pdf': return makePdf(text);
    case 'docx': return makeDocx(text);
    case 'doc': return readFileSync(join(ROOT, 'devset/legacy/files/2006-Mau-MD-2M-TNHH1.doc'));
    case 'rtf': return makeLegacyRtf(text, 'TCVN3');
    case 'html': {
      const paragraphs = text.split(/\n+/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
      return Buffer.from(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo cáo</title></head><body>\n${paragraphs}\n<table><tr><td>1</td><td>2</td></tr></table></body></html>`, 'utf8');
    }
  }
}

/** One mutant of `seed`: one to three mutations of the kinds a damaged file shows. */
export function mutate(seed: Buffer, rand: () => number): Buffer {
  let bytes = Buffer.from(seed);
  const at = (): number => Math.floor(rand() * bytes.length);
  const mutations = 1 + Math.floor(rand() * 3);
  for (let m = 0; m < mutations && bytes.length > 0; m++) {
    const kind = Math.floor(rand() * 5);
    if (kind === 0) {
      // Bits flipped here and there.
      const flips = 1 + Math.floor(rand() * 32);
      for (let i = 0; i < flips; i++) {
        const p = at();
        bytes[p] = bytes[p]! ^ (1 << Math.floor(rand() * 8));
      }
    } else if (kind === 1) {
      // A run of bytes overwritten with random ones (a bad sector).
      const p = at();
      const n = Math.min(bytes.length - p, 1 + Math.floor(rand() * 512));
      for (let i = 0; i < n; i++) bytes[p + i] = Math.floor(rand() * 256);
    } else if (kind === 2) {
      // Cut short (an interrupted download).
      bytes = bytes.subarray(0, at());
    } else if (kind === 3) {
      // Random bytes inserted.
      const p = at();
      const chunk = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 256) }, () => Math.floor(rand() * 256)));
      bytes = Buffer.concat([bytes.subarray(0, p), chunk, bytes.subarray(p)]);
    } else {
      // A chunk of the file doubled (offsets after it all wrong).
      const p = at();
      const n = Math.min(bytes.length - p, 1 + Math.floor(rand() * 4096));
      bytes = Buffer.concat([bytes.subarray(0, p + n), bytes.subarray(p, p + n), bytes.subarray(p + n)]);
    }
  }
  return Buffer.from(bytes);
}

/** Files no mutation makes: nothing, a single byte, bytes no reader expects, structures nested or repeated without end. */
export function hostileFiles(): Record<string, Buffer> {
  const text = (s: string): Buffer => Buffer.from(s, 'utf8');
  return {
    'empty.txt': Buffer.alloc(0),
    'one-byte.txt': text('a'),
    'nuls.txt': Buffer.alloc(65_536),
    'one-long-line.txt': text('Số '.repeat(300_000)),
    'newlines.txt': text('\n'.repeat(500_000)),
    'spaces.txt': text(' '.repeat(500_000)),
    'number-list.txt': text('1,'.repeat(200_000)),
    'slashes.txt': text('/'.repeat(300_000)),
    'utf16-odd.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Quyết định', 'utf16le'), Buffer.from([0x41])]),
    'invalid-utf8.txt': Buffer.concat([text('Quyết định số 12/QĐ-UBND '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]), text(' ngày 05/12/2025')]),
    'pdf-header-only.pdf': text('%PDF-1.7\n'),
    'pdf-no-pages.pdf': text('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
    'zip-empty.docx': Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Array(18).fill(0)]),
    'zip-local-only.docx': Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array(60).fill(0)]),
    'ole-header-only.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0xff)]),
    'rtf-deep.rtf': text(`{\\rtf1${'{'.repeat(50_000)}x${'}'.repeat(50_000)}}`),
    'rtf-unclosed.rtf': text(`{\\rtf1\\ansi\\ansicpg99999 {\\fonttbl{\\f0\\fcharset163 .VnTime;}} \\'e0\\'e1 ${'{\\b '.repeat(1000)}`),
    'html-deep.html': text(`<html><body>${'<div>'.repeat(50_000)}Quyết định${'</div>'.repeat(50_000)}</body></html>`),
    'html-unclosed.html': text(`<html><head><meta charset="windows-1258"><script>${'x'.repeat(100_000)}`),
    'binary.txt': Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)),
  };
}

export interface FuzzResult {
  files: number;
  records: number;
  exitStatus: number | null;
  signal: string | null;
  /** Paths with no record or more than one. */
  missing: string[];
  doubled: string[];
  /** Error code → files, by format (the extension). */
  codes: Map<string, Map<string, number>>;
  /** Files whose record is internal-error, worker-crashed or timeout. */
  bad: { path: string; code: string; message: string }[];
  seconds: number;
}

/** Runs the batch over a folder of fuzz files and checks its output. */
export function runFuzz(dir: string, paths: string[], options: { jobs?: number; timeoutS?: number; hangS?: number } = {}): FuzzResult {
  const out = join(dir, '..', `${Date.now()}-fuzz-out.jsonl`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'extract', dir, '--out', out, '--quiet', '--jobs', String(options.jobs ?? 2), '--timeout', String(options.timeoutS ?? 20)], {
    cwd: ROOT, encoding: 'utf8', timeout: (options.hangS ?? 3600) * 1000, maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  let lines: string[] = [];
  try {
    lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
  } catch {
    // no output at all: every file is missing
  }
  const seen = new Map<string, number>();
  const codes = new Map<string, Map<string, number>>();
  const bad: FuzzResult['bad'] = [];
  for (const line of lines) {
    const record = JSON.parse(line) as { source: { path: string }; errors: { code: string; message: string }[] };
    const path = record.source.path;
    seen.set(path, (seen.get(path) ?? 0) + 1);
    const ext = /\.([^.]+)$/.exec(path)?.[1] ?? '';
    const byCode = codes.get(ext) ?? new Map<string, number>();
    const code = record.errors[0]?.code ?? 'read';
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
    codes.set(ext, byCode);
    for (const e of record.errors) if (['internal-error', 'worker-crashed', 'timeout'].includes(e.code)) bad.push({ path, code: e.code, message: e.message });
  }
  return {
    files: paths.length, records: lines.length, exitStatus: run.status, signal: run.signal,
    missing: paths.filter((p) => !seen.has(p)), doubled: [...seen].filter(([, n]) => n > 1).map(([p]) => p),
    codes, bad, seconds,
  };
}

/** Writes `per` mutants of each format and the hostile files into `dir`; their paths. */
export async function writeFuzzFiles(dir: string, per: number, seed = 20261207): Promise<string[]> {
  const paths: string[] = [];
  for (const [f, format] of FUZZ_FORMATS.entries()) {
    const original = await seedFile(format);
    const sub = join(dir, format);
    mkdirSync(sub, { recursive: true });
    const rand = random(seed + f);
    for (let i = 0; i < per; i++) {
      const path = join(sub, `mutant-${String(i).padStart(4, '0')}.${format}`);
      writeFileSync(path, mutate(original, rand));
      paths.push(path);
    }
  }
  const hostile = join(dir, 'hostile');
  mkdirSync(hostile, { recursive: true });
  for (const [name, bytes] of Object.entries(hostileFiles())) {
    writeFileSync(join(hostile, name), bytes);
    paths.push(join(hostile, name));
  }
  return paths;
}

/** The report: a row per format with its codes, then every bad file. */
export function fuzzReport(r: FuzzResult): string {
  const rows = [...r.codes].sort().map(([ext, byCode]) => `  ${ext.padEnd(6)} ${[...byCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`);
  const verdict = r.exitStatus !== null && r.exitStatus <= 1 && !r.missing.length && !r.doubled.length && !r.bad.length ? 'PASS' : 'FAIL';
  return [
    `fuzz: ${r.files} files, ${r.records} records in ${r.seconds.toFixed(0)} s; exit ${r.exitStatus ?? r.signal}`,
    ...rows,
    `  missing ${r.missing.length}, doubled ${r.doubled.length}, internal-error/worker-crashed/timeout ${r.bad.length}`,
    ...r.bad.slice(0, 20).map((b) => `    ${b.code} ${b.path}: ${b.message.slice(0, 160)}`),
    ...r.missing.slice(0, 10).map((p) => `    no record: ${p}`),
    verdict,
  ].join('\n');
}
