import { ocrModeOf, rowsOfOcr, type OcrRow } from '../ocr/pages.js';
import { deskew } from '../ocr/deskew.js';
import { ocrEngine, ocrImage } from '../ocr/tesseract.js';
import { placeWords } from '../ocr/words.js';
import { joinLines, withParagraphs } from './pdf.js';
import { ReadError, type Reader, type ReadResult } from './types.js';

/**
 * A page photographed or scanned to an image file (.png, .jpg, .tif): read by OCR, one page. With
 * --ocr never it is the error a scan PDF gets.
 */
const MAGIC: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

export const imageReader: Reader = {
  format: 'image',
  sniff: (bytes) => MAGIC.some((m) => m.every((b, i) => bytes[i] === b)),
  async read(bytes, _path, options): Promise<ReadResult> {
    if (ocrModeOf(options?.ocr) === 'never') {
      throw new ReadError('no-text-layer', 'the file is an image: it needs OCR (--ocr auto) before it can be read');
    }
    const { version } = ocrEngine();
    const { text, rows, confidence } = await readImage(bytes);
    if (text.replace(/[^\p{L}\p{N}]/gu, '').length < 20) throw new ReadError('no-text-layer', 'the image holds no text that OCR can read');
    return {
      text, format: 'image', encoding: null, pages: [{ start: 0, end: text.length }], warnings: [],
      ocrWords: placeWords(text, [{ range: { start: 0, end: text.length }, page: 1, rows }]),
      ocr: { engine: version, pages: [{ page: 1, confidence }] },
    };
  },
};

/** One image read by OCR (PNG, JPEG, TIFF bytes): its text laid out in lines and paragraphs, the rows, the mean confidence. */
export async function readImage(bytes: Uint8Array): Promise<{ text: string; rows: OcrRow[]; confidence: number }> {
  // A TIFF the canvas cannot decode goes to tesseract as it is (tesseract reads TIFF itself).
  const upright = await deskew(bytes).then((d) => d.png, () => bytes);
  const page = await ocrImage(upright);
  // Pixels stand in for points: only the steps between lines matter to the layout.
  const bottom = Math.max(0, ...page.lines.flatMap((l) => l.words.map((w) => w.top + w.height)));
  const rows = rowsOfOcr(page, 1, bottom + 1);
  return { text: joinLines(withParagraphs(rows)), rows, confidence: Math.round(page.confidence * 10) / 10 };
}
