import { firstIndexAtLeast, isSortedBy } from '../../util/sorted.js';
import { memo, type Rules } from '../../rules/compile.js';
import type { NormalizedSpan } from '../document.js';
import type { Candidate } from './candidates.js';
import { sentenceStart } from './meaning.js';
import { key, whole, words } from './patterns.js';

/**
 * Whose figure it is. A report states the province's totals and, beside them, the figures of one
 * unit ("Trung tâm Phục vụ hành chính công của tỉnh trong quý III đã tiếp nhận: 11.093 hồ sơ") or
 * of a pilot ("mô hình thí điểm tại xã A đã giải quyết 14 hồ sơ"); a comparison across provinces
 * must not mix them. Read from the sentence before the number: a whole-scope cue ("toàn tỉnh",
 * "tổng số") wins, then a pilot cue, then the last body the sentence names as its subject. A
 * sentence that names none continues the scope of the sentence before it in the same paragraph
 * ("… đã tiếp nhận 11.093 hồ sơ … Đã giải quyết 9.782 hồ sơ").
 */
export type ScopeKind = 'whole' | 'unit' | 'pilot' | 'cited';

export interface Scope {
  scope: ScopeKind | null;
  of: string | null;
  when: 'year-to-date' | 'earlier' | null;
  /** Taken from elsewhere: the sentence before (all three), the document's issuer (scope whole), an inferred name of the body (scopeOf). */
  inferred: Set<'scope' | 'scopeOf' | 'when'>;
}

/** A body the text names, with its place in the normalized text (an agency mention). */
export interface ScopeBody {
  at: NormalizedSpan;
  resolved: string;
  /** The body's inferred fields: a scope of a body whose resolved name is inferred names it by an inferred name. */
  inferred: readonly string[];
  kind: string;
  level: string | null;
  group: boolean;
}

export interface ScopeContext {
  folded: string;
  rules: Rules;
  bodies: readonly ScopeBody[];
  /** The document's issuer: a report in its own voice speaks for its whole scope. */
  issuer: string | null;
}

interface ScopePatterns {
  cited: RegExp;
  yearToDate: RegExp;
  earlier: RegExp;
  whole: RegExp;
  pilot: RegExp | null;
  notSubjectBefore: RegExp;
  advisoryAfter: RegExp;
  wholeKinds: Set<string>;
}

function scopePatterns(rules: Rules): ScopePatterns {
  return memo(rules, 'figure-scope', () => {
    const s = rules.data.figureCues.scope;
    return {
      // A clause of the preamble: "Căn cứ Quyết định số 3574/QĐ-BYT … công bố sửa đổi, bổ sung 02 thủ tục".
      cited: new RegExp(`(?:^|\\n)[\\s*_]*(?:${words(s.citedBasis)})(?![\\p{L}])[^;]*$`, 'u'),
      yearToDate: new RegExp(whole(words(s.yearToDate)), 'u'),
      earlier: new RegExp(whole(words(s.earlier)), 'u'),
      whole: new RegExp(whole(words(s.whole)), 'u'),
      pilot: s.pilot.length ? new RegExp(whole(words(s.pilot)), 'u') : null,
      // "thuộc thẩm quyền của Sở Y tế", "theo Quyết định của UBND": a body after them is no subject.
      // Up to two words between: "của Bộ trưởng Bộ Y tế".
      notSubjectBefore: new RegExp(`(?<![\\p{L}])(?:${words(s.notSubjectBefore)})\\s+(?:\\p{L}+\\s+){0,2}$`, 'u'),
      // "Sở Nội vụ tham mưu UBND tỉnh công bố 20 TTHC": the advisor is no subject of the count.
      advisoryAfter: new RegExp(`^\\s*(?:[,(]\\s*)?(?:(?:${words(s.tenseBeforeVerb)})\\s+)?(?:${words(s.advisoryAfter)})(?![\\p{L}])`, 'u'),
      wholeKinds: new Set(s.wholeKinds.map(key)),
    };
  });
}

/** The scope of each candidate, in order. */
export function scopesOf(cands: readonly Candidate[], ctx: ScopeContext): Scope[] {
  const out: Scope[] = [];
  cands.forEach((c, i) => {
    const own = sentenceScope(c, ctx);
    const prev = i > 0 ? cands[i - 1]! : null;
    const carried = prev && continuesParagraph(prev.end, c.start, ctx.folded) ? out[i - 1]! : null;
    const scoped: Omit<Scope, 'when'> = own ?? (carried ? { scope: carried.scope, of: carried.of, inferred: new Set(['scope', 'scopeOf']) } : { scope: null, of: null, inferred: new Set() });
    const period = periodOf(c, ctx);
    if (period === null && !own && carried?.when) scoped.inferred.add('when');
    out.push({ scope: scoped.scope, of: scoped.of, inferred: scoped.inferred, when: period ?? (own ? null : carried?.when ?? null) });
  });
  return out;
}

/** "Từ đầu năm đến nay đã có 82.602 hồ sơ …" in a quarterly report: not the quarter's figure. */
function periodOf(c: Candidate, ctx: ScopeContext): Scope['when'] {
  const p = scopePatterns(ctx.rules);
  const clause = ctx.folded.slice(clauseStart(ctx.folded, c.start), c.start);
  if (p.earlier.test(clause)) return 'earlier';
  if (p.yearToDate.test(clause)) return 'year-to-date';
  return null;
}

/** What the sentence before the number says of its scope, or null when it names nothing. */
function sentenceScope(c: Candidate, ctx: ScopeContext): Omit<Scope, 'when'> | null {
  const stated: Scope['inferred'] = new Set();
  const p = scopePatterns(ctx.rules);
  const from = clauseStart(ctx.folded, c.start);
  const clause = ctx.folded.slice(from, c.start);
  // A line of the preamble, up to its ";": "Căn cứ Quyết định … công bố … 02 thủ tục".
  if (p.cited.test(clause)) return { scope: 'cited', of: null, inferred: stated };
  if (p.whole.test(clause)) return { scope: 'whole', of: null, inferred: stated };
  if (p.pilot?.test(clause)) return { scope: 'pilot', of: null, inferred: stated };
  const subject = lastBodyWithin(ctx.bodies, from, c.start, (b) => !b.group
    && !p.notSubjectBefore.test(ctx.folded.slice(Math.max(from, b.at.start - 30), b.at.start))
    && !p.advisoryAfter.test(ctx.folded.slice(b.at.end, b.at.end + 30)));
  if (!subject) return null;
  // The subject is the document's issuer: the metadata, not the sentence, makes its figure the whole's.
  if (subject.resolved === ctx.issuer) return { scope: 'whole', of: null, inferred: new Set(['scope']) };
  if (p.wholeKinds.has(key(subject.kind)) && subject.level !== 'huyện' && subject.level !== 'xã') return { scope: 'whole', of: null, inferred: stated };
  return { scope: 'unit', of: subject.resolved, inferred: subject.inferred.includes('resolved') ? new Set(['scopeOf']) : stated };
}

/**
 * The last body lying within [from, to] that passes `test`. Bodies come in the order of their
 * starts (the agencies' order): searching back from the last one starting by `to` looks at the
 * sentence's bodies only, not at every body of the document for every figure.
 */
function lastBodyWithin(bodies: readonly ScopeBody[], from: number, to: number, test: (b: ScopeBody) => boolean): ScopeBody | undefined {
  if (!sortedBodies(bodies)) return [...bodies].reverse().find((b) => b.at.start >= from && b.at.end <= to && test(b));
  for (let i = firstIndexAtLeast(bodies, to + 1, (b) => b.at.start) - 1; i >= 0 && bodies[i]!.at.start >= from; i--) {
    const b = bodies[i]!;
    if (b.at.end <= to && test(b)) return b;
  }
  return undefined;
}

const sortedness = new WeakMap<readonly ScopeBody[], boolean>();
function sortedBodies(bodies: readonly ScopeBody[]): boolean {
  let sorted = sortedness.get(bodies);
  if (sorted === undefined) sortedness.set(bodies, (sorted = isSortedBy(bodies, (b) => b.at.start)));
  return sorted;
}

/**
 * Where the sentence holding `at` starts, for scope: its start, or a later paragraph break after a
 * line that ends a sentence or is short (a heading: "TỈNH ĐẮK LẮK", "BÁO CÁO"). A long line without
 * an end is a visual line of PDF text, and its sentence goes on.
 */
function clauseStart(folded: string, at: number): number {
  const from = sentenceStart(folded, at);
  let start = from;
  const breaks = /\n[ \t]*\n/g;
  const window = folded.slice(from, at);
  for (let m = breaks.exec(window); m; m = breaks.exec(window)) {
    const line = window.slice(window.lastIndexOf('\n', m.index - 1) + 1, m.index).trim();
    if (line.length < 50 || /[.:;!?*]$/.test(line)) start = from + m.index + m[0].length;
  }
  return start;
}

/**
 * The next sentence of the same paragraph: no bullet, numbered item or heading starts between the
 * two figures, no line ends a sentence, and they stand close. A line break inside a sentence ends
 * nothing (PDF text breaks every visual line).
 */
function continuesParagraph(prevEnd: number, start: number, folded: string): boolean {
  const gap = folded.slice(prevEnd, start);
  return gap.length < 400 && !/\n\s*(?:[-+•*#]|\d+[.)]|[ivxlc]+\.)|[.:;!?][*_\s]*\n/u.test(gap);
}
