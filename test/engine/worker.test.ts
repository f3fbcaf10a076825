import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { valueSymbol } from 'piscina';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A file rewritten while the worker handles it: every read returns the next version.
const versions: string[] = [];
vi.mock('../../src/read/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/read/index.js')>();
  return {
    ...original,
    readFileBytes: vi.fn((path: string) => (versions.length ? new TextEncoder().encode(versions.shift()) : original.readFileBytes(path))),
  };
});

// Unit tests share their thread's loaded modules (isolate: false): a worker module loaded by an
// earlier file holds the unmocked reader. Loaded afresh here, it reads through the mock.
vi.resetModules();
const { readFileBytes } = await import('../../src/read/index.js');
const { default: extractChunk } = await import('../../src/engine/worker.js');

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const report = (n: number): string => `ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: ${n}/BC-UBND\n\nBÁO CÁO\nThực hiện Nghị định số 61/2018/NĐ-CP của Chính phủ.\n`;

describe('a pool worker with --cache', () => {
  afterEach(() => { versions.length = 0; vi.mocked(readFileBytes).mockClear(); });

  it('reads a file once, and caches the record of the very bytes it keyed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnreform-worker-'));
    const path = join(dir, 'bao-cao.txt');
    writeFileSync(path, 'placeholder');
    const cache = join(dir, 'cache');
    versions.push(report(101), report(202));
    const produced = (await extractChunk({ inputs: [{ kind: 'file', path }], cache }) as unknown as Record<symbol, { line: Uint8Array }[]>)[valueSymbol]!;
    const record = JSON.parse(new TextDecoder().decode(produced[0]!.line));
    expect(readFileBytes).toHaveBeenCalledTimes(1);
    expect(record.source.sha256).toBe(sha256(report(101)));
    expect(record.document.number).toBe('101/BC-UBND');
    const entries = readdirSync(cache, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    expect(entries).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(cache, entries[0]!), 'utf8')).record.source.sha256).toBe(sha256(report(101)));
  });

  const run = async (inputs: string[], cache: string) => ((await extractChunk({ inputs: inputs.map((path) => ({ kind: 'file' as const, path })), cache })) as unknown as Record<symbol, { line: Uint8Array; cache?: string }[]>)[valueSymbol]!
    .map((p) => ({ record: JSON.parse(new TextDecoder().decode(p.line)), cache: p.cache }));

  it('serves an entry only when it is whole, names its key and holds a record of these bytes; a bad one is replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnreform-worker-'));
    const [a, b, c] = ['a.txt', 'b.txt', 'c.txt'].map((f, i) => {
      writeFileSync(join(dir, f), report(300 + i));
      return join(dir, f);
    }) as [string, string, string];
    const cache = join(dir, 'cache');
    expect((await run([a, b, c], cache)).map((r) => r.cache)).toEqual([undefined, undefined, undefined]);
    expect((await run([a, b, c], cache)).map((r) => r.cache)).toEqual(['hit', 'hit', 'hit']);
    const entryOf = (n: number) => {
      const files = readdirSync(cache, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).map((f) => join(cache, f));
      return files.find((f) => JSON.parse(readFileSync(f, 'utf8')).record.document.number === `${n}/BC-UBND`)!;
    };
    const [ea, eb, ec] = [entryOf(300), entryOf(301), entryOf(302)];
    writeFileSync(ea, readFileSync(eb)); // another file's entry under a's key
    writeFileSync(eb, '{"key":'); // cut off
    const wrongShape = JSON.parse(readFileSync(ec, 'utf8'));
    wrongShape.record.figures = 'none';
    writeFileSync(ec, JSON.stringify(wrongShape));
    const third = await run([a, b, c], cache);
    expect(third.map((r) => [r.cache, r.record.document.number])).toEqual([['bad-entry', '300/BC-UBND'], ['bad-entry', '301/BC-UBND'], ['bad-entry', '302/BC-UBND']]);
    expect((await run([a, b, c], cache)).map((r) => r.cache)).toEqual(['hit', 'hit', 'hit']);
  });

  it('keeps going when the cache cannot be written: the record is given, the cache says not-written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnreform-worker-'));
    const path = join(dir, 'bao-cao.txt');
    writeFileSync(path, report(404));
    const cache = join(dir, 'cache');
    mkdirSync(cache);
    // Every entry folder is a file: no entry can be written (as on a full disk).
    for (let i = 0; i < 256; i++) writeFileSync(join(cache, i.toString(16).padStart(2, '0')), '');
    const [only] = await run([path], cache);
    expect(only).toMatchObject({ cache: 'not-written', record: { document: { number: '404/BC-UBND' }, errors: [] } });
  });
});
