import type { Rules } from '../../rules/compile.js';
import type { Candidate } from './candidates.js';
import { sentenceStart } from './meaning.js';
import { figurePatterns } from './patterns.js';

/**
 * Totals and their parts. "tiếp nhận 11.093 hồ sơ, trong đó nhận trực tiếp 8.469 hồ sơ, …": after a
 * breakdown cue, counts of the same unit are parts of the latest total; a parenthesis right after
 * a count breaks that count down ("9.782 hồ sơ (đúng và trước hạn 9.772 hồ sơ, trễ hạn 10 hồ sơ)");
 * a sentence that opens with the cue ("Trong đó, tại sở … 9.225 hồ sơ; …") breaks down a count of the
 * sentence before — the one its parts add up to, else the first. One total may have several
 * breakdowns; each gets its own id.
 */
export interface PartLink {
  partOf: number | null;
  breakdown: number | null;
}

interface Open {
  total: number;
  unit: string | null;
  paren: boolean;
  breakdown: number;
}

export function linkParts(cands: readonly Candidate[], folded: string, rules: Rules): PartLink[] {
  const p = figurePatterns(rules);
  const links: PartLink[] = cands.map(() => ({ partOf: null, breakdown: null }));
  const counts = cands.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'count');
  const sentenceOf = counts.map(({ c }) => sentenceStart(folded, c.start));
  let nextBreakdown = 0;
  let previousSentence: { i: number }[] = [];
  let k = 0;
  while (k < counts.length) {
    const start = sentenceOf[k]!;
    const sentence: { c: Candidate; i: number }[] = [];
    while (k < counts.length && sentenceOf[k] === start) sentence.push(counts[k++]!);
    const stack: Open[] = [];
    let fromPrevious: Open | null = null;
    sentence.forEach(({ c, i }, n) => {
      const prev = n > 0 ? sentence[n - 1]! : null;
      const gap = folded.slice(prev ? prev.c.end : start, c.start);
      for (const event of gapEvents(gap, p.breakdownCue)) {
        if (event === ')') {
          // Close the parenthesis and every breakdown opened inside it.
          const at = stack.map((o) => o.paren).lastIndexOf(true);
          if (at !== -1) stack.length = at;
        } else if (event === '(') {
          // "9.782 hồ sơ (…)" breaks 9.782 down; a parenthesis after a part, or after no count, only
          // shields what it holds from the breakdown outside ("… 01 quyết định (lũy kế … 37 văn bản …)").
          const total = prev && links[prev.i]!.partOf === null ? prev.i : -1;
          stack.push({ total, unit: null, paren: true, breakdown: nextBreakdown++ });
        } else {
          // The nearest count before the cue that is not itself a part: "9.782 hồ sơ (…), trong đó …"
          // breaks down 9.782; "37 văn bản …, trong đó có 24 nghị quyết" breaks down 37 (parts may
          // count a narrower noun).
          const total = [...sentence.slice(0, n)].reverse().find((s) => links[s.i]!.partOf === null);
          if (total) stack.push({ total: total.i, unit: null, paren: false, breakdown: nextBreakdown++ });
          else if (!prev && previousSentence.length && p.openingBreakdownCue.test(gap)) {
            fromPrevious = { total: -1, unit: null, paren: false, breakdown: nextBreakdown++ };
            stack.push(fromPrevious);
          }
        }
      }
      const open = stack[stack.length - 1];
      if (open && open.total !== i && (open.total >= 0 || open === fromPrevious)) links[i] = { partOf: open.total, breakdown: open.breakdown };
    });
    if (fromPrevious) resolveFromPrevious(fromPrevious, sentence, previousSentence, cands, links);
    previousSentence = sentence;
  }
  return links;
}

/** Parenthesis and cue events in a gap, in order. */
function gapEvents(gap: string, cue: RegExp): string[] {
  const events: { at: number; e: string }[] = [];
  for (let i = 0; i < gap.length; i++) if (gap[i] === '(' || gap[i] === ')') events.push({ at: i, e: gap[i]! });
  const m = new RegExp(cue.source, 'gu');
  for (let x = m.exec(gap); x; x = m.exec(gap)) events.push({ at: x.index, e: 'cue' });
  return events.sort((a, b) => a.at - b.at).map((x) => x.e);
}

function resolveFromPrevious(open: Open, sentence: { c: Candidate; i: number }[], previous: { i: number }[], cands: readonly Candidate[], links: PartLink[]): void {
  const parts = sentence.filter(({ i }) => links[i]!.breakdown === open.breakdown);
  const sum = parts.reduce((a, { c }) => a + (c.value ?? 0), 0);
  const totals = previous.filter(({ i }) => links[i]!.partOf === null);
  const total = totals.find(({ i }) => cands[i]!.value === sum) ?? totals[0];
  for (const { i } of parts) links[i] = total ? { partOf: total.i, breakdown: open.breakdown } : { partOf: null, breakdown: null };
}
