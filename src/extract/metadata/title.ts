import type { Found, MetaContext } from './context.js';
import { fold } from '../../normalize/fold.js';
import { isUpperLine, startsWithHeading, trimLine } from './lines.js';
import { oneSpaced } from '../../util/text.js';

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
    if (text) return { value: oneSpaced(text), start, end: line.end, rule: 'subject-line' };
  }
  if (!typeLine || typeLine.rule !== 'type-line') return null;
  const typeIndex = ctx.lines.findIndex((l) => l.end >= typeLine.end);
  for (let i = typeIndex + 1; i < Math.min(ctx.lines.length, typeIndex + 6); i++) {
    const line = trimLine(ctx.lines[i]!);
    if (!line.text) continue;
    if (startsWithHeading(line.text, [...lx.addresseeHeadings, ...lx.numberLabel])) return null;
    if (line.text.length > 400) return null;
    const end = capitalsGoOn(ctx, i, line);
    const value = ctx.mt.text.slice(line.start, end).replace(/\s+/g, ' ');
    return { value, start: line.start, end, rule: end > line.end ? 'lines-under-type' : 'line-under-type' };
  }
  return null;
}

// "1. Công tác", "II. KẾT QUẢ": a numbered heading starts the body, not the title's next line.
const NUMBERED = /^(?:[IVX]{1,6}|\d{1,2})[.)]\s/u;

/**
 * A title in capitals wrapped in a narrow cell or a centred PDF line: "BÁO CÁO" / "KẾT QUẢ CÔNG TÁC
 * CẢI CÁCH HÀNH CHÍNH QUÝ III" / "NĂM 2025". The next lines in capitals, with no blank line, no
 * numbered heading and no type word between, are the same title (up to six).
 */
function capitalsGoOn(ctx: MetaContext, first: number, line: { text: string; end: number }): number {
  if (!isUpperLine(line.text)) return line.end;
  let end = line.end;
  for (let k = first + 1; k < Math.min(ctx.lines.length, first + 7); k++) {
    const next = trimLine(ctx.lines[k]!);
    if (!next.text || !isUpperLine(next.text) || NUMBERED.test(next.text) || /:$/.test(next.text)) break;
    if (ctx.rules.typeNamesByWord.has(fold(next.text))) break;
    end = next.end;
  }
  return end;
}
