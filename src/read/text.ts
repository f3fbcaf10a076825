import { isUtf8 } from 'node:buffer';
import { utf8SequenceLength } from './file-name.js';
import { ReadError, type Reader, type ReadResult } from './types.js';

const MARKDOWN_EXT = /\.(md|markdown)$/i;

/** A byte sequence not valid in the file's encoding: where it is in the file, and where its U+FFFD is in the text. */
export interface InvalidSequence {
  byte: number;
  length: number;
  at: number;
}

interface Decoded {
  text: string;
  encoding: string;
  invalid: InvalidSequence[];
}

function decode(bytes: Uint8Array): Decoded {
  // A byte-order mark names the encoding: bytes invalid in it are damage, not another encoding.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { ...lenientUtf8(bytes, 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ...lenientUtf16(bytes, false), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ...lenientUtf16(bytes, true), encoding: 'utf-16be' };
  const head = bytes.subarray(0, 8192);
  const nul = bytes.includes(0);
  if (nul && binary(head)) {
    throw new ReadError('binary-file', 'the file holds NUL bytes and no UTF-16 byte-order mark: it is binary, not text');
  }
  if (!nul && isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding: 'utf-8', invalid: [] };
  const share = utf8Share(bytes);
  if (!mostlyUtf8(share)) {
    // Left to the 8-bit readers (TCVN3, VNI, Windows-1258), which refuse it in turn if it is none of them.
    throw new ReadError('invalid-encoding', `the bytes are not valid UTF-8 (first invalid byte at offset ${share.firstInvalid})`);
  }
  return { ...lenientUtf8(bytes, 0), encoding: 'utf-8' };
}

/**
 * Binary bytes, not text with a few damaged bytes: NUL is over 1% of the first 8 KB, or control
 * bytes other than tab, line breaks and form feed over 10%. A text with a run of random bytes in it
 * (a bad sector) has a NUL or two in 8 KB; an image, an archive or UTF-16 without its mark has hundreds.
 */
function binary(head: Uint8Array): boolean {
  let nuls = 0;
  let controls = 0;
  for (const b of head) {
    if (b === 0) nuls++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  return nuls * 100 > head.length || (nuls + controls) * 10 > head.length;
}

/** True when bytes that are not all valid UTF-8 are still UTF-8 with damage (see mostlyUtf8), not another encoding. */
export function damagedUtf8(bytes: Uint8Array): boolean {
  return mostlyUtf8(utf8Share(bytes));
}

/** Sequences of a file read as UTF-8: valid ones of two bytes or more, invalid ones, and all. */
interface Utf8Share {
  multiByte: number;
  invalid: number;
  all: number;
  firstInvalid: number;
}

function utf8Share(bytes: Uint8Array): Utf8Share {
  const share = { multiByte: 0, invalid: 0, all: 0, firstInvalid: -1 };
  for (let i = 0; i < bytes.length; share.all++) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length) share.multiByte++;
    else {
      if (share.invalid++ === 0) share.firstInvalid = i;
    }
    i += length || invalidLength(bytes, i);
  }
  return share;
}

/**
 * UTF-8 with a few damaged bytes (a bit flipped, a download cut mid-letter), not an 8-bit encoding:
 * at least 90% of its non-ASCII sequences are valid UTF-8, or under one sequence in 1,000 is invalid.
 * TCVN3 and VNI text almost never forms a valid UTF-8 sequence: of the legacy development set's
 * documents and their transcripts encoded in TCVN3 or VNI, at most 0.06% of the non-ASCII sequences were.
 */
function mostlyUtf8({ multiByte, invalid, all }: Utf8Share): boolean {
  return multiByte >= invalid * 9 || invalid * 1000 <= all;
}

/**
 * The bytes as UTF-8, each invalid sequence (its maximal part, as the WHATWG decoder takes it: the
 * cut "E1 BB" of "ệ" is one) read as one U+FFFD, with where it was.
 */
export function lenientUtf8(bytes: Uint8Array, from: number): { text: string; invalid: InvalidSequence[] } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const invalid: InvalidSequence[] = [];
  const pieces: string[] = [];
  let at = 0;
  let runStart = from;
  for (let i = from; i < bytes.length;) {
    // NUL is no letter of any text: in a text file it is damage, read as U+FFFD like an invalid byte.
    if (bytes[i]! < 0x80 && bytes[i] !== 0) {
      i++;
      continue;
    }
    const length = bytes[i] === 0 ? 0 : utf8SequenceLength(bytes, i);
    if (length) {
      i += length;
      continue;
    }
    const run = buf.toString('utf8', runStart, i);
    pieces.push(run, '\uFFFD');
    at += run.length;
    const bad = invalidLength(bytes, i);
    invalid.push({ byte: i, length: bad, at });
    at += 1;
    i += bad;
    runStart = i;
  }
  pieces.push(buf.toString('utf8', runStart));
  return { text: pieces.join(''), invalid };
}

/** The maximal part of a valid sequence at `i` (at least the one byte): what one U+FFFD stands for. */
function invalidLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  const more = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
  // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates, or code points past U+10FFFF).
  let lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  let hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  let n = 1;
  while (n <= more && bytes[i + n] !== undefined && bytes[i + n]! >= lo && bytes[i + n]! <= hi) {
    n++;
    lo = 0x80;
    hi = 0xbf;
  }
  return n;
}

/**
 * UTF-16 after its byte-order mark, each lone surrogate and a last odd byte read as U+FFFD (as the
 * WHATWG decoder does: one code unit in, one out, so a unit's place in the text is its index).
 */
function lenientUtf16(bytes: Uint8Array, bigEndian: boolean): { text: string; invalid: InvalidSequence[] } {
  const body = bytes.subarray(2);
  const text = new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le', { ignoreBOM: true }).decode(body);
  const invalid: InvalidSequence[] = [];
  const units = body.length >> 1;
  const unit = (k: number): number => (bigEndian ? (body[2 * k]! << 8) | body[2 * k + 1]! : (body[2 * k + 1]! << 8) | body[2 * k]!);
  for (let k = 0; k < units; k++) {
    const u = unit(k);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff && k + 1 < units && unit(k + 1) >= 0xdc00 && unit(k + 1) <= 0xdfff) k++;
    else invalid.push({ byte: 2 + 2 * k, length: 2, at: k });
  }
  if (body.length % 2) invalid.push({ byte: bytes.length - 1, length: 1, at: units });
  return { text, invalid };
}

/** Invalid sequences each named by a finding at its U+FFFD; past the first 20, one finding says how many more. */
const MAX_INVALID_FINDINGS = 20;

export function invalidSequenceFindings(bytes: Uint8Array, invalid: InvalidSequence[], encoding: string): NonNullable<ReadResult['findings']> {
  const hex = (s: InvalidSequence): string => [...bytes.subarray(s.byte, s.byte + s.length)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  const name = encoding.toUpperCase();
  const findings = invalid.slice(0, MAX_INVALID_FINDINGS).map((s) => ({
    code: 'invalid-encoding', severity: 'warning' as const,
    message: `${s.length === 1 ? `byte ${s.byte}` : `bytes ${s.byte}-${s.byte + s.length - 1}`} (${hex(s)}) ${hex(s) === '00' ? 'a NUL, no text' : `not valid ${name}`}: read as U+FFFD`,
    suggestion: null, span: { start: s.at, end: s.at + 1 },
  }));
  const rest = invalid.slice(MAX_INVALID_FINDINGS);
  if (rest.length) {
    findings.push({
      code: 'invalid-encoding', severity: 'warning',
      message: `${rest.length} more sequences not valid ${name}, from byte ${rest[0]!.byte} to byte ${rest[rest.length - 1]!.byte}: each read as U+FFFD`,
      suggestion: null, span: { start: rest[0]!.at, end: rest[0]!.at + 1 },
    });
  }
  return findings;
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
    const { text, encoding, invalid } = decode(bytes);
    const result: ReadResult = { text, encoding: isDecomposed(text) ? `${encoding}-nfd` : encoding, format: MARKDOWN_EXT.test(path) ? 'markdown' : 'text', pages: null, warnings: [] };
    if (!invalid.length) return result;
    // Kept, not refused: one flipped byte must not lose a report; each damaged place is a finding.
    return {
      ...result,
      warnings: [`${invalid.length} sequence(s) not valid ${encoding.toUpperCase()} read as U+FFFD, the first at byte ${invalid[0]!.byte}`],
      findings: invalidSequenceFindings(bytes, invalid, encoding),
    };
  },
};
