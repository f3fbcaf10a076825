import { identity, replaceMapped, type MappedText } from './mapped-text.js';
import { moveToneToFirst } from './tone.js';

/**
 * The normalize stage: NFC, one form per tone placement, dash and space variants unified, markdown
 * leftovers and footnote markers removed, PDF line breaks repaired — each step a named pass whose
 * offset map keeps every later span pointing into the text the user gave.
 */
export interface NormalizePass {
  name: string;
  pattern: RegExp;
  replace: (m: RegExpExecArray) => string;
}

const nfc = (m: RegExpExecArray): string => m[0].normalize('NFC');

export const NORMALIZE_PASSES: readonly NormalizePass[] = [
  // Decomposed text (NFD, combining tone marks) defeats every composed pattern.
  { name: 'nfc', pattern: /\P{M}?\p{M}+/gu, replace: nfc },
  // Windows and old Mac line ends.
  { name: 'line-ends', pattern: /\r\n?/g, replace: () => '\n' },
  // NBSP, thin spaces, tabs, zero-width characters and the BOM become plain spaces.
  { name: 'spaces', pattern: /[\t\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g, replace: () => ' ' },
  // "NĐ–CP", "chủ trương – chính sách": every dash variant becomes "-".
  { name: 'dashes', pattern: /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, replace: () => '-' },
  // "hoá" → "hóa", "Uỷ" → "Ủy".
  { name: 'tone-placement', pattern: /(?<![qQ])(?:[oO][\p{L}]|[uU][\p{L}])(?!\p{L})/gu, replace: (m) => foldPair(m[0]) },
  // Markdown from converters: "## **BÁO CÁO**", "video\_clip", "<sup>1</sup>".
  { name: 'markdown-heading', pattern: /^[ ]*#{1,6}[ ]+/gm, replace: () => '' },
  { name: 'markdown-emphasis', pattern: /(?<=\S)\*+|\*+(?=\S)/g, replace: () => '' },
  { name: 'markdown-escape', pattern: /\\([_*#\[\]().\-!`])/g, replace: (m) => m[1]! },
  { name: 'markdown-sup', pattern: /<sup>[^<\n]{0,12}<\/sup>/gi, replace: () => ' ' },
  // A symbol broken after its hyphen or slash: "153/KH-\n\nUBND", "2856/QĐ-\nUBND".
  { name: 'split-symbol', pattern: /(?<=[\p{L}\d][-/])[ ]*\n\s*(?=[\p{Lu}\d])/gu, replace: () => '' },
  // PDF lines: a line break before a lowercase word continues the sentence ("bổ \n\nnhiệm").
  // Not before a lettered heading ("a) Về ứng dụng").
  { name: 'soft-break', pattern: /[ ]*\n\s*(?=\p{Ll})(?!\p{Ll}\)\s)/gu, replace: () => ' ' },
  // ... and so does one before a number that ends a phrase ("năm \n\n2022)."), unless it opens a heading.
  { name: 'soft-break-number', pattern: /(?<=[\p{L}\d,])[ ]*\n\s*(?=\d)/gu, replace: (m) => (opensHeading(m) ? m[0] : ' ') },
  // Footnote markers glued to words: "28 chỉ tiêu.1Tham mưu", "22 trường hợp2 là".
  { name: 'footnote-after-stop', pattern: /(?<=[.;:])\d{1,2}(?=\p{Lu})/gu, replace: () => ' ' },
  { name: 'footnote-after-word', pattern: /(?<=\p{Ll}{3})\d{1,2}(?=[\s;,.:)])/gu, replace: (m) => ' '.repeat(m[0].length) },
];

// "2. Công tác", "6.1. Công nghệ", "3) Kiểm tra" open headings; "2022)." and "117/2013" do not.
function opensHeading(m: RegExpExecArray): boolean {
  const next = m.input.slice(m.index + m[0].length, m.index + m[0].length + 12);
  return /^\d{1,2}(?:\.\d{1,2})*(?:\.\s|\)\s)/.test(next);
}

function foldPair(pair: string): string {
  const lower = pair.toLowerCase();
  const [a, b] = [...lower.normalize('NFD').replace(/\p{M}/gu, '')];
  const isNucleus = (a === 'o' && (b === 'a' || b === 'e')) || (a === 'u' && b === 'y');
  return isNucleus ? moveToneToFirst(pair) : pair;
}

export function normalize(source: string): MappedText {
  let mt = identity(source);
  for (const pass of NORMALIZE_PASSES) mt = replaceMapped(mt, pass.pattern, pass.replace);
  return mt;
}
