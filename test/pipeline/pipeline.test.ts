import { describe, expect, it } from 'vitest';
import { extractFile, extractText } from '../../src/index.js';
import { RecordSchema, SCHEMA_VERSION } from '../../src/schema.js';

describe('library API', () => {
  it('extractText and extractFile give the same record for the same text', async () => {
    const path = new URL('../../corpus/an-giang_2018_cong-van-795-chi-so-cchc.txt', import.meta.url).pathname;
    const fromFile = await extractFile(path);
    const { readFileSync } = await import('node:fs');
    const fromText = extractText(readFileSync(path, 'utf8'), { path });
    expect({ ...fromText, source: null }).toEqual({ ...fromFile, source: null });
    expect(fromFile.source).toMatchObject({ path, format: 'text', encoding: 'utf-8', pages: null });
    expect(fromFile.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('always returns a schema-valid record, also for empty or odd text', () => {
    for (const text of ['', ' ', '\n\n\n', '****', '1.', 'Số:', 'Kính gửi:', '- ', '\u0301\u0301', 'ngày 31 tháng 2 năm 2019']) {
      const rec = extractText(text);
      expect(RecordSchema.safeParse(rec).success).toBe(true);
      expect(rec.schemaVersion).toBe(SCHEMA_VERSION);
    }
  });

  it('keeps the hash and size of a file it read but could not parse, and has neither for one it could not read', async () => {
    const { createHash } = await import('node:crypto');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(`${(await import('node:os')).tmpdir()}/vnreform-hash-`);
    const cases: [string, Buffer, string][] = [
      ['scan.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF', 'latin1'), 'corrupt-pdf'],
      ['empty.txt', Buffer.alloc(0), 'empty-file'],
      ['noise.txt', Buffer.from([0x00, 0x01, 0xff, 0x00, 0x02, 0x00, 0x00, 0x9c]), 'binary-file'],
    ];
    for (const [name, bytes, code] of cases) {
      writeFileSync(`${dir}/${name}`, bytes);
      const rec = await extractFile(`${dir}/${name}`);
      expect(rec.errors.map((e) => e.code)).toEqual([code]);
      expect(rec.source).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    }
    expect((await extractFile(`${dir}/missing.txt`)).source).toMatchObject({ sha256: null, bytes: null });
  });

  it('refuses a text denser in items than a record can hold with too-many-items, and reads one just under the limit', async () => {
    const { analyzeBytes, isAnalysis } = await import('../../src/pipeline.js');
    const { MAX_ITEMS } = await import('../../src/extract/limits.js');
    // "1%" is a figure every two characters: a million of them would be a record of ~400 MB.
    const over = await analyzeBytes(Buffer.from('1% '.repeat(MAX_ITEMS + 1)), 'dense.txt');
    expect(isAnalysis(over)).toBe(false);
    expect((over as { errors: { code: string; message: string }[] }).errors).toEqual([
      { code: 'too-many-items', message: expect.stringContaining('more than 500,000 figures') },
    ]);
    const under = await analyzeBytes(Buffer.from('1% '.repeat(1000)), 'dense.txt');
    expect(isAnalysis(under) && under.record.figures.length).toBe(1000);
  }, 60_000);

  it('returns an error record for a path that does not exist', async () => {
    const rec = await extractFile('/nonexistent/vnreform.txt');
    expect(rec.errors).toEqual([{ code: 'not-found', message: 'no such file' }]);
    expect(rec.document).toBeNull();
  });
});
