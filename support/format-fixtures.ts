/**
 * PDF and DOCX versions of the corpus reports, built offline (pdfkit with the DejaVu Sans font from
 * the dejavu-fonts-ttf package, which covers Vietnamese; docx for Word files). The fidelity tests
 * build them in a temporary folder; `npm run fixtures -- DIR` (scripts/format-fixtures.ts) writes
 * them to DIR to look at.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { defaultRules } from '../src/rules/compile.js';

const require = createRequire(import.meta.url);
export const FONT = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf', 'DejaVuSans.ttf');

export interface PdfOptions {
  userPassword?: string;
  ownerPassword?: string;
  /** A running header and a page number on every page. */
  running?: string;
  /** Set the text in two columns. */
  columns?: 2;
  /** Space (pt) after each paragraph, i.e. each line of the text, which pdfkit wraps to the page width. */
  paragraphGap?: number;
  /** A footnote at the foot of page i+1, in 8 pt under the 11 pt body. */
  footnotes?: string[];
  /** Text alone on a last page of its own, as a signer's name left over from the page before. */
  lastPage?: string;
}

export function makePdf(text: string, options: PdfOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4', margin: 56, bufferPages: true, info: { Title: 'vnreform fixture' },
      ...(options.userPassword || options.ownerPassword ? { userPassword: options.userPassword, ownerPassword: options.ownerPassword ?? 'owner' } : {}),
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONT).fontSize(11).text(text, { align: 'left', paragraphGap: options.paragraphGap ?? 0, ...(options.columns ? { columns: 2, columnGap: 24, height: 700 } : {}) });
    if (options.lastPage) doc.addPage().text(options.lastPage);
    (options.footnotes ?? []).forEach((note, i) => {
      if (i >= doc.bufferedPageRange().count) doc.addPage();
      doc.switchToPage(doc.bufferedPageRange().start + i);
      // Below the body's last line (y 786) and above a page number (y 810); no wrapping, as in a running header.
      doc.fontSize(8).text(note, 56, 795, { lineBreak: false });
    });
    if (options.running) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        doc.fontSize(9).text(options.running, 56, 20, { lineBreak: false });
        doc.fontSize(9).text(String(i + 1), 290, 810, { lineBreak: false });
      }
    }
    doc.end();
  });
}

/** Unicode text as a legacy Vietnamese font stores it: the reverse of the rules' table (rules/legacy-encodings.json). */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = defaultRules().data.legacyEncodings.encodings.find((e) => e.name === encoding)!;
  const reverse = new Map<string, string>();
  for (const [legacy, letter] of Object.entries(table.map)) if (!reverse.has(letter)) reverse.set(letter, legacy);
  return [...text.normalize('NFC')].map((ch) => reverse.get(ch) ?? ch).join('');
}

export type LegacyEncoding = 'TCVN3' | 'VNI';
const LEGACY_FONT: Record<LegacyEncoding, string> = { TCVN3: '.VnTime', VNI: 'VNI-Times' };

/**
 * An RTF file whose text is written in a legacy Vietnamese font, as a 1990s word processor saved it.
 * TCVN3 has no code for most capitals with a tone mark ("É", "Ý"): lines written all in capitals are
 * typed in the all-capitals ".VnTimeH", whose lower-case codes show capitals (as in makeTcvn3Docx).
 */
export function makeLegacyRtf(text: string, encoding: LegacyEncoding): Buffer {
  const escape = (encoded: string): string => [...encoded].map((ch) => {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || ch === '{' || ch === '}') return `\\${ch}`;
    if (code > 0x7f && code <= 0xff) return `\\'${code.toString(16).padStart(2, '0')}`;
    if (code > 0xff) return `\\u${code > 32767 ? code - 65536 : code}?`;
    return ch;
  }).join('');
  const body = text.split('\n').map((line) => {
    const capitals = encoding === 'TCVN3' && /\p{Lu}/u.test(line) && line === line.toUpperCase();
    return capitals ? `{\\f1 ${escape(encodeLegacy(line.toLowerCase(), encoding))}}` : escape(encodeLegacy(line, encoding));
  }).join('\\par\n');
  const fonts = encoding === 'TCVN3' ? `{\\f0\\fnil ${LEGACY_FONT[encoding]};}{\\f1\\fnil .VnTimeH;}` : `{\\f0\\fnil ${LEGACY_FONT[encoding]};}`;
  return Buffer.from(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl${fonts}}\\f0 ${body}}`, 'latin1');
}

/**
 * A DOCX typed in TCVN3 fonts: body lines in ".VnTime", lines written all in capitals in the
 * all-capitals ".VnTimeH", whose lower-case codes show capitals ("b¸o c¸o" shows "BÁO CÁO").
 */
export function makeTcvn3Docx(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => {
    const capitals = /\p{Lu}/u.test(line) && line === line.toUpperCase();
    const run = capitals
      ? new TextRun({ text: encodeLegacy(line.toLowerCase(), 'TCVN3'), font: '.VnTimeH' })
      : new TextRun({ text: encodeLegacy(line, 'TCVN3'), font: '.VnTime' });
    return new Paragraph({ children: [run] });
  });
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** The formats the fidelity test and the eval rebuild the corpus in. */
export const FORMATS = ['pdf', 'docx', 'tcvn3.rtf', 'vni.rtf', 'tcvn3.docx', 'vni.pdf'] as const;
export type FixtureFormat = (typeof FORMATS)[number];

/** A corpus text rebuilt in one of FORMATS. "vni.pdf" is a PDF whose text layer is VNI, as a report typed in VNI-Times and printed to PDF reads. */
export async function makeFormat(text: string, format: FixtureFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf': return makePdf(text);
    case 'docx': return makeDocx(text);
    case 'tcvn3.rtf': return makeLegacyRtf(text, 'TCVN3');
    case 'vni.rtf': return makeLegacyRtf(text, 'VNI');
    case 'tcvn3.docx': return makeTcvn3Docx(text);
    case 'vni.pdf': return makePdf(encodeLegacy(text, 'VNI'));
  }
}

export function makeDocx(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}
