import { describe, expect, it } from 'vitest';
import { extractFile, extractText } from '../src/index.js';
import { RecordSchema, SCHEMA_VERSION } from '../src/schema.js';

describe('library API', () => {
  it('extractText and extractFile give the same record for the same text', async () => {
    const path = new URL('../corpus/an-giang_2018_cong-van-795-chi-so-cchc.txt', import.meta.url).pathname;
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

  it('returns an error record for a path that does not exist', async () => {
    const rec = await extractFile('/nonexistent/vnreform.txt');
    expect(rec.errors).toEqual([{ code: 'not-found', message: 'no such file' }]);
    expect(rec.document).toBeNull();
  });
});
