/**
 * Document metadata from letterheads and signature blocks in the layouts real archives hold: web
 * pages converted to markdown (one table cell per line between "|" lines, capitals wrapped wherever
 * the cell was narrow), a legal database's summary before the document, signatures before annexes.
 *
 * Each document is composed here; every expectation is written from it and from the conventions of
 * ../shared/ANNOTATION.md, never from the tool's output.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import type { DocumentMeta } from '../../src/schema.js';

const doc = (...lines: string[]): string => lines.join('\n');
const meta = (text: string): DocumentMeta => {
  const d = extractText(text).document;
  expect(d).not.toBeNull();
  return d!;
};
const signers = (d: DocumentMeta): unknown[] =>
  d.signatures.map((s) => ({ authority: s.authority, authorityOf: s.authorityOf, title: s.title, name: s.name }));

describe('metadata: letterheads laid out as table cells, one per line', () => {
  // A provincial decision as a legal database's page converts it: cells between "|" lines, bold
  // markers that open on one line and close on the next, "Số:" alone in its cell.
  const decision = doc(
    '|',
    '|',
    '**ỦY BAN NHÂN',
    'DÂN **',
    'TỈNH LÂM ĐỒNG',
    '--------',
    '|',
    '**CỘNG HÒA XÃ',
    'HỘI CHỦ NGHĨA VIỆT NAM**',
    'Độc lập - Tự do - Hạnh phúc',
    '---------------',
    '|',
    '|',
    'Số:',
    '215/QĐ-UBND',
    '|',
    '*Lâm',
    'Đồng, ngày 03 tháng12 năm 2024*',
    '|',
    '**QUYẾT ĐỊNH**',
    'VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2025',
    '*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;*',
    '**QUYẾT ĐỊNH:**',
    '**Điều 1.** Phê duyệt Kế hoạch kiểm tra kèm theo Quyết định này.',
    '**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký./.',
    '|',
    '*Nơi nhận:*',
    '- Như Điều 2;',
    '- Lưu: VT, NC.',
    '|',
    '**TM. ỦY BAN',
    'NHÂN DÂN **',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    '**Lê**',
    '**Văn Hùng**',
    '|',
    '**PHỤ LỤC**',
    'DANH SÁCH CÁC CƠ QUAN ĐƯỢC KIỂM TRA',
    '|',
    'STT',
    '|',
    'Tên cơ quan',
    '|',
    ...Array.from({ length: 80 }, (_, k) => `${k + 1}\n|\nỦy ban nhân dân xã số ${k + 1}\n|`),
  );

  it('reads the number from the line after "Số:", the place wrapped over two lines and "tháng12"', () => {
    const d = meta(decision);
    expect(d.number).toBe('215/QĐ-UBND');
    expect(d.date).toBe('2024-12-03');
    expect(d.place).toBe('Lâm Đồng');
    expect(d.type).toBe('Quyết định');
  });

  it('joins the wrapped letterhead into one body and places it', () => {
    expect(meta(decision).issuer).toBe('Ủy ban nhân dân tỉnh Lâm Đồng');
  });

  it('finds the signature before a long annex, with its wrapped authority line and a name on two lines', () => {
    expect(signers(meta(decision))).toEqual([
      { authority: 'TM.', authorityOf: 'ỦY BAN NHÂN DÂN', title: 'PHÓ CHỦ TỊCH', name: 'Lê Văn Hùng' },
    ]);
  });

  it('gives no period to a decision whose title names a year (only a Báo cáo reports on one)', () => {
    expect(meta(decision).period).toBeNull();
  });

  it('keeps the span of the number in the text the user gave', () => {
    const d = meta(decision);
    const span = d.evidence.number!.span;
    expect(decision.slice(span.start, span.end)).toBe('215/QĐ-UBND');
  });
});

describe('metadata: bodies under a ministry, letters and their signatures', () => {
  const letter = doc(
    '|',
    'BỘ',
    'NÔNG NGHIỆP VÀ',
    'MÔI TRƯỜNG',
    'CỤC',
    'THỦY LỢI',
    '-------',
    '|',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '|',
    'Số: 812/CT-QLCT v/v hướng dẫn vận hành hồ chứa mùa lũ',
    '|',
    'Hà Nội, ngày 9 tháng 10 năm 2025',
    '|',
    'Kính gửi: Sở Nông nghiệp và Môi trường các tỉnh, thành phố.',
    'Cục Thủy lợi đề nghị các Sở chỉ đạo vận hành hồ chứa theo quy trình được duyệt.',
    '|',
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT.',
    '|',
    'TL. CỤC TRƯỞNG',
    'KT. TRƯỞNG PHÒNG QUẢN LÝ CÔNG TRÌNH,',
    'AN TOÀN ĐẬP',
    'PHÓ TRƯỞNG PHÒNG',
    '(Đã ký)',
    'Đỗ Thị Lan',
  );

  it('names a Cục the gazetteer does not list, under its ministry and without a province', () => {
    const d = meta(letter);
    expect(d.issuer).toBe('Cục Thủy lợi');
  });

  it('reads a "V/v" on the number line as a letter, whatever the code ("CT" here is not Chỉ thị)', () => {
    expect(meta(letter).type).toBe('Công văn');
  });

  it('takes the first authority line and the title right above the name', () => {
    expect(signers(meta(letter))).toEqual([
      { authority: 'TL.', authorityOf: 'CỤC TRƯỞNG', title: 'PHÓ TRƯỞNG PHÒNG', name: 'Đỗ Thị Lan' },
    ]);
  });

  it('keeps Chỉ thị for a document whose title line says so', () => {
    const d = meta(doc('ỦY BAN NHÂN DÂN', 'TỈNH NAM ĐỊNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 07/CT-UBND', 'Nam Định, ngày 2 tháng 3 năm 2023',
      'CHỈ THỊ', 'Về tăng cường kỷ luật, kỷ cương hành chính', 'Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở thực hiện.', 'CHỦ TỊCH', 'Phạm Đình Nghị'));
    expect(d.type).toBe('Chỉ thị');
    expect(signers(d)).toEqual([{ authority: null, authorityOf: null, title: 'CHỦ TỊCH', name: 'Phạm Đình Nghị' }]);
  });

  it('reports a signer without the rank printed before the name', () => {
    const d = meta(doc('BỘ QUỐC PHÒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 45/2024/TT-BQP', 'Hà Nội, ngày 5 tháng 6 năm 2024',
      'THÔNG TƯ', 'Quy định chế độ báo cáo thống kê', 'Điều 1. Phạm vi điều chỉnh', 'Thông tư này quy định chế độ báo cáo.',
      'KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Thiếu tướng Nguyễn Văn Bình'));
    expect(signers(d)).toEqual([{ authority: 'KT.', authorityOf: 'BỘ TRƯỞNG', title: 'THỨ TRƯỞNG', name: 'Nguyễn Văn Bình' }]);
    expect(d.issuer).toBe('Bộ Quốc phòng');
  });

  it('places a centre the gazetteer does not list by the committee above it', () => {
    const d = meta(doc('UBND THÀNH PHỐ HÀ NỘI', 'TRUNG TÂM DỊCH VỤ VIỆC LÀM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 98/TB-TTDVVL',
      'Hà Nội, ngày 14 tháng 8 năm 2025', 'THÔNG BÁO', 'Lịch tư vấn việc làm tháng 9', 'Trung tâm thông báo lịch tư vấn.', 'GIÁM ĐỐC', 'Trần Minh Quân'));
    expect(d.issuer).toBe('Trung tâm Dịch vụ việc làm thành phố Hà Nội');
  });
});

describe('metadata: a legal database summary before the document', () => {
  const page = doc(
    '|',
    'Quy định mới về thẩm định giá đất',
    'Ngày 20/5/2025, Bộ trưởng Bộ Tài chính ban hành Thông tư 31/2025/TT-BTC thay thế Thông tư 12/2020/TT-BTC của Bộ Tài chính.',
    'Theo đó, Ủy ban nhân dân tỉnh Thanh Hóa và các địa phương áp dụng quy định mới từ ngày 01/7/2025.',
    'Xem chi tiết nội dung tại Thông tư 31/2025/TT-BTC.',
    '|',
    'Căn cứ Nghị định số 29/2025/NĐ-CP của Chính phủ;',
    'Căn cứ Nghị định số 71/2024/NĐ-CP ngày 27 tháng 6 năm 2024 của Chính phủ;',
    'Theo đề nghị của Cục trưởng Cục Quản lý giá;',
    'Bộ trưởng Bộ Tài chính ban hành Thông tư.',
    '|',
    'BỘ',
    'TÀI CHÍNH',
    '-------',
    '|',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '|',
    'Số: 31/2025/TT-BTC',
    '|',
    'Hà Nội, ngày 20 tháng 5 năm 2025',
    '|',
    'THÔNG TƯ',
    'Hướng dẫn thẩm định giá đất',
    'Điều 1. Phạm vi điều chỉnh',
    'Thông tư này hướng dẫn thẩm định giá đất.',
    '|',
    'KT. BỘ TRƯỞNG',
    'THỨ TRƯỞNG',
    'Cao Anh Tuấn',
  );

  it('reads the header at the letterhead above the national motto, not in the summary', () => {
    const d = meta(page);
    expect(d.number).toBe('31/2025/TT-BTC');
    expect(d.type).toBe('Thông tư');
    expect(d.issuer).toBe('Bộ Tài chính');
    expect(d.date).toBe('2025-05-20');
    expect(d.signatures.at(-1)?.name).toBe('Cao Anh Tuấn');
  });
});

describe('metadata: headers with no line structure left, drafts, and documents of the 2000s', () => {
  it('splits a header whose columns are joined by tabs, and finds the signature beside "Nơi nhận"', () => {
    const d = meta(doc(
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH QUẢNG BÌNH\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 125/BC-UBND\tQuảng Bình, ngày 15 tháng 6 năm 2024',
      'BÁO CÁO',
      'Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024',
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      'Trong 6 tháng đầu năm, tỉnh đã tiếp nhận 12.345 hồ sơ.',
      'Nơi nhận:',
      '- Bộ Nội vụ;',
      '- Lưu: VT.\tTM. ỦY BAN NHÂN DÂN',
      '\tKT. CHỦ TỊCH',
      '\tPHÓ CHỦ TỊCH',
      '\t(đã ký)',
      '\tHồ An Phong',
    ));
    expect([d.number, d.date, d.place, d.issuer]).toEqual(['125/BC-UBND', '2024-06-15', 'Quảng Bình', 'Ủy ban nhân dân tỉnh Quảng Bình']);
    expect(d.period).toMatchObject({ year: 2024, quarter: null, half: 1 });
    expect(signers(d)).toEqual([{ authority: 'TM.', authorityOf: 'ỦY BAN NHÂN DÂN', title: 'PHÓ CHỦ TỊCH', name: 'Hồ An Phong' }]);
  });

  it('keeps the place of an unsigned draft whose day is blank, with no date', () => {
    const d = meta(doc(
      'UBND TỈNH LÀO CAI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ NỘI VỤ                  Độc lập - Tự do - Hạnh phúc',
      'Số:      /SNV-CCHC         Lào Cai, ngày    tháng 12 năm 2025',
      'V/v báo cáo kết quả chấm điểm Chỉ số CCHC',
      'Kính gửi: Ủy ban nhân dân tỉnh Lào Cai',
      'Sở Nội vụ báo cáo kết quả như sau.',
      'Nơi nhận:                  GIÁM ĐỐC',
      '- Như trên;',
      '- Lưu: VT.                 [daky]',
      '                           Nguyễn Thị Thu Hà',
    ));
    expect([d.number, d.date, d.place, d.type, d.issuer]).toEqual([null, null, 'Lào Cai', 'Công văn', 'Sở Nội vụ tỉnh Lào Cai']);
    expect(d.signatures.map((s) => s.name)).toEqual(['Nguyễn Thị Thu Hà']);
  });

  it('reads a database title line that stands for a lost header, marked inferred', () => {
    const d = meta(doc(
      'Nghị định của Chính phủ số 45/2021/NĐ-CP ngày 31 tháng 3 năm 2021 về việc thực hiện thủ tục hành chính trên môi trường điện tử',
      'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;',
      'Điều 1. Phạm vi điều chỉnh',
      'TM. CHÍNH PHỦ',
      'THỦ TƯỚNG',
      'Nguyễn Xuân Phúc',
    ));
    expect([d.type, d.number, d.date]).toEqual(['Nghị định', '45/2021/NĐ-CP', '2021-03-31']);
    expect(d.evidence.number!.inferred).toBe(true);
    expect(d.evidence.date!.rule).toBe('database-title');
  });

  it('never takes the number of a document the opening sentence cites', () => {
    const d = meta(doc(
      'Công văn số 123/BNV-CCHC ngày 05/01/2009 của Bộ Nội vụ về việc báo cáo, Ủy ban nhân dân tỉnh Yên Bái báo cáo kết quả như sau:',
      '1. Kết quả thực hiện.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Hoàng Thương Lượng',
    ));
    expect([d.number, d.date, d.type]).toEqual([null, null, null]);
    expect(d.issuer).toBe('Ủy ban nhân dân tỉnh Yên Bái');
  });

  it('reads a header and a signature written in lower case, as documents of the 2000s are', () => {
    const d = meta(doc(
      'Uỷ ban nhân dân                         Cộng hoà xã hội chủ nghĩa Việt Nam',
      'tỉnh Yên Bái                            Độc lập - Tự do - Hạnh phúc',
      'Số: 45/BC-UBND                          Yên Bái, ngày 20 tháng 6 năm 2006',
      'Báo cáo',
      'Tình hình thực hiện cải cách hành chính 6 tháng đầu năm 2006',
      'I. Kết quả',
      'Nội dung báo cáo.',
      'Nơi nhận:                               TM. Uỷ ban nhân dân',
      '- Bộ Nội vụ;                            Chủ tịch',
      '- Lưu VT.',
      '                                        Hoàng Thương Lượng',
    ));
    expect(d.type).toBe('Báo cáo');
    expect(d.evidence.type!.rule).toBe('type-line');
    expect(d.period).toMatchObject({ year: 2006, half: 1 });
    expect(signers(d)).toEqual([{ authority: 'TM.', authorityOf: 'Ủy ban nhân dân', title: 'Chủ tịch', name: 'Hoàng Thương Lượng' }]);
  });

  it('finds the place and date in a header whose columns were joined by single spaces', () => {
    const d = meta(doc(
      'ngân hàng nhà nước cộng hoà xã hội chủ nghĩa việt nam',
      'Số : 01/2006/TT-NHNN Hà Nội, ngày 20 tháng 02 năm 2006',
      'Thông tư',
      'Hướng dẫn góp vốn thành lập Quỹ bảo lãnh tín dụng',
    ));
    expect([d.number, d.place, d.date]).toEqual(['01/2006/TT-NHNN', 'Hà Nội', '2006-02-20']);
  });

  it('takes no signature from a form\'s "Ký tên, đóng dấu" lines', () => {
    const d = meta(doc(
      'BỘ TÀI CHÍNH', 'Số: 12/2001/QĐ-BTC', 'Hà Nội, ngày 13 tháng 3 năm 2001', 'QUYẾT ĐỊNH', 'Ban hành mẫu sổ kế toán',
      'Điều 1. Ban hành mẫu sổ.', 'Mẫu số S01', 'Ký xác nhận tháng', 'Số Ngày', 'Người ghi sổ', '(Ký, họ tên)', 'Trần Văn Minh',
    ));
    expect(d.signatures).toEqual([]);
  });
});

describe('metadata: a province named in running text', () => {
  it('is matched without tone marks only where the text has none', () => {
    const province = (text: string) => extractText(text).document?.province ?? null;
    expect(province('Thực hiện chế độ tối huệ quốc trong thương mại.')).toBeNull();
    expect(province('Theo dõi diễn biến thời tiết và báo cáo kịp thời.')).toBeNull();
    expect(province('Sở Nội vụ Điện Biên báo cáo kết quả.')).toBe('Điện Biên');
    expect(province('Bao cao cua UBND tinh Kien Giang, Kien Giang dat ket qua tot')).toBe('Kiên Giang');
  });

  it("of a central body's document comes from what the text names, not from where it was signed", () => {
    const ministry = (body: string) => meta(doc(
      'BỘ Y TẾ', 'Số: 3574/QĐ-BYT', 'Hà Nội, ngày 19 tháng 11 năm 2025', 'QUYẾT ĐỊNH', 'Về việc công bố thủ tục hành chính', body,
    ));
    expect(ministry('Điều 1. Công bố kèm theo Quyết định này 02 thủ tục hành chính.')).toMatchObject({ place: 'Hà Nội', province: null });
    expect(ministry('Điều 1. Giao Sở Y tế tỉnh Hà Tĩnh phối hợp với bệnh viện tỉnh Hà Tĩnh thực hiện.').province).toBe('Hà Tĩnh');
    // Two provinces named as often: none is the document's.
    expect(ministry('Điều 1. Giao tỉnh Hà Tĩnh và tỉnh Nghệ An thực hiện.').province).toBeNull();
    // A local body's document keeps the province of its place line.
    expect(meta(doc('ỦY BAN NHÂN DÂN', 'TỈNH CÀ MAU', 'Số: 301/BC-UBND', 'Cà Mau, ngày 20 tháng 9 năm 2025', 'BÁO CÁO', 'Kết quả')).province).toBe('Cà Mau');
  });
});

describe('metadata: a title in capitals wrapped over lines', () => {
  it('is read whole, so the period it names on its last line is found', () => {
    const d = meta(doc(
      'ỦY BAN NHÂN DÂN', 'TỈNH CÀ MAU', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 301/BC-UBND', 'Cà Mau, ngày 20 tháng 9 năm 2025',
      'BÁO CÁO', 'KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ III', 'NĂM 2025', 'I. KẾT QUẢ ĐẠT ĐƯỢC', 'Tỉnh đã thực hiện tốt.',
    ));
    expect(d.title).toBe('KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM 2025');
    expect(d.period).toMatchObject({ year: 2025, quarter: 3 });
  });
});

describe('agencies of a central body\'s document', () => {
  it('take no province from the place line: a national Cục\'s letter from Hà Nội has no home province', () => {
    const r = extractText(doc(
      'BỘ TÀI CHÍNH', 'CỤC THUẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 5200/CT-CS', 'V/v chính sách thuế', 'Hà Nội, ngày 10 tháng 11 năm 2025',
      'Kính gửi: Thuế tỉnh Nghệ An.', 'Cục Thuế nhận được công văn của Sở Tài chính về chính sách thuế.',
    ));
    const resolved = r.agencies.filter((a) => !a.group).map((a) => a.resolved);
    expect(resolved).toContain('Cục Thuế');
    expect(resolved).not.toContain('Cục Thuế thành phố Hà Nội');
    expect(resolved.some((n) => /Sở Tài chính thành phố Hà Nội/.test(n))).toBe(false);
  });
});

describe('metadata: an annex that lists members with their titles', () => {
  it('holds no signatures: the signer stays the one who signed', () => {
    const d = meta(doc(
      'ỦY BAN NHÂN DÂN', 'TỈNH NINH BÌNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 55/QĐ-UBND', 'Ninh Bình, ngày 3 tháng 4 năm 2025',
      'QUYẾT ĐỊNH', 'Về việc thành lập Ban Chỉ đạo cải cách hành chính tỉnh',
      'Điều 1. Thành lập Ban Chỉ đạo gồm các thành viên có tên tại Phụ lục kèm theo.', 'Nơi nhận:', '- Như Điều 2;', '- Lưu: VT.',
      'CHỦ TỊCH', 'Phạm Quang Ngọc',
      'PHỤ LỤC', 'DANH SÁCH THÀNH VIÊN', '|', 'TRƯỞNG BAN', '|', 'Phạm Quang Ngọc', '|', '|', 'GIÁM ĐỐC SỞ NỘI VỤ', '|', 'Nguyễn Văn Hải', '|',
    ));
    expect(signers(d)).toEqual([{ authority: null, authorityOf: null, title: 'CHỦ TỊCH', name: 'Phạm Quang Ngọc' }]);
  });
});
