import { escapeRegex, memo, type Rules } from '../rules/compile.js';
import type { ReadResult } from './types.js';

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
      fontPrefixes: [...(e.fontPrefixesUpper ?? []), ...e.fontPrefixes],
      convert: (text: string) => text.replace(re, (m) => e.map[m] ?? m),
      marker: new RegExp(markers.map(escapeRegex).join('|'), 'g'),
    };
  }));
}

export function legacyFont(font: string, rules: Rules): string | null {
  return decoders(rules).find((d) => d.fontPrefixes.some((p) => font.toLowerCase().startsWith(p.toLowerCase())))?.name ?? null;
}

// Letters that only Unicode Vietnamese has: their presence means the text is not legacy-encoded.
const UNICODE_VIETNAMESE = /[\u1EA0-\u1EF9ăâđêôơưĂÂĐÊÔƠƯ]/g;

/** The legacy encoding a text is written in, judged by its characters; null when it reads as Unicode. */
export function detectLegacy(text: string, rules: Rules): string | null {
  const sample = text.slice(0, 50_000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return null;
  const unicode = (sample.match(UNICODE_VIETNAMESE) ?? []).length;
  let best: { name: string; count: number } | null = null;
  for (const d of decoders(rules)) {
    const count = (sample.match(d.marker) ?? []).length;
    if (!best || count > best.count) best = { name: d.name, count };
  }
  return best && best.count > letters * 0.02 && best.count > unicode * 4 ? best.name : null;
}

export function convertLegacy(text: string, encoding: string, rules: Rules): string {
  return decoders(rules).find((d) => d.name === encoding)?.convert(text) ?? text;
}

/** Convert what a reader returned: by font where runs carry one, else by detection. */
export function decodeLegacy(result: ReadResult, rules: Rules): ReadResult {
  if (result.runs?.some((r) => r.font && legacyFont(r.font, rules))) {
    const found = new Set<string>();
    const text = result.runs.map((r) => {
      const enc = r.font ? legacyFont(r.font, rules) : null;
      if (!enc) return r.text;
      found.add(enc);
      return convertLegacy(r.text, enc, rules);
    }).join('');
    return { ...result, text, encoding: [...found].join('+'), runs: undefined };
  }
  const detected = detectLegacy(result.text, rules);
  if (!detected || result.pages) return result; // page offsets would no longer hold after a length change
  return { ...result, text: convertLegacy(result.text, detected, rules), encoding: detected, warnings: [...result.warnings, `converted from ${detected}`] };
}
