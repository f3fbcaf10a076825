import { closeSync, lstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { defaultRules, type Rules } from '../rules/compile.js';
import { docReader } from './doc.js';
import { docxReader } from './docx.js';
import { pathForFs } from './file-name.js';
import { convertLegacy, declaredLegacyFonts, decodeLegacy, decodeRun, legacyEvidence, legacyFont, legacyVerdict } from './legacy.js';
import { htmlReader } from './html.js';
import { imageReader } from './image.js';
import { pdfReader } from './pdf.js';
import { textQuality, unusable } from './quality.js';
import { parseRtf } from './rtf.js';
import { textReader } from './text.js';
import { ReadError, type ReadOptions, type Reader, type ReadResult } from './types.js';
import { shownText } from '../util/shown.js';

export { ReadError } from './types.js';
export type { Format, Reader, ReadResult } from './types.js';

/** Formats recognised by their first bytes that no reader handles yet. */
const SIGNATURES: { format: string; magic: number[] }[] = [];

/** Readers in the order they are asked, chosen by content (a PDF named .txt is read as PDF); the text reader, which takes anything, comes last. */
export const READERS: Reader[] = [pdfReader, imageReader, docxReader, docReader, htmlReader, textReader];

/** Per-file size limit, any format, by default: beyond it the file is refused, not read into memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** The size limit of a file: --max-size MB (VNREFORM_MAX_SIZE_MB, so the worker threads see it), else 200 MB. */
export function maxFileBytes(value: string | undefined = process.env.VNREFORM_MAX_SIZE_MB): number {
  const mb = Number(value);
  return value !== undefined && Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : MAX_FILE_BYTES;
}

/** The limit of a text, within the limit of a file. */
const maxTextBytes = (): number => Math.min(MAX_TEXT_BYTES, maxFileBytes());

const mb = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`);

/** A file past the size limit, said with the limit and the option that sets it. */
export const tooLarge = (what: string, limit = maxFileBytes()): ReadError =>
  new ReadError('too-large', `${what}; the limit is ${limit} bytes (${mb(limit)}; --max-size MB sets it)`);

/**
 * Size limit of a plain-text or Markdown file, and of the text any reader returns (in characters).
 * The stages after reading hold some 40 times the text (20 MB of text peaked at 0.8 GB): a 190 MB
 * text file took 3.7 GB and 103 s before failing. A 1,000-page report is about 3 MB of text.
 */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

const tooLargeText = (what: string): ReadError =>
  new ReadError('too-large', `${what}; the limit for text is ${maxTextBytes()} (${mb(maxTextBytes())}): split the file`);

/** True when the text reader would take these bytes (not PDF, DOCX, DOC, HTML, RTF or an image): the first 1 KB decides. */
function isPlainText(head: Uint8Array, path: string): boolean {
  if (Buffer.from(head.subarray(0, 6)).toString('latin1') === '{\\rtf1') return false;
  return READERS.find((r) => r.sniff(head, path)) === textReader;
}

/** The text a reader returned, refused when it is past the limit, before the pipeline holds 40 times it. */
function withinTextLimit(result: ReadResult): ReadResult {
  if (result.text.length > maxTextBytes()) throw tooLargeText(`the text read is ${result.text.length} characters`);
  return result;
}

export async function readBytes(bytes: Uint8Array, path: string, rules: Rules = defaultRules(), options: Pick<ReadOptions, 'ocr' | 'trackedDeletions'> = {}): Promise<ReadResult> {
  if (bytes.length === 0) throw new ReadError('empty-file', 'the file is empty (0 bytes)');
  if (bytes.length > maxFileBytes()) throw tooLarge(`the input is ${bytes.length} bytes`);
  if (bytes.length > maxTextBytes() && isPlainText(bytes.subarray(0, 1024), path)) throw tooLargeText(`the text is ${bytes.length} bytes`);
  for (const sig of SIGNATURES) {
    if (sig.magic.every((b, i) => bytes[i] === b)) {
      throw new ReadError('unsupported-format', `the file is ${sig.format}; this version reads text, markdown, PDF, DOCX, DOC, RTF and HTML`);
    }
  }
  // RTF: parsed here, where the rules say which fonts are legacy ones.
  if (Buffer.from(bytes.subarray(0, 6)).toString('latin1') === '{\\rtf1') {
    const problems: string[] = [];
    const runs = parseRtf(Buffer.from(bytes).toString('latin1'), (font) => legacyFont(font, rules) !== null, problems);
    const findings = problems.map((message) => ({ code: 'unknown-code-page', severity: 'warning' as const, message, suggestion: null, span: null }));
    const text = runs.map((r) => r.text).join('');
    return withinTextLimit(decodeLegacy({ text, format: 'rtf', encoding: null, pages: null, warnings: problems, findings, runs }, rules));
  }
  const reader = READERS.find((r) => r.sniff(bytes, path))!;
  // Runs in a legacy font (DOCX) are converted by the reader as it goes; the rest by statistics.
  const byFont = new Set<string>();
  const decodeByFont = (text: string, font: string | null): string => {
    const decoded = decodeRun(text, font, rules);
    if (decoded) byFont.add(decoded.encoding);
    return decoded?.text ?? text;
  };
  try {
    const result = withinTextLimit(await reader.read(bytes, path, { ...options, decodeRun: decodeByFont }));
    if (byFont.size) return withUsableTextLayer({ ...result, encoding: [...byFont].sort().join('+') });
    const declared = reader.format === 'text' ? [] : declaredLegacyFonts(bytes, rules);
    return withUsableTextLayer(decodeLegacy(result, rules, declared));
  } catch (err) {
    // Not UTF-8: an 8-bit legacy file (TCVN3, VNI) or Windows-1258, if the text says so.
    if (err instanceof ReadError && err.code === 'invalid-encoding') return eightBit(bytes, path, rules) ?? Promise.reject(err);
    throw err;
  }
}

/**
 * An 8-bit file: TCVN3 or VNI (legacy letters such as "¸", "aù") or Windows-1258 (base letters
 * with combining tone marks, which compose into Vietnamese letters) — whichever explains more of it.
 */
function eightBit(bytes: Uint8Array, path: string, rules: Rules): ReadResult | null {
  const format = /\.(md|markdown)$/i.test(path) ? 'markdown' : 'text';
  const western = Buffer.from(bytes).toString('latin1');
  const cp1258 = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  const asCp1258 = legacyEvidence(cp1258, rules);
  const asLegacy = legacyEvidence(western, rules);
  const legacy = legacyVerdict(asLegacy);
  if (legacy && asLegacy.best!.count > asCp1258.unicode) {
    return { text: convertLegacy(western, legacy, rules), format, encoding: legacy, pages: null, warnings: [] };
  }
  if (asCp1258.letters > 20 && asCp1258.unicode > asCp1258.letters * 0.05) {
    return { text: cp1258, format, encoding: 'windows-1258', pages: null, warnings: [] };
  }
  return null;
}

/**
 * A regular file's bytes, or a ReadError that says why there are none.
 *
 * The file is read with blocking calls on purpose. Through `fs/promises` a read is five trips to
 * libuv's thread pool (stat, open, fstat, read, close), each a wake-up of another thread, and a
 * batch worker has nothing else to do while it waits: over 2,000 archive files one worker ran
 * 10.2 → 8.4 s and two workers 7.3 → 6.3 s (docs/decisions.md). Analysing the text blocks the
 * thread far longer than reading it anyway.
 */
export function readFileBytes(path: string): Uint8Array {
  const fsPath = pathForFs(path);
  try {
    const info = statSync(fsPath);
    if (info.isDirectory()) throw new ReadError('is-directory', 'the path is a directory');
    // A pipe would block the worker until someone writes to it, and /dev/zero never ends.
    if (!info.isFile()) throw new ReadError('not-a-file', 'the path is a device, pipe or socket, not a file');
    if (info.size > maxFileBytes()) throw tooLarge(`the file is ${info.size} bytes`);
    if (info.size > maxTextBytes() && isPlainText(readHead(fsPath), path)) throw tooLargeText(`the text file is ${info.size} bytes`);
    return readFileSync(fsPath);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && lstatSync(fsPath, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw new ReadError('not-found', 'the path is a symbolic link to a file that does not exist');
    }
    throw readErrorOf(err as NodeJS.ErrnoException);
  }
}

/** The first 1 KB of a file: enough to tell its format without reading the rest. */
/** The first `bytes` of a file (fewer when it is shorter). */
export function readHead(fsPath: string | Buffer, bytes = 1024): Uint8Array {
  const fd = openSync(fsPath, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The error record's code for a failed stat or read, from the system's error code. */
export function readErrorOf(err: NodeJS.ErrnoException): ReadError {
  if (err.code === 'ENOENT') return new ReadError('not-found', 'no such file');
  if (err.code === 'EACCES' || err.code === 'EPERM') return new ReadError('permission-denied', 'the file cannot be read: permission denied');
  if (err.code === 'ELOOP') return new ReadError('symlink-loop', 'the path is a symbolic-link loop');
  if (err.code === 'ENAMETOOLONG') return new ReadError('name-too-long', 'the path, or a name in it, is longer than the file system allows');
  return new ReadError('io-error', `the file cannot be read: ${shownText(err.message)}`);
}

/**
 * A PDF's text layer page by page: a page whose words are mostly no words (a bad OCR layer, a font
 * with no Unicode map) is blanked, so that nothing is extracted from it, and named in `unusablePages`
 * (the record gets a finding for it); when every page is, the file is refused with
 * `unusable-text-layer` (OCR can read it). Blanks keep every offset of the other pages.
 */
function withUsableTextLayer(result: ReadResult): ReadResult {
  if (result.format !== 'pdf' || !result.pages?.length) return result;
  const known = new Set(result.usablePages);
  const bad = result.pages.flatMap((p, i) => (!known.has(i + 1) && unusable(textQuality(result.text.slice(p.start, p.end))) ? [i] : []));
  if (!bad.length) return result;
  if (bad.length === result.pages.length) {
    throw new ReadError('unusable-text-layer', 'the PDF\'s text layer is not readable text (a bad OCR layer, or fonts without a Unicode map): it needs OCR');
  }
  let text = result.text;
  for (const i of bad) {
    const { start, end } = result.pages[i]!;
    text = text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
  }
  return { ...result, text, unusablePages: bad.map((i) => i + 1), warnings: [...result.warnings, ...bad.map((i) => `page ${i + 1}: unusable text layer`)] };
}
