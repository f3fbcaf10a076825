import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capitalsOfUpperFonts, convertLegacy, declaredLegacyFonts, decodeLegacy, decodeRun, detectLegacy } from '../../src/read/legacy.js';
import { encodeLegacy } from '../../support/format-fixtures.js';
import { compareLetters } from '../../support/legacy-letters.js';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { readBytes } from '../../src/read/index.js';
import { parseRtf } from '../../src/read/rtf.js';
import { defaultRules } from '../../src/rules/compile.js';
import { extractFile, extractText } from '../../src/pipeline.js';

const rules = defaultRules();

describe('legacy Vietnamese encodings (rules/legacy-encodings.json)', () => {
  it.each([
    ['B¸o c¸o', 'Báo cáo'],
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
    ['NghÞ ®Þnh', 'Nghị định'],
    ['QuyÕt ®Þnh', 'Quyết định'],
    ['Hµ Néi, ngµy 15 th¸ng 3 n¨m 2004', 'Hà Nội, ngày 15 tháng 3 năm 2004'],
  ])('TCVN3 "%s" → "%s"', (legacy, unicode) => {
    expect(convertLegacy(legacy, 'tcvn3', rules)).toBe(unicode);
  });

  it.each([
    ['Baùo caùo', 'Báo cáo'],
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
    ['Nghò ñònh', 'Nghị định'],
    ['Quyeát ñònh', 'Quyết định'],
    ['COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ])('VNI "%s" → "%s"', (legacy, unicode) => {
    expect(convertLegacy(legacy, 'vni', rules)).toBe(unicode);
  });

  it('detects the encoding from the characters, and leaves Unicode alone', () => {
    const tcvn3 = 'Thùc hiÖn NghÞ ®Þnh sè 61/2018/N§-CP ngµy 23/4/2018 cña ChÝnh phñ vÒ thùc hiÖn c¬ chÕ mét cöa';
    const vni = 'Thöïc hieän Nghò ñònh soá 61/2018/NÑ-CP ngaøy 23/4/2018 cuûa Chính phuû veà thöïc hieän cô cheá moät cöûa';
    expect(detectLegacy(tcvn3, rules)).toBe('tcvn3');
    expect(detectLegacy(vni, rules)).toBe('vni');
    expect(detectLegacy('Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa', rules)).toBeNull();
  });

  it('reads an 8-bit TCVN3 text file and extracts from it', async () => {
    const text = 'Thùc hiÖn NghÞ ®Þnh sè 61/2018/N§-CP ngµy 23/4/2018 cña ChÝnh phñ vÒ thùc hiÖn c¬ chÕ mét cöa.';
    const result = await readBytes(Buffer.from(text, 'latin1'), 'cu.txt');
    expect(result.encoding).toBe('tcvn3');
    expect(result.text).toBe('Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa.');
    expect(extractText(result.text).references[0]).toMatchObject({ id: '61/2018/NĐ-CP', date: '2018-04-23' });
  });
});

describe('legacy fonts named by the file', () => {
  it('reads TCVN3 all-capitals fonts (.VnTimeH) as capitals, and plain .VnTime as written', () => {
    expect(decodeRun('b¸o c¸o', '.VnTimeH', rules)).toEqual({ text: 'BÁO CÁO', encoding: 'tcvn3' });
    expect(decodeRun('céng hoµ x· héi chñ nghÜa viÖt nam', '.VnArialH', rules)?.text).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(decodeRun('B¸o c¸o', '.VnTime', rules)?.text).toBe('Báo cáo');
    expect(decodeRun('Baùo caùo', 'VNI-Helve', rules)?.text).toBe('Báo cáo');
    expect(decodeRun('Báo cáo', 'Times New Roman', rules)).toBeNull();
    expect(decodeRun('Báo cáo', null, rules)).toBeNull();
  });

  it('converts a DOCX run by run: TCVN3 body, .VnTimeH title, Unicode runs left alone', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ children: [new TextRun({ text: 'b¸o c¸o', font: '.VnTimeH' })] }),
      new Paragraph({ children: [new TextRun({ text: 'Thùc hiÖn NghÞ ®Þnh sè 61/2018/N§-CP, ', font: '.VnTime' }), new TextRun({ text: 'Quyết định số 985/QĐ-UBND', font: 'Times New Roman' })] }),
    ] }] }));
    const r = await readBytes(docx, 'mixed.docx');
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toBe('BÁO CÁO\n\nThực hiện Nghị định số 61/2018/NĐ-CP, Quyết định số 985/QĐ-UBND\n');
  });

  it('finds legacy font names in a DOC font table (UTF-16) and in PDF font dictionaries', () => {
    expect(declaredLegacyFonts(Buffer.from('\0\0.VnTime\0Arial\0', 'utf16le'), rules)).toEqual(['tcvn3']);
    expect(declaredLegacyFonts(Buffer.from('<< /Type /Font /BaseFont /ABCDEF+VNI-Times >>', 'latin1'), rules)).toEqual(['vni']);
    expect(declaredLegacyFonts(Buffer.from('<< /Type /Font /BaseFont /TimesNewRomanPSMT >> .Vn', 'latin1'), rules)).toEqual([]);
    // A DOC saved by LibreOffice from a VNI-Times RTF (test/fixtures/doc).
    const doc = readFileSync(new URL('../fixtures/doc/an-giang_2023_q1_bao-cao-cchc.vni.doc', import.meta.url));
    expect(declaredLegacyFonts(doc, rules)).toEqual(['vni']);
  });

  it('judges by every letter: under 20 letters there is too little text to call legacy', () => {
    // "c¸c" is TCVN3 "các": two letters and one legacy letter ("¸" is not a letter in Unicode).
    expect(detectLegacy(`${'c¸c '.repeat(9)}c¸`, rules)).toBeNull(); // 19 letters
    expect(detectLegacy('c¸c '.repeat(10), rules)).toBe('tcvn3'); // 20 letters
    // Legacy letters must outnumber Unicode-only Vietnamese letters four to one.
    expect(detectLegacy(`${'c¸c '.repeat(10)}ạạ`, rules)).toBe('tcvn3');
    expect(detectLegacy(`${'c¸c '.repeat(10)}ạạạ`, rules)).toBeNull();
  });

  it('lowers the bar for the encoding a file declares, not for others', () => {
    // One legacy letter in 80: too few to convert on statistics alone, enough with a declared .VnTime.
    const sparse = `${'Report on administrative reform in the province '.repeat(3)}B¸o c¸o`;
    expect(detectLegacy(sparse, rules)).toBeNull();
    expect(detectLegacy(sparse, rules, ['tcvn3'])).toBe('tcvn3');
    expect(detectLegacy(sparse, rules, ['vni'])).toBeNull();
  });

  it('converts a paged text page by page, keeping every page boundary on the same words', () => {
    const text = 'B¸o c¸o trang mét\fNghÞ ®Þnh sè 61/2018/N§-CP trang hai\n\n1 QuyÕt ®Þnh sè 985';
    const cut = text.indexOf('\f');
    const note = text.indexOf('1 Quy');
    const r = decodeLegacy({
      text, format: 'pdf', encoding: null, warnings: [],
      pages: [{ start: 0, end: cut }, { start: cut + 1, end: note - 2 }], notes: [{ start: note, end: text.length, page: 1 }],
    }, rules, ['tcvn3']);
    expect(r.encoding).toBe('tcvn3');
    expect(r.pages!.map((p) => r.text.slice(p.start, p.end))).toEqual(['Báo cáo trang một', 'Nghị định số 61/2018/NĐ-CP trang hai']);
    expect(r.notes!.map((n) => [r.text.slice(n.start, n.end), n.page])).toEqual([['1 Quyết định số 985', 1]]);
  });
});

describe('Windows-1258', () => {
  it('reads an 8-bit Windows-1258 text file (Vietnamese letters with combining tone marks)', async () => {
    // "Thực hiện Nghị định số 61/2018/NĐ-CP" in Windows-1258: base letters with combining marks.
    const cp1258 = Buffer.from([0x54, 0x68, 0xFD, 0xF2, 0x63, 0x20, 0x68, 0x69, 0xEA, 0xF2, 0x6E, 0x20, 0x4E, 0x67, 0x68, 0x69, 0xF2, 0x20, 0xF0, 0x69, 0xF2, 0x6E, 0x68, 0x20, 0x73, 0xF4, 0xEC, 0x20, 0x36, 0x31, 0x2F, 0x32, 0x30, 0x31, 0x38, 0x2F, 0x4E, 0xD0, 0x2D, 0x43, 0x50, 0x20, 0x63, 0x75, 0xD2, 0x61, 0x20, 0x43, 0x68, 0x69, 0xEC, 0x6E, 0x68, 0x20, 0x70, 0x68, 0x75, 0xD2]);
    const result = await readBytes(cp1258, 'w.txt');
    expect(result.encoding).toBe('windows-1258');
    expect(result.text).toBe('Thực hiện Nghị định số 61/2018/NĐ-CP của Chính phủ');
  });
});

describe('RTF', () => {
  const rtf = (body: string, fonts = '{\\f0\\fswiss Arial;}{\\f1\\fnil .VnTime;}{\\f2\\fnil VNI-Times;}') =>
    Buffer.from(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl${fonts}}{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator test;}\\f0 ${body}}`, 'latin1');

  it('reads \\uN escapes, paragraphs and skips tables of fonts and colours', async () => {
    const r = await readBytes(rtf('Ngh\\u7883? \\u273?\\u7883?nh s\\u7889? 61/2018/N\\u272?-CP\\par D\\\'f2ng hai'), 'a.rtf');
    expect(r.format).toBe('rtf');
    expect(r.text).toBe('Nghị định số 61/2018/NĐ-CP\nDòng hai');
  });

  it('parts a table row\'s cells by tabs, an empty cell kept, so each value stays under its header', async () => {
    const row = (...cells: string[]) => `\\trowd\\cellx3000\\cellx6000\\cellx9000 ${cells.map((c) => `${c}\\cell `).join('')}\\row\n`;
    const r = await readBytes(rtf(row('N\\u7897?i dung', 'S\\u7889? h\\u7891? s\\u417?', 'T\\u7927? l\\u7879? (%)') + row('Ti\\u7871?p nh\\u7853?n', '45.210', '100') + row('Tr\\u7877? h\\u7841?n', '', '0,69')), 't.rtf');
    const t = extractText(r.text).tables[0]!;
    expect(t.rows.map((x) => x.map((c) => c.text))).toEqual([['Nội dung', 'Số hồ sơ', 'Tỷ lệ (%)'], ['Tiếp nhận', '45.210', '100'], ['Trễ hạn', '', '0,69']]);
  });

  it('converts runs in a legacy font by the font, and says so', async () => {
    const r = await readBytes(rtf('{\\f1 B\\\'b8o c\\\'b8o} {\\f2 Baùo caùo}'), 'b.rtf');
    expect(r.text).toBe('Báo cáo Báo cáo');
    expect(r.encoding).toBe('tcvn3+vni');
  });

  it('decodes \\\'hh bytes by the code page of their font\'s charset (163: Windows-1258), whatever \\ansicpg says', async () => {
    // Bytes as Windows-1258 writes them: base letters and a combining tone mark ("ế" = "ê" + U+0301).
    const cp1258 = new TextDecoder('windows-1258');
    const byteOf = new Map<string, number>();
    for (let b = 0x80; b < 0x100; b++) byteOf.set(cp1258.decode(Uint8Array.of(b)), b);
    const encode = (text: string): string => [...text.normalize('NFC')].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return ch;
      if (byteOf.has(ch)) return `\\'${byteOf.get(ch)!.toString(16)}`;
      const [base, ...marks] = [...ch.normalize('NFD')];
      const tone = marks.find((m) => byteOf.has(m) && '\u0300\u0301\u0303\u0309\u0323'.includes(m))!;
      const letter = [base, ...marks.filter((m) => m !== tone)].join('').normalize('NFC');
      const head = letter.charCodeAt(0) < 0x80 ? letter : `\\'${byteOf.get(letter)!.toString(16)}`;
      return `${head}\\'${byteOf.get(tone)!.toString(16)}`;
    }).join('');
    const text = 'Quyết định số 12/QĐ-UB ngày 5 tháng 3 năm 2004';
    const r = await readBytes(rtf(`{\\f3 ${encode(text)}}`, '{\\f0\\fswiss Arial;}{\\f3\\froman\\fcharset163 Times New Roman;}'), 'c.rtf');
    expect(r.text.normalize('NFC')).toBe(text);
  });

  it('reads a file whose \\ansicpg names no code page as Windows-1252, with a finding, instead of failing', async () => {
    const bytes = Buffer.from(rtf('Caf\\\'e9 \\u7883? Ngh\\u7883? \\u273?\\u7883?nh s\\u7889? 61/2018/N\\u272?-CP').toString('latin1').replace('ansicpg1252', 'ansicpg99999'), 'latin1');
    const r = await readBytes(bytes, 'd.rtf');
    expect(r.text).toBe('Café ị Nghị định số 61/2018/NĐ-CP');
    expect(r.findings).toEqual([{ code: 'unknown-code-page', severity: 'warning', message: expect.stringMatching(/code page 99999 .* read as Windows-1252/), suggestion: null, span: null }]);
    const dir = mkdtempSync(join(tmpdir(), 'vnreform-rtf-'));
    writeFileSync(join(dir, 'd.rtf'), bytes);
    const record = await extractFile(join(dir, 'd.rtf'));
    rmSync(dir, { recursive: true });
    expect(record.errors).toEqual([]);
    expect(record.references.map((x) => x.id)).toEqual(['61/2018/NĐ-CP']);
    expect(record.findings.filter((f) => f.code === 'unknown-code-page')).toHaveLength(1);
  });

  it('parses runs with their fonts', () => {
    const runs = parseRtf('{\\rtf1{\\fonttbl{\\f0 Arial;}{\\f1 .VnTime;}}\\f0 A {\\f1 B}}', (f) => f.startsWith('.Vn'));
    expect(runs).toEqual([{ text: 'A ', font: 'Arial' }, { text: 'B', font: '.VnTime' }]);
  });
});

describe('legacy text read without its fonts', () => {
  it('converts each paragraph by the encoding its letters point to, in a file typed in two', () => {
    const tcvn3 = encodeLegacy('Kế hoạch tổng thể phát triển công nghệ thông tin của tỉnh Lâm Đồng', 'TCVN3');
    const vni = encodeLegacy('Các hệ thống thông tin của tỉnh dựa vào cơ sở hạ tầng hiện có', 'VNI');
    const result = decodeLegacy({ text: `${tcvn3}\n${tcvn3}\n${vni}`, format: 'doc', encoding: null, pages: null, warnings: [] }, rules);
    expect(result.text.split('\n')).toEqual([
      'Kế hoạch tổng thể phát triển công nghệ thông tin của tỉnh Lâm Đồng',
      'Kế hoạch tổng thể phát triển công nghệ thông tin của tỉnh Lâm Đồng',
      'Các hệ thống thông tin của tỉnh dựa vào cơ sở hạ tầng hiện có',
    ]);
  });

  it('gives a word in a capitals font its capitals, and leaves a word of one capital alone', () => {
    expect(capitalsOfUpperFonts('MụC LụC — PHầN THứ NHấT: Hà Nội, Hồ Chí Minh')).toBe('MỤC LỤC — PHẦN THỨ NHẤT: Hà Nội, Hồ Chí Minh');
  });

  it('gives a word of one capital its capitals beside a Vietnamese word in capitals, not beside an acronym', () => {
    expect(capitalsOfUpperFonts('Kế HOẠCH TỔNG THỂ PHÁT TRIỂN')).toBe('KẾ HOẠCH TỔNG THỂ PHÁT TRIỂN');
    expect(capitalsOfUpperFonts('Về CCHC năm 2020')).toBe('Về CCHC năm 2020');
  });

  it('reads TCVN3 as pdf.js reports it from a PDF: "μ", "−" and "∙" for the bytes B5, AD and B7', () => {
    expect(convertLegacy('Thñ t−íng ChÝnh phñ; ngμy 25; b¶o l∙nh', 'tcvn3', rules)).toBe('Thủ tướng Chính phủ; ngày 25; bảo lãnh');
  });
});

describe('the legacy benchmark\'s measure (support/legacy-letters.ts)', () => {
  it('aligns letters whatever the spacing, and counts an accented letter read without its mark as wrong', () => {
    expect(compareLetters('Thủ tướng Chính phủ', 'T h ủ  t ư ớ n g   C h í n h  p h ủ')).toMatchObject({ accented: 5, accentedRight: 5, characters: 16, charactersRight: 16 });
    expect(compareLetters('Thủ tướng Chính phủ', 'Thu tướng Chinh phủ')).toMatchObject({ accented: 5, accentedRight: 3, charactersRight: 14 });
    // A word the reader lost is missed; the letters after it still align.
    expect(compareLetters('Quyết định của Thủ tướng Chính phủ về việc sửa đổi', 'Quyết định Thủ tướng Chính phủ về việc sửa đổi')).toMatchObject({ characters: 40, charactersRight: 37 });
  });
});

describe('legacy text files: 8-bit bytes that are not UTF-8', () => {
  // The text reader reads a file that is mostly valid UTF-8 as UTF-8; TCVN3 and VNI bytes must
  // still go to the legacy decoders. The development set's transcripts, written as either.
  const transcripts = new URL('../../devset/legacy/transcripts/', import.meta.url);
  it.each(['TCVN3', 'VNI'] as const)('reads every legacy transcript written in %s as such', async (encoding) => {
    const names = readdirSync(transcripts);
    expect(names.length).toBeGreaterThan(50);
    const found = await Promise.all(names.map(async (name) => {
      const bytes = Buffer.from(encodeLegacy(readFileSync(new URL(name, transcripts), 'utf8'), encoding), 'latin1');
      return (await readBytes(bytes, name)).encoding;
    }));
    expect(new Set(found)).toEqual(new Set([encoding.toLowerCase()]));
  });
});

describe('legacy originals of the development set (devset/legacy/files)', () => {
  const read = async (file: string) => (await readBytes(readFileSync(new URL(`../../devset/legacy/files/${file}`, import.meta.url)), file)).text;

  it('gives back the "ư" a TCVN3 PDF draws with byte AD, which getTextContent drops as a soft hyphen', async () => {
    const text = await read('2006-1E499_ND109veDKKD_dacotrenmucPTDNN-V.pdf');
    expect(text).toContain('Trung ương không được ban hành');
    expect(text).toContain('được nhà nước bảo hộ');
  });

  it('reads the text boxes of a Word 97 file (a diagram\'s labels are words on the page)', async () => {
    const text = await read('2005-nghiencuu_2005_09_15_090641.doc');
    expect(text).toContain('Quỹ tín dụng nhân dân (901)');
    expect(text).toContain('Công ty cho thuê tài chính');
  });

  it('reads a draft with tracked changes as accepted, says how much was deleted, and keeps it when asked', async () => {
    const file = '2004-1ED4D_Francois_Godement-Thoikyquado.doc';
    const bytes = readFileSync(new URL(`../../devset/legacy/files/${file}`, import.meta.url));
    // The draft reads "Ttheo trình tự thời gian, quá trình cải cách kinh tế dược chia làm diễn ra theo":
    // "T", "dược chia làm" deleted, "t", "diễn ra theo" inserted.
    const accepted = await readBytes(bytes, file);
    expect(accepted.text).toContain('Như vậy, theo trình tự thời gian,  quá trình cải cách kinh tế diễn ra theo 3 giai đoạn');
    expect(accepted.text).not.toContain('dược chia làm');
    expect(accepted.findings?.map((f) => f.code)).toEqual(['tracked-deletions']);
    expect(accepted.trackedDeletions).toBeGreaterThan(5000);
    const kept = await readBytes(bytes, file, undefined, { trackedDeletions: 'keep' });
    expect(kept.text).toContain('Ttheo trình tự thời gian');
    expect(kept.text).toContain('dược chia làm');
    expect(kept.text.length - accepted.text.length).toBe(accepted.trackedDeletions);
    // A file without tracked changes says nothing of them.
    expect((await readBytes(readFileSync(new URL('../../devset/legacy/files/2005-nghiencuu_2005_09_15_090641.doc', import.meta.url)), 'x.doc')).findings ?? []).toEqual([]);
  });
});
