import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../../src/extract/references/index.js';
import { documentOf } from '../../helpers/document.js';

const corpus = (name: string): string => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');

describe('references: the scanners merged (references/index.ts)', () => {
  it('gives every mention its form, in text order (corpus: an-giang_2018_cong-van-795)', () => {
    const refs = extractReferences(documentOf(corpus('an-giang_2018_cong-van-795-chi-so-cchc.txt')));
    const forms = new Map(refs.map((r) => [r.id ?? r.name, r.form]));
    expect(forms.get('187/TB-VPCP')).toBe('symbol');
    expect(forms.get('Đề án 2948')).toBe('short-name');
    expect(forms.get('Luật Cán bộ, công chức')).toBe('law-name');
    expect(refs.map((r) => r.at.start)).toEqual([...refs.map((r) => r.at.start)].sort((a, b) => a - b));
    expect(refs.map((r) => r.index)).toEqual(refs.map((_, i) => i));
  });

  it('lists the inferred fields that hold a value, in the schema\'s order (corpus: an-giang_2023_q1)', () => {
    const refs = extractReferences(documentOf('- Căn cứ Quyết định số 876, 878/QĐ-BNV ngày 10 tháng 11 năm 2022 '));
    // year is null here: nothing to infer; no "của …" follows, so both read their issuer from the code "BNV".
    expect(refs.map((r) => [r.id, r.inferred])).toEqual([
      ['876/QĐ-BNV', ['id', 'typeCode', 'issuerCode', 'issuer', 'date']],
      ['878/QĐ-BNV', ['kind', 'typeWord', 'issuer', 'relation']],
    ]);
  });

  it('keeps positions in the normalized text: the mention, the date and the issuer it quotes', () => {
    const doc = documentOf('Thực hiện Thông báo số 187/TB-VPCP ngày 23 tháng 5 năm 2018 của Văn phòng Chính phủ về kết luận');
    const [r] = extractReferences(doc);
    expect(doc.text.slice(r!.at.start, r!.at.end)).toBe('Thông báo số 187/TB-VPCP ngày 23 tháng 5 năm 2018');
    expect(doc.text.slice(r!.dateText!.start, r!.dateText!.end)).toBe('ngày 23 tháng 5 năm 2018');
    expect(doc.text.slice(r!.issuerText!.start, r!.issuerText!.end)).toBe('của Văn phòng Chính phủ');
  });

  it('skips the document\'s own number where it is written and wherever its ids recur', () => {
    const text = 'Số: 1077/QĐ-UBND\n\nban hành kèm theo Quyết định số 1077/QĐ-UBND; Căn cứ Quyết định số 1078/QĐ-UBND';
    const doc = documentOf(text);
    const at = { start: text.indexOf('1077'), end: text.indexOf('1077') + '1077/QĐ-UBND'.length };
    expect(extractReferences(doc).map((r) => r.id)).toEqual(['1077/QĐ-UBND', '1077/QĐ-UBND', '1078/QĐ-UBND']);
    expect(extractReferences(doc, { ownNumber: { at, ids: [] } }).map((r) => r.id)).toEqual(['1077/QĐ-UBND', '1078/QĐ-UBND']);
    expect(extractReferences(doc, { ownNumber: { at, ids: ['1077/QĐ-UBND'] } }).map((r) => r.id)).toEqual(['1078/QĐ-UBND']);
  });
});
