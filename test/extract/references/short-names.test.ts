import { describe, expect, it } from 'vitest';
import { shortNameMentions } from '../../../src/extract/references/short-names.js';
import { documentOf } from '../../helpers/document.js';

function mentions(text: string, taken: (r: { start: number; end: number }) => boolean = () => false) {
  const doc = documentOf(text);
  return shortNameMentions(doc, () => false, taken).map((d) => ({ ...d, written: doc.text.slice(d.mentionStart, d.mentionEnd) }));
}

// corpus: an-giang_2018_cong-van-795, the sentences that define the short name and use it.
const DEFINED = '… của Bộ trưởng Bộ Nội vụ về việc phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương” (gọi tắt là Đề án 2948). Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:\n\nCăn cứ Đề án 2948, Giao các đơn vị chủ trì';

describe('short names (references/short-names.ts)', () => {
  it('reads "Đề án 2948" where it is defined and where it is used', () => {
    const found = mentions(DEFINED);
    expect(found.map((d) => [d.written, d.form, d.kind, d.name, d.number, d.defines, d.rule])).toEqual([
      ['Đề án 2948', 'short-name', 'Đề án', 'Đề án 2948', '2948', true, 'short-name-definition'],
      ['Đề án 2948', 'short-name', 'Đề án', 'Đề án 2948', '2948', false, 'short-name'],
    ]);
    expect(found[1]!.relation).toBe('căn cứ');
    // A type word and its number, both written: nothing is inferred until the resolver links it.
    expect(found.every((d) => d.inferred.size === 0)).toBe(true);
  });

  it('takes no year, no count and no number inside another mention', () => {
    expect(mentions('Căn cứ Kế hoạch 2023 của Ủy ban nhân dân tỉnh')).toEqual([]);
    expect(mentions('xử lý kỷ luật theo các Quyết định 03 cán bộ')).toEqual([]);
    expect(mentions('Triển khai Chương trình Chuyển đổi số tỉnh (Chương trình 553)').map((d) => d.name)).toEqual(['Chương trình 553']);
    expect(mentions('Triển khai Chương trình Chuyển đổi số tỉnh (Chương trình 553)', () => true)).toEqual([]);
  });
});
