import { alternation, memo, type Rules } from './compile.js';
import { matchesAtDigitRuns } from '../util/text.js';

/** A calendar date as written: "23/4/2018", "ngày 23 tháng 4 năm 2018". */
export interface DateMatch {
  /** ISO yyyy-mm-dd, or null when the date does not exist (31/02/2019). */
  iso: string | null;
  day: number;
  month: number;
  year: number;
  start: number;
  end: number;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DatePatterns {
  /** Sticky: a date starting exactly at lastIndex, with an optional leading "ngày". */
  at: RegExp;
  /** Global: every date in a text. */
  all: RegExp;
}

export function datePatterns(rules: Rules): DatePatterns {
  return memo(rules, 'dates', () => {
    const lx = rules.data.lexicon;
    const day = alternation(lx.dayWord);
    const month = alternation(lx.monthWord);
    const year = alternation(lx.yearWord);
    // "23/4/2018", "23-4-2018", "23.4.2018" (one separator throughout) or "23 tháng 4 năm 2018"
    // (also typed without a space after the word: "01 tháng12 năm 2025").
    const body =
      `(?:(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)` +
      `|(\\d{1,2})\\s+(?:${month})\\s*(\\d{1,2})\\s*,?\\s+(?:${year})\\s*(\\d{4})(?!\\d))`;
    // "ngày ngày 08 tháng 6 năm 2010": the day word typed twice.
    const source = `(?:(?:${day})\\s+){0,2}(?<![\\d/.-])${body}`;
    return { at: new RegExp(source, 'iuy'), all: new RegExp(source, 'iug') };
  });
}

export function dateFromMatch(m: RegExpExecArray): DateMatch {
  const [d, mo, y] = m[1] !== undefined ? [m[1], m[3], m[4]] : [m[5], m[6], m[7]];
  const day = Number(d);
  const month = Number(mo);
  const year = Number(y);
  return { iso: isoDate(year, month, day), day, month, year, start: m.index, end: m.index + m[0].length };
}

/** The date that starts at `index` (after optional "ngày"), or null. */
export function dateAt(text: string, index: number, rules: Rules): DateMatch | null {
  const re = datePatterns(rules).at;
  re.lastIndex = index;
  const m = re.exec(text);
  return m ? dateFromMatch(m) : null;
}

/**
 * Every date of a text, as [start, end) from its first digit (without the "ngày" before it): what
 * `all` finds, tried sticky where a run of digits begins. `all` began with its optional day words and
 * look-behind at every character, 9 ms per MB of the figures' time for a few dates per page.
 */
export function dateRanges(text: string, rules: Rules): { start: number; end: number }[] {
  const { at } = datePatterns(rules);
  const ranges: { start: number; end: number }[] = [];
  for (const m of matchesAtDigitRuns(text, at)) ranges.push({ start: m.index, end: m.index + m[0].length });
  return ranges;
}
