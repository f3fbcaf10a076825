import { isUtf8 } from 'node:buffer';

/**
 * File names that are not UTF-8. Archives zipped on Windows and unpacked on Linux keep their names
 * as raw CP1258 or TCVN3 bytes ("b\xe1o-c\xe1o.txt"); Node decodes such a name with U+FFFD, which
 * neither opens the file nor tells two names apart. Here an invalid byte B becomes the lone
 * surrogate U+DC00+B, as Python's `os.fsdecode` does ("surrogateescape"): the path stays unique,
 * turns back into the exact bytes, and in Python `open(record["source"]["path"])` opens the file.
 */

/** A name's bytes as a string: UTF-8 where they are UTF-8, each other byte escaped. */
export function nameFromBytes(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes).toString('utf8');
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      out += String.fromCharCode(0xdc00 + bytes[i]!);
      i += 1;
    } else {
      out += Buffer.from(bytes.subarray(i, i + length)).toString('utf8');
      i += length;
    }
  }
  return out;
}

/** What to hand the file system for a path: the string itself, or its bytes when it escapes some. */
export function pathForFs(path: string): string | Buffer {
  // With the u flag a class of lone surrogates never matches half of a real pair (U+10080 is D800 DC80).
  if (!/[\u{dc80}-\u{dcff}]/u.test(path)) return path;
  const pieces = path.split(/([\u{dc80}-\u{dcff}])/u); // odd indexes: the escaped bytes
  return Buffer.concat(pieces.map((piece, k) => (k % 2 ? Buffer.from([piece.charCodeAt(0) - 0xdc00]) : Buffer.from(piece, 'utf8'))));
}

/**
 * The length of the well-formed UTF-8 sequence at `i` (1–4), or 0 when the byte there does not
 * start one: a stray continuation byte, an overlong form, an encoded surrogate, a cut sequence.
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => bytes[i + k] !== undefined && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
