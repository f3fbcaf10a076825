import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/extract/references/index.js';
import { resolveReferences } from '../../src/refine/resolve-references.js';
import { documentOf } from '../helpers/document.js';

const resolved = (text: string) => resolveReferences(extractReferences(documentOf(text)));
const corpus = (name: string): string => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');

describe('resolving short mentions (refine/resolve-references.ts)', () => {
  it('links a short name by its form, and marks the link and the date it takes inferred (corpus: an-giang_2018_cong-van-795)', () => {
    const refs = resolved(corpus('an-giang_2018_cong-van-795-chi-so-cchc.txt'));
    const decision = refs.find((r) => r.id === '2948/QĐ-BNV')!;
    const shortNames = refs.filter((r) => r.form === 'short-name' && r.name === 'Đề án 2948');
    expect(shortNames.length).toBeGreaterThanOrEqual(2);
    for (const s of shortNames) {
      expect(s).toMatchObject({ resolvesTo: decision.index, impliedDate: '2017-12-28', date: null });
      expect(s.inferred).toEqual(['resolvesTo', 'impliedDate']);
    }
    expect(decision.inferred).toEqual([]);
  });

  it('gives a later mention of a numbered document the first full one, inferred (corpus: an-giang_2018_cong-van-795)', () => {
    const refs = resolved(corpus('an-giang_2018_cong-van-795-chi-so-cchc.txt'));
    const later = refs.filter((r) => r.id === '187/TB-VPCP' && r.date === null);
    expect(later.length).toBeGreaterThan(0);
    for (const r of later) expect(r.inferred.slice(-2)).toEqual(['resolvesTo', 'impliedDate']);
  });

  it('resolves no law by name: it has no number to look for', () => {
    const refs = resolved('theo Luật Cán bộ, công chức; Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25/6/2015;');
    expect(refs.map((r) => [r.form, r.resolvesTo])).toEqual([['law-name', null], ['symbol', null]]);
  });
});
