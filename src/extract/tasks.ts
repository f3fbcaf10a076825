import { firstIndexAtLeast, inAnyRange, overlapsAnyRange } from '../util/sorted.js';
import { lineStartMatches } from '../util/text.js';
import { lower } from '../normalize/fold.js';
import { alternation, memo, normalizeWord, type Rules } from '../rules/compile.js';
import { TASK_INFERABLE, type Task } from '../schema.js';
import { sectionPathAt, type Section } from '../segment/sections.js';
import { dateAt } from '../rules/dates.js';
import type { AgencyMention } from './agencies/index.js';
import { inferredOf, within, type Drafted, type NormalizedDocument, type NormalizedSpan } from './document.js';

/**
 * Tasks a document assigns: {lead, coordinators, action, deadline}. Three shapes (rules in
 * agency-cues.json):
 * - a block headed by an agency ("1. Sở Nội vụ:" then bullets, as in the An Giang công văn 795):
 *   each bullet is a task of that agency; a bullet or paragraph ending with ":" only introduces;
 * - an assignment ("Giao Sở Nội vụ chủ trì …", "Đề nghị Tỉnh đoàn …", "Yêu cầu Chủ tịch UBND các
 *   huyện …"): one task, or one per "+" item when the lead is followed by a colon;
 * - a numbered item whose subject is the acting body ("7. Ủy ban nhân dân huyện Tri Tôn chỉ đạo …").
 * The deadline is the date, month or quarter after a deadline cue in the task's own words.
 */
interface Draft {
  start: number;
  end: number;
  lead: AgencyMention;
  rule: string;
}

/** A task as the extractor returns it: `at` in the normalized text. */
export type TaskItem = Drafted<Task>;
type TaskField = (typeof TASK_INFERABLE)[number];

export function extractTasks(doc: NormalizedDocument, { agencies }: { agencies: readonly AgencyMention[] }): TaskItem[] {
  const { text, rules, sections, lowered } = doc;
  const joiner = cues(rules).joiner;
  const drafts: Draft[] = [];
  const covered: { start: number; end: number }[] = [];

  for (const block of agencyBlocks(text, sections, agencies)) {
    const items = itemsOf(text, block.bodyStart, block.section.end);
    covered.push({ start: block.section.start, end: items.length ? items[items.length - 1]!.end : block.bodyStart });
    for (const item of items) {
      const lead = assignedIn(item, agencies, lowered, rules) ?? block.lead;
      drafts.push({ ...item, lead, rule: 'agency-block' });
    }
  }
  const isCovered = inAnyRange(covered);
  const outside = (at: number): boolean => !isCovered(at);

  for (const a of agencies) {
    if (!outside(a.at.start) || !a.roles.includes('lead') || isJoinedTo(a, agencies, lowered, joiner)) continue;
    const cue = assignmentCueBefore(lowered, a.at.start, rules);
    // Without "Giao/Đề nghị/Yêu cầu", "X chủ trì …" assigns only when X opens the clause.
    if (cue === null && (a.group || !/(?:^|[.;:\n+•-])\s*$/.test(text.slice(Math.max(0, a.at.start - 20), a.at.start)))) continue;
    const start = cue ?? a.at.start;
    const leadEnd = lastJoined(a, agencies, lowered, joiner).at.end;
    // "Giao Sở Nội vụ:" or "Đề nghị Thủ trưởng các sở, ban, ngành, địa phương:" then "+" items.
    // The line may wrap (PDF): a single line break inside it, not a blank line nor an item's marker.
    const lineRest = /^(?:[^\n.]|\n(?![ ]*(?:\n|[-+•][ ]|\d{1,2}\.[ ]))){0,160}?:[ ]*(?=\n)/.exec(text.slice(leadEnd, leadEnd + 170));
    if (lineRest) {
      const colon = leadEnd + lineRest[0].length;
      const items = plusItems(text, colon);
      for (const item of items) drafts.push({ ...item, lead: a, rule: 'assignment-items' });
      if (items.length) continue;
    }
    drafts.push({ start, end: sentenceEnd(text, leadEnd), lead: a, rule: 'assignment' });
  }

  const overlapsDraft = overlapsAnyRange(drafts);
  const lines: Draft[] = [];
  for (const line of [...numberedActingLines(text, agencies, lowered, rules), ...planActingSentences(text, sections, agencies, lowered, rules)]) {
    if (outside(line.start) && !overlapsDraft(line) && !overlapsDisjoint(lines, line)) insertByStart(lines, line);
  }
  drafts.push(...lines);

  drafts.sort((x, y) => x.start - y.start);
  return drafts.map((d, index) => {
    const own = text.slice(d.start, d.end);
    const joined = joinedLeads(d.lead, agencies, lowered, joiner).slice(1);
    const coordinating = [...joined, ...agenciesWithin(agencies, d.start, d.end).filter((a) => a.roles.includes('coordinator') && !a.group)];
    const at = { start: d.start, end: d.end };
    const task: TaskItem = {
      index,
      // A group leads under its phrase as written ("các sở, ban, ngành tỉnh"); one body under its resolved name.
      lead: d.lead.group ? d.lead.name : d.lead.resolved,
      leadGroup: d.lead.group,
      coordinators: [...new Set(coordinating.map((a) => a.resolved))],
      action: own.replace(/^[\s\-+•]+/, '').replace(/\s+/g, ' ').trim(),
      deadline: deadlineIn(text, lowered, d.start, d.end, rules),
      inferred: [],
      section: sectionPathAt(sections, d.start),
      rule: d.rule,
      at,
    };
    task.inferred = inferredOf(task, inferredOfTask(at, d.lead, coordinating), TASK_INFERABLE);
    return task;
  });
}

/**
 * A lead named outside the task's words (its block's heading "1. Sở Nội vụ:", the "Giao Sở Nội vụ:"
 * line over "+" items) or by a name the agency inferred (the province added to "Sở Nội vụ") makes
 * the lead inferred; so for coordinators.
 */
function inferredOfTask(at: NormalizedSpan, lead: AgencyMention, coordinating: readonly AgencyMention[]): Set<TaskField> {
  const inferred = new Set<TaskField>();
  const named = (a: AgencyMention): 'name' | 'resolved' => (a.group ? 'name' : 'resolved');
  const elsewhere = (a: AgencyMention, field: 'name' | 'resolved' | 'group'): boolean => !within(a.at, at) || a.inferred.includes(field);
  if (elsewhere(lead, named(lead))) inferred.add('lead');
  if (elsewhere(lead, 'group')) inferred.add('leadGroup');
  if (coordinating.some((a) => elsewhere(a, 'resolved'))) inferred.add('coordinators');
  return inferred;
}

interface Block {
  section: Section;
  lead: AgencyMention;
  bodyStart: number;
}

/** Sections whose whole title is an agency: "1. Sở Nội vụ:", "3. Văn phòng Ủy ban nhân dân tỉnh:". */
function agencyBlocks(text: string, sections: readonly Section[], agencies: readonly AgencyMention[]): Block[] {
  const blocks: Block[] = [];
  for (const s of sections) {
    const lineEnd = text.indexOf('\n', s.start);
    const headEnd = lineEnd === -1 ? s.end : Math.min(lineEnd, s.end);
    const a = firstAgencyWithin(agencies, s.start, headEnd);
    if (!a) continue;
    const rest = text.slice(a.at.end, headEnd).replace(/[\s:.*]/g, '');
    const before = text.slice(s.start, a.at.start).replace(/^[\s\dIVXa-z.)]+/u, '').trim();
    if (rest || before) continue;
    blocks.push({ section: s, lead: a, bodyStart: headEnd });
  }
  return blocks;
}

/** The first single body (not a group) named within [from, to]. */
function firstAgencyWithin(agencies: readonly AgencyMention[], from: number, to: number): AgencyMention | undefined {
  return agenciesWithin(agencies, from, to).find((x) => !x.group);
}

/**
 * The mentions lying within [from, to], in order. Agencies come in the order of their starts, so
 * a binary search finds the first: a task, a section or an item looked through every mention of
 * the document before (issue 29: half of a 20 MB text's time).
 */
function agenciesWithin(agencies: readonly AgencyMention[], from: number, to: number): AgencyMention[] {
  return startingIn(agencies, from, to + 1).filter((x) => x.at.end <= to);
}

/** The mentions starting in [from, to), in order. */
function startingIn(agencies: readonly AgencyMention[], from: number, to: number): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (let i = firstIndexAtLeast(agencies, from, (x) => x.at.start); i < agencies.length && agencies[i]!.at.start < to; i++) out.push(agencies[i]!);
  return out;
}

/**
 * Whether a range overlaps one of `disjoint` (sorted by start, none overlapping another): looking
 * back from the last one starting before its end, the first non-empty one ending before its start
 * rules out all before it.
 */
function overlapsDisjoint(disjoint: readonly { start: number; end: number }[], r: { start: number; end: number }): boolean {
  for (let i = firstIndexAtLeast(disjoint, r.end, (x) => x.start) - 1; i >= 0; i--) {
    const x = disjoint[i]!;
    if (x.end > r.start) return true;
    if (x.end > x.start) return false;
  }
  return false;
}

function insertByStart<T extends { start: number }>(sorted: T[], item: T): void {
  sorted.splice(firstIndexAtLeast(sorted, item.start + 1, (x) => x.start), 0, item);
}

/** The task items of a block: bullets, or paragraphs when there are none; introductions (ending with ":") left out. */
function itemsOf(text: string, from: number, to: number): { start: number; end: number }[] {
  const lines: { start: number; end: number; text: string }[] = [];
  let at = from;
  for (const raw of text.slice(from, to).split('\n')) {
    const t = raw.trim();
    // A numbered line is the next item of the list the block belongs to: the block ends there.
    if (/^\d{1,2}\.\s/.test(t)) break;
    if (t) lines.push({ start: at + raw.indexOf(t), end: at + raw.indexOf(t) + t.length, text: t });
    at += raw.length + 1;
  }
  const isBullet = (t: string): boolean => /^[-+•]\s*\S/.test(t);
  const hasBullets = lines.some((l) => isBullet(l.text));
  return lines.filter((l, i) => {
    if (hasBullets && !isBullet(l.text)) return false;
    const next = lines[i + 1];
    if (/:$/.test(l.text) && (next === undefined || isBullet(next.text) || !hasBullets)) return false;
    return true;
  }).map((l) => ({ start: l.start, end: l.end }));
}

/** "+ Nghiên cứu …", "+ Tham mưu …" after "Giao Sở Nội vụ:". */
function plusItems(text: string, from: number): { start: number; end: number }[] {
  const items: { start: number; end: number }[] = [];
  let at = text.indexOf('\n', from);
  if (at === -1 || text.slice(from, at).trim()) return items;
  let marker: string | null = null;
  let afterBlank = true;
  while (at !== -1) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next === -1 ? text.length : next);
    const t = line.trim();
    if (t) {
      // "+ …", "- …" and numbered items ("1. Tập trung thực hiện …") are the items of the assignment;
      // a line with another marker ends them ("4. Cải cách thủ tục hành chính:" after "+" items).
      const m = /^(?:([+•-])|(\d{1,2})\.)\s*\S/.exec(t);
      const kind = m ? (m[1] ?? 'number') : null;
      const start = at + 1 + line.indexOf(t);
      if (!kind && !afterBlank && items.length) {
        // A wrapped line of the item above (PDF): "… Ban Thường vụ\nTỉnh ủy về CCHC."
        items[items.length - 1]!.end = start + t.length;
      } else {
        if (!kind || (marker !== null && kind !== marker)) break;
        marker = kind;
        items.push({ start, end: start + t.length });
      }
    }
    afterBlank = !t;
    at = next;
  }
  return items;
}

function sentenceEnd(text: string, from: number): number {
  const m = /[.;](?=\s|$)|\n\s*\n(?=\s*[-+•\d])|\n(?=\s*[-+•]\s)/g;
  m.lastIndex = from;
  const r = m.exec(text);
  return r ? r.index + (r[0] === '.' || r[0] === ';' ? 1 : 0) : text.length;
}

interface TaskCues {
  assignment: RegExp;
  acting: RegExp;
  /** An acting verb within a few words: "… cấp huyện, cấp xã rà soát". */
  actingSoon: RegExp;
  deadline: RegExp;
  month: RegExp;
  quarter: RegExp;
  joiner: RegExp;
  planTitle: RegExp;
  intro: RegExp;
}

function cues(rules: Rules): TaskCues {
  return memo(rules, 'task-cues', () => {
    const c = rules.data.agencyCues;
    const w = (list: readonly string[]): string => alternation(list.map((x) => lower(normalizeWord(x))));
    const lx = rules.data.lexicon;
    return {
      assignment: new RegExp(`(?<![\\p{L}])(?:${w(c.assignmentCues)})[ ]+(?:(?:${w(c.headTitles)})[ ]+)?$`, 'u'),
      acting: new RegExp(`^[ ]+(?:${w(c.actingVerbsAfter)})(?![\\p{L}])`, 'u'),
      actingSoon: new RegExp(`^(?:[ ,]+[^\\s,.;:]+){0,4}?[ ]+(?:${w(c.actingVerbsAfter)})(?![\\p{L}])`, 'u'),
      planTitle: new RegExp(`(?<![\\p{L}])(?:${w(c.planSectionWords)})(?![\\p{L}])`, 'u'),
      intro: new RegExp(`^(?:${w(c.introPhrases)})(?![\\p{L}])`, 'u'),
      deadline: new RegExp(`(?<![\\p{L}])(?:${w(c.deadlineCues)})[ :]*`, 'gu'),
      month: new RegExp(`(?:${w(lx.monthWord)})[ ]+(\\d{1,2})(?:[ ]+(?:${w(lx.yearWord)})[ ]+|[ ]*/[ ]*)(\\d{4})`, 'u'),
      quarter: new RegExp(`(?:${w(lx.quarterWord)})[ ]+(iv|iii|ii|i|[1-4])(?:[ ]+(?:${w(lx.yearWord)})[ ]+|[ ]*/[ ]*)(\\d{4})`, 'u'),
      joiner: new RegExp(`^[ ]*(?:,|${w(lx.listJoiners)})[ ]*$`, 'u'),
    };
  });
}

function assignmentCueBefore(lowered: string, at: number, rules: Rules): number | null {
  const window = lowered.slice(Math.max(0, at - 40), at);
  const m = cues(rules).assignment.exec(window);
  return m ? at - window.length + m.index : null;
}

/** A bullet of a block that itself assigns another body: "- Giao Sở Nội vụ …". */
function assignedIn(item: { start: number; end: number }, agencies: readonly AgencyMention[], lowered: string, rules: Rules): AgencyMention | null {
  const first = startingIn(agencies, item.start, item.start + 20).find((a) => !a.group);
  return first && assignmentCueBefore(lowered, first.at.start, rules) !== null ? first : null;
}

/** Bodies given one task jointly: "Sở Văn hóa, Thể thao và Du lịch, Báo An Giang và Đài …". */
function joinedLeads(lead: AgencyMention, agencies: readonly AgencyMention[], lowered: string, joiner: RegExp): AgencyMention[] {
  const out = [lead];
  let last = lead;
  // Mentions are in text order and carry their index: only the ones right after the lead can join it.
  for (let i = lead.index + 1; i < agencies.length; i++) {
    const a = agencies[i]!;
    if (a.at.start < last.at.end) continue;
    if (a.at.start > last.at.end + 6) break;
    const gap = lowered.slice(last.at.end, a.at.start);
    if (!joiner.test(gap) || a.group) break;
    out.push(a);
    last = a;
  }
  return out;
}

function lastJoined(lead: AgencyMention, agencies: readonly AgencyMention[], lowered: string, joiner: RegExp): AgencyMention {
  const all = joinedLeads(lead, agencies, lowered, joiner);
  return all[all.length - 1]!;
}

/** A mention that only follows another lead in a joint assignment is not a lead of its own. */
function isJoinedTo(a: AgencyMention, agencies: readonly AgencyMention[], lowered: string, joiner: RegExp): boolean {
  const earlier = agencies.slice(Math.max(0, a.index - 4), a.index);
  return earlier.some((b) => joinedLeads(b, agencies, lowered, joiner).includes(a));
}

/** "7. Ủy ban nhân dân huyện Tri Tôn chỉ đạo …": a numbered line whose subject acts. */
function numberedActingLines(text: string, agencies: readonly AgencyMention[], lowered: string, rules: Rules): Draft[] {
  const out: Draft[] = [];
  // "7. Ủy ban nhân dân huyện Tri Tôn chỉ đạo …", "- Các cơ quan: Báo An Giang và Đài … cần tuyên truyền …".
  const re = /^[ ]*(?:\d{1,2}\.|[-+•])[ ]+(?:[^\n:.]{1,20}:[ ]*)?/muy;
  const byStart = new Map(agencies.filter((x) => !x.group).map((x) => [x.at.start, x]));
  for (const m of lineStartMatches(text, re)) {
    const at = m.index + m[0].length;
    const first = byStart.get(at);
    const a = first ? lastJoined(first, agencies, lowered, cues(rules).joiner) : undefined;
    if (!a || !cues(rules).acting.test(lowered.slice(a.at.end, a.at.end + 20))) continue;
    const lineEnd = text.indexOf('\n', at);
    out.push({ start: m.index + m[0].length, end: lineEnd === -1 ? text.length : lineEnd, lead: first!, rule: 'acting-body-item' });
  }
  return out;
}

/**
 * In a section that plans ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II"), a sentence whose subject
 * is a body or a group that acts assigns it a task: "Các sở, ngành và UBND cấp huyện, cấp xã rà soát
 * …", "Trên cơ sở hướng dẫn của Bộ ngành, Sở Nội vụ hướng dẫn …". The same sentence in a section that
 * reports results tells what was done, and is no task.
 */
function planActingSentences(text: string, sections: readonly Section[], agencies: readonly AgencyMention[], lowered: string, rules: Rules): Draft[] {
  const c = cues(rules);
  const plans = sections.filter((s) => c.planTitle.test(lower(s.title)));
  const out: Draft[] = [];
  for (const a of agencies) {
    if (!plans.some((s) => a.at.start >= s.start && a.at.start < s.end)) continue;
    const sentenceStart = startOfSentence(text, a.at.start);
    const before = lowered.slice(sentenceStart, a.at.start);
    // The subject opens the sentence, or follows an opening phrase: "Trên cơ sở …, ".
    if (before.replace(/^[\s\-+•]*(?:\d{1,2}\.\s*)?/, '') && !(c.intro.test(before.replace(/^[\s\-+•]+/, '')) && /,\s*$/.test(before))) continue;
    // Drafts come in text order: only the last can still cover this mention.
    if (out.length && a.at.start < out[out.length - 1]!.end) continue;
    let last = a;
    for (let i = a.index + 1; i < agencies.length && c.joiner.test(lowered.slice(last.at.end, agencies[i]!.at.start)); i++) last = agencies[i]!;
    if (!c.actingSoon.test(lowered.slice(last.at.end, last.at.end + 60))) continue;
    const marker = /^[\s\-+•]*/.exec(text.slice(sentenceStart, a.at.start))![0].length;
    out.push({ start: sentenceStart + marker, end: sentenceEnd(text, last.at.end), lead: a, rule: 'plan-acting-subject' });
  }
  return out;
}

/**
 * After the last ".", ";", ":", blank line or item marker before `at`. A single line break is no
 * boundary: a PDF line wraps inside a sentence ("… Nghị định số 61/2018/NĐ-CP của\nChính phủ về …").
 */
function startOfSentence(text: string, at: number): number {
  const from = Math.max(0, at - 300);
  const boundary = /[.;:](?=\s)|\n[ ]*\n|\n(?=[ ]*(?:[-+•]|\d{1,2}\.)[ ])/g;
  boundary.lastIndex = from;
  let start = from;
  for (let m = boundary.exec(text); m && m.index < at; m = boundary.exec(text)) start = m.index + m[0].length;
  return start;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** "Thời gian hoàn thành: tháng 3 năm 2025" → 2025-03; "trước ngày 31/03/2019" → 2019-03-31; "quý II năm 2019" → 2019-Q2. */
function deadlineIn(text: string, lowered: string, start: number, end: number, rules: Rules): string | null {
  const c = cues(rules);
  const own = lowered.slice(start, end);
  c.deadline.lastIndex = 0;
  for (let m = c.deadline.exec(own); m; m = c.deadline.exec(own)) {
    const at = start + m.index + m[0].length;
    const date = dateAt(text, at, rules);
    if (date?.iso && date.start < end) return date.iso;
    // The cue may end in the month word itself ("trong tháng 3 năm 2025"): read from the cue's start.
    const rest = own.slice(m.index, m.index + m[0].length + 30);
    const month = c.month.exec(rest);
    if (month) return `${month[2]}-${month[1]!.padStart(2, '0')}`;
    const quarter = c.quarter.exec(rest);
    if (quarter) return `${quarter[2]}-Q${ROMAN[quarter[1]!] ?? quarter[1]}`;
  }
  return null;
}
