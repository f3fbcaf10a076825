import type { Found, MetaContext } from './context.js';
import { listAfterHeading, startsWithHeading } from './lines.js';

/** "Kính gửi: Bộ Nội vụ." or "Kính gửi:" followed by bullet lines. */
export function extractAddressees(ctx: MetaContext): Found<string[]> | null {
  return listUnder(ctx, ctx.rules.data.lexicon.addresseeHeadings, ctx.headStart, Math.min(ctx.lines.length, Math.max(ctx.headEnd, ctx.headStart + 40)), 'kinh-gui');
}

export function listUnder(ctx: MetaContext, headings: readonly string[], from: number, to: number, rule: string): Found<string[]> | null {
  for (let i = from; i < to; i++) {
    const line = ctx.lines[i]!;
    const heading = startsWithHeading(line.text, headings);
    if (!heading) continue;
    const lead = line.text.length - line.text.trimStart().length;
    const { items, end } = listAfterHeading(ctx.lines, i, heading.length);
    if (items.length) return { value: items, start: line.start + lead, end, rule };
  }
  return null;
}
