import { dateAt } from '../../util/dates.js';
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
      if (!date) continue;
      const placeStart = cell.start + m[0].indexOf(m[1]!);
      return {
        value: { place: m[1]!.trim(), date: date.iso },
        start: placeStart,
        end: date.end,
        rule: 'place-date-line',
      };
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
