import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { sectionPathAt, segmentSections } from '../../src/segment/sections.js';

describe('sections', () => {
  const text = [
    '#### **I. CÔNG TÁC CHỈ ĐẠO**', '', '##### **1. Công tác chỉ đạo, điều hành:**', 'Nội dung.', '',
    'II. KẾT QUẢ THỰC HIỆN:', '', '6. Hiện đại hóa nền hành chính:', '', '**6.1. Công nghệ thông tin:**', 'Nội dung.',
    '6.2 An toàn, an ninh mạng', '', '*a) Tình hình triển khai*', 'Chi tiết.', '', 'III. ĐÁNH GIÁ',
  ].join('\n');
  const mt = normalize(text);
  const sections = segmentSections(mt);

  it('reads Roman, Arabic, dotted and lettered headings into paths', () => {
    expect(sections.map((s) => s.path)).toEqual(['I', 'I.1', 'II', 'II.6', 'II.6.1', 'II.6.2', 'II.6.2.a', 'III']);
    expect(sections[1]!.title).toBe('Công tác chỉ đạo, điều hành');
  });

  it('spans point into the source and nest', () => {
    const ii = sections.find((s) => s.path === 'II')!;
    expect(text.slice(ii.span.start, ii.span.end)).toMatch(/^II\. KẾT QUẢ[\s\S]*Chi tiết\.$/);
    expect(sectionPathAt(sections, mt.text.indexOf('Chi tiết'))).toBe('II.6.2.a');
    expect(sectionPathAt(sections, 0)).toBe('I');
  });

  it('does not take a long numbered sentence for a heading', () => {
    const long = `1. ${'Tập trung thực hiện nghiêm túc, kịp thời, hiệu quả các chỉ đạo của Thủ tướng Chính phủ '.repeat(3)}`;
    expect(segmentSections(normalize(long))).toEqual([]);
  });
});
