import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { RecordSchema } from '../../src/schema.js';
import { corpusDocuments, METADATA_FIELDS, prf, scoreMetadata, scoreReferences, add, emptyCounts } from '../../support/gold.js';

const docs = corpusDocuments();
const records = await Promise.all(docs.map((d) => extractFile(d.textPath)));

describe('the five corpus reports', () => {
  it('are all present with gold', () => {
    expect(docs).toHaveLength(5);
    for (const d of docs) {
      expect(d.metadata, d.name).not.toBeNull();
      expect(d.references, d.name).not.toBeNull();
    }
  });

  describe.each(docs.map((d, i) => [d.name, d, records[i]!] as const))('%s', (_name, doc, record) => {
    const original = readFileSync(doc.textPath, 'utf8');

    it('is a schema-valid record with no errors', () => {
      expect(RecordSchema.safeParse(record).success).toBe(true);
      expect(record.errors).toEqual([]);
    });

    it('has every span pointing into the original text', () => {
      const items = [
        ...record.references,
        ...record.document!.signatures,
        ...Object.values(record.document!.evidence),
      ];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(original.slice(item.span.start, item.span.end)).toBe(item.text);
      for (const s of record.sections) {
        const slice = original.slice(s.span.start, s.span.end).replace(/[*#\\]/g, '');
        expect(slice.replace(/\s+/g, ' ')).toContain(s.title.split(' ').slice(0, 3).join(' '));
      }
      for (const f of record.findings) expect(f.span!.end).toBeLessThanOrEqual(original.length);
    });

    it.each(METADATA_FIELDS)('metadata field %s matches the gold', (field) => {
      const score = scoreMetadata(doc.metadata!, record.document)[field];
      expect({ field, fp: score.fp, fn: score.fn, got: record.document![field] }).toEqual({ field, fp: 0, fn: 0, got: record.document![field] });
    });
  });

  it('references reach F1 ≥ 0.99 and date accuracy ≥ 0.99 against the gold', () => {
    let total = emptyCounts();
    let right = 0;
    let compared = 0;
    docs.forEach((d, i) => {
      const s = scoreReferences(d.references!, records[i]!.references);
      total = add(total, s);
      right += s.datesRight;
      compared += s.datesCompared;
    });
    expect(prf(total).f1).toBeGreaterThanOrEqual(0.99);
    expect(right / compared).toBeGreaterThanOrEqual(0.99);
  });

  it('flags exactly the real citation problems at error level', () => {
    const errors = records.flatMap((r, i) =>
      r.findings.filter((f) => f.severity === 'error').map((f) => `${docs[i]!.name}: ${f.code} ${original(i, f.span!)}`));
    function original(i: number, span: { start: number; end: number }): string {
      return readFileSync(docs[i]!.textPath, 'utf8').slice(span.start, span.end).replace(/\s+/g, ' ');
    }
    expect(errors.sort()).toEqual([
      'an-giang_2018_cong-van-795-chi-so-cchc: malformed-symbol Nghị quyết số 19-2018/NQ-CP ngày 15 tháng 5 năm 2018',
      'an-giang_2019_q1_bao-cao-cchc: year-mismatch Nghị định 130/2005/NĐ-CP ngày 17/10/2015',
      'an-giang_2023_q1_bao-cao-cchc: malformed-symbol Nghị định 130/2005/N/Đ-CP',
      'kien-giang_2020_q3_bao-cao-cchc: conflicting-dates Quyết định số 846/QĐ-TTg ngày 18/07/2018',
      'kien-giang_2020_q3_bao-cao-cchc: malformed-symbol Chương trình hành động số 38-Tr/TU ngày 11/4/2018',
    ]);
  });

  it('resolves the short name "Đề án 2948" to Quyết định 2948/QĐ-BNV and later mentions to their first full citation', () => {
    const i = docs.findIndex((d) => d.name.includes('cong-van-795'));
    const refs = records[i]!.references;
    const shortNames = refs.filter((r) => r.name === 'Đề án 2948');
    expect(shortNames).toHaveLength(3);
    for (const s of shortNames) {
      expect(refs[s.resolvesTo!]!.id).toBe('2948/QĐ-BNV');
      expect(s.impliedDate).toBe('2017-12-28');
    }
    const laterTb = refs.filter((r) => r.id === '187/TB-VPCP' && r.date === null);
    expect(laterTb.length).toBe(2);
    for (const r of laterTb) expect(r.impliedDate).toBe('2018-05-23');
  });
});
