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
