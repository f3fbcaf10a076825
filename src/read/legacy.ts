import { escapeRegex, memo, type Rules } from '../rules/compile.js';
import type { ReadResult } from './types.js';
import { countMatches } from '../util/text.js';

/**
 * Legacy Vietnamese encodings (rules/legacy-encodings.json): TCVN3 (ABC, .VnTime fonts) and VNI
 * (VNI-Times fonts), which read as "B¸o c¸o" or "Baùo caùo" when taken for Western text. A run in a
 * legacy font is converted by its font name; text with no font information by its characters, when
 * legacy letters are frequent and real Vietnamese letters rare. The converted text is the text the
 * record's spans point into, and `source.encoding` says what was found.
 */
interface Decoder {
  name: string;
  fontPrefixes: string[];
  /** Fonts whose letters all display upper-case (TCVN3 ".VnTimeH"): "b¸o c¸o" shows "BÁO CÁO". */
  upperPrefixes: string[];
  convert: (text: string) => string;
  /** Legacy letters of this encoding in a text (for detection). */
  marker: RegExp;
}

function decoders(rules: Rules): Decoder[] {
  const all = rules.data.legacyEncodings.encodings;
  return memo(rules, 'legacy-decoders', () => all.map((e) => {
    const keys = Object.keys(e.map).sort((a, b) => b.length - a.length);
    const re = new RegExp(keys.map(escapeRegex).join('|'), 'g');
    // Detection counts the keys no other encoding uses, even inside its own keys: TCVN3's "¸" and
    // "µ", VNI's "aù" and "oä" — the characters both share ("ù", "ö") say nothing.
    const others = all.filter((o) => o !== e).flatMap((o) => Object.keys(o.map));
    const markers = keys.filter((k) => (k.length > 1 || k.charCodeAt(0) > 0x7f) && !others.some((o) => o.includes(k)));
    return {
      name: e.name.toLowerCase(),
      fontPrefixes: e.fontPrefixes,
      upperPrefixes: e.fontPrefixesUpper ?? [],
      convert: (text: string) => text.replace(re, (m) => e.map[m] ?? m),
      marker: new RegExp(markers.map(escapeRegex).join('|'), 'g'),
    };
  }));
}

const startsWithAny = (font: string, prefixes: string[]): boolean =>
  prefixes.some((p) => font.toLowerCase().startsWith(p.toLowerCase()));

const decoderFor = (font: string, rules: Rules): Decoder | undefined =>
  decoders(rules).find((d) => startsWithAny(font, [...d.upperPrefixes, ...d.fontPrefixes]));

/** The legacy encoding a font writes in ("tcvn3" for ".VnTime", "vni" for "VNI-Times"), or null. */
export function legacyFont(font: string, rules: Rules): string | null {
  return decoderFor(font, rules)?.name ?? null;
}

/**
 * A run of text in a font: converted to Unicode when the font is a legacy one (upper-cased for
 * TCVN3's all-capitals fonts), with the encoding found; null when the font is not a legacy one.
 */
export function decodeRun(text: string, font: string | null, rules: Rules): { text: string; encoding: string } | null {
  if (!font) return null;
  const decoder = decoderFor(font, rules);
  if (!decoder) return null;
  const unicode = decoder.convert(text);
  return { text: startsWithAny(font, decoder.upperPrefixes) ? unicode.toUpperCase() : unicode, encoding: decoder.name };
}

// Letters that only Unicode Vietnamese has: their presence means the text is not legacy-encoded.
// Not â, ê, ô: they are Latin-1, and VNI writes its circumflex with them ("Coâng" is "Công").
const UNICODE_VIETNAMESE = /[\u1EA0-\u1EF9ăđơưĂĐƠƯ]/g;

/**
 * The legacy encoding a text is written in, judged by its characters; null when it reads as Unicode.
 * `declared` are the encodings whose fonts the file names (a DOC's font table, a PDF's /BaseFont):
 * for those the bar is lower, since a file that declares ".VnTime" and shows "¸" is rarely anything else.
 */
export function detectLegacy(text: string, rules: Rules, declared: string[] = []): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  // Every legacy letter holds a non-ASCII character, and a verdict needs more legacy letters than
  // four times the Unicode-only ones: a Unicode Vietnamese text, where these are half its non-ASCII
  // characters, is told apart by one loop, before the encodings' long alternations run.
  const { nonAscii, unicode } = nonAsciiCounts(sample);
  if (nonAscii <= unicode * 4) return null;
  // Most texts have no legacy letter at all, and then nothing can outweigh the Unicode reading:
  // counting every letter of them first was a fifth of all a text file allocated.
  const best = mostLegacyLetters(sample, rules);
  if (!best || best.count === 0) return null;
  return legacyVerdict({ letters: countMatches(LETTER, sample), unicode: countMatches(UNICODE_VIETNAMESE, sample), best }, declared);
}

/** Non-ASCII characters and, among them, the letters only Unicode Vietnamese has (UNICODE_VIETNAMESE). */
function nonAsciiCounts(text: string): { nonAscii: number; unicode: number } {
  let nonAscii = 0;
  let unicode = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x1ea0 && c <= 0x1ef9) || UNICODE_VIETNAMESE_UNITS.has(c)) unicode++;
  }
  return { nonAscii, unicode };
}

/** ă đ ơ ư Ă Đ Ơ Ư: the letters of UNICODE_VIETNAMESE outside U+1EA0–U+1EF9. */
const UNICODE_VIETNAMESE_UNITS = new Set([...'ăđơưĂĐƠƯ'].map((ch) => ch.charCodeAt(0)));

/** The verdict of detectLegacy on evidence already gathered. */
export function legacyVerdict({ letters, unicode, best }: LegacyEvidence, declared: string[] = []): string | null {
  if (letters < 20 || !best) return null;
  const share = declared.includes(best.name) ? 0.005 : 0.02;
  return best.count > letters * share && best.count > unicode * 4 ? best.name : null;
}

/** How many letters a text has, how many only Unicode Vietnamese has, and the legacy encoding with most of its own letters. */
export interface LegacyEvidence {
  letters: number;
  unicode: number;
  best: { name: string; count: number } | null;
}

const SAMPLE_CHARS = 50_000;
const LETTER = /\p{L}/gu;

export function legacyEvidence(text: string, rules: Rules): LegacyEvidence {
  const sample = text.slice(0, SAMPLE_CHARS);
  return { letters: countMatches(LETTER, sample), unicode: countMatches(UNICODE_VIETNAMESE, sample), best: mostLegacyLetters(sample, rules) };
}

function mostLegacyLetters(sample: string, rules: Rules): { name: string; count: number } | null {
  let best: { name: string; count: number } | null = null;
  for (const d of decoders(rules)) {
    const count = countMatches(d.marker, sample);
    if (!best || count > best.count) best = { name: d.name, count };
  }
  return best;
}


/**
 * The legacy encodings whose fonts a file names, found in its bytes without parsing it: a DOC's
 * font table holds names in UTF-16 (".VnTime"), a PDF's font dictionaries as "/BaseFont/ABCDEF+.VnTime".
 * Fonts in compressed PDF object streams are not seen; the character statistics still are.
 */
export function declaredLegacyFonts(bytes: Uint8Array, rules: Rules): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return decoders(rules).filter((d) => [...d.upperPrefixes, ...d.fontPrefixes].some((prefix) =>
    buf.includes(Buffer.from(prefix, 'utf16le')) || buf.includes(`/${prefix}`, 0, 'latin1') || buf.includes(`+${prefix}`, 0, 'latin1'),
  )).map((d) => d.name);
}

export function convertLegacy(text: string, encoding: string, rules: Rules): string {
  return decoders(rules).find((d) => d.name === encoding)?.convert(text) ?? text;
}

/**
 * A file typed partly in one legacy encoding and partly in another (a .doc whose sections came from a
 * TCVN3 and a VNI author: "caùc heä thoáng" among "các hệ thống"): each paragraph is converted by the
 * encoding its own letters point to, when they clearly do; else by the document's.
 */
function convertByParagraph(text: string, encoding: string, rules: Rules): string {
  const all = decoders(rules);
  const main = all.find((d) => d.name === encoding);
  if (!main || all.length < 2) return convertLegacy(text, encoding, rules);
  return text.split('\n').map((paragraph) => {
    let chosen = main;
    const own = countMatches(main.marker, paragraph);
    for (const d of all) {
      if (d === main) continue;
      const count = countMatches(d.marker, paragraph);
      if (count >= 3 && count > own * 3) chosen = d;
    }
    return chosen.convert(paragraph);
  }).join('\n');
}

/**
 * A TCVN3 capitals font (.VnTimeH) shows the lower-case codes as capitals; converted without knowing
 * the font (a .doc read by its characters), "MỤC LỤC" comes out "MụC LụC". A word of two capitals or
 * more whose other letters are all converted lower-case letters (no a–z) is a word in capitals: "PHầN
 * THứ NHấT" → "PHẦN THỨ NHẤT"; "Hà", "Hồ" (one capital) stay.
 */
export function capitalsOfUpperFonts(text: string): string {
  const words = text.replace(/\p{L}{2,}/gu, (w) => {
    if (/[a-z]/.test(w) || !/\p{Ll}/u.test(w)) return w;
    const capitals = w.match(/\p{Lu}/gu)?.length ?? 0;
    return capitals >= 2 ? w.toUpperCase() : w;
  });
  // "Kế HOẠCH TỔNG THỂ": a word of one capital beside a Vietnamese word in capitals (one with a
  // diacritic, not an acronym: "Về CCHC" stays) is in the capitals font too.
  return words.replace(/(?<![\p{L}])(\p{Lu})([^\sa-z\P{Ll}]+)(?![\p{L}])/gu, (w, _first, _rest, at: number) => {
    const before = /(\p{L}+)[ ]+$/u.exec(words.slice(Math.max(0, at - 30), at))?.[1] ?? '';
    const after = /^[ ]+(\p{L}+)/u.exec(words.slice(at + w.length, at + w.length + 30))?.[1] ?? '';
    const vietnameseCapitals = (x: string): boolean => x.length >= 2 && !/\p{Ll}/u.test(x) && /[^\x00-\x7F]/.test(x);
    return vietnameseCapitals(before) || vietnameseCapitals(after) ? w.toUpperCase() : w;
  });
}

/** Convert a paged text range by range, so each page's and each note's offsets still hold in the converted text. */
function convertPaged(result: ReadResult, encoding: string, rules: Rules): Pick<ReadResult, 'text' | 'pages' | 'notes'> {
  const cuts = [...new Set([0, ...[...(result.pages ?? []), ...(result.notes ?? [])].flatMap((r) => [r.start, r.end]), result.text.length])].sort((a, b) => a - b);
  const moved = new Map<number, number>();
  let text = '';
  cuts.forEach((cut, i) => {
    moved.set(cut, text.length);
    if (i + 1 < cuts.length) text += capitalsOfUpperFonts(convertByParagraph(result.text.slice(cut, cuts[i + 1]), encoding, rules));
  });
  const at = (offset: number): number => moved.get(offset)!;
  return {
    text,
    pages: result.pages?.map((p) => ({ start: at(p.start), end: at(p.end) })) ?? null,
    ...(result.notes ? { notes: result.notes.map((n) => ({ ...n, start: at(n.start), end: at(n.end) })) } : {}),
  };
}

/**
 * Convert what a reader returned: by font where runs carry one, else by its characters.
 * `declared` are the legacy encodings the file's own font names point to.
 */
export function decodeLegacy(result: ReadResult, rules: Rules, declared: string[] = []): ReadResult {
  if (result.runs?.some((r) => r.font && legacyFont(r.font, rules))) {
    const found = new Set<string>();
    const text = result.runs.map((r) => {
      const decoded = decodeRun(r.text, r.font, rules);
      if (!decoded) return r.text;
      found.add(decoded.encoding);
      return decoded.text;
    }).join('');
    return { ...result, text, encoding: [...found].join('+'), runs: undefined };
  }
  const detected = detectLegacy(result.text, rules, declared);
  if (!detected) return result;
  // Converted text no longer lines up with a source map of the markup read (an HTML page's): spans then point into the text read.
  return { ...result, ...convertPaged(result, detected, rules), encoding: detected, origin: undefined, warnings: [...result.warnings, `converted from ${detected}`] };
}
