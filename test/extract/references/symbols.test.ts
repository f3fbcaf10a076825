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
  });

  it('takes a law named right before its number: one mention, of form symbol (devset: cong-van-5662-ct-cs)', () => {
    const { drafts, lawsTaken, mention } = scan('116 Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 quy định:');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ form: 'symbol', id: '38/2019/QH14', name: 'Luật Quản lý thuế', typeWord: 'Luật', kind: 'Luật' });
    expect(mention(0)).toBe('Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019');
    expect(lawsTaken.size).toBe(1);
  });

  it('reads no form\'s number and no own number (devset: cong-van-5615-ct-cs)', () => {
    expect(scan('kê khai thuế TNDN theo mẫu số 03/TNDN ban hành kèm Thông tư số 80/2021/TT-BTC').drafts.map((d) => d.id)).toEqual(['80/2021/TT-BTC']);
    expect(scan('ban hành kèm theo Quyết định số 1077/QĐ-UBND', ['1077/QĐ-UBND']).drafts).toEqual([]);
  });
});
