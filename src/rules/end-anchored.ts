import { lower } from '../normalize/fold.js';
import { isLetterUnit, isSpaceUnit } from '../util/text.js';
import { normalizeWord } from './compile.js';

/** A pattern of phrases that must end the text ("… \\s*$"), as `test` and `exec` read it. */
export interface EndAnchored {
  /** The pattern itself, tried on every text. */
  readonly pattern: RegExp;
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
}

/**
 * `re` (its phrases, then white space to the end), tried only on a lower-cased text whose last word
 * is the last word of one of `phrases`: what it could match. Tried on the few words before each
 * number (figures: "tháng", "khoản", "lần thứ" before "12" say it is no count) and each body
 * (agencies: "các" before "sở"), the look-behind in front made it a test at every place of the
 * window: half the time of reading a figure. A phrase that does not end in a letter ("≥") leaves
 * the pattern tried on every text.
 */
export function endAnchored(phrases: readonly string[], re: RegExp): EndAnchored {
  const lastWords = new Set(phrases.map((ph) => lastWord(lower(normalizeWord(ph)))));
  const possible = lastWords.has('') ? () => true : (text: string) => lastWords.has(lastWord(text));
  return {
    pattern: re,
    test: (text) => possible(text) && re.test(text),
    exec: (text) => (possible(text) ? re.exec(text) : null),
  };
}

/** The letters that end `text` before any white space after them ('' when it ends otherwise). */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceUnit(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isLetterUnit(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}
