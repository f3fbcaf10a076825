import type { Rules } from '../../rules/compile.js';
import type { Meaning } from '../../schema.js';
import type { Candidate } from './candidates.js';
import { figurePatterns } from './patterns.js';
import { firstIndexAtLeast } from '../../util/sorted.js';
import { oneSpaced } from '../../util/text.js';

/**
 * What a figure means, from the words around it: its comparator ("trên 40%"), whether it is a
 * target or a result, the stage, channel, timeliness and service level of hồ sơ/TTHC/DVC counts
 * ("nhận trực tuyến 2.031 hồ sơ", "trễ hạn 10 hồ sơ", "995 DVC toàn trình"), and the level of
 * government. Works on folded text (offsets equal the normalized text's).
 */
export interface Context {
  folded: string;
  rules: Rules;
  /** Title of the top-level section the figure is in ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ …"), folded. */
  topSectionTitle: string | null;
  documentType: string | null;
}

// Blank lines end no sentence: PDF text puts one after every visual line. Bullets do.
const SENTENCE_END = /[.!?](?=\s|$)|\n(?=\s*[-+•]\s)/g;
const SEGMENT_BOUNDARY = /[,;:()\n]/;
const ABBREVIATION_AFTER = /^\s*\([\p{Lu}\p{L}&.]{2,10}\)/u;

/**
 * Start of the sentence holding `at`: after the last SENTENCE_END in the 400 characters before it,
 * as that pattern finds them in that window (a "." right before `at` ends a sentence there, since
 * the window ends after it). The sentence ends of the whole text are found once (sentenceEnds);
 * scanning each figure's window again took 2% of the pipeline.
 */
export function sentenceStart(folded: string, at: number): number {
  const from = Math.max(0, at - 400);
  if (at - 1 >= from && /[.!?]/.test(folded.charAt(at - 1))) return at;
  const { at: ends, reach } = sentenceEnds(folded);
  for (let i = firstIndexAtLeast(ends, at, (p) => p) - 1; i >= 0 && ends[i]! >= from; i--) {
    if (reach[i]! <= at) return ends[i]! + 1;
  }
  return from;
}

interface SentenceEnds {
  text: string;
  /** Where each SENTENCE_END of the whole text stands, in order. */
  at: number[];
  /** Where its look-ahead ends: a window must hold this much for the pattern to find it there. */
  reach: number[];
}

let sentenceEndsOfLast: SentenceEnds | null = null;

function sentenceEnds(folded: string): SentenceEnds {
  if (sentenceEndsOfLast?.text === folded) return sentenceEndsOfLast;
  const found: SentenceEnds = { text: folded, at: [], reach: [] };
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(folded); m; m = SENTENCE_END.exec(folded)) {
    found.at.push(m.index);
    // "\n- ": the bullet and the space after it; ". ": the period alone.
    BULLET_AHEAD.lastIndex = m.index + 1;
    found.reach.push(m[0] === '\n' && BULLET_AHEAD.test(folded) ? BULLET_AHEAD.lastIndex : m.index + 1);
  }
  return (sentenceEndsOfLast = found);
}

// The look-ahead of SENTENCE_END's line-break branch, as it matched.
const BULLET_AHEAD = /\s*[-+•]\s/y;

export function comparatorOf(c: Candidate, ctx: Context): string | null {
  const p = figurePatterns(ctx.rules);
  const before = ctx.folded.slice(Math.max(0, c.start - 24), c.start);
  const m = p.comparatorBefore.exec(before);
  if (!m || c.kind === 'range' || c.kind === 'ratio') return null;
  const comparator = p.comparatorByForm.get(oneSpaced(m[1]!)) ?? null;
  // "giảm từ 3,2% xuống còn 0,8%": a change, not "from 3,2% up".
  p.fromToAfter.lastIndex = c.end;
  if (comparator === 'từ…trở lên' && p.fromToAfter.test(ctx.folded)) return null;
  // "từ 85 đến 90%": "từ" opens the range, it sets no lower bound of its own.
  if (comparator === 'từ…trở lên' && c.low !== null) return null;
  return comparator;
}

/**
 * Target or result, nearest evidence first: a cue in the words since the previous figure ("Chỉ tiêu …
 * là 50%, đến nay đạt 38,6%"); else the status of the previous figure of the sentence ("Mục tiêu …:
 * 100% …; 90% …"); else a cue anywhere in the sentence; else a plan section (PHƯƠNG HƯỚNG, NHIỆM
 * VỤ …); else the document type (a công văn directs, a báo cáo reports). `stated`: a cue of the
 * figure's own sentence said it, not the figure before, the section, the document or the default.
 */
export function statusOf(
  c: Candidate, previous: { end: number; status: 'target' | 'result' } | null, ctx: Context,
): { status: 'target' | 'result'; stated: boolean } {
  const stated = (status: 'target' | 'result') => ({ status, stated: true });
  const inferred = (status: 'target' | 'result') => ({ status, stated: false });
  const p = figurePatterns(ctx.rules);
  const sentenceFrom = sentenceStart(ctx.folded, c.start);
  const localFrom = previous && previous.end > sentenceFrom ? previous.end : sentenceFrom;
  const local = ctx.folded.slice(localFrom, c.start);
  const upwardAfter = p.trailingUpward.test(ctx.folded.slice(c.end, c.end + 12));
  const inSentence = previous !== null && previous.end > sentenceFrom;
  if (p.targetCue.test(local) || p.assignmentClause.test(ctx.folded.slice(sentenceFrom, c.start))) return stated('target');
  // "đạt tỷ lệ từ 80% trở lên" sets a floor to reach — unless it describes figures just reported.
  if (upwardAfter) return inSentence ? inferred(previous!.status) : stated('target');
  if (p.resultCue.test(local)) return stated('result');
  if (p.weakTargetCue.test(local)) return stated('target');
  if (inSentence) return inferred(previous!.status);
  const sentence = ctx.folded.slice(sentenceFrom, c.start);
  if (p.targetCue.test(sentence)) return stated('target');
  if (p.resultCue.test(sentence)) return stated('result');
  if (p.weakTargetCue.test(sentence)) return stated('target');
  if (ctx.topSectionTitle && p.planSection.test(ctx.topSectionTitle)) return inferred('target');
  if (ctx.documentType && ctx.rules.data.figureCues.directiveTypes.includes(ctx.documentType)) return inferred('target');
  return inferred('result');
}

/**
 * Qualifiers come from the nearest segment before the number (since the previous figure or
 * punctuation: ", nhận trực tuyến 2.031"), from the segment before it when the nearest says
 * nothing ("đã tiếp nhận: 11.093"), and from the words right after the unit ("82.602 hồ sơ được
 * tiếp nhận", "369 dịch vụ công mức độ 3").
 */
export function meaningOf(c: Candidate, previousEnd: number, nextStart: number, ctx: Context): { meaning: Meaning; level: 'tỉnh' | 'huyện' | 'xã' | null } {
  const p = figurePatterns(ctx.rules);
  const floor = Math.max(previousEnd, sentenceStart(ctx.folded, c.start));
  const masked = (s: string): string => s.replace(p.notQualifier, (m) => ' '.repeat(m.length));
  const segments = segmentsBefore(masked(ownWords(ctx.folded.slice(floor, c.start), floor === previousEnd, p.upToListConjunction)));
  const afterEnd = Math.min(nextStart, c.end + 60);
  // "03 thủ tục hành chính (TTHC) sửa đổi, bổ sung": an abbreviation in brackets ends no segment.
  const after = masked(ctx.folded.slice(c.end, afterEnd)).replace(ABBREVIATION_AFTER, (m) => ' '.repeat(m.length)).split(SEGMENT_BOUNDARY)[0]!;
  const meaning: Meaning = { stage: null, channel: null, timeliness: null, service: null };
  const stage = p.qualifiers.find((q) => q.dimension === 'stage')!;
  // The nearest segment that says anything, at most three back ("đã tiếp nhận: 11.093").
  const nearest = segments.filter((seg) => seg.trim()).slice(0, 3).find((seg) => hasAny(seg, p)) ?? '';
  for (const q of p.qualifiers) {
    // A service level follows its noun ("dịch vụ công mức độ 3"), unless it names two ("một phần và
    // toàn trình"); the rest mostly precede the number.
    const afterValues = allMatches(after, q.re, q.byForm);
    meaning[q.dimension] = q.dimension === 'service'
      ? (afterValues.length ? (new Set(afterValues).size === 1 ? afterValues[0]! : null) : lastMatch(nearest, q.re, q.byForm))
      : lastMatch(nearest, q.re, q.byForm) ?? afterValues[0] ?? null;
  }
  // "Công bố … danh mục 03 thủ tục hành chính sửa đổi, bổ sung": "công bố" announces the list; what
  // the list holds is said after the unit, there or in a passive further on ("… của Sở Y tế được sửa đổi").
  if (c.kind === 'count' && (meaning.stage === null || p.yieldingStage.has(lastForm(nearest, stage.re) ?? ''))) {
    const wider = masked(ctx.folded.slice(c.end, Math.min(nextStart, c.end + 160)));
    const later = p.laterPassiveStage.exec(wider);
    const stated = allMatches(after, stage.re, stage.byForm)[0] ?? (later ? stage.byForm.get(oneSpaced(later[1]!)) : undefined);
    if (stated) meaning.stage = stated;
  }
  const implied = c.unitForm ? p.formMeaning.get(c.unitForm) : undefined;
  if (implied) for (const [k, v] of Object.entries(implied)) meaning[k as keyof Meaning] ??= v;
  // "82.602 hồ sơ …, với 59.446 hồ sơ đã được hoàn thành": a passive right after the unit says the stage.
  if (p.passiveAfter.test(after)) meaning.stage = firstMatch(after, stage.re, stage.byForm) ?? meaning.stage;
  // Levels name a group that may hold commas ("huyện, thành phố là 38.046 hồ sơ"): read the whole stretch.
  const level = (lastMatch(ctx.folded.slice(floor, c.start), p.level, p.levelByForm) ?? firstMatch(after, p.level, p.levelByForm)) as 'tỉnh' | 'huyện' | 'xã' | null;
  return { meaning, level };
}

/**
 * "16 thủ tục hành chính mới ban hành và 06 thủ tục … bị bãi bỏ": between two figures of one clause,
 * the words before "và" follow the first figure and say nothing of the second.
 */
function ownWords(gap: string, afterFigure: boolean, upToConjunction: RegExp | null): string {
  if (!afterFigure || !upToConjunction || /[;:()]/.test(gap)) return gap;
  const m = upToConjunction.exec(gap);
  return m ? ' '.repeat(m[1]!.length) + gap.slice(m[1]!.length) : gap;
}

/** The segments of the text before a figure, nearest first. */
function segmentsBefore(text: string): string[] {
  return text.split(SEGMENT_BOUNDARY).reverse();
}

function hasAny(segment: string, p: ReturnType<typeof figurePatterns>): boolean {
  return p.qualifiers.some((q) => {
    q.re.lastIndex = 0;
    return q.re.test(segment);
  });
}

function lastMatch(text: string, re: RegExp, byForm: Map<string, string>): string | null {
  let found: string | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) found = byForm.get(oneSpaced(m[1]!)) ?? found;
  return found;
}

function lastForm(text: string, re: RegExp): string | null {
  let found: string | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) found = oneSpaced(m[1]!);
  return found;
}

function allMatches(text: string, re: RegExp, byForm: Map<string, string>): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = byForm.get(oneSpaced(m[1]!));
    if (v) out.push(v);
  }
  return out;
}

function firstMatch(text: string, re: RegExp, byForm: Map<string, string>): string | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? byForm.get(oneSpaced(m[1]!)) ?? null : null;
}
