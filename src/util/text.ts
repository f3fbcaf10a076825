/**
 * The character before `index`, or '' at the start of the text. `text.charAt(-1)` gives '' too,
 * but V8's optimized code takes a negative index as out of bounds and throws the whole function's
 * compiled code away: over 2,000 archive files extractAgencies was compiled again twice per worker
 * (~150 ms of compiling each time) because a body named on a document's first line sits at 0.
 */
export function charBefore(text: string, index: number): string {
  return index > 0 ? text.charAt(index - 1) : '';
}

/** A line of a text with its offsets. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** The lines of a text, line breaks left out, offsets into the text. */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end), start, end });
    if (nl === -1) return lines;
    start = nl + 1;
  }
}

/**
 * Matches of a global pattern, counted without building them (`match` made a string of each), up
 * to `most` when only "at least so many" matters (a page's first 20 letters say it has text).
 */
export function countMatches(pattern: RegExp, text: string, most = Infinity): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (n < most && pattern.test(text)) n++;
  return n;
}

/**
 * A test of one UTF-16 code unit against a character class, each unit's answer kept once found: a
 * regular expression tried on a one-character string costs ~100 ns, a table lookup a few. A lone
 * surrogate answers as the pattern says of it alone (no letter, no space).
 */
function unitClass(pattern: RegExp): (code: number) => boolean {
  const known = new Uint8Array(0x10000); // 0 not yet asked, 1 no, 2 yes
  return (code) => {
    let k = known[code]!;
    if (k === 0) known[code] = k = pattern.test(String.fromCharCode(code)) ? 2 : 1;
    return k === 2;
  };
}

/** /\p{L}/u of one code unit. */
export const isLetterUnit = unitClass(/^\p{L}$/u);
/** /\p{Lu}/u of one code unit. */
export const isUpperUnit = unitClass(/^\p{Lu}$/u);
/** /\s/ of one code unit. */
export const isSpaceUnit = unitClass(/^\s$/);
/** /[\p{L}\p{N}]/u of one code unit. */
const isWordUnit = unitClass(/^[\p{L}\p{N}]$/u);

/**
 * How many words `text` has, as /[\p{L}\p{N}]+/gu counts them, without the array of them that
 * `match` builds. A text with a surrogate pair (a letter outside the BMP) is counted by the pattern.
 */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    const word = isWordUnit(code);
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

// Two white-space characters in a row, or one that is not a plain space: what oneSpaced replaces.
const SPACE_TO_MAKE_ONE = /\s\s|[^\S ]/;

/**
 * `text.replace(/\s+/g, ' ')`, the text itself when it has nothing to replace: most names and cue
 * words a match hands over are spaced once already ("tiếp nhận", "Sở Nội vụ"), and a test costs a
 * third of the replace (110 against 320 ns on such a word), which made a new string each time.
 */
export function oneSpaced(text: string): string {
  return SPACE_TO_MAKE_ONE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/**
 * Where the run of spaces right before `at` begins, read back no further than `from`; -1 when the
 * run began before `from`. What "(?<![ ])[ ]*" in front of a pattern searched for from `from` gives:
 * a match starts at the first space of its run, and none starts in a run begun before the search.
 * Read back from a place the rest of the pattern found, a long run of spaces is read once.
 */
export function spacesBefore(text: string, at: number, from: number): number {
  let start = at;
  while (start > from && text.charCodeAt(start - 1) === 0x20) start--;
  return start === from && from > 0 && text.charCodeAt(from - 1) === 0x20 ? -1 : start;
}

/** [start, end) of `text` as a pattern's match gives it (`[0]`, `index`, `input`): what a finder that stands in for a pattern hands on. */
export function matchAt(text: string, start: number, end: number): RegExpExecArray {
  return Object.assign([text.slice(start, end)], { index: start, input: text }) as unknown as RegExpExecArray;
}

/**
 * The matches of a pattern that opens with "^" under the m flag, as a global search finds them:
 * `sticky` (the same pattern with flags "my") is tried at the start of the text and after each line
 * terminator only. A global search tries "^" at every character, and for a long line that was most of
 * the pattern's time (the sections' headings: 3 ms per MB). A match is never empty here.
 */
export function* lineStartMatches(text: string, sticky: RegExp): Iterable<RegExpExecArray> {
  if (!sticky.sticky || !sticky.multiline) throw new Error(`lineStartMatches needs a sticky multiline pattern: ${sticky}`);
  const starts = lineStarts(text);
  for (let i = 0, from = 0; i < starts.length; i++) {
    const at = starts[i]!;
    if (at < from) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    if (m[0].length === 0) throw new Error(`lineStartMatches: an empty match of ${sticky}`);
    from = m.index + m[0].length;
    yield m;
  }
}

/**
 * Where "^" holds under the m flag: 0 and after each line terminator. Kept for the last text asked
 * of, which the sections, the tasks and the signature titles all read; found with indexOf when the
 * text has no terminator but "\n" (a normalized text has no "\r").
 */
function lineStarts(text: string): Int32Array {
  if (lastLineStarts?.text === text) return lastLineStarts.starts;
  const found: number[] = [0];
  if (!OTHER_TERMINATOR.test(text)) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) found.push(at + 1);
  } else {
    const terminator = /[\n\r\u2028\u2029]/g;
    for (let t = terminator.exec(text); t; t = terminator.exec(text)) found.push(t.index + 1);
  }
  const starts = Int32Array.from(found);
  lastLineStarts = { text, starts };
  return starts;
}

const OTHER_TERMINATOR = /[\r\u2028\u2029]/;
let lastLineStarts: { text: string; starts: Int32Array } | null = null;

/**
 * The matches of a global `re` with no letter right before them: what the pattern with
 * "(?<![\p{L}])" in front finds, from `re.lastIndex` on. In front, the look-behind is tried at every
 * character and keeps the engine from skipping ahead to where the pattern can begin (the provinces'
 * names: 17 against 12 ms per MB); here the boundary is tested only where the rest matched.
 */
export function* matchesAtWordStart(text: string, re: RegExp): Iterable<RegExpExecArray> {
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (letterBefore(text, m.index)) re.lastIndex = m.index + 1;
    else yield m;
  }
}

/** /\p{L}/u of the character before `index` (a surrogate pair read as one). */
function letterBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff) return /\p{L}$/u.test(text.slice(Math.max(0, index - 2), index));
  return isLetterUnit(code);
}

/**
 * Where the runs of ASCII digits of a text begin and end: the places a number, a date or a
 * document's symbol can begin. Found once per text (the symbols, the dates and the figures all ask
 * of the normalized text; kept for the last text asked of) with `RegExp#test`, which makes no match
 * array: an array for each of some 9,000 runs per MB, three times over, was a tenth of what the
 * regular expressions allocated.
 */
function digitRuns(text: string): { starts: Int32Array; ends: Int32Array } {
  if (lastDigitRuns?.text === text) return lastDigitRuns;
  const starts: number[] = [];
  const ends: number[] = [];
  const runs = /[0-9]+/g;
  while (runs.test(text)) {
    const end = runs.lastIndex;
    let start = end - 1;
    while (start > 0 && isAsciiDigit(text.charCodeAt(start - 1))) start--;
    starts.push(start);
    ends.push(end);
  }
  lastDigitRuns = { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  return lastDigitRuns;
}

let lastDigitRuns: { text: string; starts: Int32Array; ends: Int32Array } | null = null;

const isAsciiDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * The matches of `sticky` (flag "y") tried where a run of digits begins, the search going on after
 * each match: what a loop over /[0-9]+/g that tries it at each run found (a match that ends inside a
 * run has the rest of that run tried). For a pattern whose look-behind refuses a digit before it.
 */
export function* matchesAtDigitRuns(text: string, sticky: RegExp): Iterable<RegExpExecArray> {
  if (!sticky.sticky) throw new Error(`matchesAtDigitRuns needs a sticky pattern: ${sticky}`);
  const { starts, ends } = digitRuns(text);
  let resume = 0;
  for (let i = 0; i < starts.length; i++) {
    let at = starts[i]!;
    if (at < resume) {
      if (ends[i]! <= resume) continue;
      at = resume;
    }
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    resume = Math.max(ends[i]!, m.index + m[0].length);
    yield m;
  }
}
