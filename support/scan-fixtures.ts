import PDFDocument from 'pdfkit';
import { renderPage } from '../src/ocr/pages.js';
import { FONT, makePdf } from './format-fixtures.js';

/**
 * Scans made from corpus text, for the OCR tests and bench: the text set as a PDF (DejaVu Sans),
 * each page rendered at 300 dpi, and a PDF rebuilt of those page images alone (no text layer). The
 * noisy copy is turned by a small angle and speckled, as a page through a cheap scanner is.
 */
export interface ScanOptions {
  /** Degrees the page is turned (a 1–2° skew). */
  skew?: number;
  /** Share of pixels set to a random grey. */
  noise?: number;
  /**
   * Text a digital signature stamps on the first page as a text layer over the scan ("Người ký: …"),
   * the only text a signed scan has.
   */
  stamp?: string;
}

export async function pageImages(text: string, options: ScanOptions = {}): Promise<Buffer[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await makePdf(text)), verbosity: 0, isEvalSupported: false }).promise;
  const images: Buffer[] = [];
  let seed = 12345;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let n = 1; n <= doc.numPages; n++) {
    const { png } = await renderPage(await doc.getPage(n));
    if (!options.skew && !options.noise) {
      images.push(Buffer.from(png));
      continue;
    }
    const image = await loadImage(Buffer.from(png));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.translate(canvas.width / 2, canvas.height / 2);
    ctx.rotate(((options.skew ?? 0) * Math.PI) / 180);
    ctx.drawImage(image, -image.width / 2, -image.height / 2);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const count = Math.floor((options.noise ?? 0) * canvas.width * canvas.height);
    for (let k = 0; k < count; k++) {
      const at = 4 * Math.floor(random() * canvas.width * canvas.height);
      const grey = Math.floor(random() * 256);
      pixels.data[at] = pixels.data[at + 1] = pixels.data[at + 2] = grey;
    }
    ctx.putImageData(pixels, 0, 0);
    images.push(await canvas.encode('png'));
  }
  await doc.destroy();
  return images;
}

/** A PDF of page images only: what a scanner writes. */
export async function makeScanPdf(text: string, options: ScanOptions = {}): Promise<Buffer> {
  const images = await pageImages(text, options);
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    images.forEach((image, i) => {
      pdf.addPage({ size: 'A4', margin: 0 });
      pdf.image(image, 0, 0, { width: pdf.page.width, height: pdf.page.height });
      if (i === 0 && options.stamp) pdf.font(FONT).fontSize(6).text(options.stamp, 400, 20, { width: 180 });
    });
    pdf.end();
  });
}
