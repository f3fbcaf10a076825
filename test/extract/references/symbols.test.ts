import { describe, expect, it } from 'vitest';
import { lawNamesIn } from '../../../src/extract/references/law-names.js';
import { symbolMentions } from '../../../src/extract/references/symbols.js';
import { documentOf } from '../../helpers/document.js';

/** The symbol scanner alone, on a text: nothing skipped, no own number. */
function scan(text: string, ownIds: string[] = []) {
  const doc = documentOf(text);
  const { drafts, lawsTaken } = symbolMentions(doc, lawNamesIn(doc), () => false, ownIds);
  return { drafts, lawsTaken, mention: (i: number) => doc.text.slice(drafts[i]!.mentionStart, drafts[i]!.mentionEnd) };
}

describe('symbol mentions (references/symbols.ts)', () => {
  it('reads a number with its type word, date and issuer (corpus: an-giang_2018_cong-van-795)', () => {
    const { drafts, mention } = scan('Thực hiện Thông báo số 187/TB-VPCP ngày 23 tháng 5 năm 2018 của Văn phòng Chính phủ về kết luận của Phó Thủ tướng');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ form: 'symbol', kind: 'Thông báo', typeWord: 'Thông báo', id: '187/TB-VPCP', relation: 'thực hiện', issuerNamed: { name: 'Văn phòng Chính phủ' } });
    expect(drafts[0]!.date?.iso).toBe('2018-05-23');
    expect(mention(0)).toBe('Thông báo số 187/TB-VPCP ngày 23 tháng 5 năm 2018');
    // Every value is written next to the number: nothing inferred.
    expect([...drafts[0]!.inferred]).toEqual([]);
  });

  it('gives each number of "876, 878/QĐ-BNV" what stands next to it, and infers the rest (corpus: an-giang_2023_q1)', () => {
    const { drafts } = scan('- Căn cứ Quyết định số 876, 878/QĐ-BNV ngày 10 tháng 11 năm 2022 ');
    expect(drafts.map((d) => d.id)).toEqual(['876/QĐ-BNV', '878/QĐ-BNV']);
    // "/QĐ-BNV" and the date are written after 878 only; the type word and "Căn cứ" before 876 only.
    expect([...drafts[0]!.inferred]).toEqual(expect.arrayContaining(['id', 'typeCode', 'issuerCode', 'issuer', 'date']));
    expect([...drafts[0]!.inferred]).not.toContain('typeWord');
    expect([...drafts[1]!.inferred]).toEqual(expect.arrayContaining(['typeWord', 'kind', 'relation']));
    expect([...drafts[1]!.inferred]).not.toContain('id');
    expect([...drafts[1]!.inferred]).not.toContain('date');
  });

  it('gives a list of tokens the date written after the last one (corpus/fixtures/references.cases line 144)', () => {
    const { drafts, mention } = scan('Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII');
    expect(drafts.map((d) => [d.id, d.date?.iso, d.rule])).toEqual([
      ['18-NQ/TW', '2017-10-25', 'symbol-list+shared-date'],
      ['19-NQ/TW', '2017-10-25', 'symbol-list'],
    ]);
    expect(mention(1)).toBe('19-NQ/TW ngày 25/10/2017');
    expect(drafts[0]!.inferred.has('date')).toBe(true);
    expect(drafts[1]!.inferred.has('date')).toBe(false);
    // 19-NQ/TW has its own code but the list's type word: its kind is the word's, inferred.
    expect(drafts[1]).toMatchObject({ typeWord: 'Nghị quyết', kind: 'Nghị quyết' });
    expect(drafts[1]!.inferred.has('typeWord')).toBe(true);
    expect(drafts[1]!.inferred.has('kind')).toBe(true);
  });

  it('reads a kind and an issuer from a code as inferred, from the words as stated (devset: ke-hoach-980, cong-dien-224)', () => {
    const named = scan('Thực hiện Quyết định số 1899/QĐ-TTg ngày 04/9/2025\ncủa Thủ tướng Chính phủ ban hành Kế hoạch').drafts[0]!;
    expect(named).toMatchObject({ kind: 'Quyết định', typeWord: 'Quyết định', issuerNamed: { name: 'Thủ tướng Chính phủ' } });
    expect(named.inferred.has('kind')).toBe(false);
    expect(named.inferred.has('issuer')).toBe(false);
    // "các văn bản số: 10894/VPCP-CN …": no type word, the symbol's shape says a letter, the code "VPCP" its issuer.
    const coded = scan('các văn bản số: 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ngày 12/9/2025 của\nVăn phòng Chính phủ..').drafts;
    expect(coded.map((d) => [d.id, d.kind, d.typeWord])).toEqual([['10894/VPCP-CN', 'Công văn', null], ['8563/VPCP-CN', 'Công văn', null]]);
    expect(coded[0]!.inferred.has('kind')).toBe(true);
    expect(coded[0]!.inferred.has('issuer')).toBe(true);
    // The second is named "của Văn phòng Chính phủ" right after its date: its issuer is stated.
    expect(coded[1]!.issuerNamed?.name).toBe('Văn phòng Chính phủ');
    expect(coded[1]!.inferred.has('issuer')).toBe(false);
  });

  it('takes a law named right before its number: one mention, of form symbol (devset: cong-van-5662-ct-cs)', () => {
    const { drafts, lawsTaken, mention } = scan('116 Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 quy định:');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ form: 'symbol', id: '38/2019/QH14', name: 'Luật Quản lý thuế', typeWord: 'Luật', kind: 'Luật' });
    expect(mention(0)).toBe('Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019');
    expect(lawsTaken.size).toBe(1);
    expect(drafts[0]!.inferred.has('name')).toBe(false);
  });

  it('reads no form\'s number and no own number (devset: cong-van-5615-ct-cs)', () => {
    expect(scan('kê khai thuế TNDN theo mẫu số 03/TNDN ban hành kèm Thông tư số 80/2021/TT-BTC').drafts.map((d) => d.id)).toEqual(['80/2021/TT-BTC']);
    expect(scan('ban hành kèm theo Quyết định số 1077/QĐ-UBND', ['1077/QĐ-UBND']).drafts).toEqual([]);
  });
});
