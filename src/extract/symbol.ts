import { caseAlternation, escapeRegex, issuerInfo, memo, officialCode, type Rules } from '../rules/compile.js';
import { fold } from '../normalize/fold.js';
import type { MappedText } from '../normalize/mapped-text.js';
import { matchesAtDigitRuns } from '../util/text.js';

/**
 * The grammar of số/ký hiệu (DOMAIN.md): normative "61/2018/NĐ-CP", administrative "2636/QĐ-BNV",
 * công văn "795/UBND-TH", Party "18-NQ/TW". A token is split into numbers and separated parts,
 * then classified; anything that fits no family is malformed, with the likeliest intended form.
 */

const symbolSources = new WeakMap<Rules, string>();

// A code of a symbol: capitals (ASCII and Đ, as every official code is written) with the few lower-
// case letters codes carry ("TTg", "CTr", "SNgV"), and inner "." or "&" ("UB.VX", "TCBC&CCHC",
// "CCTKV.05").
const CODE_SOURCE = '[A-ZĐ][A-Za-zĐđ\\d]{0,11}(?:[&.][A-ZĐ\\d][A-ZĐ\\d]{0,11})*';
// A number: "61", "30c", and a sub-numbered one kept as written ("12.3/2025/NQ-CP").
const NUMBER_SOURCE = '\\d{1,5}(?:\\.\\d{1,3}(?=[ ]{0,2}[/-]))?[a-zđ]?';

/**
 * Every symbol token of a normalized text, in order: the global scan of symbolSource, made once per
 * text and shared (references read each; figures leave their numbers out). The pattern is the
 * costliest of the extractors' (its look-behind runs at every digit): two scans were a twentieth of
 * the pipeline.
 */
export function symbolMatches(mt: MappedText, rules: Rules): readonly RegExpExecArray[] {
  const kept = symbolScans.get(mt);
  if (kept && kept.rules === rules) return kept.matches;
  const re = memo(rules, 'symbol-scan', () => new RegExp(symbolSource(rules), 'uy'));
  const matches: RegExpExecArray[] = [];
  const text = mt.text;
  // A symbol starts where a run of digits does: the pattern is tried there alone, sticky. Searched
  // for globally it began with its look-behind at every character, and took sixteen times as long
  // over the corpus for the same matches.
  for (const m of matchesAtDigitRuns(text, re)) matches.push(m);
  symbolScans.set(mt, { rules, matches });
  return matches;
}

const symbolScans = new WeakMap<MappedText, { rules: Rules; matches: RegExpExecArray[] }>();

/**
 * A capitalised word is no code: "2013 - Luật", "54 - Pháp", "88,3/ CHỈ" hold no symbol. Known codes
 * typed that way stay codes ("1819/QĐ-Ttg", "09-Ctr/TU").
 */
function notAWord(rules: Rules): string {
  const known = [...rules.typeByCode.keys(), ...rules.issuerByCode.keys()]
    .filter((c) => c.length >= 3)
    .map((c) => c.charAt(0) + c.slice(1).toLowerCase());
  const except = known.length ? `(?!(?:${known.map(escapeRegex).join('|')})(?![A-Za-zĐđ\\d]))` : '';
  return `(?!${except}(?:[A-ZĐ][a-zđ]{2,}|\\p{Lu}*[^\\x00-\\x7FĐđ\\s\\d/-])(?![A-Za-zĐđ\\d]))`;
}

/**
 * Where a symbol may start: a digit with no letter, digit, "/", "." or "-" before it.
 * A number of a list ("876, 878/QĐ-BNV") whose previous number could start there too is not tried
 * again (the lookbehind after START): when the list failed from that number (no "/QĐ-BNV" after its
 * last number), it fails from this one too, and trying each one read the rest of the list again:
 * "1," × 50,000 took 23 s (issue 30). The lookahead (?=\d) first keeps that lookbehind, which reads
 * back over spaces, to the few places a number starts.
 */
const START = '(?<![\\p{L}\\d/.\\-])(?=\\d)';

/**
 * The most numbers one list shares a code with ("876, 878, 880/QĐ-BNV"). A bound, not "any number":
 * the regex engine keeps a step per repeat, and "1," two million times overflowed its stack.
 */
const MAX_LIST = 64;

/**
 * The regex source of a symbol token. Groups: 1 the number list, 2 the separated parts.
 * "876, 878/QĐ-BNV", "2552, 2553 và 2554/QĐ-UBND", "30c/NQ-CP", "61/2018/NĐ - CP", "18-NQ/TW",
 * "130/2005/N/Đ-CP". Case-sensitive: compile it without the "i" flag.
 */
export function symbolSource(rules: Rules): string {
  let source = symbolSources.get(rules);
  if (!source) {
    const joiner = `(?:[ ]*,[ ]*|[ ]+(?:${caseAlternation(rules.data.lexicon.listJoiners)})[ ]+)`;
    source =
      `${START}(?<!${START}\\d{1,5}[a-zđ]?${joiner})(${NUMBER_SOURCE}(?:${joiner}${NUMBER_SOURCE}){0,${MAX_LIST - 1}})` +
      `((?:[ ]{0,2}[/-][ ]{0,2}(?:\\d{4}(?!\\d)|${notAWord(rules)}${CODE_SOURCE}))+)(?![\\p{L}\\d])`;
    symbolSources.set(rules, source);
  }
  return source;
}

export type SymbolFamily = 'normative' | 'administrative' | 'cong-van' | 'party' | 'malformed';

export interface SymbolParts {
  /** Numbers as written; several for "876, 878/QĐ-BNV". */
  numbers: string[];
  year: number | null;
  /** Codes in official case, in order ("QĐ", "TTg"). */
  codes: string[];
  family: SymbolFamily;
  typeCode: string | null;
  issuerCode: string | null;
  /** Canonical id of each number: "876/QĐ-BNV", "878/QĐ-BNV". */
  ids: string[];
  /** For a malformed symbol, the likeliest intended form of the first id. */
  suggestion: string | null;
  /** Codes the rules do not know (type or issuer position). */
  unknownCodes: string[];
}

interface Part {
  sep: '/' | '-';
  value: string;
  isYear: boolean;
}

const PART = new RegExp(`[ ]*([/-])[ ]*(\\d{4}|${CODE_SOURCE})`, 'gu');

function splitParts(tail: string): Part[] {
  const parts: Part[] = [];
  const re = PART;
  re.lastIndex = 0;
  for (let m = re.exec(tail); m; m = re.exec(tail)) {
    parts.push({ sep: m[1] as '/' | '-', value: m[2]!, isYear: /^\d{4}$/.test(m[2]!) });
  }
  return parts;
}

const isCode = (p: Part | undefined): boolean => !!p && !p.isYear;

function shape(parts: Part[]): string {
  return parts.map((p) => p.sep + (p.isYear ? 'Y' : 'C')).join('');
}

export function parseSymbol(numberList: string, tail: string, rules: Rules): SymbolParts | null {
  const parts = splitParts(tail);
  if (!parts.some(isCode)) return null;
  const numbers = numberList.match(/\d{1,5}(?:\.\d{1,3})?[a-zđ]?/gu) ?? [];
  return classify(numbers, parts, rules);
}

function classify(numbers: string[], parts: Part[], rules: Rules): SymbolParts {
  const s = shape(parts);
  const codes = parts.filter(isCode).map((p) => p.value);
  const known = (c: string): boolean => rules.typeByCode.has(c.toUpperCase());
  const yearPart = parts.find((p) => p.isYear);
  const year = yearPart ? Number(yearPart.value) : null;

  // normative: /2018/NĐ-CP, /2019/QH14
  if (/^\/Y\/C(-C)*$/.test(s)) {
    const first = codes[0]!;
    if (known(first)) return build(numbers, year, codes, 'normative', first, codes[1] ?? null, '/', rules);
    if (issuerInfo(first, rules)) return build(numbers, year, codes, 'normative', null, first, '/', rules);
  }
  // administrative /QĐ-BNV or công văn /UBND-TH
  if (/^\/C(-C)*$/.test(s)) {
    const first = codes[0]!;
    if (known(first)) return build(numbers, null, codes, 'administrative', first, codes[1] ?? null, '/', rules);
    return build(numbers, null, codes, 'cong-van', null, first, '/', rules);
  }
  // Party -NQ/TW, -CTr/TU
  if (/^-C\/C(-C)*$/.test(s)) {
    return build(numbers, null, codes, 'party', codes[0]!, codes[1] ?? null, '-', rules);
  }
  return malformed(numbers, parts, rules);
}

function build(
  numbers: string[], year: number | null, codes: string[], family: SymbolFamily,
  typeCode: string | null, issuerCode: string | null, firstSep: '/' | '-', rules: Rules,
): SymbolParts {
  const official = codes.map((c) => officialCode(c, rules));
  const unknownCodes: string[] = [];
  if (typeCode && !rules.typeByCode.has(typeCode.toUpperCase())) unknownCodes.push(typeCode);
  if (issuerCode && !issuerInfo(issuerCode, rules)) unknownCodes.push(issuerCode);
  // The id keeps the codes as written (ANNOTATION.md: "1899/QĐ-TTG" in a title in capitals); `codes`,
  // `typeCode` and `issuerCode` give them in official case, and symbolKey compares ids without case.
  const codeText = family === 'party'
    ? `${codes[0]}/${codes.slice(1).join('-')}`
    : codes.join('-');
  const ids = numbers.map((n) =>
    family === 'party' ? `${n}-${codeText}` : year !== null ? `${n}/${year}/${codeText}` : `${n}${firstSep}${codeText}`,
  );
  return {
    numbers, year, codes: official, family,
    typeCode: typeCode ? officialCode(typeCode, rules) : null,
    issuerCode: issuerCode ? officialCode(issuerCode, rules) : null,
    ids, suggestion: null, unknownCodes,
  };
}

/** Keep the symbol as written (canonical spacing) and guess the intended form. */
function malformed(numbers: string[], parts: Part[], rules: Rules): SymbolParts {
  const written = parts.map((p) => p.sep + (p.isYear ? p.value : officialCode(p.value, rules))).join('');
  const ids = numbers.map((n) => n + written);
  const suggestion = suggest(numbers[0]!, parts, rules);
  const year = parts.find((p) => p.isYear)?.value;
  return {
    numbers, year: year ? Number(year) : null, codes: parts.filter(isCode).map((p) => officialCode(p.value, rules)),
    family: 'malformed', typeCode: suggestion?.typeCode ?? null, issuerCode: suggestion?.issuerCode ?? null,
    ids, suggestion: suggestion?.ids[0] ?? null, unknownCodes: [],
  };
}

function suggest(number: string, parts: Part[], rules: Rules): SymbolParts | null {
  // "130/2005/N/Đ-CP": letters split by a stray slash → "NĐ".
  const merged: Part[] = [];
  for (const p of parts) {
    const prev = merged[merged.length - 1];
    if (prev && !prev.isYear && !p.isYear && p.sep === '/' && prev.value.length <= 2 && p.value.length <= 2
      && rules.typeByCode.has((prev.value + p.value).toUpperCase())) {
      merged[merged.length - 1] = { ...prev, value: prev.value + p.value };
    } else merged.push(p);
  }
  if (merged.length !== parts.length) {
    const fixed = classify([number], merged, rules);
    if (fixed.family !== 'malformed') return fixed;
  }
  // "19-2018/NQ-CP": a normative number written with a Party dash → "19/2018/NQ-CP".
  if (parts[0]?.sep === '-' && parts[0].isYear) {
    const fixed = classify([number], [{ ...parts[0], sep: '/' }, ...parts.slice(1)], rules);
    if (fixed.family !== 'malformed') return fixed;
  }
  // "79/2025/NĐCP", "37/2025/TTBNNMT": a type code glued to the issuer's → "NĐ-CP", "TT-BNNMT".
  const glued = parts.findIndex((p) => isCode(p) && !knownCode(p.value, rules));
  if (glued !== -1) {
    const code = parts[glued]!.value;
    for (let k = 1; k < code.length; k++) {
      if (!rules.typeByCode.has(code.slice(0, k).toUpperCase()) || !knownCode(code.slice(k), rules)) continue;
      const split = [...parts.slice(0, glued), { ...parts[glued]!, value: code.slice(0, k) }, { sep: '-' as const, value: code.slice(k), isYear: false }, ...parts.slice(glued + 1)];
      const fixed = classify([number], split, rules);
      if (fixed.family !== 'malformed' && !fixed.unknownCodes.length) return fixed;
    }
  }
  // "40/2025/ND-CP": a code written without its diacritics → "NĐ-CP".
  const restored = parts.map((p) => (isCode(p) && !knownCode(p.value, rules) ? { ...p, value: withDiacritics(p.value, rules) ?? p.value } : p));
  if (restored.some((p, i) => p.value !== parts[i]!.value)) {
    const fixed = classify([number], restored, rules);
    if (fixed.family !== 'malformed' && !fixed.unknownCodes.length) return fixed;
  }
  return null;
}

function knownCode(code: string, rules: Rules): boolean {
  return rules.typeByCode.has(code.toUpperCase()) || !!issuerInfo(code, rules);
}

/** The one known type code that "QD" or "ND" is, written without diacritics ("QĐ", "NĐ"). */
export function withDiacritics(code: string, rules: Rules): string | null {
  const folded = fold(code).toUpperCase();
  if (folded !== code.toUpperCase()) return null;
  const matches = [...rules.typeByCode.values()].filter((t) => fold(t.code).toUpperCase() === folded && t.code.toUpperCase() !== folded);
  return matches.length === 1 ? matches[0]!.code : null;
}

/** Comparison key: numbers compare numerically ("06" = "6"), codes ignore case. */
export function symbolKey(id: string): string {
  return id
    .replace(/^0+(?=\d)/, '')
    .replace(/([/-])0+(?=\d)/g, '$1')
    .toUpperCase();
}
