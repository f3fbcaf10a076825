import { alternation, memo } from '../../rules/compile.js';
import { dateAt } from '../../rules/dates.js';
import type { Found, MetaContext } from './context.js';
import { cellsOf, type Line } from './lines.js';

export interface PlaceDate {
  place: string;
  date: string | null;
}

// "An Giang, ngày 26 tháng 7 năm 2018", "Hà Nội, ngày 05/01/2021": a place, a comma, a date.
const PLACE_COMMA = /^\s*(\p{Lu}[\p{L}.' -]{1,40}?)\s*,\s*/u;
// "Quảng" / "Trị, ngày 27 …", "Thành phố Hồ Chí" / "Minh, ngày …": the start of a place name wrapped
// in a narrow cell.
const PLACE_START = /^\p{Lu}[\p{L}.]*(?:\s+[\p{L}.]+){0,4}$/u;

/** The place-and-date line of the header. */
export function extractPlaceDate(ctx: MetaContext): Found<PlaceDate> | null {
  const limit = Math.min(ctx.lines.length, Math.max(ctx.headEnd, ctx.headStart + 25));
  for (let i = ctx.headStart; i < limit; i++) {
    for (const cell of [...wrappedPlace(ctx, i), ...cellsOf(ctx.lines[i]!)]) {
      const m = PLACE_COMMA.exec(cell.text);
      if (!m) continue;
      const date = dateAt(ctx.mt.text, cell.start + m[0].length, ctx.rules);
      if (!date) {
        // An unsigned draft leaves the day blank ("Lào Cai, ngày    tháng 12 năm 2025"): the place stands.
        const undated = undatedAt(ctx, cell.start + m[0].length);
        if (undated >= 0) return { value: { place: m[1]!.trim(), date: null }, start: cell.start + m[0].indexOf(m[1]!), end: undated, rule: 'place-undated-line' };
        continue;
      }
      const placeStart = cell.start + m[0].indexOf(m[1]!);
      return {
        value: { place: m[1]!.trim(), date: date.iso },
        start: placeStart,
        end: date.end,
        rule: 'place-date-line',
      };
    }
  }
  return placeDateInLine(ctx, limit);
}

/**
 * A header whose columns were joined by single spaces: "Số : 01/2006/TT-NHNN Hà Nội, ngày 20 tháng
 * 02 năm 2006". The place is the capitalised words right before ", ngày" and a full date.
 */
function placeDateInLine(ctx: MetaContext, limit: number): Found<PlaceDate> | null {
  const re = memo(ctx.rules, 'place-date-in-line', () => new RegExp(
    `(?<![\\p{L}\\d])(\\p{Lu}\\p{Ll}*(?:[ ]+\\p{Lu}\\p{Ll}*){0,3})[ ]*,[ ]*(?=(?:${alternation(ctx.rules.data.lexicon.dayWord)})[ ]+\\d)`, 'gu'));
  const dayWord = memo(ctx.rules, 'day-word', () => new RegExp(alternation(ctx.rules.data.lexicon.dayWord), 'u'));
  for (let i = ctx.headStart; i < limit; i++) {
    const line = ctx.lines[i]!;
    // The pattern, look-behind first, is tried at every character of a line: a line without its
    // comma or without a day word (which the pattern needs) is passed over.
    if (!line.text.includes(',') || !dayWord.test(line.text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
      const date = dateAt(ctx.mt.text, line.start + m.index + m[0].length, ctx.rules);
      if (!date?.iso) continue;
      return { value: { place: m[1]!, date: date.iso }, start: line.start + m.index, end: date.end, rule: 'place-date-in-line' };
    }
  }
  return null;
}

/** Line i with the line before it when that line is the first part of a place name ("Hà" / "Nội, ngày"). */
function wrappedPlace(ctx: MetaContext, i: number): Line[] {
  const prev = ctx.lines[i - 1];
  const line = ctx.lines[i]!;
  if (!prev || prev.end + 1 !== line.start || !PLACE_START.test(prev.text.trim()) || !/^\s*\p{Lu}/u.test(line.text)) return [];
  const text = ctx.mt.text.slice(prev.start, line.end).replace(/\n/g, ' ');
  const lead = text.length - text.trimStart().length;
  return [{ text: text.trim(), start: prev.start + lead, end: prev.start + lead + text.trim().length }];
}

/** The end of "ngày … tháng … năm …" with a number left blank, at `at`; or -1. */
function undatedAt(ctx: MetaContext, at: number): number {
  const re = memo(ctx.rules, 'undated-line', () => {
    const lx = ctx.rules.data.lexicon;
    const blank = '[\\s.…_/-]*';
    return new RegExp(`(?:${alternation(lx.dayWord)})${blank}(?:\\d{1,2})?${blank}(?:${alternation(lx.monthWord)})${blank}(?:\\d{1,2})?${blank}(?:${alternation(lx.yearWord)})${blank}(?:\\d{4})?`, 'iuy');
  });
  re.lastIndex = at;
  const m = re.exec(ctx.mt.text);
  return m ? at + m[0].length : -1;
}
