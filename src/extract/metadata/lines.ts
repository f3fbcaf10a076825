import { fold } from '../../normalize/fold.js';
import type { Evidence } from '../../schema.js';
import type { Drafted } from '../document.js';
import { linesOf, type Line } from '../../util/text.js';

// The metadata extractors read lines through this module.
export { linesOf, type Line };

/** The line's trimmed text and its trimmed offsets. */
export function trimLine(line: Line): Line {
  const lead = line.text.length - line.text.trimStart().length;
  const text = line.text.trim();
  return { text, start: line.start + lead, end: line.start + lead + text.length };
}

/** Where a value was read, in the normalized text (the pipeline maps it to the source with every item). */
export function evidence(start: number, end: number, rule: string, inferred = false): Drafted<Evidence> {
  return { at: { start, end }, rule, inferred };
}

/** True when the letters of the line are all upper case ("KT. GIÁM ĐỐC"). */
export function isUpperLine(text: string): boolean {
  // A lower-case letter anywhere settles it without copying the line (most lines are prose).
  return !/\p{Ll}/u.test(text) && /\p{L}/u.test(text);
}

/** "Nơi nhận:", "**Noi nhận:**", "Người nhận:" → true for heading "nơi nhận" (folded compare, so diacritics may be missing). */
export function startsWithHeading(text: string, headings: readonly string[]): string | null {
  const start = text.trimStart();
  // Most lines start with a letter no heading starts with: skip them before folding anything.
  const first = fold(start.charAt(0));
  if (!first || !headings.some((h) => fold(h.charAt(0)) === first)) return null;
  const folded = fold(start.slice(0, 48));
  for (const h of headings) {
    const fh = fold(h);
    if (folded.startsWith(fh) && !/\p{L}/u.test(folded.charAt(fh.length))) return h;
  }
  return null;
}

export const isBullet = (text: string): boolean => /^[-+•*]\s*\S/.test(text.trim());

/** "- Thủ trưởng các sở, ban ngành;" → "Thủ trưởng các sở, ban ngành". */
export function cleanListItem(text: string): string {
  return text.trim().replace(/^[-+•*]+\s*/, '').replace(/\s+/g, ' ').replace(/[;,.]+$/, '').trim();
}

/**
 * The list after a heading line ("Kính gửi:", "Nơi nhận:"): text on the heading line itself, then
 * bullet lines (blank lines between them allowed) until the first line that is not a bullet.
 */
export function listAfterHeading(lines: Line[], index: number, headingLength: number): { items: string[]; end: number } {
  const items: string[] = [];
  const head = lines[index]!;
  const rest = head.text.trim().slice(headingLength).replace(/^[\s:*]+/, '').trim();
  let end = head.end;
  if (rest) {
    items.push(...rest.split(/;\s*/).map(cleanListItem).filter(Boolean));
  }
  for (let i = index + 1; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    if (!isBullet(t)) break;
    items.push(cleanListItem(t));
    end = lines[i]!.end;
  }
  return { items: items.filter(Boolean), end };
}

/**
 * The cells of a line from a two-column header flattened side by side ("ỦY BAN NHÂN DÂN      CỘNG
 * HÒA XÃ HỘI …", "Số: 12/UBND-NC      Hà Tĩnh, ngày …"): stretches separated by three or more spaces.
 */
export function cellsOf(line: Line): Line[] {
  // Split on the gaps rather than match the cells: a cell pattern with a repeated group overflows
  // the regex backtrack stack on a line of megabytes (a text with no line breaks).
  const cells: Line[] = [];
  const gap = /\s{3,}/g;
  let from = 0;
  const push = (to: number): void => {
    const raw = line.text.slice(from, to);
    const text = raw.trim();
    if (!text) return;
    const start = line.start + from + (raw.length - raw.trimStart().length);
    cells.push({ text, start, end: start + text.length });
  };
  for (let m = gap.exec(line.text); m; m = gap.exec(line.text)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(line.text.length);
  return cells;
}
