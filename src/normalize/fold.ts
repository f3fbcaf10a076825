/**
 * A matching key that ignores case, tone marks and other diacritics: "Kiên Giang", "Kien Giang"
 * and "KIÊN GIANG" all fold to "kien giang". Folding is one code unit for one code unit, so an
 * offset in the folded text is the same offset in the text it came from.
 */

// One folded code unit per code unit of the Basic Multilingual Plane, built once. A character whose
// folded form is not a single unit (rare outside Latin) folds to itself.
const TABLE = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  TABLE[c] = c;
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  if (c === 0x110 || c === 0x111) {
    TABLE[c] = 0x64; // Đ đ → d
    continue;
  }
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (base.length === 1) TABLE[c] = base.charCodeAt(0);
  else if (ch.toLowerCase().length === 1) TABLE[c] = ch.toLowerCase().charCodeAt(0);
}

export function foldChar(ch: string): string {
  return String.fromCharCode(TABLE[ch.charCodeAt(0)]!);
}

const SHORT = 256;

// Short windows (a type word before a symbol, a name) are the common call: their units go through
// one reused array into a single String.fromCharCode call. Built by concatenation, they were ~6% of
// all the pipeline allocated (sampling heap profile); a typed array and a decoder call per window
// cost more than the characters themselves.
const scratch: number[] = new Array<number>(SHORT).fill(0);

/** Each code unit of `text` through `table` (TABLE for fold, LOWER for lower): the length never changes. */
function mapUnits(text: string, table: Uint16Array): string {
  if (text.length < SHORT) {
    scratch.length = text.length;
    for (let i = 0; i < text.length; i++) scratch[i] = table[text.charCodeAt(i)]!;
    return String.fromCharCode.apply(null, scratch);
  }
  // The units copied out natively, mapped in place and read back natively as UTF-16: a third of the
  // time of a TextDecoder over the same array (3 against 9 ms per million characters).
  const bytes = unitsOf(text);
  const codes = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  for (let i = 0; i < codes.length; i++) codes[i] = table[codes[i]!]!;
  if (codes.length <= DECODE_PIECE) return bytes.toString('utf16le');
  // Node makes a decoded string of over ~1 M characters an external string, and V8's regular
  // expressions ran several times slower on windows sliced from one (a text of "1 và " at 2 MB took
  // 3.9 times the time of 1 MB): decoded in pieces and joined, the copy is an ordinary string. A
  // piece ends on an even byte and a surrogate pair cut at its edge decodes whole once joined: a
  // UTF-16 decode of Buffer keeps lone surrogates as they are.
  const pieces: string[] = [];
  for (let at = 0; at < codes.length; at += DECODE_PIECE) pieces.push(bytes.toString('utf16le', 2 * at, 2 * Math.min(codes.length, at + DECODE_PIECE)));
  return pieces.join('');
}

const DECODE_PIECE = 1 << 19;

/** A fresh copy of the UTF-16 code units of `text` (lone surrogates kept as they are), starting on an even byte. */
function unitsOf(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  // A small Buffer may sit at an odd place in Node's pool; a Uint16Array must start on an even byte.
  if (bytes.byteOffset % 2 === 0) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
}

export function fold(text: string): string {
  return mapUnits(text, TABLE);
}

// Lower case, one code unit per code unit, diacritics kept: "Nhận" → "nhận" but never "nhan".
// Lexical cues match on this (nhận "receive" and nhân "people" must stay apart); names that may be
// written without diacritics ("Kien Giang") match on fold().
const LOWER = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const lowered = c >= 0xd800 && c <= 0xdfff ? '' : String.fromCharCode(c).toLowerCase();
  LOWER[c] = lowered.length === 1 ? lowered.charCodeAt(0) : c;
}

export function lower(text: string): string {
  // A long text lower-cases natively, several times faster than through the table and the same
  // string unit for unit, except where a character lower-cases to two units ("İ" → "i̇": the
  // length tells), by its context (a final "Σ" → "ς") or outside the BMP ("𐐀" → "𐐨"): those
  // go through the table, which maps each unit alone.
  if (text.length >= SHORT && !NATIVE_DIFFERS.test(text)) {
    const native = text.toLowerCase();
    if (native.length === text.length) return native;
  }
  return mapUnits(text, LOWER);
}

const NATIVE_DIFFERS = /[\u03a3\ud800-\udbff]/;
