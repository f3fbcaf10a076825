import type { Found, MetaContext } from './context.js';
import { startsWithHeading, trimLine } from './lines.js';

/**
 * The title: the line under the type line ("BÁO CÁO" / "Công tác cải cách hành chính quý I …"),
 * or a công văn's subject after "V/v" / "Về việc". The normalize stage has already joined lines
 * that continue with a lower-case word, so a wrapped title is one line here.
 */
export function extractTitle(ctx: MetaContext, typeLine: Found<string> | null): Found<string> | null {
  const lx = ctx.rules.data.lexicon;
  for (let i = ctx.headStart; i < ctx.headEnd; i++) {
    const line = trimLine(ctx.lines[i]!);
    const marker = startsWithHeading(line.text, lx.subjectMarkers);
    if (!marker) continue;
    const text = line.text.slice(marker.length).replace(/^[\s:.]+/, '');
    const start = line.end - text.length;
    if (text) return { value: text.replace(/\s+/g, ' '), start, end: line.end, rule: 'subject-line' };
  }
  if (!typeLine || typeLine.rule !== 'type-line') return null;
  const typeIndex = ctx.lines.findIndex((l) => l.end >= typeLine.end);
  for (let i = typeIndex + 1; i < Math.min(ctx.lines.length, typeIndex + 6); i++) {
    const line = trimLine(ctx.lines[i]!);
    if (!line.text) continue;
    if (startsWithHeading(line.text, [...lx.addresseeHeadings, ...lx.numberLabel])) return null;
    if (line.text.length > 400) return null;
    return { value: line.text.replace(/\s+/g, ' '), start: line.start, end: line.end, rule: 'line-under-type' };
  }
  return null;
}
