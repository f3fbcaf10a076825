/**
 * Document metadata (type, number, date, place, province, issuer, title, period, signatures,
 * addressees, recipients) on synthetic documents with full headers in many layouts.
 *
 * Every expectation is written from the document composed here and the conventions of
 * shared/DOMAIN.md (Nghị định 30/2020/NĐ-CP layout), never from the tool's output.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

interface PeriodExp {
  year: number | null;
  quarter: number | null;
  half: number | null;
}
interface SigExp {
  authority: string | null;
  authorityOf: string | null;
  title: string | null;
  name: string | null;
}
interface MetaExp {
  type?: string | null;
  number?: string | null;
  date?: string | null;
  place?: string | null;
  province?: string | null;
  issuer?: string | null;
  title?: string | null;
  period?: PeriodExp | null;
  signatures?: SigExp[];
  addressees?: string[];
  recipients?: string[];
}

/** Lines joined with "\n". */
const doc = (...lines: string[]): string => lines.join('\n');
/** PDF-style: a blank line between every line. */
const pdf = (text: string): string => text.split('\n').join('\n\n');
/** Windows line ends. */
const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

const period = (year: number, quarter: number | null = null, half: number | null = null): PeriodExp => ({
  year,
  quarter,
  half,
});
const sig = (authority: string | null, authorityOf: string | null, title: string | null, name: string | null): SigExp => ({
  authority,
  authorityOf,
  title,
  name,
});

function projected(docMeta: Record<string, unknown>, key: string): unknown {
  if (key === 'period') {
    const p = docMeta.period as PeriodExp | null;
    return p ? { year: p.year, quarter: p.quarter, half: p.half } : null;
  }
  if (key === 'signatures') {
    const sigs = (docMeta.signatures ?? []) as SigExp[];
    return sigs.map((s) => ({ authority: s.authority, authorityOf: s.authorityOf, title: s.title, name: s.name }));
  }
  return docMeta[key];
}

/** Compare only the listed fields; each field is a soft assertion labelled with its name. */
function expectMeta(text: string, exp: MetaExp): void {
  const meta = extractText(text).document;
  expect(meta, 'document').not.toBeNull();
  if (!meta) return;
  for (const key of Object.keys(exp)) {
    expect.soft(projected(meta as unknown as Record<string, unknown>, key), key).toEqual((exp as Record<string, unknown>)[key]);
  }
}

/** For texts that may legitimately yield no document at all: a null document counts as all-null. */
function expectMetaLenient(text: string, exp: MetaExp): void {
  const meta = extractText(text).document as unknown as Record<string, unknown> | null;
  for (const key of Object.keys(exp)) {
    const want = (exp as Record<string, unknown>)[key];
    const got = meta ? projected(meta, key) : Array.isArray(want) ? [] : null;
    expect.soft(got, key).toEqual(want);
  }
}

// ---------------------------------------------------------------------------------------------
// Provincial people's committees (Ủy ban nhân dân)
// ---------------------------------------------------------------------------------------------

describe('metadata: Ủy ban nhân dân tỉnh / thành phố', () => {
  it('Nghệ An: báo cáo quý I with full header, Kính gửi on the same line, TM. signature after Nơi nhận', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'TỈNH NGHỆ AN',
      ...MOTTO,
      'Số: 75/BC-UBND',
      'Nghệ An, ngày 25 tháng 3 năm 2019',
      'BÁO CÁO',
      'Công tác cải cách hành chính quý I và phương hướng, nhiệm vụ quý II năm 2019',
      'Kính gửi: Bộ Nội vụ.',
      'Thực hiện chế độ báo cáo định kỳ, Ủy ban nhân dân tỉnh Nghệ An báo cáo kết quả cải cách hành chính quý I năm 2019 như sau:',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'Ủy ban nhân dân tỉnh ban hành Kế hoạch số 12/KH-UBND ngày 08/01/2019 về cải cách hành chính năm 2019.',
      'Trên đây là báo cáo công tác cải cách hành chính quý I năm 2019 của tỉnh Nghệ An./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Thường trực Tỉnh ủy;',
      '- Lưu: VT, TH.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Đức Thành',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '75/BC-UBND',
      date: '2019-03-25',
      place: 'Nghệ An',
      province: 'Nghệ An',
      issuer: 'Ủy ban nhân dân tỉnh Nghệ An',
      title: 'Công tác cải cách hành chính quý I và phương hướng, nhiệm vụ quý II năm 2019',
      period: period(2019, 1),
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Đức Thành')],
      addressees: ['Bộ Nội vụ'],
      recipients: ['Như trên', 'Thường trực Tỉnh ủy', 'Lưu: VT, TH'],
    });
  });

  it('Đà Nẵng: công văn with V/v subject, numeric date "ngày 5/1/2021", bullet addressees, KT. CHỦ TỊCH', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ ĐÀ NẴNG',
      'Số: 795/UBND-TH',
      'V/v triển khai Kế hoạch cải cách hành chính năm 2021',
      ...MOTTO,
      'Đà Nẵng, ngày 5/1/2021',
      'Kính gửi:',
      '- Thủ trưởng các sở, ban, ngành thành phố;',
      '- Chủ tịch UBND các quận, huyện.',
      'Thực hiện Kế hoạch số 210/KH-UBND ngày 25/12/2020 của Ủy ban nhân dân thành phố về cải cách hành chính năm 2021,',
      'Chủ tịch Ủy ban nhân dân thành phố yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc các nhiệm vụ được giao./.',
      'Nơi nhận:',
      '- Như trên;',
      '- TT Thành ủy, TT HĐND thành phố;',
      '- Lưu: VT, TH.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Lê Minh Quang',
    );
    expectMeta(text, {
      type: 'Công văn',
      number: '795/UBND-TH',
      date: '2021-01-05',
      place: 'Đà Nẵng',
      province: 'Đà Nẵng',
      issuer: 'Ủy ban nhân dân thành phố Đà Nẵng',
      title: 'triển khai Kế hoạch cải cách hành chính năm 2021',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('KT.', 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lê Minh Quang')],
      addressees: ['Thủ trưởng các sở, ban, ngành thành phố', 'Chủ tịch UBND các quận, huyện'],
      recipients: ['Như trên', 'TT Thành ủy, TT HĐND thành phố', 'Lưu: VT, TH'],
    });
  });

  it('Hải Phòng: kế hoạch with markdown leftovers (bold header, ## type line, **Nơi nhận:**)', () => {
    const text = doc(
      '**ỦY BAN NHÂN DÂN**',
      '**THÀNH PHỐ HẢI PHÒNG**',
      '',
      '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**',
      '**Độc lập - Tự do - Hạnh phúc**',
      '',
      'Số: 12/KH-UBND',
      '',
      '*Hải Phòng, ngày 15 tháng 01 năm 2016*',
      '',
      '## **KẾ HOẠCH**',
      '',
      '### **Thực hiện công tác cải cách hành chính nhà nước năm 2016**',
      '',
      'Căn cứ Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ, Ủy ban nhân dân thành phố ban hành Kế hoạch cải cách hành chính năm 2016 như sau:',
      '',
      '#### **I. MỤC ĐÍCH, YÊU CẦU**',
      '',
      'Nâng cao chất lượng giải quyết thủ tục hành chính cho người dân, doanh nghiệp./.',
      '',
      '**Nơi nhận:**',
      '',
      '- Bộ Nội vụ;',
      '- TT Thành ủy;',
      '- Các sở, ban, ngành thành phố;',
      '- Lưu: VT.',
      '',
      '**TM. ỦY BAN NHÂN DÂN**',
      '**CHỦ TỊCH**',
      '',
      '**Vũ Văn Hải**',
    );
    expectMeta(text, {
      type: 'Kế hoạch',
      number: '12/KH-UBND',
      date: '2016-01-15',
      place: 'Hải Phòng',
      province: 'Hải Phòng',
      issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
      title: 'Thực hiện công tác cải cách hành chính nhà nước năm 2016',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Vũ Văn Hải')],
      addressees: [],
      recipients: ['Bộ Nội vụ', 'TT Thành ủy', 'Các sở, ban, ngành thành phố', 'Lưu: VT'],
    });
  });

  it('Thành phố Hồ Chí Minh: tờ trình to the HĐND, title naming năm 2021, TM. signature', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HỒ CHÍ MINH',
      '--------',
      ...MOTTO,
      '---------------',
      'Số: 4512/TTr-UBND',
      'Thành phố Hồ Chí Minh, ngày 20 tháng 11 năm 2020',
      'TỜ TRÌNH',
      'Đề nghị ban hành Nghị quyết quy định mức thu lệ phí đối với hồ sơ nộp trực tuyến năm 2021',
      'Kính gửi: Hội đồng nhân dân Thành phố.',
      'Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;',
      'Ủy ban nhân dân Thành phố kính trình Hội đồng nhân dân Thành phố xem xét, thông qua dự thảo Nghị quyết./.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '(Đã ký)',
      'Phan Minh Tâm',
      'Nơi nhận:',
      '- Như trên;',
      '- Thường trực Thành ủy;',
      '- Lưu: VT, TH.',
    );
    expectMeta(text, {
      type: 'Tờ trình',
      number: '4512/TTr-UBND',
      date: '2020-11-20',
      place: 'Thành phố Hồ Chí Minh',
      province: 'Hồ Chí Minh',
      issuer: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
      title: 'Đề nghị ban hành Nghị quyết quy định mức thu lệ phí đối với hồ sơ nộp trực tuyến năm 2021',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Phan Minh Tâm')],
      addressees: ['Hội đồng nhân dân Thành phố'],
      recipients: ['Như trên', 'Thường trực Thành ủy', 'Lưu: VT, TH'],
    });
  });

  it('Thanh Hoá: old tone placement in header, place and body ("UỶ BAN", "Thanh Hoá"), 6 tháng đầu năm', () => {
    const text = doc(
      'UỶ BAN NHÂN DÂN',
      'TỈNH THANH HOÁ',
      ...MOTTO,
      'Số: 112/BC-UBND',
      'Thanh Hoá, ngày 10 tháng 7 năm 2019',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2019',
      'Kính gửi: Bộ Nội vụ.',
      'Uỷ ban nhân dân tỉnh Thanh Hoá báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2019 như sau:',
      'Toàn tỉnh đã tiếp nhận 125.430 hồ sơ thủ tục hành chính, giải quyết đúng hạn 98,9%./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Chủ tịch, các PCT UBND tỉnh;',
      '- Lưu: VT, NC.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Lê Thị Thu',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '112/BC-UBND',
      date: '2019-07-10',
      place: 'Thanh Hóa', // values are normalized (modern tone placement); evidence keeps the text as written
      province: 'Thanh Hóa',
      issuer: 'Ủy ban nhân dân tỉnh Thanh Hóa',
      title: 'Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2019',
      period: period(2019, null, 1),
      signatures: [sig('KT.', 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lê Thị Thu')],
      addressees: ['Bộ Nội vụ'],
      recipients: ['Như trên', 'Chủ tịch, các PCT UBND tỉnh', 'Lưu: VT, NC'],
    });
  });

  it('Ca Mau: place without diacritics, no upper-case header, issuer from the TM. signature', () => {
    const text = doc(
      'Số: 58/BC-UBND',
      'Ca Mau, ngày 15 tháng 3 năm 2024',
      'BÁO CÁO',
      'Tình hình thực hiện nhiệm vụ cải cách hành chính quý I năm 2024',
      'Kính gửi: Bộ Nội vụ.',
      'Trong quý I năm 2024, công tác cải cách hành chính trên địa bàn tỉnh Cà Mau tiếp tục được quan tâm chỉ đạo.',
      'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,2%./.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Huỳnh Quốc Việt',
      'Nơi nhận:',
      '- Như trên;',
      '- Sở Nội vụ;',
      '- Lưu: VT, NC.',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '58/BC-UBND',
      date: '2024-03-15',
      place: 'Ca Mau',
      province: 'Cà Mau',
      issuer: 'Ủy ban nhân dân tỉnh Cà Mau',
      title: 'Tình hình thực hiện nhiệm vụ cải cách hành chính quý I năm 2024',
      period: period(2024, 1),
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Huỳnh Quốc Việt')],
      addressees: ['Bộ Nội vụ'],
      recipients: ['Như trên', 'Sở Nội vụ', 'Lưu: VT, NC'],
    });
  });

  it('Đắk Lắk: PDF-style blank line between every line, kế hoạch kiểm tra năm 2020', () => {
    const text = pdf(
      doc(
        'ỦY BAN NHÂN DÂN',
        'TỈNH ĐẮK LẮK',
        ...MOTTO,
        'Số: 1024/KH-UBND',
        'Đắk Lắk, ngày 20 tháng 02 năm 2020',
        'KẾ HOẠCH',
        'Kiểm tra công tác cải cách hành chính năm 2020',
        'Thực hiện Kế hoạch cải cách hành chính năm 2020 của tỉnh Đắk Lắk, Ủy ban nhân dân tỉnh ban hành Kế hoạch kiểm tra như sau:',
        'I. MỤC ĐÍCH, YÊU CẦU',
        'Đánh giá đúng thực trạng công tác cải cách hành chính tại các cơ quan, đơn vị./.',
        'Nơi nhận:',
        '- Bộ Nội vụ (b/c);',
        '- Các sở, ban, ngành;',
        '- UBND các huyện, thị xã, thành phố;',
        '- Lưu: VT, NC.',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Võ Văn Cảnh',
      ),
    );
    expectMeta(text, {
      type: 'Kế hoạch',
      number: '1024/KH-UBND',
      date: '2020-02-20',
      place: 'Đắk Lắk',
      province: 'Đắk Lắk',
      issuer: 'Ủy ban nhân dân tỉnh Đắk Lắk',
      title: 'Kiểm tra công tác cải cách hành chính năm 2020',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('KT.', 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Võ Văn Cảnh')],
      addressees: [],
      recipients: ['Bộ Nội vụ (b/c)', 'Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố', 'Lưu: VT, NC'],
    });
  });

  it('Bà Rịa - Vũng Tàu: quyết định with Windows line ends; "Về việc" title of a QUYẾT ĐỊNH stays whole', () => {
    const text = crlf(
      doc(
        'ỦY BAN NHÂN DÂN',
        'TỈNH BÀ RỊA - VŨNG TÀU',
        ...MOTTO,
        'Số: 3819/QĐ-UBND',
        'Bà Rịa - Vũng Tàu, ngày 18 tháng 12 năm 2020',
        'QUYẾT ĐỊNH',
        'Về việc ban hành Kế hoạch cải cách hành chính năm 2021 của tỉnh Bà Rịa - Vũng Tàu',
        'ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 210/TTr-SNV ngày 10 tháng 12 năm 2020.',
        'QUYẾT ĐỊNH:',
        'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2021 của tỉnh.',
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.',
        'Nơi nhận:',
        '- Như Điều 3;',
        '- Bộ Nội vụ;',
        '- Lưu: VT, SNV.',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        'Nguyễn Văn Thọ',
      ),
    );
    expectMeta(text, {
      type: 'Quyết định',
      number: '3819/QĐ-UBND',
      date: '2020-12-18',
      place: 'Bà Rịa - Vũng Tàu',
      province: 'Bà Rịa - Vũng Tàu',
      issuer: 'Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu',
      // the title is the subject without its V/v or Về việc marker, for every document type
      title: 'ban hành Kế hoạch cải cách hành chính năm 2021 của tỉnh Bà Rịa - Vũng Tàu',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn Thọ')],
      addressees: [],
      recipients: ['Như Điều 3', 'Bộ Nội vụ', 'Lưu: VT, SNV'],
    });
  });

  it('Huế (2026, centrally-run city after the 2025 reorganisation): kế hoạch năm 2026', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HUẾ',
      ...MOTTO,
      'Số: 05/KH-UBND',
      'Huế, ngày 09 tháng 01 năm 2026',
      'KẾ HOẠCH',
      'Cải cách hành chính nhà nước năm 2026',
      'Thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, Ủy ban nhân dân thành phố Huế ban hành Kế hoạch như sau:',
      'Phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình./.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn Phương',
      'Nơi nhận:',
      '- Bộ Nội vụ;',
      '- TT Thành ủy, TT HĐND thành phố;',
      '- Lưu: VT.',
    );
    expectMeta(text, {
      type: 'Kế hoạch',
      number: '05/KH-UBND',
      date: '2026-01-09',
      place: 'Huế',
      province: 'Huế',
      issuer: 'Ủy ban nhân dân thành phố Huế',
      title: 'Cải cách hành chính nhà nước năm 2026',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn Phương')],
      addressees: [],
      recipients: ['Bộ Nội vụ', 'TT Thành ủy, TT HĐND thành phố', 'Lưu: VT'],
    });
  });

  it('Hà Nội: chỉ thị of the city committee, 2015', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HÀ NỘI',
      ...MOTTO,
      'Số: 03/CT-UBND',
      'Hà Nội, ngày 16 tháng 3 năm 2015',
      'CHỈ THỊ',
      'Về tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan hành chính nhà nước năm 2015',
      'Thời gian qua, công tác cải cách hành chính trên địa bàn Thành phố đã đạt được nhiều kết quả.',
      'Chủ tịch Ủy ban nhân dân Thành phố yêu cầu Thủ trưởng các sở, ban, ngành thực hiện nghiêm các nội dung sau./.',
      'Nơi nhận:',
      '- Văn phòng Chính phủ;',
      '- Bộ Nội vụ;',
      '- Các sở, ban, ngành Thành phố;',
      '- Lưu: VT, SNV.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Thế Hùng',
    );
    expectMeta(text, {
      type: 'Chỉ thị',
      number: '03/CT-UBND',
      date: '2015-03-16',
      place: 'Hà Nội',
      province: 'Hà Nội',
      issuer: 'Ủy ban nhân dân thành phố Hà Nội',
      title: 'Về tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan hành chính nhà nước năm 2015',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Thế Hùng')],
      addressees: [],
      recipients: ['Văn phòng Chính phủ', 'Bộ Nội vụ', 'Các sở, ban, ngành Thành phố', 'Lưu: VT, SNV'],
    });
  });

  it('Long An: blank number "Số:      /BC-UBND" gives number null; quý IV', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'TỈNH LONG AN',
      ...MOTTO,
      'Số:      /BC-UBND',
      'Long An, ngày 14 tháng 12 năm 2018',
      'BÁO CÁO',
      'Công tác cải cách hành chính quý IV năm 2018',
      'Kính gửi: Bộ Nội vụ.',
      'Ủy ban nhân dân tỉnh Long An báo cáo công tác cải cách hành chính quý IV năm 2018 như sau:',
      'Trong quý, tỉnh đã công bố 52 thủ tục hành chính mới ban hành./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Phạm Văn Cảnh',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: null,
      date: '2018-12-14',
      place: 'Long An',
      province: 'Long An',
      issuer: 'Ủy ban nhân dân tỉnh Long An',
      title: 'Công tác cải cách hành chính quý IV năm 2018',
      period: period(2018, 4),
      signatures: [sig('KT.', 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Phạm Văn Cảnh')],
      addressees: ['Bộ Nội vụ'],
      recipients: ['Như trên', 'Lưu: VT'],
    });
  });

  it('Bình Định: thông báo signed TUQ. CHỦ TỊCH by the director of Sở Nội vụ (issuer stays the committee)', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH ĐỊNH',
      ...MOTTO,
      'Số: 120/TB-UBND',
      'Bình Định, ngày 22 tháng 4 năm 2019',
      'THÔNG BÁO',
      'Danh sách cơ quan, đơn vị được khen thưởng về cải cách hành chính năm 2018',
      'Căn cứ kết quả xác định Chỉ số cải cách hành chính năm 2018 của các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố,',
      'Ủy ban nhân dân tỉnh thông báo danh sách các cơ quan, đơn vị được khen thưởng./.',
      'TUQ. CHỦ TỊCH',
      'GIÁM ĐỐC SỞ NỘI VỤ',
      'Trần Văn Bình',
      'Nơi nhận:',
      '- Các sở, ban, ngành tỉnh;',
      '- UBND các huyện, thị xã, thành phố;',
      '- Lưu: VT, SNV.',
    );
    expectMeta(text, {
      type: 'Thông báo',
      number: '120/TB-UBND',
      date: '2019-04-22',
      place: 'Bình Định',
      province: 'Bình Định',
      issuer: 'Ủy ban nhân dân tỉnh Bình Định',
      title: 'Danh sách cơ quan, đơn vị được khen thưởng về cải cách hành chính năm 2018',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TUQ.', 'CHỦ TỊCH', 'GIÁM ĐỐC SỞ NỘI VỤ', 'Trần Văn Bình')],
      addressees: [],
      recipients: ['Các sở, ban, ngành tỉnh', 'UBND các huyện, thị xã, thành phố', 'Lưu: VT, SNV'],
    });
  });

  it('Hà Tĩnh: two-column layout flattened side by side (header + motto, number + place on one line), TL. signature', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '   TỈNH HÀ TĨNH                          Độc lập - Tự do - Hạnh phúc',
      'Số: 2217/UBND-NC1                     Hà Tĩnh, ngày 06 tháng 6 năm 2019',
      'V/v báo cáo công tác cải cách hành chính quý II năm 2019',
      'Kính gửi: Các sở, ban, ngành cấp tỉnh.',
      'Để có cơ sở tổng hợp báo cáo Bộ Nội vụ, Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành báo cáo kết quả',
      'cải cách hành chính quý II năm 2019, gửi về Sở Nội vụ trước ngày 15/6/2019./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Chủ tịch, các PCT UBND tỉnh;',
      '- Lưu: VT, NC1.',
      'TL. CHỦ TỊCH',
      'CHÁNH VĂN PHÒNG',
      'Trần Tuấn Nghĩa',
    );
    expectMeta(text, {
      type: 'Công văn',
      number: '2217/UBND-NC1',
      date: '2019-06-06',
      place: 'Hà Tĩnh',
      province: 'Hà Tĩnh',
      issuer: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
      title: 'báo cáo công tác cải cách hành chính quý II năm 2019',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TL.', 'CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Trần Tuấn Nghĩa')],
      addressees: ['Các sở, ban, ngành cấp tỉnh'],
      recipients: ['Như trên', 'Chủ tịch, các PCT UBND tỉnh', 'Lưu: VT, NC1'],
    });
  });

  it('Gia Lai: header lost (only the type line), nulls for number/date/place, province from "tỉnh X" in the text', () => {
    const text = doc(
      'BÁO CÁO',
      'Kết quả công tác cải cách hành chính năm 2019',
      'Năm 2019, công tác cải cách hành chính trên địa bàn tỉnh Gia Lai đạt nhiều kết quả tích cực.',
      'Chỉ số cải cách hành chính của tỉnh Gia Lai tăng 5 bậc so với năm 2018; tỉnh phối hợp với tỉnh Kon Tum tổ chức hội nghị chuyên đề.',
      'Ủy ban nhân dân tỉnh Gia Lai tiếp tục chỉ đạo các sở, ngành thực hiện các giải pháp nâng cao chỉ số./.',
      'Nơi nhận:',
      '- Bộ Nội vụ;',
      '- Lưu: VT, NC.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Võ Ngọc Thành',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: null,
      date: null,
      place: null,
      province: 'Gia Lai',
      issuer: 'Ủy ban nhân dân tỉnh Gia Lai',
      title: 'Kết quả công tác cải cách hành chính năm 2019',
      period: period(2019),
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Võ Ngọc Thành')],
      addressees: [],
      recipients: ['Bộ Nội vụ', 'Lưu: VT, NC'],
    });
  });

  it('Kiên Giang: place "Kien Giang" without diacritics, title wrapped over two lines', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'TỈNH KIÊN GIANG',
      ...MOTTO,
      'Số: 198/BC-UBND',
      'Kien Giang, ngày 14 tháng 9 năm 2020',
      'BÁO CÁO',
      'Công tác cải cách hành chính quý III và chương trình công tác',
      'trọng tâm quý IV năm 2020',
      'Kính gửi: Bộ Nội vụ.',
      'Ủy ban nhân dân tỉnh Kiên Giang báo cáo tình hình thực hiện công tác cải cách hành chính quý III năm 2020 như sau:',
      'Trung tâm Phục vụ hành chính công tiếp nhận 11.093 hồ sơ./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Sở Nội vụ (02b);',
      '- Lưu: VT, nttrang.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Đức Chín',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '198/BC-UBND',
      date: '2020-09-14',
      place: 'Kien Giang',
      province: 'Kiên Giang',
      issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
      title: 'Công tác cải cách hành chính quý III và chương trình công tác trọng tâm quý IV năm 2020',
      period: period(2020, 3),
      signatures: [sig('KT.', 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Đức Chín')],
      addressees: ['Bộ Nội vụ'],
      recipients: ['Như trên', 'Sở Nội vụ (02b)', 'Lưu: VT, nttrang'],
    });
  });

  it('Tây Ninh: type line lost, type taken from the KH code of the own number', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'TỈNH TÂY NINH',
      ...MOTTO,
      'Số: 102/KH-UBND',
      'Tây Ninh, ngày 22 tháng 4 năm 2016',
      'Thực hiện Quyết định số 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh xây dựng kế hoạch như sau:',
      'I. MỤC TIÊU',
      'Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân./.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Trần Lưu Quang',
      'Nơi nhận:',
      '- Bộ Nội vụ;',
      '- Lưu: VT.',
    );
    expectMeta(text, {
      type: 'Kế hoạch',
      number: '102/KH-UBND',
      date: '2016-04-22',
      place: 'Tây Ninh',
      province: 'Tây Ninh',
      issuer: 'Ủy ban nhân dân tỉnh Tây Ninh',
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Lưu Quang')],
      recipients: ['Bộ Nội vụ', 'Lưu: VT'],
    });
  });

  it('Lâm Đồng: chương trình for 6 tháng cuối năm (second half)', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'TỈNH LÂM ĐỒNG',
      ...MOTTO,
      'Số: 45/CTr-UBND',
      'Lâm Đồng, ngày 03 tháng 7 năm 2017',
      'CHƯƠNG TRÌNH',
      'Công tác cải cách hành chính 6 tháng cuối năm 2017',
      'Nhằm hoàn thành các mục tiêu của Kế hoạch cải cách hành chính năm 2017, Ủy ban nhân dân tỉnh ban hành Chương trình công tác như sau:',
      'Tập trung rà soát, đơn giản hóa thủ tục hành chính./.',
      'Nơi nhận:',
      '- Bộ Nội vụ;',
      '- Các sở, ban, ngành;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Đoàn Văn Việt',
    );
    expectMeta(text, {
      type: 'Chương trình',
      number: '45/CTr-UBND',
      date: '2017-07-03',
      place: 'Lâm Đồng',
      province: 'Lâm Đồng',
      issuer: 'Ủy ban nhân dân tỉnh Lâm Đồng',
      title: 'Công tác cải cách hành chính 6 tháng cuối năm 2017',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Đoàn Văn Việt')],
      addressees: [],
      recipients: ['Bộ Nội vụ', 'Các sở, ban, ngành', 'Lưu: VT'],
    });
  });

  it('Quảng Nam: nghị quyết of the HĐND with a normative number (year inside), date "ngày 08/12/2023"', () => {
    const text = doc(
      'HỘI ĐỒNG NHÂN DÂN',
      'TỈNH QUẢNG NAM',
      ...MOTTO,
      'Số: 15/2023/NQ-HĐND',
      'Quảng Nam, ngày 08/12/2023',
      'NGHỊ QUYẾT',
      'Quy định mức thu lệ phí đối với thủ tục hành chính thực hiện trực tuyến trên địa bàn tỉnh Quảng Nam',
      'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NAM',
      'KHÓA X, KỲ HỌP THỨ MƯỜI TÁM',
      'Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;',
      'Điều 1. Quy định mức thu lệ phí bằng 50% mức thu hiện hành đối với hồ sơ nộp trực tuyến./.',
      'Nơi nhận:',
      '- UBTVQH;',
      '- Chính phủ;',
      '- Lưu: VT.',
      'CHỦ TỊCH',
      'Phan Việt Cường',
    );
    expectMeta(text, {
      type: 'Nghị quyết',
      number: '15/2023/NQ-HĐND',
      date: '2023-12-08',
      place: 'Quảng Nam',
      province: 'Quảng Nam',
      issuer: 'Hội đồng nhân dân tỉnh Quảng Nam',
      title: 'Quy định mức thu lệ phí đối với thủ tục hành chính thực hiện trực tuyến trên địa bàn tỉnh Quảng Nam',
      period: null,
      signatures: [sig(null, null, 'CHỦ TỊCH', 'Phan Việt Cường')],
      addressees: [],
      recipients: ['UBTVQH', 'Chính phủ', 'Lưu: VT'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Departments (Sở) and the office of the committee (Văn phòng UBND)
// ---------------------------------------------------------------------------------------------

describe('metadata: Sở and Văn phòng Ủy ban nhân dân', () => {
  it('Lào Cai: Sở Nội vụ báo cáo 6 tháng đầu năm, bullet addressees, KT. GIÁM ĐỐC before Nơi nhận', () => {
    const text = doc(
      'UBND TỈNH LÀO CAI',
      'SỞ NỘI VỤ',
      ...MOTTO,
      'Số: 215/BC-SNV',
      'Lào Cai, ngày 12 tháng 6 năm 2023',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023',
      'Kính gửi:',
      '- Ủy ban nhân dân tỉnh;',
      '- Bộ Nội vụ.',
      'Sở Nội vụ tỉnh Lào Cai báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023 như sau:',
      'Toàn tỉnh đã cắt giảm 12 thủ tục hành chính, đơn giản hóa 35 thủ tục./.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Hoàng Thị Lan',
      'Nơi nhận:',
      '- Như trên;',
      '- Giám đốc Sở;',
      '- Lưu: VT, CCHC.',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '215/BC-SNV',
      date: '2023-06-12',
      place: 'Lào Cai',
      province: 'Lào Cai',
      issuer: 'Sở Nội vụ tỉnh Lào Cai',
      title: 'Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023',
      period: period(2023, null, 1),
      signatures: [sig('KT.', 'GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Hoàng Thị Lan')],
      addressees: ['Ủy ban nhân dân tỉnh', 'Bộ Nội vụ'],
      recipients: ['Như trên', 'Giám đốc Sở', 'Lưu: VT, CCHC'],
    });
  });

  it('Lào Cai: Sở Tư pháp báo cáo without header lines; issuer from GIÁM ĐỐC + "Sở Tư pháp tỉnh Lào Cai báo cáo"', () => {
    const text = doc(
      'Số: 88/BC-STP',
      'Lào Cai, ngày 05 tháng 12 năm 2018',
      'BÁO CÁO',
      'Kết quả cải cách thể chế năm 2018',
      'Kính gửi: Sở Nội vụ tỉnh Lào Cai.',
      'Sở Tư pháp tỉnh Lào Cai báo cáo kết quả thực hiện nhiệm vụ cải cách thể chế năm 2018 như sau:',
      'Trong năm, Sở đã thẩm định 46 dự thảo văn bản quy phạm pháp luật./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, XDKTVB.',
      'GIÁM ĐỐC',
      '(Đã ký)',
      'Đỗ Văn Lâm',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '88/BC-STP',
      date: '2018-12-05',
      place: 'Lào Cai',
      province: 'Lào Cai',
      issuer: 'Sở Tư pháp tỉnh Lào Cai',
      title: 'Kết quả cải cách thể chế năm 2018',
      period: period(2018),
      signatures: [sig(null, null, 'GIÁM ĐỐC', 'Đỗ Văn Lâm')],
      addressees: ['Sở Nội vụ tỉnh Lào Cai'],
      recipients: ['Như trên', 'Lưu: VT, XDKTVB'],
    });
  });

  it('Khánh Hoà: Sở Tư pháp with old tone "KHÁNH HOÀ", Arabic "quý 1 năm 2021", GIÁM ĐỐC (Đã ký) without prefix', () => {
    const text = doc(
      'UBND TỈNH KHÁNH HOÀ',
      'SỞ TƯ PHÁP',
      ...MOTTO,
      'Số: 41/BC-STP',
      'Khánh Hoà, ngày 02 tháng 4 năm 2021',
      'BÁO CÁO',
      'Kết quả công tác cải cách hành chính quý 1 năm 2021',
      'Kính gửi: Sở Nội vụ tỉnh Khánh Hòa.',
      'Sở Tư pháp báo cáo kết quả công tác cải cách hành chính quý 1 năm 2021 như sau:',
      'Sở đã giải quyết 1.250 hồ sơ lý lịch tư pháp, 100% đúng hạn./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, VP.',
      'GIÁM ĐỐC',
      '(Đã ký)',
      'Trần Thị Mai',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '41/BC-STP',
      date: '2021-04-02',
      place: 'Khánh Hòa', // values are normalized (modern tone placement); evidence keeps the text as written
      province: 'Khánh Hòa',
      issuer: 'Sở Tư pháp tỉnh Khánh Hòa',
      title: 'Kết quả công tác cải cách hành chính quý 1 năm 2021',
      period: period(2021, 1),
      signatures: [sig(null, null, 'GIÁM ĐỐC', 'Trần Thị Mai')],
      addressees: ['Sở Nội vụ tỉnh Khánh Hòa'],
      recipients: ['Như trên', 'Lưu: VT, VP'],
    });
  });

  it('Quảng Ninh: Sở Tài chính tờ trình placed "Hạ Long" (not a province: province from the header), Q. GIÁM ĐỐC', () => {
    const text = doc(
      'UBND TỈNH QUẢNG NINH',
      'SỞ TÀI CHÍNH',
      ...MOTTO,
      'Số: 183/TTr-STC',
      'Hạ Long, ngày 14 tháng 8 năm 2017',
      'TỜ TRÌNH',
      'Đề nghị phê duyệt dự toán kinh phí thực hiện cải cách hành chính năm 2018',
      'Kính gửi: Ủy ban nhân dân tỉnh Quảng Ninh.',
      'Căn cứ Thông tư số 26/2011/TT-BTC ngày 24/02/2011 của Bộ Tài chính;',
      'Sở Tài chính kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, QLNS.',
      'Q. GIÁM ĐỐC',
      'Phạm Văn Hùng',
    );
    expectMeta(text, {
      type: 'Tờ trình',
      number: '183/TTr-STC',
      date: '2017-08-14',
      place: 'Hạ Long',
      province: 'Quảng Ninh',
      issuer: 'Sở Tài chính tỉnh Quảng Ninh',
      title: 'Đề nghị phê duyệt dự toán kinh phí thực hiện cải cách hành chính năm 2018',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      // No separate title line under "Q. GIÁM ĐỐC": the signer's title is the one signed for (acting director).
      signatures: [sig('Q.', 'GIÁM ĐỐC', 'GIÁM ĐỐC', 'Phạm Văn Hùng')],
      addressees: ['Ủy ban nhân dân tỉnh Quảng Ninh'],
      recipients: ['Như trên', 'Lưu: VT, QLNS'],
    });
  });

  it('Thừa Thiên Huế (2022): Sở Nội vụ báo cáo "quý 2/2022", KT. GIÁM ĐỐC', () => {
    const text = doc(
      'UBND TỈNH THỪA THIÊN HUẾ',
      'SỞ NỘI VỤ',
      ...MOTTO,
      'Số: 1530/BC-SNV',
      'Thừa Thiên Huế, ngày 20 tháng 6 năm 2022',
      'BÁO CÁO',
      'Kết quả thực hiện nhiệm vụ cải cách hành chính quý 2/2022',
      'Kính gửi: Ủy ban nhân dân tỉnh.',
      'Sở Nội vụ tỉnh Thừa Thiên Huế báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính quý 2/2022 như sau:',
      'Tỷ lệ hồ sơ trực tuyến đạt 63,26%./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Bộ Nội vụ (Vụ CCHC);',
      '- Lưu: VT, CCHC.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Thị Hằng',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '1530/BC-SNV',
      date: '2022-06-20',
      place: 'Thừa Thiên Huế',
      province: 'Thừa Thiên Huế',
      issuer: 'Sở Nội vụ tỉnh Thừa Thiên Huế',
      title: 'Kết quả thực hiện nhiệm vụ cải cách hành chính quý 2/2022',
      period: period(2022, 2),
      signatures: [sig('KT.', 'GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Thị Hằng')],
      addressees: ['Ủy ban nhân dân tỉnh'],
      recipients: ['Như trên', 'Bộ Nội vụ (Vụ CCHC)', 'Lưu: VT, CCHC'],
    });
  });

  it('An Giang: Sở Nội vụ báo cáo with corpus-like markdown (## **BÁO CÁO**, ***Nơi nhận:***, bold KT. block)', () => {
    const text = doc(
      '**UBND TỈNH AN GIANG**',
      '**SỞ NỘI VỤ**',
      '',
      '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**',
      '**Độc lập - Tự do - Hạnh phúc**',
      '',
      'Số: 45/BC-SNV',
      '',
      '*An Giang, ngày 20 tháng 3 năm 2019*',
      '',
      '## **BÁO CÁO**',
      '',
      '### **Công tác cải cách hành chính quý I và phương hướng, nhiệm vụ quý II năm 2019 tỉnh An Giang**',
      '',
      'Sở Nội vụ, cơ quan thường trực Ban Chỉ đạo chương trình cải cách hành chính của tỉnh, tổng hợp báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính Quý I năm 2019 như sau:',
      '',
      '#### **I. CÔNG TÁC CHỈ ĐẠO, TUYÊN TRUYỀN, KIỂM TRA**',
      '',
      '- Ngày 28/02/2019, Ban Chỉ đạo cải cách hành chính tỉnh tổ chức họp thành viên./.',
      '',
      '***Nơi nhận:***',
      '',
      '- Bộ Nội vụ - Vụ Cải cách hành chính (b/c);',
      '- Ủy ban nhân dân tỉnh;',
      '- Lưu: VT, CCHC.',
      '',
      '**KT. GIÁM ĐỐC  ',
      'PHÓ GIÁM ĐỐC**',
      '',
      '**Trương Long Hồ**',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: '45/BC-SNV',
      date: '2019-03-20',
      place: 'An Giang',
      province: 'An Giang',
      issuer: 'Sở Nội vụ tỉnh An Giang',
      title: 'Công tác cải cách hành chính quý I và phương hướng, nhiệm vụ quý II năm 2019 tỉnh An Giang',
      period: period(2019, 1),
      signatures: [sig('KT.', 'GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trương Long Hồ')],
      addressees: [],
      recipients: ['Bộ Nội vụ - Vụ Cải cách hành chính (b/c)', 'Ủy ban nhân dân tỉnh', 'Lưu: VT, CCHC'],
    });
  });

  it('Đồng Nai: Sở Nội vụ hướng dẫn 2025, GIÁM ĐỐC without prefix', () => {
    const text = doc(
      'UBND TỈNH ĐỒNG NAI',
      'SỞ NỘI VỤ',
      ...MOTTO,
      'Số: 05/HD-SNV',
      'Đồng Nai, ngày 10 tháng 02 năm 2025',
      'HƯỚNG DẪN',
      'Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024',
      'Kính gửi:',
      '- Các sở, ban, ngành tỉnh;',
      '- Ủy ban nhân dân các huyện, thành phố.',
      'Căn cứ Quyết định số 876/QĐ-BNV ngày 10/11/2023 của Bộ trưởng Bộ Nội vụ, Sở Nội vụ hướng dẫn tự đánh giá, chấm điểm như sau:',
      'Các cơ quan, đơn vị hoàn thành tự chấm điểm trước ngày 28/02/2025./.',
      'GIÁM ĐỐC',
      'Võ Văn Phi',
      'Nơi nhận:',
      '- Như trên;',
      '- UBND tỉnh (b/c);',
      '- Lưu: VT, CCHC.',
    );
    expectMeta(text, {
      type: 'Hướng dẫn',
      number: '05/HD-SNV',
      date: '2025-02-10',
      place: 'Đồng Nai',
      province: 'Đồng Nai',
      issuer: 'Sở Nội vụ tỉnh Đồng Nai',
      title: 'Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig(null, null, 'GIÁM ĐỐC', 'Võ Văn Phi')],
      addressees: ['Các sở, ban, ngành tỉnh', 'Ủy ban nhân dân các huyện, thành phố'],
      recipients: ['Như trên', 'UBND tỉnh (b/c)', 'Lưu: VT, CCHC'],
    });
  });

  it('Cần Thơ: Sở Tài chính công văn with "Về việc" subject wrapped over three lines, KT. GIÁM ĐỐC', () => {
    const text = doc(
      'UBND THÀNH PHỐ CẦN THƠ',
      'SỞ TÀI CHÍNH',
      'Số: 128/STC-GCS',
      'Về việc hướng dẫn xây dựng dự toán',
      'kinh phí cải cách hành chính',
      'năm 2019',
      ...MOTTO,
      'Cần Thơ, ngày 16 tháng 7 năm 2018',
      'Kính gửi:',
      '- Các sở, ban, ngành thành phố;',
      '- UBND các quận, huyện.',
      'Thực hiện Thông tư số 54/2018/TT-BTC ngày 08/6/2018 của Bộ Tài chính, Sở Tài chính hướng dẫn xây dựng dự toán kinh phí cải cách hành chính năm 2019 như sau:',
      'Các đơn vị gửi dự toán về Sở Tài chính trước ngày 31/7/2018./.',
      'Nơi nhận:',
      '- Như trên;',
      '- UBND thành phố (b/c);',
      '- Lưu: VT, GCS.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Lê Thị Bích Vân',
    );
    expectMeta(text, {
      type: 'Công văn',
      number: '128/STC-GCS',
      date: '2018-07-16',
      place: 'Cần Thơ',
      province: 'Cần Thơ',
      issuer: 'Sở Tài chính thành phố Cần Thơ',
      title: 'hướng dẫn xây dựng dự toán kinh phí cải cách hành chính năm 2019',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('KT.', 'GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lê Thị Bích Vân')],
      addressees: ['Các sở, ban, ngành thành phố', 'UBND các quận, huyện'],
      recipients: ['Như trên', 'UBND thành phố (b/c)', 'Lưu: VT, GCS'],
    });
  });

  it('Cần Thơ: Văn phòng UBND thông báo kết luận 6 tháng đầu năm 2017, CHÁNH VĂN PHÒNG without prefix', () => {
    const text = doc(
      'UBND THÀNH PHỐ CẦN THƠ',
      'VĂN PHÒNG',
      ...MOTTO,
      'Số: 56/TB-VPUBND',
      'Cần Thơ, ngày 21 tháng 7 năm 2017',
      'THÔNG BÁO',
      'Kết luận của Chủ tịch Ủy ban nhân dân thành phố tại cuộc họp sơ kết công tác cải cách hành chính 6 tháng đầu năm 2017',
      'Ngày 18 tháng 7 năm 2017, Chủ tịch Ủy ban nhân dân thành phố chủ trì cuộc họp sơ kết công tác cải cách hành chính.',
      'Văn phòng Ủy ban nhân dân thành phố thông báo ý kiến kết luận đến các cơ quan, đơn vị biết, thực hiện./.',
      'Nơi nhận:',
      '- CT, các PCT UBND thành phố;',
      '- Các sở, ban, ngành thành phố;',
      '- Lưu: VT.',
      'CHÁNH VĂN PHÒNG',
      'Nguyễn Thị Hoa',
    );
    expectMeta(text, {
      type: 'Thông báo',
      number: '56/TB-VPUBND',
      date: '2017-07-21',
      place: 'Cần Thơ',
      province: 'Cần Thơ',
      issuer: 'Văn phòng Ủy ban nhân dân thành phố Cần Thơ',
      title:
        'Kết luận của Chủ tịch Ủy ban nhân dân thành phố tại cuộc họp sơ kết công tác cải cách hành chính 6 tháng đầu năm 2017',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig(null, null, 'CHÁNH VĂN PHÒNG', 'Nguyễn Thị Hoa')],
      addressees: [],
      recipients: ['CT, các PCT UBND thành phố', 'Các sở, ban, ngành thành phố', 'Lưu: VT'],
    });
  });

  it('Cà Mau: Văn phòng UBND công văn on quý IV, KT. CHÁNH VĂN PHÒNG', () => {
    const text = doc(
      'UBND TỈNH CÀ MAU',
      'VĂN PHÒNG',
      'Số: 1045/VPUBND-KSTT',
      'V/v đôn đốc báo cáo kết quả cải cách hành chính quý IV năm 2022',
      ...MOTTO,
      'Cà Mau, ngày 28 tháng 11 năm 2022',
      'Kính gửi:',
      '- Các sở, ban, ngành tỉnh;',
      '- UBND các huyện, thành phố Cà Mau.',
      'Văn phòng Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị gửi báo cáo kết quả cải cách hành chính quý IV năm 2022 đúng thời hạn./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lãnh đạo VP;',
      '- Lưu: VT, KSTT.',
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Tô Hoàng Nam',
    );
    expectMeta(text, {
      type: 'Công văn',
      number: '1045/VPUBND-KSTT',
      date: '2022-11-28',
      place: 'Cà Mau',
      province: 'Cà Mau',
      issuer: 'Văn phòng Ủy ban nhân dân tỉnh Cà Mau',
      title: 'đôn đốc báo cáo kết quả cải cách hành chính quý IV năm 2022',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('KT.', 'CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Tô Hoàng Nam')],
      addressees: ['Các sở, ban, ngành tỉnh', 'UBND các huyện, thành phố Cà Mau'],
      recipients: ['Như trên', 'Lãnh đạo VP', 'Lưu: VT, KSTT'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// National bodies (ministries, Văn phòng Chính phủ, Thủ tướng)
// ---------------------------------------------------------------------------------------------

describe('metadata: national bodies', () => {
  it('Bộ Nội vụ: quyết định with dash rule under the header and "QUYẾT ĐỊNH:" in the body, KT. BỘ TRƯỞNG', () => {
    const text = doc(
      'BỘ NỘI VỤ',
      '-------',
      ...MOTTO,
      '---------------',
      'Số: 2636/QĐ-BNV',
      'Hà Nội, ngày 10 tháng 12 năm 2018',
      'QUYẾT ĐỊNH',
      'Phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương”',
      'BỘ TRƯỞNG BỘ NỘI VỤ',
      'Căn cứ Nghị định số 34/2017/NĐ-CP ngày 03 tháng 4 năm 2017 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;',
      'QUYẾT ĐỊNH:',
      'Điều 1. Phê duyệt kèm theo Quyết định này Đề án “Xác định Chỉ số cải cách hành chính”.',
      'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.',
      'Nơi nhận:',
      '- Như Điều 3;',
      '- Bộ trưởng (để b/c);',
      '- Lưu: VT, Vụ CCHC.',
      'KT. BỘ TRƯỞNG',
      'THỨ TRƯỞNG',
      'Nguyễn Trọng Thừa',
    );
    expectMeta(text, {
      type: 'Quyết định',
      number: '2636/QĐ-BNV',
      date: '2018-12-10',
      place: 'Hà Nội',
      province: null, // a central body's: signed in Hà Nội, about no province
      issuer: 'Bộ Nội vụ',
      title:
        'Phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương”',
      period: null,
      signatures: [sig('KT.', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Nguyễn Trọng Thừa')],
      addressees: [],
      recipients: ['Như Điều 3', 'Bộ trưởng (để b/c)', 'Lưu: VT, Vụ CCHC'],
    });
  });

  it('Bộ Nội vụ: công văn placed "Ha Noi" without diacritics, TL. BỘ TRƯỞNG', () => {
    const text = doc(
      'BỘ NỘI VỤ',
      'Số: 512/BNV-CCHC',
      'V/v hướng dẫn xác định Chỉ số cải cách hành chính năm 2024',
      ...MOTTO,
      'Ha Noi, ngày 12 tháng 2 năm 2025',
      'Kính gửi:',
      '- Các bộ, cơ quan ngang bộ;',
      '- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.',
      'Thực hiện Quyết định số 876/QĐ-BNV ngày 10/11/2023, Bộ Nội vụ hướng dẫn việc tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024 như sau:',
      'Thời hạn gửi báo cáo tự đánh giá trước ngày 15/3/2025./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Bộ trưởng (để b/c);',
      '- Lưu: VT, CCHC.',
      'TL. BỘ TRƯỞNG',
      'VỤ TRƯỞNG VỤ CẢI CÁCH HÀNH CHÍNH',
      'Phạm Minh Hùng',
    );
    expectMeta(text, {
      type: 'Công văn',
      number: '512/BNV-CCHC',
      date: '2025-02-12',
      place: 'Ha Noi',
      province: null, // a central body's: signed in Hà Nội, about no province
      issuer: 'Bộ Nội vụ',
      title: 'hướng dẫn xác định Chỉ số cải cách hành chính năm 2024',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TL.', 'BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ CẢI CÁCH HÀNH CHÍNH', 'Phạm Minh Hùng')],
      addressees: ['Các bộ, cơ quan ngang bộ', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương'],
      recipients: ['Như trên', 'Bộ trưởng (để b/c)', 'Lưu: VT, CCHC'],
    });
  });

  it('Bộ Tài chính: công văn on "quý III/2022", TL. BỘ TRƯỞNG', () => {
    const text = doc(
      'BỘ TÀI CHÍNH',
      'Số: 1285/BTC-TCCB',
      'V/v báo cáo kết quả cải cách hành chính quý III/2022',
      ...MOTTO,
      'Hà Nội, ngày 03 tháng 10 năm 2022',
      'Kính gửi: Các đơn vị thuộc Bộ.',
      'Để tổng hợp báo cáo Chính phủ, Bộ Tài chính đề nghị các đơn vị báo cáo kết quả cải cách hành chính quý III/2022.',
      'Báo cáo gửi về Vụ Tổ chức cán bộ trước ngày 10/10/2022./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lãnh đạo Bộ (để b/c);',
      '- Lưu: VT, TCCB.',
      'TL. BỘ TRƯỞNG',
      'VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ',
      'Nguyễn Văn Tuấn',
    );
    expectMeta(text, {
      type: 'Công văn',
      number: '1285/BTC-TCCB',
      date: '2022-10-03',
      place: 'Hà Nội',
      province: null, // a central body's: signed in Hà Nội, about no province
      issuer: 'Bộ Tài chính',
      title: 'báo cáo kết quả cải cách hành chính quý III/2022',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('TL.', 'BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ', 'Nguyễn Văn Tuấn')],
      addressees: ['Các đơn vị thuộc Bộ'],
      recipients: ['Như trên', 'Lãnh đạo Bộ (để b/c)', 'Lưu: VT, TCCB'],
    });
  });

  it('Bộ Tư pháp: kế hoạch năm 2024, KT. BỘ TRƯỞNG with (Đã ký)', () => {
    const text = doc(
      'BỘ TƯ PHÁP',
      ...MOTTO,
      'Số: 34/KH-BTP',
      'Hà Nội, ngày 08 tháng 01 năm 2024',
      'KẾ HOẠCH',
      'Cải cách hành chính năm 2024 của Bộ Tư pháp',
      'Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, Bộ Tư pháp ban hành Kế hoạch cải cách hành chính năm 2024 như sau:',
      'Hoàn thành 100% nhiệm vụ cải cách hành chính được giao./.',
      'KT. BỘ TRƯỞNG',
      'THỨ TRƯỞNG',
      '(Đã ký)',
      'Đặng Hoàng Oanh',
      'Nơi nhận:',
      '- Bộ trưởng (để b/c);',
      '- Các đơn vị thuộc Bộ;',
      '- Lưu: VT, VP.',
    );
    expectMeta(text, {
      type: 'Kế hoạch',
      number: '34/KH-BTP',
      date: '2024-01-08',
      place: 'Hà Nội',
      province: null, // a central body's: signed in Hà Nội, about no province
      issuer: 'Bộ Tư pháp',
      title: 'Cải cách hành chính năm 2024 của Bộ Tư pháp',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('KT.', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Đặng Hoàng Oanh')],
      addressees: [],
      recipients: ['Bộ trưởng (để b/c)', 'Các đơn vị thuộc Bộ', 'Lưu: VT, VP'],
    });
  });

  it('Văn phòng Chính phủ: thông báo kết luận with a title wrapped over two lines, KT. BỘ TRƯỞNG, CHỦ NHIỆM', () => {
    const text = doc(
      'VĂN PHÒNG CHÍNH PHỦ',
      ...MOTTO,
      'Số: 187/TB-VPCP',
      'Hà Nội, ngày 23 tháng 5 năm 2018',
      'THÔNG BÁO',
      'Kết luận của Phó Thủ tướng Thường trực Trương Hòa Bình',
      'tại Hội nghị công bố Chỉ số cải cách hành chính năm 2017',
      'Ngày 14 tháng 5 năm 2018, tại Hà Nội, Phó Thủ tướng Thường trực chủ trì Hội nghị công bố Chỉ số cải cách hành chính năm 2017.',
      'Văn phòng Chính phủ thông báo kết luận của Phó Thủ tướng Thường trực như sau./.',
      'Nơi nhận:',
      '- Thủ tướng, các Phó Thủ tướng;',
      '- Các Bộ, cơ quan ngang Bộ;',
      '- Lưu: VT, TCCV.',
      'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
      'PHÓ CHỦ NHIỆM',
      'Nguyễn Cao Lực',
    );
    expectMeta(text, {
      type: 'Thông báo',
      number: '187/TB-VPCP',
      date: '2018-05-23',
      place: 'Hà Nội',
      province: null, // a central body's: signed in Hà Nội, about no province
      issuer: 'Văn phòng Chính phủ',
      title: 'Kết luận của Phó Thủ tướng Thường trực Trương Hòa Bình tại Hội nghị công bố Chỉ số cải cách hành chính năm 2017',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig('KT.', 'BỘ TRƯỞNG, CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM', 'Nguyễn Cao Lực')],
      addressees: [],
      recipients: ['Thủ tướng, các Phó Thủ tướng', 'Các Bộ, cơ quan ngang Bộ', 'Lưu: VT, TCCV'],
    });
  });

  it('Thủ tướng Chính phủ: spaced number with upper-case issuer code "Số: 12 / QĐ-TTG" → "12/QĐ-TTG" (as written, ANNOTATION.md)', () => {
    const text = doc(
      'THỦ TƯỚNG CHÍNH PHỦ',
      ...MOTTO,
      'Số: 12 / QĐ-TTG',
      'Hà Nội, ngày 04 tháng 02 năm 2016',
      'QUYẾT ĐỊNH',
      'Ban hành Kế hoạch thực hiện Chương trình tổng thể cải cách hành chính nhà nước',
      'THỦ TƯỚNG CHÍNH PHỦ',
      'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình tổng thể cải cách hành chính nhà nước./.',
      'Nơi nhận:',
      '- Ban Bí thư Trung ương Đảng;',
      '- Các bộ, cơ quan ngang bộ;',
      '- Lưu: VT, TCCV.',
      'KT. THỦ TƯỚNG',
      'PHÓ THỦ TƯỚNG',
      'Nguyễn Xuân Phúc',
    );
    expectMeta(text, {
      type: 'Quyết định',
      number: '12/QĐ-TTG',
      date: '2016-02-04',
      place: 'Hà Nội',
      province: null, // a central body's: signed in Hà Nội, about no province
      issuer: 'Thủ tướng Chính phủ',
      title: 'Ban hành Kế hoạch thực hiện Chương trình tổng thể cải cách hành chính nhà nước',
      period: null,
      signatures: [sig('KT.', 'THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG', 'Nguyễn Xuân Phúc')],
      addressees: [],
      recipients: ['Ban Bí thư Trung ương Đảng', 'Các bộ, cơ quan ngang bộ', 'Lưu: VT, TCCV'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Negative checks
// ---------------------------------------------------------------------------------------------

describe('metadata: negative checks', () => {
  it('body-only text (no header, no signature) gives type, number, date null and empty lists', () => {
    const text = doc(
      'Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2020 của Ủy ban nhân dân tỉnh, Sở Nội vụ đã tổ chức kiểm tra tại 15 cơ quan, đơn vị.',
      'Qua kiểm tra, 100% cơ quan, đơn vị niêm yết công khai thủ tục hành chính đúng quy định.',
      'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%.',
    );
    expectMetaLenient(text, {
      type: null,
      number: null,
      date: null,
      place: null,
      signatures: [],
      addressees: [],
      recipients: [],
    });
  });

  it('a date opening a body sentence ("Ngày 04 tháng 3 năm 2025, Ủy ban nhân dân tỉnh tổ chức hội nghị") is not the document date', () => {
    const text = doc(
      '## THÔNG BÁO',
      '',
      '**Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại Hội nghị tổng kết công tác cải cách hành chính năm 2024**',
      '',
      'Ngày 04 tháng 3 năm 2025, Ủy ban nhân dân tỉnh tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2024.',
      '',
      'Tham dự Hội nghị có lãnh đạo các sở, ban, ngành tỉnh (theo Quyết định số 1077/QĐ-UBND ngày 04 tháng 7 năm 2024 của Chủ tịch Ủy ban nhân dân tỉnh).',
      '',
      'Văn phòng Ủy ban nhân dân tỉnh thông báo ý kiến kết luận đến các cơ quan, đơn vị biết, thực hiện./.',
      '',
      '**Nơi nhận:**',
      '',
      '- Các sở, ban, ngành tỉnh;',
      '- Lưu: VT.',
      '',
      '**CHÁNH VĂN PHÒNG**',
      '',
      '**Lê Kỳ Quang**',
    );
    expectMeta(text, {
      type: 'Thông báo',
      number: null,
      date: null,
      place: null,
      title: 'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại Hội nghị tổng kết công tác cải cách hành chính năm 2024',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
      signatures: [sig(null, null, 'CHÁNH VĂN PHÒNG', 'Lê Kỳ Quang')],
      addressees: [],
      recipients: ['Các sở, ban, ngành tỉnh', 'Lưu: VT'],
    });
  });

  it('with a place-and-date line, the document date comes from it, not from an earlier-dated body sentence', () => {
    const text = doc(
      'UBND TỈNH AN GIANG',
      'VĂN PHÒNG',
      ...MOTTO,
      'Số: 112/TB-VPUBND',
      'An Giang, ngày 12 tháng 3 năm 2025',
      'THÔNG BÁO',
      'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại Hội nghị tổng kết công tác cải cách hành chính năm 2024',
      'Ngày 04 tháng 3 năm 2025, Ủy ban nhân dân tỉnh tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2024.',
      'Văn phòng Ủy ban nhân dân tỉnh thông báo ý kiến kết luận đến các cơ quan, đơn vị biết, thực hiện./.',
      'Nơi nhận:',
      '- Các sở, ban, ngành tỉnh;',
      '- Lưu: VT.',
      'CHÁNH VĂN PHÒNG',
      'Lê Kỳ Quang',
    );
    expectMeta(text, {
      type: 'Thông báo',
      number: '112/TB-VPUBND',
      date: '2025-03-12',
      place: 'An Giang',
      province: 'An Giang',
      issuer: 'Văn phòng Ủy ban nhân dân tỉnh An Giang',
      period: null, // only a Báo cáo reports on a period (ANNOTATION.md)
    });
  });

  it('a number cited in the body is not the own number when the header has none', () => {
    const text = doc(
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch số 876/KH-UBND năm 2023',
      'Thực hiện Kế hoạch số 876/KH-UBND ngày 23 tháng 12 năm 2022 của Ủy ban nhân dân tỉnh, các cơ quan đã hoàn thành 45/50 nhiệm vụ.',
      'Quyết định số 3037/QĐ-UBND ngày 21/12/2021 tiếp tục được triển khai./.',
    );
    expectMeta(text, {
      type: 'Báo cáo',
      number: null,
      date: null,
      place: null,
      period: period(2023),
    });
  });

  it('a document without Kính gửi and without Nơi nhận has empty addressees and recipients', () => {
    const text = doc(
      'ỦY BAN NHÂN DÂN',
      'TỈNH QUẢNG TRỊ',
      ...MOTTO,
      'Số: 77/KH-UBND',
      'Quảng Trị, ngày 30 tháng 5 năm 2021',
      'KẾ HOẠCH',
      'Tuyên truyền cải cách hành chính năm 2021',
      'Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2021 trên địa bàn tỉnh Quảng Trị./.',
    );
    expectMeta(text, {
      type: 'Kế hoạch',
      number: '77/KH-UBND',
      date: '2021-05-30',
      province: 'Quảng Trị',
      issuer: 'Ủy ban nhân dân tỉnh Quảng Trị',
      signatures: [],
      addressees: [],
      recipients: [],
    });
  });
});
