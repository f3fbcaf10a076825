import { describe, expect, it } from 'vitest';
import { metricValues } from '../../src/engine/compare.js';
import { extractText } from '../../src/pipeline.js';
import { defaultRules } from '../../src/rules/compile.js';

const rules = defaultRules();
const REPORT = 'ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n\nBÁO CÁO\nKết quả cải cách hành chính quý I năm 2025\n\n';
const cells = (body: string, head = REPORT): Record<string, number | null> =>
  Object.fromEntries(Object.entries(metricValues(extractText(head + body), rules)).map(([k, v]) => [k, v?.value ?? null]));
const choice = (body: string, metric: string) => metricValues(extractText(REPORT + body), rules)[metric];

describe('compare: the figure that states the document-level value', () => {
  it('keeps a meaning word of the next sentence out of the cell, and reads a share in brackets by its count', () => {
    const c = cells('Trong kỳ, toàn tỉnh tiếp nhận 12.000 hồ sơ, đã giải quyết 11.500 hồ sơ, trong đó giải quyết đúng hạn 11.385 hồ sơ (tỷ lệ 99%). Tỷ lệ hồ sơ trực tuyến đạt 25%.');
    expect(c).toMatchObject({ hs_received: 12000, hs_resolved: 11500, hs_on_time: 11385, rate_on_time: 99, rate_online: 25 });
  });

  it("never fills a province total with a pilot's, a unit's or a level's count", () => {
    const c = cells('Tổng số hồ sơ đã giải quyết trên địa bàn tỉnh là 195.197 hồ sơ. Riêng mô hình thí điểm tại xã Ea Tu đã giải quyết 14 hồ sơ. '
      + 'Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 40.112 hồ sơ.');
    expect(c.hs_resolved).toBe(195197);
    expect(c.hs_received).toBeNull();
  });

  it('takes the parts of a total that mixes stages, never the total itself', () => {
    const c = cells('Ủy ban nhân dân tỉnh đã ban hành 05 quyết định công bố TTHC, với tổng số 363 TTHC (trong đó: công bố TTHC mới 179 thủ tục; bãi bỏ 171 thủ tục; sửa đổi, bổ sung 13 thủ tục).');
    expect(c).toMatchObject({ tthc_published: 179, tthc_abolished: 171, tthc_amended: 13 });
  });

  it('reads what a decision announces, each count with the words after it', () => {
    const head = 'ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\n\nQUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính\n\n';
    expect(cells('Điều 1. Công bố kèm theo Quyết định này danh mục 20 thủ tục hành chính lĩnh vực hoạt động khoa học và công nghệ, gồm: 14 thủ tục mới ban hành và 06 thủ tục bị bãi bỏ.', head))
      .toMatchObject({ tthc_published: 14, tthc_abolished: 6, tthc_amended: null });
    expect(cells('Điều 1. Công bố kèm theo Quyết định này danh mục 03 thủ tục hành chính (TTHC) sửa đổi, bổ sung trong lĩnh vực hoạt động khoa học và công nghệ.', head))
      .toMatchObject({ tthc_published: null, tthc_amended: 3 });
    expect(cells('Điều 1. Công bố kèm theo Quyết định này danh mục 02 thủ tục hành chính cấp tỉnh thuộc phạm vi chức năng quản lý nhà nước của Sở Y tế được sửa đổi bổ sung từ lĩnh vực tổ chức cán bộ sang lĩnh vực giám định.', head))
      .toMatchObject({ tthc_published: null, tthc_amended: 2 });
  });

  it('leaves out what a cited document says', () => {
    const head = 'ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\n\nQUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính\n\n';
    const c = cells('Căn cứ Quyết định số 3574/QĐ-BYT ngày 19/11/2025 của Bộ trưởng Bộ Y tế về việc công bố sửa đổi, bổ sung 02 thủ tục hành chính thuộc phạm vi quản lý của Bộ Y tế;\n\nQUYẾT ĐỊNH:\nĐiều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính được sửa đổi, bổ sung.', head);
    expect(c.tthc_amended).toBeNull();
  });

  it("keeps the year so far out of a third quarter's row, but not out of a first quarter's", () => {
    const q3 = 'ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\n\nBÁO CÁO\nCông tác cải cách hành chính quý III năm 2020\n\n';
    const body = 'Từ đầu năm đến nay đã có 82.602 hồ sơ được tiếp nhận và xử lý trên toàn hệ thống.';
    expect(cells(body, q3).hs_received).toBeNull();
    expect(cells(body).hs_received).toBe(82602);
  });

  it('leaves a cell blank when two whole-scope values tie, and keeps both candidates', () => {
    const tie = choice('Đã tiếp nhận 1.200 hồ sơ. Ở phần sau, đã tiếp nhận 1.350 hồ sơ.', 'hs_received');
    expect(tie).toMatchObject({ value: null, rule: 'tie' });
    expect(tie!.candidates.map((f) => f.value)).toEqual([1200, 1350]);
    // An explicit total settles it.
    expect(choice('Đã tiếp nhận 1.200 hồ sơ. Tổng số hồ sơ tiếp nhận là 1.350 hồ sơ.', 'hs_received')).toMatchObject({ value: 1350, rule: 'total' });
  });

  it('lets a part fill only what its total does not say', () => {
    const c = cells('Toàn tỉnh tiếp nhận 11.093 hồ sơ, trong đó nhận trực tuyến 2.031 hồ sơ, cấp huyện tiếp nhận 5.000 hồ sơ.');
    expect(c).toMatchObject({ hs_received: 11093, hs_online: 2031 });
  });
});
