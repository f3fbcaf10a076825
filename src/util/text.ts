/**
 * The character before `index`, or '' at the start of the text. `text.charAt(-1)` gives '' too,
 * but V8's optimized code takes a negative index as out of bounds and throws the whole function's
 * compiled code away: over 2,000 archive files extractAgencies was compiled again twice per worker
 * (~150 ms of compiling each time) because a body named on a document's first line sits at 0.
 */
export function charBefore(text: string, index: number): string {
  return index > 0 ? text.charAt(index - 1) : '';
}
