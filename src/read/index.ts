import { readFile, stat } from 'node:fs/promises';
import { docxReader } from './docx.js';
import { pdfReader } from './pdf.js';
import { textReader } from './text.js';
import { ReadError, type Reader, type ReadResult } from './types.js';

export { ReadError } from './types.js';
export type { Format, Reader, ReadResult } from './types.js';

/** Formats recognised by their first bytes that no reader handles yet. */
const SIGNATURES: { format: string; magic: number[] }[] = [
  { format: 'DOC (Word 97-2003)', magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { format: 'RTF', magic: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

/** Readers in the order they are asked, chosen by content (a PDF named .txt is read as PDF); the text reader, which takes anything, comes last. */
export const READERS: Reader[] = [pdfReader, docxReader, textReader];

/** Per-file size limit for text input: beyond it the file is refused, not read into memory. */
export const MAX_TEXT_BYTES = 200 * 1024 * 1024;

export async function readBytes(bytes: Uint8Array, path: string): Promise<ReadResult> {
  if (bytes.length === 0) throw new ReadError('empty-file', 'the file is empty (0 bytes)');
  for (const sig of SIGNATURES) {
    if (sig.magic.every((b, i) => bytes[i] === b)) {
      throw new ReadError('unsupported-format', `the file is ${sig.format}; this version reads text, markdown, PDF and DOCX`);
    }
  }
  const reader = READERS.find((r) => r.sniff(bytes, path))!;
  return reader.read(bytes, path);
}

export async function readPath(path: string): Promise<{ bytes: Uint8Array; result: ReadResult }> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ReadError('is-directory', 'the path is a directory');
    if (info.size > MAX_TEXT_BYTES) throw new ReadError('too-large', `the file is ${info.size} bytes; the limit is ${MAX_TEXT_BYTES}`);
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReadError('not-found', 'no such file');
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError('permission-denied', 'the file cannot be read: permission denied');
    if (code === 'ELOOP') throw new ReadError('symlink-loop', 'the path is a symbolic-link loop');
    throw new ReadError('io-error', `the file cannot be read: ${(err as Error).message}`);
  }
  return { bytes, result: await readBytes(bytes, path) };
}
