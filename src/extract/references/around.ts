import { fold, lower } from '../../normalize/fold.js';
import { alternation, memo, normalizeWord, type Rules } from '../../rules/compile.js';
import { dateAt, type DateMatch } from '../../rules/dates.js';
import { charBefore, oneSpaced } from '../../util/text.js';
import type { ReferencePatterns } from './patterns.js';

/**
 * What is read around a mention, for every scanner that needs it: the type word and the relation
 * before it, the date and the issuer after it (or the date that opens its clause).
 */

const LETTER = /\p{L}/u;

export interface DatedBy {
  date: DateMatch;
  rule: string | null;
  start: number;
  end: number;
}

/** "… ngày 23/4/2018", ", ngày 12/02/2019", a bare "11/01/2017", or "của <body> ngày …" right after the symbol. */
export function dateAfter(text: string, at: number, rules: Rules, p: ReferencePatterns): DatedBy | null {
  p.gapBeforeDate.lastIndex = at;
  const gap = p.gapBeforeDate.exec(text)!;
  const from = at + gap[0].length;
  const direct = dateAt(text, from, rules);
  if (direct) {
    const hasDayWord = p.dayWord.test(text.slice(from, from + 6));
    if (hasDayWord || !gap[1]) return { date: direct, rule: null, start: direct.start, end: direct.end };
  }
  p.issuerThenDay.lastIndex = at;
  const issuer = p.issuerThenDay.exec(text);
  if (issuer) {
    const d = dateAt(text, at + issuer[0].length, rules);
    if (d) return { date: d, rule: 'date-after-issuer', start: d.start, end: d.end };
  }
  return null;
}

/** "Ngày 07/3/2019, Văn phòng UBND tỉnh ban hành Công văn số …": the issue date opens the clause. */
export function dateBeforeIssue(text: string, mentionStart: number, rules: Rules, p: ReferencePatterns): DatedBy | null {
  const from = Math.max(0, mentionStart - 200);
  const window = text.slice(from, mentionStart);
  const tail = window.trimEnd().toLowerCase();
  if (!rules.data.lexicon.issueVerbs.some((v) => tail.endsWith(v.toLowerCase()))) return null;
  const clauseStart = Math.max(...['.', ';', ':', '\n'].map((c) => window.lastIndexOf(c))) + 1;
  const lead = /^\s*[-+•]?\s*/u.exec(window.slice(clauseStart))![0].length;
  const at = from + clauseStart + lead;
  if (!p.dayWord.test(text.slice(at, at + 8))) return null;
  const d = dateAt(text, at, rules);
  if (!d) return null;
  const between = text.slice(d.end, mentionStart);
  if (!/^\s*,/.test(between) || /\d\s*[/-]\s*\p{Lu}/u.test(between)) return null;
  return { date: d, rule: 'date-before-issue', start: d.start, end: d.end };
}

/**
 * The type word that opens a mention, ending the window before a symbol: "Thông báo kết luận số ",
 * "Công văn cảnh báo số ", "Nghị định ". Up to two lower-case words may stand between; an upper-case
 * word there means a later type word is the one ("Thông báo Quyết định số …").
 */
export function typeWordBefore(window: string, folded: string, p: ReferencePatterns): { word: string; index: number; adjacent: boolean } | null {
  p.typeBefore.lastIndex = 0;
  for (let m = p.typeBefore.exec(folded); m; m = p.typeBefore.exec(folded)) {
    p.typeBefore.lastIndex = m.index + 1;
    if (LETTER.test(charBefore(window, m.index))) continue;
    const filler = window.slice(m.index + m[1]!.length, m.index + m[1]!.length + m[2]!.length);
    if (!/\p{Lu}/u.test(filler)) return { word: window.slice(m.index, m.index + m[1]!.length), index: m.index, adjacent: !filler.trim() };
  }
  return null;
}

export function relationBefore(text: string, lowered: string, mentionStart: number, rules: Rules, p: ReferencePatterns): string | null {
  const window = text.slice(Math.max(0, mentionStart - 60), mentionStart);
  const folded = lowered.slice(Math.max(0, mentionStart - 60), mentionStart);
  p.relationBefore.lastIndex = 0;
  for (let m = p.relationBefore.exec(folded); m; m = p.relationBefore.exec(folded)) {
    p.relationBefore.lastIndex = m.index + 1;
    // Fillers are lower-case words ("có hiệu quả"); the relation word starts a word.
    const filler = window.slice(m.index + m[1]!.length, m.index + m[0].length);
    if (LETTER.test(charBefore(window, m.index)) || /\p{Lu}/u.test(filler)) continue;
    return rules.relationByWord.get(oneSpaced(fold(m[1]!))) ?? null;
  }
  return null;
}

/**
 * "… của Bộ trưởng Bộ Nội vụ", "… của UBND tỉnh", "… của Thủ tướng Chính phủ": a body the rules know
 * (issuers.json, agencies.json), optionally after its head's title (signing.json), right after "của".
 */
export function issuerNamedAfter(text: string, lowered: string, at: number, rules: Rules): { name: string; start: number; end: number } | null {
  const p = memo(rules, 'issuer-named-after', () => {
    const names = new Map<string, string>();
    for (const i of rules.data.issuers.issuers) names.set(lower(normalizeWord(i.name)), normalizeWord(i.name));
    for (const b of rules.data.agencies.bodies) {
      for (const form of [b.name, ...b.aliases]) names.set(lower(normalizeWord(form)), normalizeWord(b.name));
    }
    const titles = alternation(rules.data.signing.titles.map((t) => lower(t.title)));
    const units = alternation(rules.data.lexicon.localUnitWords.map(lower));
    const link = alternation(rules.data.lexicon.issuerLink.map(lower));
    return {
      names,
      re: new RegExp(`^[ ]*,?[ ]*(?:${link})\\s+(?:(?:${titles})\\s+)??(${alternation([...names.keys()])})(?:\\s+(${units}))?(?![\\p{L}])`, 'u'),
    };
  });
  const window = text.slice(at, at + 140);
  const m = p.re.exec(lowered.slice(at, at + 140)); // lower() keeps offsets: m's positions hold in window
  if (!m) return null;
  const name = p.names.get(oneSpaced(m[1]!));
  if (!name) return null;
  const unit = m[2] ? window.slice(m[0].length - m[2].length, m[0].length) : null;
  return { name: unit ? `${name} ${unit}` : name, start: at + m[0].search(/[^ ,]/), end: at + m[0].length };
}
