import { deskew } from './deskew.js';
import { ocrEngine, ocrImage, type OcrPage } from './tesseract.js';
import { boxedWords, type BoxedWord } from './words.js';

/**
 * Scans into the rows the PDF reader lays out: a page rendered at 300 dpi with pdfjs-dist on an
 * @napi-rs/canvas canvas (prebuilt in its npm package), read by tesseract, each OCR line a row with
 * its baseline and size in PDF points, so paragraphs and footnotes are found as on a text page.
 */
export type OcrMode = 'auto' | 'never' | 'always';
export const OCR_DPI = 300;

/** The reader's option, else VNREFORM_OCR (what --ocr sets for the worker threads); auto by default. */
export function ocrModeOf(value: string | undefined = process.env.VNREFORM_OCR): OcrMode {
  return value === 'never' || value === 'always' ? value : 'auto';
}

export interface OcrRow {
  text: string;
  height: number;
  y: number;
  /** The line's words with their boxes, to place items on the page. */
  words: BoxedWord[];
}

/** Whether OCR can run here; never throws. */
export function ocrAvailable(): boolean {
  try {
    ocrEngine();
    return true;
  } catch {
    return false;
  }
}

interface RenderablePage {
  getViewport(p: { scale: number }): { width: number; height: number };
  render(p: { canvasContext: unknown; viewport: unknown }): { promise: Promise<unknown> };
}

/** A PDF page as a PNG at 300 dpi, white behind (a transparent scan reads as black to tesseract). */
export async function renderPage(page: RenderablePage): Promise<{ png: Uint8Array; scale: number; heightPt: number }> {
  const scale = OCR_DPI / 72;
  const viewport = page.getViewport({ scale });
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: ctx, viewport }).promise;
  return { png: await canvas.encode('png'), scale, heightPt: viewport.height / scale };
}

/** OCR lines as rows: words joined by a space; a new tesseract paragraph after a gap, as the layout reads it. */
export function rowsOfOcr(page: OcrPage, scale: number, heightPt: number): OcrRow[] {
  return page.lines.map((line) => {
    const heights = line.words.map((w) => w.height).sort((a, b) => a - b);
    const bottom = Math.max(...line.words.map((w) => w.top + w.height));
    return {
      text: line.words.map((w) => w.text).join(' '),
      height: heights[heights.length >> 1]! / scale,
      y: heightPt - bottom / scale,
      words: boxedWords(page, line),
    };
  });
}

/** Render and read one page. */
export async function ocrPdfPage(page: RenderablePage): Promise<{ rows: OcrRow[]; confidence: number }> {
  const { png, scale, heightPt } = await renderPage(page);
  const ocr = await ocrImage((await deskew(png)).png);
  return { rows: rowsOfOcr(ocr, scale, heightPt), confidence: ocr.confidence };
}
