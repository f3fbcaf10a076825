/**
 * PDF and DOCX versions of the corpus reports, built offline (pdfkit with the DejaVu Sans font from
 * the dejavu-fonts-ttf package, which covers Vietnamese; docx for Word files). The fidelity tests
 * build them in a temporary folder; `npm run fixtures -- DIR` writes them to DIR to look at.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const require = createRequire(import.meta.url);
const FONT = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf', 'DejaVuSans.ttf');

export function makePdf(text: string, options: { userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'vnreform fixture' }, ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: 'owner' } : {}) });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONT).fontSize(11).text(text, { align: 'left' });
    doc.end();
  });
}

export function makeDocx(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'out/formats';
  mkdirSync(out, { recursive: true });
  const corpus = new URL('../corpus/', import.meta.url).pathname;
  for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(corpus, file), 'utf8');
    const name = basename(file, '.txt');
    writeFileSync(join(out, `${name}.pdf`), await makePdf(text));
    writeFileSync(join(out, `${name}.docx`), await makeDocx(text));
  }
  process.stderr.write(`wrote PDF and DOCX versions of the corpus to ${out}/\n`);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();
