import type { PlacedWord } from '../ocr/words.js';
import type { ExtractionRecord } from '../schema.js';

/**
 * The reader interface: bytes in, text out. Readers for PDF and DOCX drop in beside the text reader;
 * each returns the text the pipeline works on (every span points into it), page boundaries where the
 * format has pages, and warnings.
 */
export type Format = 'text' | 'markdown' | 'pdf' | 'docx' | 'doc' | 'rtf' | 'html' | 'image' | 'unknown';

export interface ReadResult {
  text: string;
  format: Format;
  encoding: string | null;
  /** [start, end) offsets of each page in `text`; null for formats without pages. */
  pages: { start: number; end: number }[] | null;
  /** Footnotes a paged format keeps after the body: [start, end) in `text` and the page they were printed on. */
  notes?: { start: number; end: number; page: number }[];
  warnings: string[];
  /** 1-based pages the reader already found to be readable text (a PDF's text layer judged as it was read). */
  usablePages?: number[];
  /** 1-based pages whose text layer is unusable (garbage OCR, a font with no Unicode map): blanked in `text`. */
  unusablePages?: number[];
  /**
   * A reader of a text format (HTML) that drops markup: the source text, and for each character of
   * `text` the [start, end) of what it was read from there. The pipeline points spans into it.
   */
  origin?: { text: string; starts: number[]; ends: number[] };
  /** Pages read by OCR: the engine and model, and each page's mean word confidence (0–100). */
  ocr?: { engine: string; pages: { page: number; confidence: number }[]; images?: { image: number; confidence: number }[] };
  /** Words read by OCR placed in `text`, with their boxes on the page and confidences. */
  ocrWords?: PlacedWord[];
  /** What the reader found in a file it could still read (bytes not valid in its encoding, tracked deletions); spans into `text`, or null. */
  findings?: ExtractionRecord['findings'];
  /** Characters a Word 97-2003 draft's tracked changes mark deleted. */
  trackedDeletions?: number;
  /** Text runs with the font they were written in (RTF), for the legacy-encoding decoder. */
  runs?: { text: string; font: string | null }[];
}

/** What a reader may be given beside the bytes. */
export interface ReadOptions {
  /** Text of a run in a named font, as the text to keep (legacy fonts converted to Unicode). */
  decodeRun?: (text: string, font: string | null) => string;
  /** Which pages OCR reads: auto (those without a usable text layer), never, always. */
  ocr?: 'auto' | 'never' | 'always';
  /** Text that tracked changes mark deleted (DOC): dropped (the document as accepted) or kept (as a raw transcript has it). */
  trackedDeletions?: 'drop' | 'keep';
}

export interface Reader {
  format: Format;
  /** True when the bytes look like this reader's format (content decides, not the file name). */
  sniff(bytes: Uint8Array, path: string): boolean;
  read(bytes: Uint8Array, path: string, options?: ReadOptions): Promise<ReadResult>;
}

/** A file that cannot be read. `code` is stable for scripts: not-found, binary-file, invalid-encoding … */
export class ReadError extends Error {
  override name = 'ReadError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
