import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const { readFileBytes } = await import('../../src/read/index.js');
const { default: extractChunk } = await import('../../src/batch/worker.js');

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
    expect(JSON.parse(readFileSync(join(cache, entries[0]!), 'utf8')).source.sha256).toBe(sha256(report(101)));
  });
});
