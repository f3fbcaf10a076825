import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { readBytes } from '../../src/read/index.js';
import { joinLines, linesOf, splitFootnotes } from '../../src/read/pdf.js';
import { FORMATS, makeDocx, makeFormat, makePdf } from '../../support/format-fixtures.js';
import { lyingZipBomb, zipBomb } from '../helpers/bad-files.js';
import { add, corpusDocuments, emptyCounts, goldFigures, prf, scoreFigures, scoreReferences, FIGURE_KINDS } from '../../support/gold.js';
import { tempDir } from '../helpers/temp.js';
import { linesPdf, rawPdf, signedDecisionPdf } from '../helpers/raw-pdf.js';

const dir = tempDir('formats');
const docs = corpusDocuments();


describe.each(FORMATS)('the corpus as %s', (format) => {
  it('yields at least 99% of the gold references and figures, with the same ids, dates and values', async () => {
    let refs = emptyCounts();
    let figs = emptyCounts();
    let datesRight = 0;
    let datesCompared = 0;
    for (const d of docs) {
      const text = readFileSync(d.textPath, 'utf8');
      const path = join(dir, `${d.name}.${format}`);
      writeFileSync(path, await makeFormat(text, format));
      const record = await extractFile(path);
      expect(record.errors).toEqual([]);
      expect(record.source.format).toBe(format.replace(/^.*\./, ''));
      if (format.includes('.')) expect(record.source.encoding).toBe(format.split('.')[0]);
      const r = scoreReferences(d.references!, record.references);
      refs = add(refs, r);
      datesRight += r.datesRight;
      datesCompared += r.datesCompared;
      const f = scoreFigures(goldFigures(d.name)!, record.figures);
      for (const k of FIGURE_KINDS) figs = add(figs, f.byKind[k]);
    }
    expect(prf(refs).r).toBeGreaterThanOrEqual(0.99);
    expect(datesRight / datesCompared).toBeGreaterThanOrEqual(0.99);
    expect(prf(figs).r).toBeGreaterThanOrEqual(0.99);
  });
});

describe('DOC (Word 97-2003) fixtures made with LibreOffice (test/fixtures/doc)', () => {
  const fixtureDir = new URL('../fixtures/doc/', import.meta.url).pathname;
  it.each([
    ['an-giang_2019_q1_bao-cao-cchc.doc', 'an-giang_2019_q1_bao-cao-cchc', null],
    ['kien-giang_2020_q3_bao-cao-cchc.doc', 'kien-giang_2020_q3_bao-cao-cchc', null],
    ['kien-giang_2020_q3_bao-cao-cchc.tcvn3.doc', 'kien-giang_2020_q3_bao-cao-cchc', 'tcvn3'],
    ['an-giang_2023_q1_bao-cao-cchc.vni.doc', 'an-giang_2023_q1_bao-cao-cchc', 'vni'],
  ])('%s yields the gold references and figures', async (file, name, encoding) => {
    const record = await extractFile(join(fixtureDir, file));
    expect(record.errors).toEqual([]);
    expect(record.source).toMatchObject({ format: 'doc', encoding });
    const d = docs.find((x) => x.name === name)!;
    const r = scoreReferences(d.references!, record.references);
    expect(prf(r).r).toBeGreaterThanOrEqual(0.99);
    expect(r.datesRight).toBe(r.datesCompared);
    let figs = emptyCounts();
    const f = scoreFigures(goldFigures(name)!, record.figures);
    for (const k of FIGURE_KINDS) figs = add(figs, f.byKind[k]);
    expect(prf(figs).r).toBeGreaterThanOrEqual(0.99);
  });
});

describe('DOCX reader', () => {
  it('keeps table rows as lines and footnotes after the body', async () => {
    const { htmlToText } = await import('../../src/read/docx.js');
    const html = '<h1>I. KẾT QUẢ</h1><p>Đối với 170 trường hợp<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>; cử 01 công chức.</p>'
      + '<table><tr><td><p>Tiếp nhận</p></td><td><p>11.093 hồ sơ</p></td></tr></table>'
      + '<ol><li id="footnote-1"><p>Gồm: bổ nhiệm 04 trường hợp theo Nghị định số 138/2020/NĐ-CP. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlToText(html)).toBe('I. KẾT QUẢ\n\nĐối với 170 trường hợp; cử 01 công chức.\n\nTiếp nhận\t11.093 hồ sơ\n\n1 Gồm: bổ nhiệm 04 trường hợp theo Nghị định số 138/2020/NĐ-CP.\n');
  });
});

describe('PDF reader', () => {
  it('rebuilds lines from positioned items, with spaces where gaps are wide', () => {
    const item = (str: string, x: number, y: number, width: number) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10 });
    expect(linesOf([item('Nghị định', 0, 700, 45), item('số 61/2018/NĐ-CP', 50, 700, 80), item('ngày 23/4/2018', 0, 688, 60)]))
      .toEqual(['Nghị định số 61/2018/NĐ-CP', 'ngày 23/4/2018']);
  });

  it('gives spans their page', async () => {
    const text = readFileSync(docs.find((d) => d.name.includes('kien-giang'))!.textPath, 'utf8');
    const path = join(dir, 'paged.pdf');
    writeFileSync(path, await makePdf(text));
    const record = await extractFile(path);
    expect(record.source.pages).toBeGreaterThan(1);
    const pages = record.references.map((r) => r.span.page!);
    expect(pages[0]).toBe(1);
    expect(Math.max(...pages)).toBeGreaterThan(1);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
  });

  it('reads the short last page of a born-digital PDF from its text layer, not by OCR (which would draw it at 300 dpi)', async () => {
    const text = readFileSync(docs.find((d) => d.name.includes('kien-giang'))!.textPath, 'utf8').slice(0, 3000);
    const result = await readBytes(await makePdf(text, { lastPage: 'Nguyễn Đức Chín' }), 'tail.pdf', undefined, { ocr: 'auto' });
    expect(result.pages).toHaveLength(3);
    expect(result.text.trimEnd().endsWith('Nguyễn Đức Chín')).toBe(true);
    // No page went to OCR, and none was reported unread for want of it.
    expect(result.ocr).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('drops running headers and page numbers, and keeps the body', async () => {
    const text = readFileSync(docs.find((d) => d.name.includes('kien-giang'))!.textPath, 'utf8');
    const result = await readBytes(await makePdf(text, { running: 'UBND TỈNH KIÊN GIANG - BÁO CÁO CCHC QUÝ III/2020' }), 'r.pdf');
    expect(result.pages!.length).toBeGreaterThan(3);
    expect(result.text).not.toContain('UBND TỈNH KIÊN GIANG - BÁO CÁO');
    expect(result.text.split('\n').filter((l) => /^\d{1,2}$/.test(l.trim()))).toEqual([]);
    expect(result.text).toContain('11.093 hồ sơ');
  });

  it('keeps footnotes apart from the body: after it, with the page they were printed on', async () => {
    const body = Array.from({ length: 60 }, (_, i) => `Dòng ${i + 1} của báo cáo cải cách hành chính tỉnh Quảng Ngãi năm 2009.`).join('\n');
    const pdf = await makePdf(body, { footnotes: ['1 Quyết định số 1294/QĐ-UBND ngày 01/6/2008 của Ủy ban nhân dân tỉnh.', '2 Chỉ thị số 12/CT-TTg ngày 04/5/2009.'] });
    const path = join(dir, 'footnotes.pdf');
    writeFileSync(path, pdf);
    const result = await readBytes(pdf, path);
    // The body runs on across the page break with no note between its lines.
    expect(result.text).toMatch(/Dòng 53 [^\n]*\n+Dòng 54 /);
    expect(result.text.indexOf('1 Quyết định số 1294')).toBeGreaterThan(result.text.indexOf('Dòng 60 '));
    expect(result.notes).toHaveLength(2);
    const record = await extractFile(path);
    expect(record.references.map((r) => [r.id, r.span.page])).toEqual([['1294/QĐ-UBND', 1], ['12/CT-TTg', 2]]);
  });

  it('ends paragraphs where the space between lines widens, and keeps a wrapped paragraph whole', async () => {
    const long = 'Thực hiện Quyết định số 1294/QĐ-UBND ngày 01/6/2018 của Ủy ban nhân dân tỉnh Bình Định về việc công bố danh mục thủ tục hành chính, các sở, ban, ngành đã rà soát và đơn giản hóa thủ tục.';
    const text = `I. KẾT QUẢ THỰC HIỆN\n${long}\nNgoài ra, Sở Nội vụ đã tổ chức kiểm tra tại 12 đơn vị.`;
    const result = await readBytes(await makePdf(text, { paragraphGap: 8 }), 'p.pdf');
    const paragraphs = result.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe('I. KẾT QUẢ THỰC HIỆN');
    expect(paragraphs[1]!.split('\n').length).toBeGreaterThan(1); // wrapped, but one paragraph
    expect(paragraphs[1]!.replace(/\n/g, ' ')).toBe(long);
    const plain = await readBytes(await makePdf(text), 'q.pdf');
    expect(plain.text.split('\n\n')).toHaveLength(1);
  });

  it('repairs end-of-line hyphenation: a soft hyphen closes the word up, a hard one joins the symbol', () => {
    expect(joinLines(['Quyết định số 985/QĐ-', 'UBND ngày 12/5/2021 về cải', 'cách hành chính; e-gov\u00AD', 'ernment'])).toBe('Quyết định số 985/QĐ-UBND ngày 12/5/2021 về cải\ncách hành chính; e-government');
    expect(joinLines(['phát triển kinh tế -', 'xã hội'])).toBe('phát triển kinh tế -\nxã hội');
  });

  it('leaves small print that is not a note in the body', () => {
    const row = (text: string, height: number) => ({ text, height });
    const page = [row('BÁO CÁO', 14), row('Công tác cải cách hành chính quý I năm 2010', 11), row('Sở Nội vụ tổng hợp như sau:', 11), row('Ghi chú: số liệu tạm tính', 8)];
    expect(splitFootnotes(page).notes).toEqual([]);
    expect(splitFootnotes([...page.slice(0, 3), row('1 Nghị định số 63/2010/NĐ-CP', 8), row('của Chính phủ', 8)]).notes.map((r) => r.text)).toEqual(['1 Nghị định số 63/2010/NĐ-CP', 'của Chính phủ']);
  });

  it('reads two columns left column first', async () => {
    const left = Array.from({ length: 30 }, (_, i) => `Dòng trái số ${i + 1} của cột thứ nhất.`).join('\n');
    const result = await readBytes(await makePdf(left, { columns: 2 }), 'c.pdf');
    const order = [...result.text.matchAll(/Dòng trái số (\d+)/g)].map((m) => Number(m[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('reads an encrypted PDF that opens without a password', async () => {
    const result = await readBytes(await makePdf('Nghị định số 61/2018/NĐ-CP ngày 23/4/2018', { ownerPassword: 'only-the-owner' }), 'e.pdf');
    expect(result.text).toContain('61/2018/NĐ-CP');
  });

  it('reads the words a signed PDF shows in its form fields, in place, and not a hidden field', async () => {
    const result = await readBytes(signedDecisionPdf(), 'signed.pdf');
    const lines = result.text.split('\n');
    // The number and the day filled in over the template's gaps stand on their lines of the header.
    expect(lines.find((l) => l.startsWith('Số:'))?.replace(/\s+/g, ' ')).toBe('Số: 1234 /QĐ-UBND Lào Cai, ngày 05 tháng 12 năm 2025');
    // The signature widget's appearance, between the title and the name it stamps.
    expect(result.text).toMatch(/CHỦ TỊCH\n+Ký bởi: Ủy ban nhân dân tỉnh Lào Cai\nThời gian ký: 05\.12\.2025 10:20:30 \+07:00\nNguyễn Văn An/u);
    expect(result.text).toContain('Bản sao điện tử');
    expect(result.text).not.toContain('KHÔNG HIỂN THỊ');
    const path = join(dir, 'signed.pdf');
    writeFileSync(path, signedDecisionPdf());
    const record = await extractFile(path);
    expect(record.document).toMatchObject({ number: '1234/QĐ-UBND', date: '2025-12-05', type: 'Quyết định' });
    // The stamp's lines between the title and the name are no part of the signature block's reading.
    expect(record.document!.signatures.map((g) => [g.title, g.name])).toEqual([['CHỦ TỊCH', 'Nguyễn Văn An']]);
    expect(record.references.map((r) => r.id)).toEqual(['12/2024/QĐ-UBND']);
  });

  it('blanks a page whose text layer is garbage, with a finding, and refuses a file whose every page is (--ocr never)', async () => {
    // Here the garbage is what the page shows too: OCR would read it back; the test is of the check.
    process.env.VNREFORM_OCR = 'never';
    onTestFinished(() => {
      delete process.env.VNREFORM_OCR;
    });
    const good = ['ỦY BAN NHÂN DÂN TỈNH LÀO CAI', 'Số: 12/BC-UBND', 'BÁO CÁO', 'Kết quả cải cách hành chính quý III năm 2025',
      'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông;',
      'Trong quý, Trung tâm đã tiếp nhận 1.247 hồ sơ, giải quyết đúng hạn đạt 98,5%.'];
    // A bad OCR layer: shapes of words, wrong letters, invented symbols ("96/ZOUIND-CP").
    const garbage = ['Qnyct ¿inh s6 96/ZOUIND-CP ngàv 2Ż/4/2018 cña Chnh phñ vÒ thùc hiÖn', 'c¬ chÕ mét cöa ŁÞwqx ÿ8 rRtTq zxvbn Mnrtp Xqwz Zrkt Bcdfg Pqrst Wxyzq',
      'Ŧŧŋ ŉĸ ðþ Ħħ Ŀŀ Łł Ńń Ňň Ŋŋ 63/ZQXW-BKH Tộtç Rştk Hwxq Vzbn Kmxq'];
    const mixed = join(dir, 'mixed.pdf');
    writeFileSync(mixed, linesPdf([good, garbage]));
    const record = await extractFile(mixed);
    expect(record.references.map((r) => r.id)).toEqual(['61/2018/NĐ-CP']);
    expect(record.figures.map((f) => f.value)).toEqual([1247, 98.5]);
    expect(record.findings.filter((f) => f.code === 'unusable-text-layer').map((f) => f.span?.page)).toEqual([2]);
    const bad = join(dir, 'garbage.pdf');
    writeFileSync(bad, linesPdf([garbage, garbage]));
    expect((await extractFile(bad)).errors.map((e) => e.code)).toEqual(['unusable-text-layer']);
  });

  it('reads a PDF by its content whatever its name', async () => {
    const result = await readBytes(await makePdf('Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ'), 'misnamed.txt');
    expect(result.format).toBe('pdf');
    expect(result.text).toContain('61/2018/NĐ-CP');
  });
});

describe('a zip bomb that lies about its sizes', () => {
  // Its central directory declares 5 KB, so the check of declared sizes let mammoth inflate all
  // 500 MB (651 MB RSS); the reader now counts what actually inflates and stops at 200 times the packed size.
  it('is refused with zip-bomb quickly, with a few megabytes of memory', async () => {
    const bomb = lyingZipBomb(500);
    expect(bomb.length).toBeLessThan(600 * 1024);
    const before = process.memoryUsage.rss();
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 2);
    const started = Date.now();
    try {
      await expect(readBytes(bomb, 'bomb.docx')).rejects.toMatchObject({
        code: 'zip-bomb', message: expect.stringMatching(/^word\/document\.xml unpacks to more than 200 times its \d+ packed bytes \(it declares 5120\); refused$/),
      });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('bad files get one error record each, with a specific code', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['zero bytes named .pdf', () => new Uint8Array(), 'empty-file'],
    ['random bytes named .pdf', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251), 'binary-file'],
    ['a truncated PDF', async () => (await makePdf('Báo cáo công tác cải cách hành chính')).subarray(0, 600), 'corrupt-pdf'],
    ['a password-protected PDF', () => makePdf('Báo cáo mật', { userPassword: 'secret' }), 'password-protected'],
    ['a PDF with no text layer', () => makePdf(''), 'no-text-layer'],
    ['random bytes after a zip header named .docx', () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 500 }, (_, i) => i % 256)]), 'corrupt-docx'],
    ['a zip bomb named .docx', () => zipBomb(), 'zip-bomb'],
    // pdf.js opens these and then fails to find a page: its error was not ours to know, so internal-error.
    ['a PDF whose page tree lists itself among its kids', () => rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']), 'corrupt-pdf'],
    ['a PDF whose page tree loops through a child', () => rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 2 >>', '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>']), 'corrupt-pdf'],
    ['a damaged DOC (an OLE2 header and nothing else)', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'corrupt-doc'],
  ];
  it.each(cases)('%s', async (_name, make, code) => {
    const path = join(dir, `bad-${code}.${code.includes('docx') || code === 'zip-bomb' ? 'docx' : 'pdf'}`);
    writeFileSync(path, await make());
    const record = await extractFile(path);
    expect(record.errors.map((e) => e.code)).toEqual([code]);
    expect(record.document).toBeNull();
  });
});

/**
 * A zip whose central directory declares word/document.xml unpacking to 4 GiB from a few bytes:
 * the reader must refuse it from the directory alone, before anything is inflated.
 */
