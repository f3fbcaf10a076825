import { createInflateRaw } from 'node:zlib';
import { loadOnFirstUse } from './lazy.js';
import { ocrAvailable, ocrModeOf, type OcrMode } from '../ocr/pages.js';
import { INSTALL_HINT, ocrEngine } from '../ocr/tesseract.js';
import { readImage } from './image.js';
import { ReadError, type ReadOptions, type Reader, type ReadResult } from './types.js';

// mammoth's types declare no default export; at run time its exports are the namespace's default.
const loadMammoth = loadOnFirstUse(() => import('mammoth') as unknown as Promise<{ default: typeof import('mammoth') }>);

/**
 * DOCX with mammoth: the raw text, paragraphs separated by blank lines. Before mammoth unpacks
 * anything, the zip's central directory is read: a file whose entries would unpack to an absurd
 * size (a zip bomb) or that holds no word/document.xml is refused with a clear code. Declared sizes
 * can lie (mammoth's unzipper inflates an entry whole, whatever it declares), so every entry is then
 * inflated once more as a stream, counted and thrown away, and the file refused as soon as what
 * actually comes out passes either limit.
 */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_RATIO = 200;

export const docxReader: Reader = {
  format: 'docx',
  sniff: (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04,
  async read(bytes, _path, options: ReadOptions = {}): Promise<ReadResult> {
    const entries = zipEntries(bytes);
    if (!entries.some((e) => e.name === 'word/document.xml')) {
      throw new ReadError('unsupported-format', 'the file is a zip archive but not a Word document (no word/document.xml)');
    }
    const unzipped = entries.reduce((a, e) => a + e.size, 0);
    const worst = Math.max(...entries.map((e) => (e.compressed ? e.size / e.compressed : 0)));
    if (unzipped > MAX_UNZIPPED_BYTES || worst > MAX_RATIO) {
      throw new ReadError('zip-bomb', `the archive would unpack to ${unzipped} bytes (ratio ${Math.round(worst)}:1); refused`);
    }
    await checkInflatedSizes(bytes, entries);
    const mammoth = await loadMammoth();
    const mode = ocrModeOf(options.ocr);
    const images: { bytes: Buffer; contentType: string }[] = [];
    let read: ReadResult;
    try {
      const decodeRun = options.decodeRun;
      const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
        ...(decodeRun ? { transformDocument: (doc: DocxElement) => decodeRuns(doc, decodeRun) } : {}),
        // Each image stands in the text as a marker, its bytes kept only if OCR may read it.
        convertImage: mammoth.images.imgElement(async (image) => {
          const n = images.push({ bytes: mode === 'never' ? Buffer.alloc(0) : await image.read(), contentType: image.contentType });
          return { src: `${IMAGE_SRC}${n}` };
        }),
      });
      read = { text: htmlToText(result.value), format: 'docx', encoding: null, pages: null, warnings: result.messages.map((m) => m.message) };
    } catch (err) {
      throw new ReadError('corrupt-docx', `the Word document cannot be read: ${(err as Error).message}`);
    }
    return withImageText(read, images, mode);
  },
};

const IMAGE_SRC = 'vnreform-image:';
// Where an image was in the text: a private-use character around its number.
const IMAGE_MARK = /\uE000(\d+)\uE000/g;
// Images tesseract reads (EMF and WMF drawings are vector art, not scans).
const READABLE_IMAGE = /^image\/(?:png|jpe?g|tiff?|gif|bmp)$/;

/**
 * The text of a Word file's images read by OCR, in their place: a scan pasted into Word (a signed
 * decision photographed and sent as .docx) is words in images only. With --ocr auto the images are
 * read when the document has almost no text of its own; with always, every image; with never, none.
 */
async function withImageText(read: ReadResult, images: { bytes: Buffer; contentType: string }[], mode: OcrMode): Promise<ReadResult> {
  const typed = read.text.replace(IMAGE_MARK, '');
  const readable = images.map((image, i) => ({ ...image, n: i + 1 })).filter((image) => READABLE_IMAGE.test(image.contentType));
  const letters = typed.replace(/[^\p{L}\p{N}]/gu, '').length;
  const wanted = readable.length > 0 && (mode === 'always' || (mode === 'auto' && letters < 200));
  if (!wanted) {
    if (letters < 20 && readable.length && mode === 'never') {
      throw new ReadError('no-text-layer', 'the Word document\'s text is in images (a scan pasted in): it needs OCR (--ocr auto) before it can be read');
    }
    return { ...read, text: typed };
  }
  if (!ocrAvailable()) {
    if (letters < 20) ocrEngine(); // throws ocr-unavailable with the install command
    return { ...read, text: typed, warnings: [...read.warnings, `${readable.length} image(s) not read: OCR is not installed (${INSTALL_HINT})`] };
  }
  const texts = new Map<number, string>();
  const pages: { page: number; confidence: number }[] = [];
  for (const image of readable) {
    const { text, confidence } = await readImage(image.bytes);
    // A logo or a seal reads as a few stray letters: only an image holding text is text.
    if (text.replace(/[^\p{L}\p{N}]/gu, '').length < 20) continue;
    texts.set(image.n, text);
    pages.push({ page: image.n, confidence });
  }
  const text = read.text.replace(IMAGE_MARK, (_, n: string) => (texts.has(Number(n)) ? `\n\n${texts.get(Number(n))}\n\n` : '')).replace(/\n{3,}/g, '\n\n');
  return { ...read, text, ...(pages.length ? { ocr: { engine: ocrEngine().version, pages: [], images: pages.map(({ page, confidence }) => ({ image: page, confidence })) } } : {}) };
}

/** The part of mammoth's document tree the run decoder walks. */
interface DocxElement {
  type: string;
  value?: string;
  font?: string | null;
  children?: DocxElement[];
  body?: DocxElement[];
  notes?: { _notes?: Record<string, DocxElement> };
}

/**
 * Each run's text through `decode` with the run's font, in the body and in the notes: a report
 * typed in ".VnTime" with its title in ".VnTimeH" is converted run by run. A run whose font comes
 * from a style (mammoth gives no font then) is left for the character statistics.
 */
function decodeRuns(doc: DocxElement, decode: (text: string, font: string | null) => string): DocxElement {
  const walk = (element: DocxElement, font: string | null): void => {
    if (element.type === 'text' && element.value !== undefined) element.value = decode(element.value, font);
    const inner = element.type === 'run' ? element.font ?? null : font;
    for (const child of element.children ?? []) walk(child, inner);
    for (const child of element.body ?? []) walk(child, inner);
  };
  walk(doc, null);
  for (const note of Object.values(doc.notes?._notes ?? {})) walk(note, null);
  return doc;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/**
 * mammoth's HTML → text: a paragraph, heading or list item a paragraph (blank line between, as
 * mammoth's raw text has it), a table row one line with its cells apart, footnote markers out of
 * the sentence, and the footnotes and endnotes after the body, each on its own line with its number.
 */
export function htmlToText(html: string): string {
  let notes = '';
  const body = html.replace(/<ol>(<li id="(?:footnote|endnote)-[\s\S]*?)<\/ol>/g, (_, items: string) => {
    notes += items.replace(/<li id="(?:footnote|endnote)-(\d+)">([\s\S]*?)<\/li>/g, (_m: string, n: string, note: string) => `${n} ${note}\n\n`);
    return '';
  });
  const toText = (fragment: string): string => fragment
    .replace(new RegExp(`<img [^>]*src="${IMAGE_SRC}(\\d+)"[^>]*>`, 'g'), '\uE000$1\uE000')
    .replace(/<sup><a href="#(?:footnote|endnote)-[^"]*"[^>]*>[^<]*<\/a><\/sup>/g, '')
    .replace(/<a href="#(?:footnote|endnote)-ref-[^"]*">[^<]*<\/a>/g, '')
    .replace(/<\/p>\s*<p>(?=(?:(?!<\/?t[dhr]).)*<\/t[dh]>)/g, ' ')
    .replace(/<\/p>\s*(?=<\/t[dh]>)/g, '')
    .replace(/<\/t[dh]>\s*<t[dh][^>]*>/g, '\t')
    .replace(/<\/tr>/g, '\n\n')
    .replace(/<\/(?:p|h[1-6]|li)>/g, '\n\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? m)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
  const text = toText(body).trimEnd();
  return notes ? `${text}\n\n${toText(notes).trimEnd()}\n` : `${text}\n`;
}

interface ZipEntry {
  name: string;
  /** Declared sizes: unpacked and packed. */
  size: number;
  compressed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** The entries of a zip's central directory, without unpacking anything. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ReadError('corrupt-docx', 'the zip archive is truncated or damaged (no central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) {
      throw new ReadError('corrupt-docx', 'the zip archive is damaged (bad central directory entry)');
    }
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const sizes = zip64Sizes(buf, at + 46 + nameLength, extra, {
      size: buf.readUInt32LE(at + 24), compressed: buf.readUInt32LE(at + 20), offset: buf.readUInt32LE(at + 42),
    });
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), method: buf.readUInt16LE(at + 10), ...sizes });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const ZIP64_MARK = 0xffffffff;

/**
 * A field of 0xFFFFFFFF means the value is in the zip64 extra field (id 1), in the order size,
 * compressed size, local header offset, each there only when marked (as JSZip, mammoth's unzipper, reads them).
 */
function zip64Sizes(buf: Buffer, extraStart: number, extraLength: number, fields: { size: number; compressed: number; offset: number }): typeof fields {
  if (fields.size !== ZIP64_MARK && fields.compressed !== ZIP64_MARK && fields.offset !== ZIP64_MARK) return fields;
  const end = Math.min(extraStart + extraLength, buf.length);
  for (let at = extraStart; at + 4 <= end;) {
    const id = buf.readUInt16LE(at);
    const length = buf.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = (value: number): number => {
        if (value !== ZIP64_MARK) return value;
        if (field + 8 > Math.min(at + 4 + length, end)) throw new ReadError('corrupt-docx', 'the zip archive is damaged (a zip64 size is missing)');
        field += 8;
        return Number(buf.readBigUInt64LE(field - 8));
      };
      const size = next(fields.size);
      const compressed = next(fields.compressed);
      return { size, compressed, offset: next(fields.offset) };
    }
    at += 4 + length;
  }
  throw new ReadError('corrupt-docx', 'the zip archive is damaged (a zip64 entry without its sizes)');
}

/**
 * Every entry inflated as a stream and counted, nothing kept: refused with `zip-bomb` as soon as an
 * entry passes MAX_RATIO times its packed size or all of them MAX_UNZIPPED_BYTES, whatever they
 * declare. A bomb stops after a few chunks' worth of memory and within MAX_RATIO × its own size of work.
 */
export async function checkInflatedSizes(bytes: Uint8Array, entries: ZipEntry[]): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 8) continue; // stored: its size is its packed size, already counted by the file's own
    const data = entryData(buf, entry);
    const limit = Math.min(MAX_UNZIPPED_BYTES - total, entry.compressed * MAX_RATIO);
    const inflated = await inflatedSize(data, limit);
    if (inflated > limit) {
      throw new ReadError('zip-bomb', inflated + total > MAX_UNZIPPED_BYTES
        ? `the archive unpacks to more than ${MAX_UNZIPPED_BYTES} bytes (${entry.name} declares ${entry.size}); refused`
        : `${entry.name} unpacks to more than ${MAX_RATIO} times its ${entry.compressed} packed bytes (it declares ${entry.size}); refused`);
    }
    total += inflated;
  }
}

/** The packed bytes of an entry: after its local header, as long as the central directory says. */
function entryData(buf: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) {
    throw new ReadError('corrupt-docx', `the zip archive is damaged (no local header for ${entry.name})`);
  }
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressed > buf.length) throw new ReadError('corrupt-docx', `the zip archive is truncated (${entry.name} runs past its end)`);
  return buf.subarray(start, start + entry.compressed);
}

/**
 * How many bytes raw deflate data inflates to, stopping once past `limit` (then the count so far,
 * over the limit). Damaged data counts what came out before the damage: whether that is fatal is
 * mammoth's to say, for an entry it may never read.
 */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflater.destroy();
        resolve(size);
      }
    });
    inflater.on('end', () => resolve(size));
    inflater.on('error', () => resolve(size));
    inflater.end(data);
  });
}
