/**
 * PDFs written object by object, for what pdfkit cannot make: form fields with appearance streams
 * (a signed PDF's signature widget, a filled text field), annotations. The xref table is written with
 * true byte offsets, so pdf.js opens them as it opens a real file.
 */
export function rawPdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const stream = (content: string, dict = ''): string => `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
const form = (content: string, w: number, h: number): string => stream(content, `/Type /XObject /Subtype /Form /BBox [0 0 ${w} ${h}] /Resources << /Font << /F1 4 0 R >> >>`);

/**
 * Vietnamese in a simple font: each letter outside ASCII gets a code from 128 up, named "uniXXXX"
 * in the font's /Differences, which is how pdf.js (like any reader) finds the letter a code shows.
 */
class VietnameseEncoding {
  private readonly codes = new Map<string, number>();
  /** A PDF string literal: ASCII as is, other letters as octal escapes of their codes. */
  literal(text: string): string {
    let out = '(';
    for (const ch of text.normalize('NFC')) {
      if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
      else if (ch.charCodeAt(0) < 128) out += ch;
      else {
        if (!this.codes.has(ch)) this.codes.set(ch, 128 + this.codes.size);
        out += `\\${this.codes.get(ch)!.toString(8)}`;
      }
    }
    return `${out})`;
  }
  font(): string {
    const names = [...this.codes].map(([ch, code]) => `${code} /uni${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
    return `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${names}] >> >>`;
  }
}

/**
 * A decision as an e-office system signs it: the template prints "Số:      /QĐ-UBND" and "Lào Cai, ngày
 *      tháng 12 năm 2025", and the system fills the number and the day in text fields laid over the
 * gaps; the signature widget's appearance names the signer and the time; a FreeText note; a hidden field
 * whose text no one sees.
 */
export function signedDecisionPdf(): Uint8Array {
  const v = new VietnameseEncoding();
  const t = (s: string): string => `${v.literal(s)} Tj`;
  const body = [
    `BT /F1 11 Tf 60 740 Td ${t('ỦY BAN NHÂN DÂN')} 0 -14 Td ${t('TỈNH LÀO CAI')} 0 -20 Td ${t('Số:')} 52 0 Td ${t('/QĐ-UBND')} ET`,
    `BT /F1 11 Tf 330 740 Td ${t('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')} 0 -14 Td ${t('Độc lập - Tự do - Hạnh phúc')} 0 -20 Td ${t('Lào Cai, ngày')} 98 0 Td ${t('tháng 12 năm 2025')} ET`,
    `BT /F1 13 Tf 230 660 Td ${t('QUYẾT ĐỊNH')} ET`,
    `BT /F1 11 Tf 60 630 Td ${t('Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh.')} 0 -16 Td ${t('Căn cứ Quyết định số 12/2024/QĐ-UBND ngày 02/3/2024.')} ET`,
    `BT /F1 11 Tf 380 520 Td ${t('CHỦ TỊCH')} 0 -60 Td ${t('Nguyễn Văn An')} ET`,
  ].join('\n');
  const number = `/Tx BMC BT /F1 11 Tf 2 3 Td ${t('1234')} ET EMC`;
  const day = `/Tx BMC BT /F1 11 Tf 2 3 Td ${t('05')} ET EMC`;
  const signature = `BT /F1 8 Tf 2 16 Td ${t('Ký bởi: Ủy ban nhân dân tỉnh Lào Cai')} 0 -10 Td ${t('Thời gian ký: 05.12.2025 10:20:30 +07:00')} ET`;
  const note = `BT /F1 9 Tf 2 4 Td ${t('Bản sao điện tử')} ET`;
  const hidden = `/Tx BMC BT /F1 9 Tf 2 4 Td ${t('KHÔNG HIỂN THỊ')} ET EMC`;
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 7 0 R 11 0 R 14 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 9 0 R /Annots [5 0 R 7 0 R 10 0 R 11 0 R 14 0 R] >>',
    v.font(),
    '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /F 4 /Rect [370 478 570 502] /P 3 0 R /AP << /N 6 0 R >> >>',
    form(signature, 200, 24),
    '<< /Type /Annot /Subtype /Widget /FT /Tx /T (Number) /F 4 /Rect [80 703 112 717] /P 3 0 R /AP << /N 8 0 R >> /DA (/F1 11 Tf 0 g) >>',
    form(number, 32, 14),
    stream(body),
    '<< /Type /Annot /Subtype /FreeText /F 4 /Rect [60 560 300 575] /DA (/F1 9 Tf 0 g) /AP << /N 12 0 R >> >>',
    '<< /Type /Annot /Subtype /Widget /FT /Tx /T (Hidden) /F 6 /Rect [60 420 300 435] /P 3 0 R /AP << /N 13 0 R >> >>',
    form(note, 240, 15),
    form(hidden, 240, 15),
    '<< /Type /Annot /Subtype /Widget /FT /Tx /T (Day) /F 4 /Rect [404 703 426 717] /P 3 0 R /AP << /N 15 0 R >> /DA (/F1 11 Tf 0 g) >>',
    form(day, 22, 14),
  ]);
}

/** Pages of lines in Helvetica (Vietnamese through the same encoding), one text object a line. */
export function linesPdf(pages: string[][]): Uint8Array {
  const v = new VietnameseEncoding();
  const contents = pages.map((lines) => stream(lines.map((l, i) => `BT /F1 11 Tf 60 ${740 - i * 16} Td ${v.literal(l)} Tj ET`).join('\n')));
  const n = pages.length;
  // 1 catalog, 2 pages, 3 font, then a page object and its content for each page.
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, ''];
  pages.forEach((_, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objects.push(contents[i]!);
  });
  objects[2] = v.font();
  return rawPdf(objects);
}
