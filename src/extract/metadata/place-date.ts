import { dateAt } from '../../util/dates.js';
import type { Found, MetaContext } from './context.js';
import { cellsOf } from './lines.js';

export interface PlaceDate {
  place: string;
  date: string | null;
}

// "An Giang, ngày 26 tháng 7 năm 2018", "Hà Nội, ngày 05/01/2021": a place, a comma, a date.
const PLACE_COMMA = /^\s*(\p{Lu}[\p{L}.' -]{1,40}?)\s*,\s*/u;

/** The place-and-date line of the header. */
export function extractPlaceDate(ctx: MetaContext): Found<PlaceDate> | null {
  const limit = Math.min(ctx.lines.length, Math.max(ctx.headEnd, 25));
  for (let i = 0; i < limit; i++) {
    for (const cell of cellsOf(ctx.lines[i]!)) {
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
