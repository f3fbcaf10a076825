import { firstIndexAtLeast, isSortedBy } from '../util/sorted.js';
import { lineStartMatches } from '../util/text.js';
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
const HEADING = /^[ ]*(?:([IVX]{1,6})\.|(\d{1,2}(?:\.\d{1,2}){0,3})\.|(\d{1,2}(?:\.\d{1,2}){1,3})(?= )|([a-zđ])\))[ ]+(\S[^\n]*)$/muy;
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
  for (const m of lineStartMatches(text, HEADING)) {
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
  const ends = nextHeadingAtOrAbove(headings);
  headings.forEach((h, i) => {
    while (stack.length && stack[stack.length - 1]!.rank >= h.rank) stack.pop();
    const parent = stack[stack.length - 1];
    // "6.1" under "6" adds only "1": the path reads II.6.1, not II.6.6.1.
    const label = parent && h.label.startsWith(parent.label + '.') ? h.label.slice(parent.label.length + 1) : h.label;
    stack.push({ rank: h.rank, label });
    const next = ends[i]!;
    const end = next === -1 ? mt.text.length : headings[next]!.start;
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

/**
 * For each heading, the index of the next one of the same rank or above (-1 for none), where its
 * section ends: one pass from the end with a stack of headings ranked below the ones popped, so a
 * chapter followed by ten thousand items costs no scan through all of them.
 */
function nextHeadingAtOrAbove(headings: readonly { rank: number }[]): number[] {
  const next = new Array<number>(headings.length).fill(-1);
  const stack: number[] = [];
  for (let i = headings.length - 1; i >= 0; i--) {
    while (stack.length && headings[stack[stack.length - 1]!]!.rank > headings[i]!.rank) stack.pop();
    if (stack.length) next[i] = stack[stack.length - 1]!;
    stack.push(i);
  }
  return next;
}

/** The path of the innermost section containing normalized offset `at`, or null before the first heading. */
export function sectionPathAt(sections: readonly Section[], at: number): string | null {
  let index = pathIndexes.get(sections);
  if (!index) pathIndexes.set(sections, (index = pathIndex(sections)));
  if (!index) return innermostPath(sections, at);
  const i = firstIndexAtLeast(index.bounds, at + 1, (b) => b) - 1;
  return i < 0 ? null : index.paths[i]!;
}

/** The rule of sectionPathAt, by a scan: the deepest section holding `at`, the later of two as deep. */
function innermostPath(sections: readonly Section[], at: number): string | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.start > at) break;
    if (at < s.end && (!best || s.rank >= best.rank)) best = s;
  }
  return best?.path ?? null;
}

/**
 * sectionPathAt's answers, stretch by stretch: between two consecutive section starts or ends the
 * sections holding an offset do not change, so each stretch's answer is worked out once (a sweep
 * with the sections open at its start) and an offset finds its stretch by binary search. Null
 * (the scan then) for sections not in the order of their starts.
 */
const pathIndexes = new WeakMap<readonly Section[], { bounds: number[]; paths: (string | null)[] } | null>();

function pathIndex(sections: readonly Section[]): { bounds: number[]; paths: (string | null)[] } | null {
  if (!isSortedBy(sections, (s) => s.start)) return null;
  const bounds = [...new Set(sections.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const paths: (string | null)[] = [];
  let open: Section[] = [];
  let next = 0;
  for (const at of bounds) {
    while (next < sections.length && sections[next]!.start <= at) open.push(sections[next++]!);
    open = open.filter((s) => at < s.end);
    let best: Section | null = null;
    for (const s of open) if (!best || s.rank >= best.rank) best = s;
    paths.push(best?.path ?? null);
  }
  return { bounds, paths };
}
