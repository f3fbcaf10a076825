import { describe, expect, it } from 'vitest';
import { lawNameMentions, lawNamesIn } from '../../../src/extract/references/law-names.js';
import { documentOf } from '../../helpers/document.js';

function mentions(text: string, skip: (at: number) => boolean = () => false) {
  const doc = documentOf(text);
  return lawNameMentions(doc, lawNamesIn(doc), skip);
}

describe('laws by name (references/law-names.ts)', () => {
  it('reads a law named with its date, as a preamble cites it (devset: nghi-quyet-385-nq-cp)', () => {
    const [law, ...rest] = mentions('*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02\nnăm 2025;*\n*Căn cứ Luật Điều ước quốc tế ngày 09 tháng 4 năm\n2016;*');
    expect(rest.map((r) => r.name)).toEqual(['Luật Điều ước quốc tế']);
    expect(law).toMatchObject({ form: 'law-name', kind: 'Luật', typeWord: 'Luật', name: 'Luật Tổ chức Chính phủ', id: null, number: null, relation: 'căn cứ', rule: 'law-name+date' });
    expect(law!.date?.iso).toBe('2025-02-18');
  });

  it('gives the law Quốc hội\'s code, which the words do not write: inferred (corpus: an-giang_2018_cong-van-795)', () => {
    const [law] = mentions('chuyên môn nghiệp vụ theo quy định tại Luật Cán bộ, công chức và các văn bản hướng dẫn thi hành.');
    expect(law).toMatchObject({ name: 'Luật Cán bộ, công chức', issuerCode: 'QH' });
    expect([...law!.inferred].sort()).toEqual(['issuer', 'issuerCode']);
  });

  it('leaves a law the symbol scanner took to it (skip), and reads a name only the rules know', () => {
    const text = '116 Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 quy định:';
    const doc = documentOf(text);
    const laws = lawNamesIn(doc);
    expect(laws.map((l) => [l.name, text.slice(l.start, l.end)])).toEqual([['Luật Quản lý thuế', 'Luật Quản lý thuế']]);
    expect(lawNameMentions(doc, laws, (at) => at === laws[0]!.start)).toEqual([]);
    expect(mentions('ban hành các văn bản thực hiện kịp thời các luật, nghị định, thông tư')).toEqual([]);
    expect(mentions('Luật sư Nguyễn Văn A tham gia tư vấn')).toEqual([]);
  });
});
