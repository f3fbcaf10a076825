import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import { loadFixtureCases, runFixtureCase } from '../../support/fixture-cases.js';

const fixture = (name: string): string => readFileSync(new URL(`../../corpus/fixtures/${name}`, import.meta.url), 'utf8');
const refs = (text: string) => extractText(text).references;
const one = (text: string) => {
  const r = refs(text);
  expect(r, text).toHaveLength(1);
  return r[0]!;
};

describe('fixture cases (corpus/fixtures/references.cases)', () => {
  const cases = loadFixtureCases(fixture('references.cases'));
  it('has at least 150 cases', () => expect(cases.length).toBeGreaterThanOrEqual(150));
  it.each(cases.map((c) => [c.line, c] as const))('line %i', (_line, c) => {
    expect(runFixtureCase(c)).toBeNull();
  });
});

describe('negative cases (corpus/fixtures/references-negative.cases)', () => {
  const cases = loadFixtureCases(fixture('references-negative.cases'));
  it('has at least 50 look-alikes', () => expect(cases.length).toBeGreaterThanOrEqual(50));
  it.each(cases.map((c) => [c.line, c] as const))('line %i yields nothing', (_line, c) => {
    expect(runFixtureCase(c)).toBeNull();
  });
});

describe('laws cited by name', () => {
  it.each([
    ['theo quy định tại Luật Cán bộ, công chức và các văn bản hướng dẫn', 'Luật Cán bộ, công chức'],
    ['theo quy định phân cấp của Luật Ngân sách nhà nước.', 'Luật Ngân sách nhà nước'],
    ['theo quy định của Luật Ban hành văn bản quy phạm pháp luật năm 2015 nên', 'Luật Ban hành văn bản quy phạm pháp luật'],
    ['kịp thời ban hành các văn bản về thực hiện Luật đất đai.', 'Luật Đất đai'],
    ['triển khai Bộ luật Lao động tới người lao động tỉnh Bình Dương', 'Bộ luật Lao động'],
    ['phổ biến Luật Phòng chống tham nhũng tại Hải Phòng', 'Luật Phòng, chống tham nhũng'],
  ])('%s', (text, name) => {
    const r = one(text);
    expect(r.kind).toBe('Luật');
    expect(r.id).toBeNull();
    expect(r.name).toBe(name);
  });

  it('does not take the generic word "luật" or an unknown title for a law', () => {
    expect(refs('ban hành các văn bản thực hiện kịp thời các luật, nghị định, thông tư')).toEqual([]);
    expect(refs('Luật sư Nguyễn Văn A tham gia tư vấn')).toEqual([]);
  });

  it('gives a law named with its own date that date', () => {
    const r = one('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(r).toMatchObject({ kind: 'Luật', id: null, name: 'Luật Tổ chức chính quyền địa phương', date: '2025-06-16' });
  });

  it('gives a numbered law one reference, not two', () => {
    const r = one('Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25/6/2015;');
    expect(r).toMatchObject({ kind: 'Luật', id: '83/2015/QH13', name: 'Luật Ngân sách nhà nước', date: '2015-06-25' });
  });
});

describe('short names', () => {
  it('resolves a defined short name to the document it names', () => {
    const r = refs('Quyết định số 2948/QĐ-BNV ngày 28 tháng 12 năm 2017 của Bộ trưởng Bộ Nội vụ (gọi tắt là Đề án 2948). Căn cứ Đề án 2948, giao các đơn vị.');
    expect(r.map((x) => x.id ?? x.name)).toEqual(['2948/QĐ-BNV', 'Đề án 2948', 'Đề án 2948']);
    expect(r[1]!.resolvesTo).toBe(0);
    expect(r[2]!.resolvesTo).toBe(0);
    expect(r[2]!.impliedDate).toBe('2017-12-28');
  });

  it('resolves "Đề án 06" to the decision numbered 06 that the text cites later', () => {
    const r = refs('- Triển khai thực hiện nhiệm vụ theo Đề án 06 của Thủ tướng Chính phủ. Tiếp tục triển khai Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.');
    expect(r[0]).toMatchObject({ kind: 'Đề án', name: 'Đề án 06', resolvesTo: 1, impliedDate: '2022-01-06' });
  });

  it('keeps a short name nothing defines unresolved', () => {
    expect(one('Triển khai Chương trình Chuyển đổi số tỉnh (Chương trình 553)')).toMatchObject({ name: 'Chương trình 553', resolvesTo: null });
  });

  it('does not read a year, a section or a level as a short name', () => {
    expect(refs('Kế hoạch 2023 của tỉnh; Lĩnh vực 7, tiêu chí 7.4; dịch vụ công mức độ 3, 4')).toEqual([]);
  });
});

describe('resolution of later mentions', () => {
  it('links an undated mention to the first dated one and marks the date inferred', () => {
    const r = refs('Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ. Theo Nghị định số 61/2018/NĐ-CP, Bộ phận Một cửa ... Nghị định 61/2018/NĐ-CP.');
    expect(r.map((x) => [x.date, x.resolvesTo, x.impliedDate])).toEqual([
      ['2018-04-23', null, null],
      [null, 0, '2018-04-23'],
      [null, 0, '2018-04-23'],
    ]);
  });
});

describe('fields of a reference', () => {
  it('carries parts, issuer, relation and section', () => {
    const rec = extractText('II. KẾT QUẢ\n\n1. Cải cách thể chế\n\nCăn cứ Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn.');
    const r = rec.references[0]!;
    expect(r).toMatchObject({
      kind: 'Thông tư', typeWord: 'Thông tư', id: '01/2018/TT-VPCP', number: '01', year: 2018, typeCode: 'TT',
      issuerCode: 'VPCP', issuer: 'Văn phòng Chính phủ', date: '2018-11-23', relation: 'căn cứ', section: 'II.1',
    });
    expect(r.text).toBe('Thông tư số 01/2018/TT-VPCP ngày 23/11/2018');
  });

  it.each([
    ['Quyết định số 2636/QĐ-BNV ngày 10/12/2018 của Bộ trưởng Bộ Nội vụ phê duyệt', 'Bộ Nội vụ', 'của Bộ trưởng Bộ Nội vụ'],
    ['Chỉ thị số 26/CT-TTg của Thủ tướng Chính phủ trên địa bàn', 'Thủ tướng Chính phủ', 'của Thủ tướng Chính phủ'],
    ['Kế hoạch số 329/KH-UBND, ngày 28/6/2016 của UBND tỉnh về việc', 'Ủy ban nhân dân tỉnh', 'của UBND tỉnh'],
    ['Công văn số 128/STC-GCS ngày 17/01/2022 của Sở Tài chính.', 'Sở Tài chính', 'của Sở Tài chính'],
    ['Thông tư số 56/2022/TT-BTC ngày 16/9/2022', 'Bộ Tài chính', null],
  ])('issuer of "%s" is %s', (text, issuer, issuerText) => {
    expect(one(text)).toMatchObject({ issuer, issuerText });
  });

  it.each([
    ['Thực hiện Quyết định số 2636/QĐ-BNV', 'thực hiện'],
    ['Tiếp tục triển khai có hiệu quả Nghị định số 61/2018/NĐ-CP', 'thực hiện'],
    ['hiệu quả theo Nghị quyết số 18-NQ/TW', 'theo'],
    ['Nghị định số 117/2013/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 130/2005/NĐ-CP', 'sửa đổi, bổ sung'],
    ['Quyết định này thay thế Quyết định số 12/2015/QĐ-UBND', 'thay thế'],
    ['bãi bỏ Quyết định số 45/2016/QĐ-UBND', 'bãi bỏ'],
  ])('relation of the last reference in "%s" is %s', (text, relation) => {
    const r = refs(text);
    expect(r[r.length - 1]!.relation).toBe(relation);
  });

  it('maps a reference in NFD text back to the NFD source', () => {
    const text = 'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ'.normalize('NFD');
    const r = one(text);
    expect(r.id).toBe('61/2018/NĐ-CP');
    expect(text.slice(r.span.start, r.span.end)).toBe(r.text);
    expect(r.text.normalize('NFC')).toBe('Nghị định số 61/2018/NĐ-CP ngày 23/4/2018');
  });

  it('skips the document\'s own number in its header', () => {
    const rec = extractText('Số: 795/UBND-TH\nV/v đẩy mạnh cải cách hành chính\n\nThực hiện Công văn số 12/SNV-CCHC của Sở Nội vụ.');
    expect(rec.document!.number).toBe('795/UBND-TH');
    expect(rec.references.map((r) => r.id)).toEqual(['12/SNV-CCHC']);
  });
});

describe('adversarial input', () => {
  it('extracts from 1 MB of digits, slashes and "số số số" without blowing up', () => {
    const pieces = ['1234567890/'.repeat(50), 'số '.repeat(200), '12/12/12/12/12/12/', 'Nghị định số 61/2018/NĐ-', 'QĐ-QĐ-QĐ-QĐ-QĐ-', '9'.repeat(300), ' - / - / '];
    let text = '';
    while (text.length < 1_000_000) text += pieces.join('\n');
    const rec = extractText(text);
    expect(rec.references.length).toBeGreaterThan(0);
    expect(rec.errors).toEqual([]);
  });
});

describe('the document\'s own number', () => {
  it('is no reference where an annex caption repeats it', () => {
    const text = [
      'ỦY BAN NHÂN DÂN', 'TỈNH HÀ TĨNH', 'Số: 2811/QĐ-UBND', 'Hà Tĩnh, ngày 20 tháng 11 năm 2025', 'QUYẾT ĐỊNH',
      'Căn cứ Quyết định số 1234/QĐ-UBND ngày 01/3/2025 của Ủy ban nhân dân tỉnh;', 'Điều 1. Công bố kèm theo Quyết định này.',
      'PHỤ LỤC', '(Ban hành kèm theo Quyết định số 2811/QĐ-UBND ngày 20/11/2025 của Chủ tịch Ủy ban nhân dân tỉnh)',
    ].join('\n');
    expect(refs(text).map((r) => r.id)).toEqual(['1234/QĐ-UBND']);
  });
});
