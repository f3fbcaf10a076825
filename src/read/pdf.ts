import { defaultRules } from '../rules/compile.js';
import { detectLegacy } from './legacy.js';
import { ocrAvailable, ocrModeOf, ocrPdfPage, type OcrMode } from '../ocr/pages.js';
import { INSTALL_HINT, ocrEngine } from '../ocr/tesseract.js';
import { textQuality, unusable } from './quality.js';
import { placeWords, type BoxedWord } from '../ocr/words.js';
import { ReadError, type Reader, type ReadResult } from './types.js';
import { countMatches, oneSpaced } from '../util/text.js';

/**
 * PDF with pdfjs-dist (legacy build, for Node): text items rebuilt into lines by position (one
 * baseline a line, a space where the gap is wide, a tab where it parts two cells), pages joined by a blank line with their
 * boundaries kept, running headers, footers and page numbers that repeat across pages dropped.
 * Password-protected, corrupt and scanned (no text layer) files are refused with a clear code.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// The library costs more to load than a document to read: load it once per process.
let loading: Promise<PdfJs> | null = null;
const pdfjs = (): Promise<PdfJs> => (loading ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export const MAX_PDF_PAGES = 2000;
export const PDF_TIMEOUT_MS = 120_000;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const pdfReader: Reader = {
  format: 'pdf',
  sniff: (bytes) => findPdfHeader(bytes) !== -1,
  read: (bytes, _path, options) => withTimeout((budget) => readPdf(bytes, ocrModeOf(options?.ocr), budget), PDF_TIMEOUT_MS),
};

function findPdfHeader(bytes: Uint8Array): number {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.indexOf('%PDF-');
}

/** A time limit the work may raise as it goes (each page read by OCR earns its own minute). */
export interface Budget {
  ms: number;
}

async function withTimeout<T>(work: (budget: Budget) => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const budget: Budget = { ms };
  const started = Date.now();
  const timeout = new Promise<never>((_, reject) => {
    const check = (): void => {
      const left = budget.ms - (Date.now() - started);
      if (left <= 0) reject(new ReadError('timeout', `reading took longer than ${budget.ms / 1000} s`));
      else timer = setTimeout(check, left);
    };
    timer = setTimeout(check, ms);
  });
  try {
    return await Promise.race([work(budget), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Time an OCR page adds to the reader's own limit (the batch's --timeout still bounds the file). */
const OCR_PAGE_MS = 60_000;

async function readPdf(bytes: Uint8Array, ocr: OcrMode = 'auto', budget: Budget = { ms: PDF_TIMEOUT_MS }): Promise<ReadResult> {
  const lib = await pdfjs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0,
    }).promise;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') throw new ReadError('password-protected', 'the PDF needs a password to open');
    throw new ReadError('corrupt-pdf', `the PDF cannot be parsed: ${(err as Error).message}`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new ReadError('too-many-pages', `the PDF has ${doc.numPages} pages; the limit is ${MAX_PDF_PAGES}`);
    const pages: Row[][] = [];
    const ocrPages: { page: number; confidence: number }[] = [];
    const warnings: string[] = [];
    // Every page so far a scan (read by OCR) or short: only then is a short page looked at as a signed scan.
    let scanSoFar = true;
    // Pages whose text layer was found to be readable text here (not asked again after reading).
    const usablePages: number[] = [];
    const annotated = mayHaveAnnotations(bytes);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // Asked together: the worker answers one while the other's message travels.
      const [content, annotations] = await Promise.all([page.getTextContent(), annotated ? page.getAnnotations({ intent: 'display' }) : []]);
      const items = content.items as unknown as RawItem[];
      const pageText = items.map((i) => i.str ?? '').join(' ');
      // Only a page with TCVN3's tell-tale letters is asked which encoding it is.
      if (TCVN3_HINT.test(pageText) && detectLegacy(pageText, defaultRules()) === 'tcvn3') await restoreSoftHyphenGlyphs(page, lib, items);
      let rows = rowsOf([...items, ...(await annotationItems(page, lib, annotations as AnnotationData[], items))]);
      let verdict = layerVerdict(rows, ocr);
      // A page of a line or two (a last page holding a signer's name) after pages with a full text
      // layer is as born-digital as they are: OCR would only read its words again, at the cost of a
      // page drawn at 300 dpi. It is read by OCR if an image covers most of it (a scan appended).
      if (verdict === 'short') verdict = scanSoFar || (await imageShare(page, lib)) >= 0.5 ? 'ocr' : 'unchecked';
      if (verdict === 'usable') usablePages.push(n);
      if (verdict === 'ocr') {
        if (ocrAvailable()) {
          budget.ms += OCR_PAGE_MS;
          const read = await ocrPageOf(page, n);
          rows = read.rows;
          ocrPages.push({ page: n, confidence: Math.round(read.confidence * 10) / 10 });
        } else if (ocr === 'always') ocrEngine();
        else warnings.push(`page ${n}: no usable text layer, and OCR is not installed (${INSTALL_HINT})`);
      } else if (ocr === 'auto' && scanSoFar && lettersOf(rows) < STAMP_LETTERS && ocrAvailable() && (await imageShare(page, lib)) >= 0.5) {
        // A scan whose only text is a signing stamp ("Người ký: … Thời gian ký: …"): the page is an
        // image under a few lines of text. OCR reads the image, and is kept if it reads clearly more
        // (a born-digital page drawn over a background picture reads the same either way).
        budget.ms += OCR_PAGE_MS;
        const read = await ocrPageOf(page, n);
        if (lettersOf(read.rows) > lettersOf(rows) * 1.5) {
          rows = read.rows;
          ocrPages.push({ page: n, confidence: Math.round(read.confidence * 10) / 10 });
          if (usablePages[usablePages.length - 1] === n) usablePages.pop();
        }
      }
      // A page with a full text layer makes the file a born-digital one: its short last page is no scan,
      // and is not asked for its images (the operator list costs as much as the text).
      if (scanSoFar && !ocrPages.some((p) => p.page === n) && lettersOf(rows) >= STAMP_LETTERS) scanSoFar = false;
      pages.push(rows);
      page.cleanup();
    }
    const kept = dropRunningLines(pages).map(splitFootnotes);
    const letters = kept.flatMap((p) => [...p.body, ...p.notes]).map((r) => r.text).join('').replace(/\s/g, '').length;
    if (letters < 20 * doc.numPages && letters < 200) {
      if (ocr !== 'never' && !ocrPages.length) ocrEngine();
      throw new ReadError('no-text-layer', ocr === 'never'
        ? 'the PDF has no text layer (a scan?): it needs OCR (--ocr auto) before it can be read'
        : 'the PDF has no text, not even by OCR');
    }
    const result = layOut(kept);
    return { ...result, usablePages, warnings: [...result.warnings, ...warnings], ...(ocrPages.length ? { ocr: { engine: ocrEngine().version, pages: ocrPages } } : {}) };
  } catch (err) {
    // A page tree whose /Kids lead back to itself opens, then fails page by page.
    if (isPdfJsFailure(err)) throw new ReadError('corrupt-pdf', `the PDF cannot be read: ${(err as Error).message}`);
    throw err;
  } finally {
    await doc.destroy();
  }
}

/**
 * An error pdf.js raised about the file: its parser's errors (FormatError, a circular page tree)
 * reach us as UnknownErrorException through its message handler; our own bugs stay internal errors.
 */
const PDFJS_FAILURES = new Set(['UnknownErrorException', 'InvalidPDFException', 'MissingPDFException', 'UnexpectedResponseException', 'FormatError']);
function isPdfJsFailure(err: unknown): boolean {
  return !(err instanceof ReadError) && err instanceof Error && PDFJS_FAILURES.has(err.name);
}

/** A rebuilt line with the font size of its items (footnotes are set smaller than the body). */
interface Row {
  text: string;
  height: number;
  /** Baseline, in PDF units from the page's foot (larger is higher). */
  y?: number;
  /** Words read by OCR, with their boxes. */
  words?: BoxedWord[];
}

/**
 * Pages joined by a blank line, each page's body only, so a sentence that runs across a page break
 * is not cut by the footnotes of the page; then the footnotes of all pages after the body (as a
 * Word file's notes come after its body), each range remembering the page it was printed on.
 */
function layOut(pages: { body: Row[]; notes: Row[] }[]): ReadResult {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  pages.forEach((page, i) => {
    if (i > 0) text += '\n\n';
    const start = text.length;
    text += joinLines(withParagraphs(page.body));
    spans.push({ start, end: text.length });
  });
  const notes: { start: number; end: number; page: number }[] = [];
  pages.forEach((page, i) => {
    if (!page.notes.length) return;
    text += '\n\n';
    const start = text.length;
    text += joinLines(page.notes.map((r) => r.text));
    notes.push({ start, end: text.length, page: i + 1 });
  });
  const parts = [
    ...pages.map((page, i) => ({ range: spans[i]!, page: i + 1, rows: page.body })),
    ...notes.map((range) => ({ range, page: range.page, rows: pages[range.page - 1]!.notes })),
  ];
  const ocrWords = parts.some((p) => p.rows.some((r) => r.words)) ? placeWords(text, parts) : undefined;
  return { text, format: 'pdf', encoding: null, pages: spans, notes, warnings: [], ...(ocrWords ? { ocrWords } : {}) };
}

/**
 * A page's lines with an empty line where a paragraph ends: where the step down to the next line is
 * clearly wider (over 1.3×) than the page's usual line pitch (its lower quartile), or where the text goes back up (the
 * top of the next column). Lines of one paragraph keep one pitch, so one-line paragraphs set at
 * the same pitch stay unbroken: there is nothing to tell them apart by.
 */
export function withParagraphs(rows: Row[]): string[] {
  const steps = rows.slice(1).map((r, i) => (rows[i]!.y ?? 0) - (r.y ?? 0));
  // The usual pitch is the lower quartile of the steps: paragraph gaps may be half of them.
  const down = steps.filter((d) => d > 0).sort((a, b) => a - b);
  const pitch = down[Math.floor(down.length / 4)] ?? 0;
  const lines: string[] = [];
  rows.forEach((row, i) => {
    const step = i > 0 ? steps[i - 1]! : 0;
    if (i > 0 && pitch > 0 && row.y !== undefined && (step > pitch * 1.3 || step <= 0)) lines.push('');
    lines.push(row.text);
  });
  return lines;
}

/**
 * Lines joined, with end-of-line hyphenation repaired: a soft hyphen at a line's end is dropped and
 * the word closed up ("adminis\u00ADtration"); a hard hyphen between letters or digits is kept and the
 * line break dropped, since in Vietnamese text it joins a symbol or compound ("QĐ-" / "UBND",
 * "kinh tế-" / "xã hội"), not the halves of one syllable.
 */
export function joinLines(lines: string[]): string {
  let text = '';
  lines.forEach((line, i) => {
    if (i === 0) text = line;
    else if (line === '') text += '\n'; // a paragraph break: the next line follows a blank one
    else if (text.endsWith('\u00AD')) text = text.slice(0, -1) + line.trimStart();
    else if (/[\p{L}\d]-$/u.test(text) && /^[\p{L}\d]/u.test(line)) text += line;
    else text += `\n${line}`;
  });
  return text;
}

/** The font size of the page's median character (a line counts for up to 200 characters). */
function medianHeight(rows: readonly Row[]): number {
  const sized = rows.map((r) => ({ h: r.height, n: Math.min(r.text.length, 200) })).sort((a, b) => a.h - b.h);
  const half = Math.floor(sized.reduce((a, r) => a + r.n, 0) / 2);
  let seen = 0;
  for (const r of sized) if ((seen += r.n) > half) return r.h;
  return 0;
}

/**
 * The footnotes at the foot of a page: the last lines, set clearly smaller than the body (under
 * 85% of its usual size), from one that opens with a note number ("1 Quyết định số …", "¹ …", "* …").
 */
export function splitFootnotes(rows: Row[]): { body: Row[]; notes: Row[] } {
  const bodySize = medianHeight(rows);
  let first = rows.length;
  while (first > 0 && rows[first - 1]!.height < bodySize * 0.85) first--;
  // The block may hold the tail of a note continued from a line without a number: start at the first numbered line.
  while (first < rows.length && !/^\s*(?:\d{1,3}(?=\s|\p{Lu})|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*)/u.test(rows[first]!.text)) first++;
  // A small-print table at the foot of a page is not a note: notes are the lesser part of a page.
  if (first === rows.length || first < 3 || rows.length - first > rows.length * 0.4) return { body: rows, notes: [] };
  return { body: rows.slice(0, first), notes: rows.slice(first) };
}

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

interface AnnotationData {
  id: string;
  subtype: string;
  fieldType?: string;
  rect?: number[];
  textContent?: string[];
  annotationFlags?: number;
}

// Annotation flags (PDF 32000-1, 12.5.3): Invisible, Hidden, NoView — no one sees such a field.
const UNSEEN = 1 | 2 | 32;

/**
 * Whether any page of the file can have annotations: its bytes name "/Annots", or hide objects in
 * compressed object streams (/ObjStm), where a page's /Annots cannot be seen without parsing. A PDF
 * with neither (most reports printed to PDF) is not asked page by page: getAnnotations cost a tenth of
 * the reader's time on such files.
 */
function mayHaveAnnotations(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buf.includes('/Annots', 0, 'latin1') || buf.includes('/ObjStm', 0, 'latin1');
}

/**
 * The words a page shows in its form fields and annotations, which getTextContent leaves out: a
 * signed PDF stamps the document's number and day in fields ("Số: 1234/QĐ-UBND" in a signature
 * widget, the date in a text field). Text fields and FreeText come with their appearance text from
 * getAnnotations; a signature widget's appearance is read from the page's operator list, only when the
 * page has one. Each line is placed at the field's position, so it takes its place in reading order.
 */
async function annotationItems(page: PdfPage, lib: PdfJs, annotations: readonly AnnotationData[], pageItems: readonly RawItem[]): Promise<RawItem[]> {
  const shown = annotations.filter((a) => (a.subtype === 'Widget' || a.subtype === 'FreeText') && a.rect?.length === 4 && !((a.annotationFlags ?? 0) & UNSEEN));
  if (!shown.length) return [];
  const lines = new Map<string, string[]>();
  for (const a of shown) if (a.textContent?.some((l) => l.trim())) lines.set(a.id, a.textContent);
  if (shown.some((a) => a.fieldType === 'Sig' && !lines.has(a.id))) {
    for (const [id, text] of await appearanceTexts(page, lib)) if (!lines.has(id)) lines.set(id, text);
  }
  // A field whose text the page prints as well (a flattened copy) is read once.
  const printed = new Set(pageItems.map((i) => (i.str ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean));
  const out: RawItem[] = [];
  for (const a of shown) {
    const text = (lines.get(a.id) ?? []).map((l) => oneSpaced(l).trim()).filter((l) => l && !printed.has(l));
    if (!text.length) continue;
    const [x0, y0, x1, y1] = a.rect as [number, number, number, number];
    const size = Math.min(12, Math.max(6, (y1 - y0) / text.length));
    text.forEach((str, i) => out.push({ str, transform: [size, 0, 0, size, x0, y1 - size * (i + 1)], width: Math.min(x1 - x0, str.length * size * 0.5), height: size }));
  }
  return out;
}

/**
 * A page read by OCR. A page pdf.js cannot draw (a damaged scan whose drawing operators hand the
 * canvas strings for numbers) is a corrupt PDF, said so, not an internal error.
 */
async function ocrPageOf(page: PdfPage, n: number): Promise<Awaited<ReturnType<typeof ocrPdfPage>>> {
  try {
    return await ocrPdfPage(page);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError('corrupt-pdf', `page ${n} cannot be drawn to be read by OCR: ${(err as Error).message}`);
  }
}

/** Below this many letters, a page drawn over a page-sized image may be a scan with a stamp's text. */
const STAMP_LETTERS = 400;

const lettersOf = (rows: readonly Row[]): number => rows.reduce((n, r) => n + r.text.replace(/[^\p{L}\p{N}]/gu, '').length, 0);

/**
 * The largest share of the page one image covers, from the page's drawing operators: the area of the
 * unit square an image is painted into is the determinant of the transformation then in force.
 */
async function imageShare(page: PdfPage, lib: PdfJs): Promise<number> {
  const { OPS } = lib;
  const ops = await page.getOperatorList();
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const pageArea = Math.abs((x1 - x0) * (y1 - y0)) || 1;
  const det = (m: number[]): number => m[0]! * m[3]! - m[1]! * m[2]!;
  let scale = 1;
  const saved: number[] = [];
  let largest = 0;
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) saved.push(scale);
    else if (fn === OPS.restore) scale = saved.pop() ?? scale;
    else if (fn === OPS.transform) scale *= det(args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      saved.push(scale);
      if (Array.isArray(args[0])) scale *= det(args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) scale = saved.pop() ?? scale;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      largest = Math.max(largest, Math.abs(scale) / pageArea);
    }
  });
  return largest;
}

// Letters a TCVN3 font's bytes read as in Windows-1252 (¬ for ơ, « for ô, ® for đ …).
const TCVN3_HINT = /[¬«®§µμ¸¹]/u;

/**
 * A page is read by OCR when asked for every page, or (auto) when its text layer gives no words (a
 * scan) or words that are mostly no words (a bad OCR layer, the readers' unusable-text-layer). A
 * page of under 20 letters and digits is `short`: a scan with a stamp's few words, or the last
 * lines of a born-digital file, which the caller tells apart.
 */
function layerVerdict(rows: Row[], mode: OcrMode): 'ocr' | 'short' | 'usable' | 'unchecked' {
  if (mode === 'never') return 'unchecked';
  if (mode === 'always') return 'ocr';
  const text = rows.map((r) => r.text).join('\n');
  const letters = countMatches(/[\p{L}\p{N}]/gu, text, 20);
  if (letters === 0) return 'ocr';
  if (letters < 20) return 'short';
  if (!unusable(textQuality(text))) return 'usable';
  // Text in a legacy font (TCVN3, VNI) looks like garbage until it is converted, after reading.
  return detectLegacy(text, defaultRules()) === null ? 'ocr' : 'unchecked';
}

/**
 * A TCVN3 font puts "ư" at byte AD, the soft hyphen of Windows-1252: pdf.js gives the glyph that
 * code point and getTextContent drops it as an invisible format mark ("Trung ­¬ng" comes out "Trung
 * ¬ng"). The operator list still holds every glyph in drawing order: walk it beside the items and
 * put each dropped one back, as "−", the form the TCVN3 table reads as "ư" (a soft hyphen would join
 * lines). Only pages whose text reads as TCVN3 pay for the operator list.
 */
async function restoreSoftHyphenGlyphs(page: PdfPage, lib: PdfJs, items: RawItem[]): Promise<void> {
  const ops = await page.getOperatorList();
  let drawn = '';
  ops.fnArray.forEach((fn, i) => {
    if (fn !== lib.OPS.showText) return;
    for (const g of (ops.argsArray[i] as unknown[])[0] as (number | { unicode?: string } | null)[]) {
      if (g && typeof g === 'object') drawn += g.unicode === '\u00AD' ? '\u00AD' : (g.unicode ?? '').normalize('NFKC');
    }
  });
  if (!drawn.includes('\u00AD')) return;
  let j = 0;
  for (const item of items) {
    if (!item.str) continue;
    let out = '';
    for (const ch of item.str) {
      // Up to a few drawn glyphs the item lacks (a dropped AD, a space pdf.js did not insert) are skipped over.
      const at = drawn.indexOf(ch, j);
      if (at !== -1 && at - j <= 4) {
        out += drawn.slice(j, at).replace(/[^\u00AD]/g, '').replace(/\u00AD/g, '−') + ch;
        j = at + 1;
      } else out += ch;
    }
    while (drawn[j] === '\u00AD') {
      out += '−';
      j++;
    }
    item.str = out;
  }
}

/** Text drawn by each annotation's appearance stream, by annotation id, a line per text move. */
async function appearanceTexts(page: PdfPage, lib: PdfJs): Promise<Map<string, string[]>> {
  const { OPS } = lib;
  const ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.ENABLE });
  const texts = new Map<string, string[]>();
  let id: string | null = null;
  let lines: string[] = [];
  const newLine = (): void => {
    if (lines[lines.length - 1] !== '') lines.push('');
  };
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.beginAnnotation) {
      id = String(args[0]);
      lines = [''];
    } else if (fn === OPS.endAnnotation && id !== null) {
      texts.set(id, lines.filter((l) => l.trim()));
      id = null;
    } else if (id !== null && fn === OPS.showText) {
      const glyphs = args[0] as (number | { unicode?: string } | null)[];
      // A large negative kern between glyphs is a space the stream did not write.
      lines[lines.length - 1] += glyphs.map((g) => (typeof g === 'number' ? (g < -200 ? ' ' : '') : g?.unicode ?? '')).join('');
    } else if (id !== null && (fn === OPS.moveText || fn === OPS.setLeadingMoveText || fn === OPS.setTextMatrix || fn === OPS.nextLine)) newLine();
  });
  return texts;
}

/** Text items → lines: same baseline (within a third of the font size) → one line, left to right. */
export function linesOf(raw: readonly RawItem[]): string[] {
  return rowsOf(raw).map((r) => r.text);
}

function rowsOf(raw: readonly RawItem[]): Row[] {
  const items: Item[] = raw
    .filter((r) => typeof r.str === 'string' && r.transform)
    .map((r) => ({ str: r.str!, x: r.transform![4]!, y: r.transform![5]!, width: r.width ?? 0, height: r.height || Math.abs(r.transform![3]!) || 10 }));
  const rows: Item[][] = [];
  for (const item of items) {
    if (!item.str) continue;
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) <= r[0]!.height / 3);
    if (row) row.push(item);
    else rows.push([item]);
  }
  rows.sort((a, b) => b[0]!.y - a[0]!.y);
  const gutter = columnGutter(rows);
  if (gutter !== null) {
    // Two columns: the left column top to bottom, then the right one.
    const left = rows.map((r) => r.filter((i) => i.x < gutter)).filter((r) => r.length);
    const right = rows.map((r) => r.filter((i) => i.x >= gutter)).filter((r) => r.length);
    return [...alignedRows(left), ...alignedRows(right)];
  }
  return alignedRows(rows);
}

function alignedRows(rows: Item[][]): Row[] {
  const texts = alignColumns(rows.map(cellsOf));
  return rows.map((row, k) => ({ text: texts[k]!, height: Math.max(...row.map((i) => i.height)), y: row[0]!.y }));
}

/**
 * The x of an empty vertical band that splits most lines in two, when the page is set in two
 * columns; null for one column. Lines that cross the band (a full-width title) are few.
 */
function columnGutter(rows: Item[][]): number | null {
  if (rows.length < 8) return null;
  const minX = Math.min(...rows.flat().map((i) => i.x));
  const maxX = Math.max(...rows.flat().map((i) => i.x + i.width));
  const middle = (minX + maxX) / 2;
  for (const offset of [0, -0.05, 0.05, -0.1, 0.1]) {
    const x = middle + offset * (maxX - minX);
    const crossing = rows.filter((r) => r.some((i) => i.x < x && i.x + i.width > x)).length;
    const both = rows.filter((r) => r.some((i) => i.x + i.width <= x) && r.some((i) => i.x >= x)).length;
    if (crossing <= rows.length * 0.1 && both >= rows.length * 0.5) return x;
  }
  return null;
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

/**
 * A line's cells: a gap wider than twice the font size parts two (a table's columns, a letterhead
 * beside the national motto); pdf.js often writes such a gap as one wide " " item. A gap wider than
 * a fifth of the font size is a space the PDF did not write.
 */
function cellsOf(row: Item[]): Cell[] {
  row.sort((a, b) => a.x - b.x);
  const size = Math.max(...row.map((i) => i.height));
  const cells: Cell[] = [];
  let cell: Cell | null = null;
  let end = -Infinity;
  for (const item of row) {
    const blank = !item.str.trim();
    const gap = (blank ? item.x + item.width : item.x) - end;
    if (cell && gap > size * 2) {
      cell.text = cell.text.trimEnd();
      cells.push(cell);
      cell = null;
    }
    if (!blank) {
      if (!cell) cell = { text: '', x0: item.x, x1: item.x };
      else if (item.x - end > item.height / 5 && !/\s$/.test(cell.text) && !item.str.startsWith(' ')) cell.text += ' ';
      cell.text += item.str;
      cell.x1 = item.x + item.width;
    } else if (cell && !/\s$/.test(cell.text)) cell.text += ' ';
    end = item.x + item.width;
  }
  if (cell) cells.push({ ...cell, text: cell.text.trimEnd() });
  return cells.filter((c) => c.text);
}

/**
 * Rows of a table share their columns: a row that leaves a cell empty ("Trễ hạn | | 0,69") must not
 * move its next value under the wrong header. In a run of lines of two cells or more, the line with
 * the most cells sets the columns (bounds halfway between its cells); every line's cells take the
 * column their middle falls in, and an empty column between two cells is written as an extra tab.
 */
export function alignColumns(rows: Cell[][]): string[] {
  const out = rows.map((cells) => cells.map((c) => c.text).join('\t'));
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j]!.length >= 2) j++;
    if (j - i >= 2) {
      const widest = rows.slice(i, j).reduce((a, b) => (b.length > a.length ? b : a));
      const bounds = widest.slice(1).map((c, k) => (widest[k]!.x1 + c.x0) / 2);
      for (let r = i; r < j; r++) {
        const columns: string[] = [];
        for (const c of rows[r]!) {
          const k = bounds.filter((b) => (c.x0 + c.x1) / 2 > b).length;
          columns[k] = columns[k] ? `${columns[k]} ${c.text}` : c.text;
        }
        // A leading empty column cannot be written (a line never starts with a tab that survives).
        const first = columns.findIndex((c) => c !== undefined);
        out[r] = Array.from(columns.slice(first), (c) => c ?? '').join('\t');
      }
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/** Lines that open or close most pages (headers, footers, page numbers) are no part of the text. */
function dropRunningLines(pages: Row[][]): Row[][] {
  const shape = (line: string): string => line.replace(/\d+/g, '#').trim();
  const isPageNumber = (line: string): boolean => /^(?:-\s*)?(?:trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*-)?$/i.test(line.trim());
  const counts = new Map<string, number>();
  for (const rows of pages) {
    const lines = rows.map((r) => r.text);
    for (const line of new Set([lines[0], lines[lines.length - 1]].filter((l): l is string => !!l?.trim()))) {
      counts.set(shape(line), (counts.get(shape(line)) ?? 0) + 1);
    }
  }
  const running = (row: Row | undefined): boolean => {
    const line = row?.text;
    return !!line && (isPageNumber(line) || (pages.length >= 3 && (counts.get(shape(line)) ?? 0) >= Math.max(3, pages.length / 2)));
  };
  return pages.map((rows) => {
    const out = [...rows];
    while (out.length && running(out[0])) out.shift();
    while (out.length && running(out[out.length - 1])) out.pop();
    return out;
  });
}
