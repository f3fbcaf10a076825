import { ReadError, type Reader, type ReadResult } from './types.js';

const MARKDOWN_EXT = /\.(md|markdown)$/i;

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    throw new ReadError('binary-file', 'the file holds NUL bytes and no UTF-16 byte-order mark: it is binary, not text');
  }
  return { text: strictDecode('utf-8', bytes), encoding: 'utf-8' };
}

function strictDecode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ReadError('invalid-encoding', `the bytes are not valid ${encoding.toUpperCase()}${badByteAt(bytes, encoding)}`);
  }
}

/** Where the first invalid UTF-8 sequence starts, to make the error actionable. */
function badByteAt(bytes: Uint8Array, encoding: string): string {
  if (encoding !== 'utf-8') return '';
  // In streaming mode a sequence cut at the end of the prefix is not an error, so the longest
  // prefix that decodes ends right before the first invalid byte.
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return ` (first invalid byte at offset ${lo})`;
}

/**
 * Vietnamese written decomposed (NFD: base letter + combining tone mark, as macOS file names and some
 * converters leave it): combining marks are over 2% of letters in the first 50 000 characters. The
 * text is kept as written (spans point into it); the normalize stage composes it before matching.
 */
export function isDecomposed(text: string): boolean {
  const sample = text.slice(0, 50_000);
  const marks = (sample.match(/[\u0300-\u0303\u0306\u0309\u031B\u0323]/g) ?? []).length;
  return marks > 0 && marks > (sample.match(/\p{L}/gu) ?? []).length * 0.02;
}

export const textReader: Reader = {
  format: 'text',
  sniff: () => true,
  async read(bytes: Uint8Array, path: string): Promise<ReadResult> {
    const { text, encoding } = decode(bytes);
    return { text, encoding: isDecomposed(text) ? `${encoding}-nfd` : encoding, format: MARKDOWN_EXT.test(path) ? 'markdown' : 'text', pages: null, warnings: [] };
  },
};
