import { charBefore } from '../util/text.js';
import { identity, replaceMapped, type MappedText, type MatchFinder } from './mapped-text.js';
import { isSpaceUnit, lineStartMatches, matchAt, spacesBefore } from '../util/text.js';
import { moveToneToFirst } from './tone.js';

/**
 * The normalize stage: NFC, one form per tone placement, dash and space variants unified, markdown
 * leftovers and footnote markers removed, PDF line breaks repaired — each step a named pass whose
 * offset map keeps every later span pointing into the text the user gave.
 */
export interface NormalizePass {
  name: string;
  /** A cheap test: when it finds nothing, the pass is skipped (composed text has no combining marks). */
  guard?: RegExp;
  /** A global pattern, or a function that finds the matches it would (mapped-text.ts: MatchFinder). */
  pattern: MatchFinder;
  replace: (m: RegExpExecArray, options: NormalizeOptions) => string;
}

export interface NormalizeOptions {
  /**
   * Words a number follows without a space in real text ("tháng12", "ngày5", "quý3"): the digits
   * after them are that number, not a footnote marker (rules/lexicon.json: dayWord, monthWord …).
   */
  numberWords?: readonly string[];
}

const nfc = (m: RegExpExecArray): string => m[0].normalize('NFC');

// One character for one character: space and dash variants. A tab, which separates the cells of a
// table row (DOCX, RTF, text exports), becomes a run of three spaces: a gap between cells, as in
// a two-column header laid side by side, that the metadata extractors split on.
const CHAR_MAP: Record<string, string> = {
  '\t': '   ', '\u00A0': ' ', '\u202F': ' ', '\u205F': ' ', '\u3000': ' ', '\uFEFF': ' ',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\uFE58': '-', '\uFE63': '-', '\uFF0D': '-',
};
for (let c = 0x2000; c <= 0x200b; c++) CHAR_MAP[String.fromCharCode(c)] = ' ';

// "1O/2020/NĐ-CP", "l2/2019/TT-BNV", "123/2O19/QĐ-UBND": number or year parts of a symbol that mix digits and O, o, l, I.
const OCR_NUMBER = /(?<![\p{L}\d])(?=[\dOolI]*[OolI])[\dOolI]{1,5}(?=\/(?:[\dOolI]{4}\/)?\p{Lu})|(?<=\/)(?=[\dOolI]*[OolI])[\dOolI]{4}(?=\/\p{Lu})/gu;

/**
 * The white space before a stray link starts at the spaces right before its first line break. Where
 * that is, is decided before anything is read forward, so that a run of white space is read forward
 * once and not once from each of its characters (100,000 blank lines took seconds, issue 30):
 * not after a space or a line break (the spaces before a break are all taken, the first break is the
 * one), only before spaces and a break, and with no line break since the last non-space (read
 * backward only from the few places that pass the first two tests, each stretch once).
 */
const STRAY_LINK_LINE = /(?<![ \n])(?=[ ]*\n)(?<=(?:^|\S)[^\S\n]*)[ ]*\n\s*(?:https?:\/\/|www\.)[^\s]+[ ]*\n\s*(?=\p{Ll})/gu;

// "## **BÁO CÁO**": a markdown heading's marks, tried at line starts only (lineStartMatches).
const MARKDOWN_HEADING = /^[ ]*#{1,6}[ ]+/my;

export const NORMALIZE_PASSES: readonly NormalizePass[] = [
  // Decomposed text (NFD, combining tone marks) defeats every composed pattern.
  { name: 'nfc', guard: /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/, pattern: /\P{M}?\p{M}+/gu, replace: nfc },
  // Windows and old Mac line ends.
  { name: 'line-ends', guard: /\r/, pattern: /\r\n?/g, replace: () => '\n' },
  // NBSP, thin spaces, zero-width characters and the BOM become plain spaces, tabs a cell gap; "NĐ–CP",
  // "chủ trương – chính sách": every dash variant becomes "-".
  { name: 'spaces-dashes', pattern: /[\t\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, replace: (m) => CHAR_MAP[m[0]] ?? m[0] },
  // OCR and some fonts write Đ as the Icelandic Eth ("QÐ-UBND"), a letter Vietnamese never uses.
  { name: 'eth', guard: /[Ðð]/, pattern: /[Ðð]/g, replace: (m) => (m[0] === 'Ð' ? 'Đ' : 'đ') },
  // OCR reads 0 as O and 1 as l or I inside a document number ("1O/2020/NĐ-CP", "l2/2019/TT-BNV"):
  // repaired only where the grammar of a number needs it, a run of digits and look-alikes (one real
  // digit at least) before "/", a year and a code.
  { name: 'ocr-number-lookalikes', guard: /\d[OolI]|[OolI]\d/, pattern: OCR_NUMBER, replace: (m) => (/\d/.test(m[0]) ? m[0].replace(/[Oo]/g, '0').replace(/[lI]/g, '1') : m[0]) },
  // "hoá" → "hóa", "Uỷ" → "Ủy": only a toned second vowel at the end of a syllable is looked at.
  { name: 'tone-placement', pattern: /(?<![qQ])(?:[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\p{L})/gu, replace: (m) => moveToneToFirst(m[0]) },
  // Markdown from converters: "## **BÁO CÁO**", "video\_clip", "<sup>1</sup>".
  { name: 'markdown-heading', guard: /#/, pattern: (text) => lineStartMatches(text, MARKDOWN_HEADING), replace: () => '' },
  { name: 'markdown-emphasis', guard: /\*/, pattern: /\*+/g, replace: emphasis },
  { name: 'markdown-escape', guard: /\\/, pattern: /\\([_*#\[\]().\-!`])/g, replace: (m) => m[1]! },
  { name: 'markdown-sup', guard: /<sup>/i, pattern: /<sup>[^<\n]{0,12}<\/sup>/gi, replace: () => ' ' },
  // A link alone on a line inside a sentence (a page's running footer or a footnote's address laid
  // over the text): "Trung tâm Y tế \n\nhttp://dichvucong.angiang.gov.vn/\n huyện Thoại Sơn".
  { name: 'stray-link-lines', guard: /\s(?:https?:\/\/|www\.)/, pattern: STRAY_LINK_LINE, replace: strayLink },
  // PDF line breaks, decided by what stands on either side of them (see repairLineBreak). A break
  // takes the spaces before it, all of them, and the white space after it (lineBreaks).
  { name: 'line-breaks', pattern: lineBreaks, replace: repairLineBreak },
  // Footnote markers glued to words: "28 chỉ tiêu.1Tham mưu", "22 trường hợp2 là" (not "m2", "B1", "K02").
  { name: 'footnote-markers', pattern: shortNumbers, replace: footnoteMarker },
];

/**
 * The matches of the pattern "(?<![ ])[ ]*\n\s*" (global), found from each line break: the spaces
 * before it back to the first, the white space after it. The pattern, tried at every character for its look-behind,
 * cost 7 ms per MB, a tenth of it this; and "(?<![ ])" was there so that a long run of spaces
 * with no break after it is read once, not once from each of its spaces (issue 30), as here.
 */
export function* lineBreaks(text: string): Iterable<RegExpExecArray> {
  let from = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
    // None starts in a run of spaces begun before `from` (the last match ended on white space it
    // took, so this is only a guard): the search goes on after this break.
    const start = spacesBefore(text, at, from);
    if (start < 0) {
      from = at + 1;
      continue;
    }
    let end = at + 1;
    while (end < text.length && isSpaceUnit(text.charCodeAt(end))) end++;
    yield matchAt(text, start, end);
    from = end;
  }
}

/**
 * The matches of "(?<!\d)\d{1,2}(?!\d)" (global): the runs of one or two digits, found as runs of
 * digits, which the engine skips to; the pattern, look-behind first, was tried at every character.
 */
export function* shortNumbers(text: string): Iterable<RegExpExecArray> {
  const runs = /[0-9]+/g;
  for (let m = runs.exec(text); m; m = runs.exec(text)) if (m[0].length <= 2) yield m;
}

/** The link line goes when the sentence runs on across it: a letter or comma before, lower case after. */
function strayLink(m: RegExpExecArray): string {
  const before = m.input.slice(Math.max(0, m.index - 40), m.index).trimEnd().slice(-1);
  return /[\p{L}\d,]/u.test(before) ? ' ' : m[0];
}

/**
 * "**BÁO CÁO**" → "BÁO CÁO": asterisks touching a word are emphasis, and so is a run of two or more
 * anywhere ("NHÂN DÂN **" where a bold cell closes after a space); a lone " * " stays.
 */
function emphasis(m: RegExpExecArray): string {
  if (m[0].length > 1) return '';
  const before = charBefore(m.input, m.index);
  const after = m.input.charAt(m.index + m[0].length);
  return (before && !/\s/.test(before)) || (after && !/\s/.test(after)) ? '' : m[0];
}

/**
 * A line break inside a paragraph of PDF text:
 * - after a hyphen or slash of a symbol, before its next part, it goes: "153/KH-\n\nUBND" → "153/KH-UBND";
 * - before a lower-case word it is a space: "bổ \n\nnhiệm" (not before a lettered heading "a) Về");
 * - before a number that ends a phrase it is a space: "năm \n\n2022)." (not before "2. Công tác").
 */
function repairLineBreak(m: RegExpExecArray): string {
  const text = m.input;
  let b = m.index - 1;
  while (b >= 0 && text.charCodeAt(b) === 32) b--;
  const before = text.charAt(b);
  const after = text.charAt(m.index + m[0].length);
  if (!after) return m[0];
  if ((before === '-' || before === '/') && /[\p{L}\d]/u.test(charBefore(text, b)) && /[\p{Lu}\d]/u.test(after) && !endsLink(text, b)) return '';
  if (/\p{Ll}/u.test(after)) return /^\p{Ll}\)\s/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)) ? m[0] : ' ';
  if (/\d/.test(after) && /[\p{L}\d,]/u.test(before) && !opensHeading(m)) return ' ';
  return m[0];
}

/** "https://dti.gov.vn/" at the end of a line is a link, not a symbol cut after its slash. */
function endsLink(text: string, last: number): boolean {
  const token = /\S+$/.exec(text.slice(Math.max(0, last - 200), last + 1))?.[0] ?? '';
  return /^(?:https?:\/\/|www\.)/i.test(token);
}

function footnoteMarker(m: RegExpExecArray, options: NormalizeOptions): string {
  const text = m.input;
  const before = charBefore(text, m.index);
  const after = text.charAt(m.index + m[0].length);
  if (/[.;:]/.test(before) && /\p{Lu}/u.test(after)) return ' ';
  if (/[\s;,.:)]/.test(after) && /\p{Ll}{3}$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) {
    return takesNumber(text, m.index, options) ? m[0] : ' '.repeat(m[0].length);
  }
  return m[0];
}

/** "ngày 01 tháng12 năm 2025": the word glued before the digits is one a number follows. */
function takesNumber(text: string, at: number, options: NormalizeOptions): boolean {
  if (!options.numberWords?.length) return false;
  const word = /\p{L}+$/u.exec(text.slice(Math.max(0, at - 12), at))?.[0].toLowerCase();
  return !!word && options.numberWords.some((w) => w.toLowerCase() === word);
}

// "2. Công tác", "6.1. Công nghệ", "3) Kiểm tra" open headings; "2022)." and "117/2013" do not.
function opensHeading(m: RegExpExecArray): boolean {
  const next = m.input.slice(m.index + m[0].length, m.index + m[0].length + 12);
  return /^\d{1,2}(?:\.\d{1,2})*(?:\.\s|\)\s)/.test(next);
}

export function normalize(source: string, options: NormalizeOptions = {}): MappedText {
  let mt = identity(source);
  for (const pass of NORMALIZE_PASSES) {
    if (pass.guard && !pass.guard.test(mt.text)) continue;
    mt = replaceMapped(mt, pass.pattern, (m) => pass.replace(m, options));
  }
  return mt;
}
