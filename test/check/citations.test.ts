import { describe, expect, it } from 'vitest';
import { AcrossDocuments, checkAcrossDocuments } from '../../src/check/citations.js';
import { extractText } from '../../src/pipeline.js';

const codes = (text: string) => extractText(text).findings.map((f) => `${f.severity} ${f.code}`);

describe('citation checks', () => {
  it('year-mismatch: a decree numbered for 2005 cited with a 2015 date', () => {
    expect(codes('Nghị định 130/2005/NĐ-CP ngày 17/10/2015 của Chính phủ')).toEqual(['error year-mismatch']);
    expect(codes('Nghị định 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ')).toEqual([]);
  });

  it('conflicting-dates: one number with two dates in one document', () => {
    const f = extractText('Quyết định số 846/QĐ-TTg ngày 09/06/2017 và Quyết định số 846/QĐ-TTg ngày 18/07/2018 của Thủ tướng').findings;
    expect(f.map((x) => x.code)).toEqual(['conflicting-dates']);
    expect(f[0]!.message).toContain('846/QĐ-TTg');
  });

  it('malformed-symbol with a suggestion', () => {
    const f = extractText('theo Nghị quyết số 19-2018/NQ-CP ngày 15 tháng 5 năm 2018 của Chính phủ').findings;
    expect(f).toMatchObject([{ code: 'malformed-symbol', severity: 'error', suggestion: '19/2018/NQ-CP' }]);
  });

  it('kind-mismatch: the type word contradicts the code', () => {
    expect(codes('Quyết định số 61/2018/NĐ-CP ngày 23/4/2018')).toEqual(['error kind-mismatch']);
    expect(codes('Chương trình hành động số 20-CTr/TU ngày 11 tháng 9 năm 2018')).toEqual([]);
    expect(codes('Thông báo kết luận số 187/TB-VPCP ngày 23/5/2018')).toEqual([]);
  });

  it('invalid-date and future-date', () => {
    expect(codes('Kế hoạch số 12/KH-UBND ngày 31/02/2019 của UBND tỉnh')).toEqual(['error invalid-date']);
    const text = 'Hà Nội, ngày 10 tháng 3 năm 2020\n\nBÁO CÁO\nCông tác năm 2019\n\nThực hiện Kế hoạch số 5/KH-BNV ngày 05/5/2021 của Bộ Nội vụ.';
    expect(codes(text)).toEqual(['error future-date']);
  });

  it('unknown-code is a warning so the rules can grow', () => {
    // the unit after a công văn's issuer ("-TH", "-KSTT") is each body's own: never flagged
    expect(codes('Công văn số 15/UBND-XYZW ngày 03/4/2019')).toEqual([]);
    expect(codes('Công văn số 15/XYZW-VP ngày 03/4/2019')).toEqual(['warning unknown-code']);
    expect(codes('Quyết định số 15/QĐ-XYZW ngày 03/4/2019')).toEqual(['warning unknown-code']);
  });

  it('takes a Party Quy định written with its former code QĐ for what it is, and reads no year in a firm\'s numbering', () => {
    expect(codes('Quy định số 169-QĐ/TW ngày 24/6/2008 của Bộ Chính trị')).toEqual([]);
    expect(codes('Quyết định số 169-QĐ/TW ngày 24/6/2008 của Bộ Chính trị')).toEqual([]);
    expect(codes('công văn số 02-1025/NMT ngày 10/10/2025 của Công ty').filter((c) => c.includes('year-mismatch'))).toEqual([]);
  });

  it('suggests the fix of a glued or diacritic-less code', () => {
    const f = (t: string) => extractText(t).findings.map((x) => [x.code, x.suggestion]);
    expect(f('Nghị định số 79/2025/NĐCP ngày 01 tháng 4 năm 2025')).toEqual([['malformed-symbol', '79/2025/NĐ-CP']]);
    expect(f('Thông tư số 37/2025/TTBNNMT ngày 02/7/2025')).toEqual([['malformed-symbol', '37/2025/TT-BNNMT']]);
    expect(f('theo Nghị định 40/2025/ND-CP của Chính phủ')).toEqual([['malformed-symbol', '40/2025/NĐ-CP']]);
    expect(f('Quyết định 270/QD- TTg ngày 02/4/2024')).toEqual([['malformed-symbol', '270/QĐ-TTg']]);
  });

  it("calls nobody's numbering malformed when no code of it is known and no fix is likely", () => {
    // A court's judgment and a firm's application: unknown-code, which `check` keeps off by default.
    expect(codes('không có Bản án số 159/2022/HSST ngày 24/5/2022 của TAND thành phố Hà Nội')).toEqual(['warning unknown-code']);
    expect(codes('Đơn đề nghị số 02-1025/NMT ngày 10/10/2025 của Công ty TNHH NMT')).toEqual(['warning unknown-code']);
  });

  it("reads a ministry's symbol of the 1990s (number-issuer/unit) as no type code", () => {
    expect(codes('Thông tư số 89-TC/TCT ngày 09/11/1993 của Bộ Tài chính')).not.toContain('error kind-mismatch');
    // The Party form with a state type word in our time still contradicts.
    expect(codes('Chỉ thị số 05-NQ/TW ngày 15/5/2016 của Bộ Chính trị')).toContain('error kind-mismatch');
  });

  it('across documents: normative ids always, others only within one year', () => {
    const doc = (path: string, id: string, date: string, year: number | null) => ({ path, refs: [{ id, date, year, text: id, span: { start: 0, end: 1 } }] });
    const across = checkAcrossDocuments([doc('a', '130/2005/NĐ-CP', '2015-10-17', 2005), doc('b', '130/2005/NĐ-CP', '2005-10-17', 2005), doc('b', '130/2005/NĐ-CP', '2005-10-17', 2005)]);
    // One warning for the pair, whichever side is wrong, however often the second cites it.
    expect(across.map((x) => [x.path, x.finding.code, x.finding.severity])).toEqual([['b', 'conflicting-dates-across', 'warning']]);
    expect(across[0]!.finding.message).toContain('2005-10-17 here, 2015-10-17 at a');
    // administrative numbering restarts each year: 01/KH-BCĐ of 2019 and of 2020 are different plans
    expect(checkAcrossDocuments([doc('a', '01/KH-BCĐ', '2019-01-25', null), doc('b', '01/KH-BCĐ', '2020-01-20', null)])).toHaveLength(0);
    expect(checkAcrossDocuments([doc('a', '01/KH-BCĐ', '2019-01-25', null), doc('b', '01/KH-BCĐ', '2019-02-20', null)])).toHaveLength(1);
  });
});

describe('conflicting dates across documents, a document at a time', () => {
  const ref = (id: string, date: string, text = `số ${id} ngày ${date}`) => ({ id, date, year: Number(id.split('/')[1]) || null, text, span: { start: 0, end: 1 } });
  const doc = (path: string, ...refs: ReturnType<typeof ref>[]) => ({ path, refs });

  it('names the same earlier citation as the whole list would, keeping two per number and date', () => {
    // Many documents cite 130/2005/NĐ-CP with the right date; the first of them and one
    // document with the wrong date: the warning names the first right one, whichever cites.
    const docs = [
      doc('a', ref('130/2005/NĐ-CP', '2005-10-17', 'first')),
      doc('a', ref('130/2005/NĐ-CP', '2005-10-17', 'again in a')),
      doc('b', ref('130/2005/NĐ-CP', '2005-10-17', 'second')),
      ...Array.from({ length: 50 }, (_, i) => doc(`c${i}`, ref('130/2005/NĐ-CP', '2005-10-17', `copy ${i}`))),
      doc('a', ref('130/2005/NĐ-CP', '2015-10-17', 'wrong, in a')),
      doc('z', ref('130/2005/NĐ-CP', '2015-10-17', 'wrong, in z')),
    ];
    const across = new AcrossDocuments();
    const found = docs.flatMap((d) => across.add(d, () => d.path).map((f) => ({ path: d.path, finding: f })));
    // In a, the clash is with b's citation (a's own never counts); in z, with a's first.
    expect(found.map((f) => [f.path, f.finding.message.replace(/^.*at (\w+) \("([^"]*)"\).*$/, '$1 $2')])).toEqual([['a', 'b second'], ['z', 'a first']]);
  });
});
