import { toSourceSpan, type MappedText, type Span } from '../normalize/mapped-text.js';

/**
 * Sections from numbered headings: "I. CÔNG TÁC CHỈ ĐẠO", "2. Tuyên truyền", "6.1. Công nghệ thông
 * tin", "a) Về ứng dụng". Each later match records the path of the section it sits in ("II.6.1").
 */
export interface Section {
  path: string;
  title: string;
  /** Span in the source text. */
  span: Span;
  /** Range in the normalized text, for locating matches. */
  start: number;
  end: number;
  rank: number;
}

// "II. KẾT QUẢ", "6.1. Công nghệ", "6.2 An toàn" (dotted, no final dot), "b) Tình hình".
const HEADING = /^[ ]*(?:([IVX]{1,6})\.|(\d{1,2}(?:\.\d{1,2}){0,3})\.|(\d{1,2}(?:\.\d{1,2}){1,3})(?= )|([a-zđ])\))[ ]+(\S[^\n]*)$/gmu;
// A numbered line longer than this is a list item of prose, not a heading.
const MAX_TITLE = 160;

interface Heading {
  label: string;
  rank: number;
  title: string;
  start: number;
}

function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(text); m; m = HEADING.exec(text)) {
    const title = m[5]!.trim().replace(/[:.]$/, '').trim();
    const start = m.index + (m[0].length - m[0].trimStart().length);
    if (m[1]) {
      if (title.length <= 2 * MAX_TITLE) headings.push({ label: m[1], rank: 1, title, start });
      continue;
    }
    if (title.length > MAX_TITLE) continue;
    const dotted = m[2] ?? m[3];
    if (dotted) headings.push({ label: dotted, rank: 1 + dotted.split('.').length, title, start });
    else headings.push({ label: m[4]!, rank: 6, title, start });
  }
  return headings;
}

export function segmentSections(mt: MappedText): Section[] {
  const headings = findHeadings(mt.text);
  const stack: { rank: number; label: string }[] = [];
  const sections: Section[] = [];
  headings.forEach((h, i) => {
    while (stack.length && stack[stack.length - 1]!.rank >= h.rank) stack.pop();
    const parent = stack[stack.length - 1];
    // "6.1" under "6" adds only "1": the path reads II.6.1, not II.6.6.1.
    const label = parent && h.label.startsWith(parent.label + '.') ? h.label.slice(parent.label.length + 1) : h.label;
    stack.push({ rank: h.rank, label });
    let end = mt.text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.rank <= h.rank) {
        end = headings[j]!.start;
        break;
      }
    }
    const trimmedEnd = mt.text.slice(0, end).trimEnd().length;
    sections.push({
      path: stack.map((s) => s.label).join('.'),
      title: h.title,
      span: toSourceSpan(mt, h.start, trimmedEnd),
      start: h.start,
      end: trimmedEnd,
      rank: h.rank,
    });
  });
  return sections;
}

/** The path of the innermost section containing normalized offset `at`, or null before the first heading. */
export function sectionPathAt(sections: readonly Section[], at: number): string | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.start > at) break;
    if (at < s.end && (!best || s.rank >= best.rank)) best = s;
  }
  return best?.path ?? null;
}
