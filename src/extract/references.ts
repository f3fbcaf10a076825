import { inAnyRange, overlapsAnyRange } from '../util/sorted.js';
import { fold, lower } from '../normalize/fold.js';
import { caseAlternation, alternation, issuerInfo, lawKind, letterKind, memo, normalizeWord, type Rules } from '../rules/compile.js';
import type { Reference } from '../schema.js';
import { sectionPathAt, type Section } from '../segment/sections.js';
import type { Drafted, NormalizedDocument, NormalizedSpan, Placed } from './document.js';
import { dateAt, type DateMatch } from '../rules/dates.js';
import { charBefore } from '../util/text.js';
import { parseSymbol, symbolKey, type SymbolParts } from './symbol.js';

/**
 * Legal references: every mention of a document by number ("Nghị định số 61/2018/NĐ-CP ngày
 * 23/4/2018"), by a short name ("Đề án 2948") or, for laws, by name ("Luật Cán bộ, công chức").
 * Each mention is one reference, in text order, repeats included; lists ("876, 878/QĐ-BNV") give
 * one reference per number. Resolution of short mentions is a later stage (refine/).
 */

const LETTER = /\p{L}/u;

interface ReferencePatterns {
  /** Ends at the end of the window: "… Thông báo kết luận số ", "Nghị định ". */
  typeBefore: RegExp;
  relationBefore: RegExp;
  /** Sticky, after a symbol: ", của Trung tâm … (VNCERT) " up to a "ngày". */
  issuerThenDay: RegExp;
  /** Sticky, after a symbol: optional comma before a date. */
  gapBeforeDate: RegExp;
  shortNameNumber: RegExp;
  shortNameWord: RegExp;
  /** "Luật ", "Bộ luật " as a word: where a law's name may start. */
  lawWord: RegExp;
  /** Sticky, over folded text: a law's name (and "năm 2015") right after the law word. */
  lawNameFolded: RegExp;
  listGap: RegExp;
  /** Between a law's name and its number: " số ". */
  lawThenNumber: RegExp;
  dayWord: RegExp;
  /** Ends at the end of a lower-cased window: "mẫu số ", "biểu mẫu " — a form's number follows. */
  formBefore: RegExp;
  /** Ends at the end of a lower-cased window: "các " — "các Quyết định 03 cán bộ" counts, names nothing. */
  pluralBefore: RegExp;
  url: RegExp;
  email: RegExp;
}

const cache = new WeakMap<Rules, ReferencePatterns>();

function patterns(rules: Rules): ReferencePatterns {
  let p = cache.get(rules);
  if (p) return p;
  const lx = rules.data.lexicon;
  const allTypeWords = [
    ...rules.data.documentTypes.types.flatMap((t) => t.words),
    ...rules.data.documentTypes.unnumbered.flatMap((u) => u.words),
  ];
  const marker = caseAlternation(lx.numberMarker);
  const day = caseAlternation(lx.dayWord);
  const lawWords = caseAlternation(rules.data.documentTypes.unnumbered.filter((u) => u.role === 'law').flatMap((u) => u.words))
    .split('|').filter((w) => !/^\p{Ll}/u.test(w)).join('|');
  // Type words compare folded, one alternative per word: a quarter of the case variants to try.
  const typeWordFolded = alternation(allTypeWords.map(lower));
  const lawWordNames = rules.data.documentTypes.unnumbered.filter((u) => u.role === 'law').flatMap((u) => u.words).map(lower);
  const shortNameWords = alternation(allTypeWords.map(lower).filter((w) => !lawWordNames.includes(w)));
  // A space, or a line break that does not end a paragraph: "…của UBND tỉnh Sơn La\n\nNgày 12/3/2022, Sở …"
  // opens a new paragraph with its own date.
  const inParagraph = '(?:[ \\t]|\\n(?![ \\t]*\\n))';
  p = {
    // "Thông báo kết luận số ", "Công văn cảnh báo số ", "Nghị định " — up to two lower-case words between.
    // No lookbehind in front: tried at every position it costs more than the rest; the word boundary is checked in code.
    typeBefore: new RegExp(`(${typeWordFolded})((?:\\s+\\p{L}+){0,2}?)\\s*(?:(?<![\\p{L}])(?:${alternation(lx.numberMarker.map(lower))})\\s*)?:?\\s*$`, 'gu'),
    relationBefore: new RegExp(`(${alternation(rules.data.relations.relations.flatMap((r) => r.words).map(lower))})((?:[ ,]+\\p{L}+){0,3}?)\\s*$`, 'gu'),
    // The issuer may wrap onto the next line of its paragraph (a PDF's "…máy tính\nViệt Nam (VNCERT) ngày"), not past a blank line.
    // White space around an optional comma is "\s*(?:,\s*)?", never "\s*,?\s*": with no comma the two
    // runs would share the space every possible way (a symbol then 100,000 blank lines: seconds).
    // The space after "của" is taken whole ("(?=(\s+))\1", an atomic group): the name after it
    // starts at a non-space, and the name's characters, spaces among them, cannot share that space
    // with it (a symbol, "của" and 20,000 spaces ran for minutes). "của  ngày 5/3" (two spaces)
    // gave a date whose issuer was a space, "của ngày 5/3" none; now neither does.
    issuerThenDay: new RegExp(`\\s*(?:,\\s*)?(?:${caseAlternation(lx.issuerLink)})(?=(\\s+))\\1(?:(?:${caseAlternation(lx.issuerLink)})(?=(\\s+))\\2)?(?:[^.;:()\\n\\d]|\\n(?![ \\t]*\\n)){1,90}?(?:\\s*\\([^()\\n]{1,30}\\))?${inParagraph}*(?:,${inParagraph}*)?(?=(?:${day})\\s)`, 'uy'),
    gapBeforeDate: /[ \t]*(,[ \t]*)?/y,
    // "Đề án 2948", "Chương trình 553" — a type word and a bare number, not a symbol.
    // Numbers first (cheap to find), then the type word that ends right before one.
    // "(?<![ ])": from the first space of a run only, else a long run of spaces is read once from each.
    shortNameNumber: /(?<![ ])[ ]+(\d{1,5})(?![\d\p{L}]|[ ]*[/-][ ]*[\p{L}\d]|[.,]\d)/gu,
    shortNameWord: new RegExp(`(${shortNameWords})$`, 'u'),
    lawWord: new RegExp(`(?<![\\p{L}])(${lawWords})\\s+`, 'gu'),
    lawNameFolded: new RegExp(`(${alternation(rules.data.laws.laws.flatMap((l) => [l.name, ...l.aliases]).map(lower))})(?:\\s+(?:${alternation(lx.yearWord.map(lower))})\\s+(\\d{4}))?(?![\\p{L}])`, 'uy'),
    lawThenNumber: new RegExp(`^\\s*(?:(?:${marker})\\s*)?$`, 'u'),
    listGap: new RegExp(`^\\s*(?:[,;]|(?:${caseAlternation(lx.listJoiners)}))\\s*$`, 'u'),
    dayWord: new RegExp(`^(?:${day})\\s`, 'u'),
    formBefore: new RegExp(`(?<![\\p{L}])(?:${alternation(lx.formWords.map(lower))})(?:\\s+(?:${alternation(lx.numberMarker.map(lower))}))?\\s*$`, 'u'),
    pluralBefore: new RegExp(`(?<![\\p{L}])(?:${alternation(rules.data.agencyCues.groupBefore.map(lower))})\\s+$`, 'u'),
    url: /(?:https?:\/\/|www\.)[^\s<>()"]+/gu,
    email: /[\w.+-]+@[\w-]+\.[\w.]+/gu,
  };
  cache.set(rules, p);
  return p;
}

interface Draft {
  /** The issuer as the text names it right after the mention ("của Bộ trưởng Bộ Nội vụ"). */
  issuerNamed?: { name: string; start: number; end: number } | null;
  /** Items of one list ("18-NQ/TW và 19-NQ/TW") share this. */
  listId: number;
  start: number;
  end: number;
  /** Start of the whole mention including its type word (for the text field). */
  mentionStart: number;
  mentionEnd: number;
  kind: string;
  typeWord: string | null;
  /** The type word stands right before the number (or "số"): it names the kind. */
  typeAdjacent?: boolean;
  id: string | null;
  name: string | null;
  number: string | null;
  year: number | null;
  typeCode: string | null;
  issuerCode: string | null;
  date: DateMatch | null;
  relation: string | null;
  rule: string;
  parts: SymbolParts | null;
}

/** What references need of the metadata: the document's own number, no reference to itself. */
export interface OwnNumber {
  /** Where the number is written (its "Số:" line): nothing there is a reference. */
  at: NormalizedSpan | null;
  /** Its ids: a mention of them anywhere (an annex caption) is no reference either. */
  ids: readonly string[];
}

/** A reference as the extractor returns it, with what the checks read beside the record's fields. */
export type ExtractedReference = Drafted<Reference, 'issuerText' | 'dateText'> & {
  /** The parsed symbol, for the checks. Not part of the output. */
  parts: SymbolParts | null;
  dateValid: boolean;
};

/** A reference mapped to the source: what the checks read. */
export type PlacedReference = Placed<ExtractedReference, 'issuerText' | 'dateText'>;

/** The fields of a reference that quote the words a value was read from. */
export const REFERENCE_QUOTES = ['issuerText', 'dateText'] as const;

export function extractReferences(doc: NormalizedDocument, { ownNumber }: { ownNumber?: OwnNumber } = {}): ExtractedReference[] {
  const { text, rules, sections } = doc;
  const p = patterns(rules);
  // Lexical cues match on the lower-cased copy of the text (same offsets) all extractors share.
  const lowered = doc.lowered;
  const skip = [...(ownNumber?.at ? [ownNumber.at] : []), ...urlRanges(text, p)];
  const inSkip = inAnyRange(skip);
  const drafts: Draft[] = [];
  const lawsBeforeSymbols = lawMentions(text, lowered, rules, p);
  const lawTaken = new Set<number>();


  let previous = null as Draft | null;
  const ownKeys = new Set((ownNumber?.ids ?? []).map(symbolKey));
  for (const m of doc.symbols) {
    if (inSkip(m.index)) continue;
    const continued = continuationAcrossBreak(text, m.index + m[0].length, m[2]!, rules);
    const parts = parseSymbol(m[1]!, m[2]! + (continued?.part ?? ''), rules);
    if (!parts) continue;
    // "theo mẫu số 01/MGTH": the number of a form, not of a document.
    if (p.formBefore.test(lowered.slice(Math.max(0, m.index - 20), m.index))) continue;
    // The document's own number, repeated in an annex caption ("ban hành kèm theo Quyết định số …").
    if (ownKeys.size && parts.ids.every((id) => ownKeys.has(symbolKey(id)))) continue;
    const end = m.index + m[0].length + (continued?.length ?? 0);
    // The longest type word, two words and "số" fit in 64 characters.
    const before = text.slice(Math.max(0, m.index - 64), m.index);
    const typed = typeWordBefore(before, lowered.slice(Math.max(0, m.index - 64), m.index), p);
    let typeWord = typed ? typed.word : null;
    // The type word right before the number ("Thông tư số …") names the kind; one a few words back
    // ("quy định tại …", "kế hoạch thực hiện …") may be another word: the code decides then.
    let typeAdjacent = typed?.adjacent ?? false;
    let mentionStart = typed ? m.index - before.length + typed.index : m.index;
    let lawName: string | null = null;
    const law = lawsBeforeSymbols.find((l) => l.end <= m!.index && m!.index - l.end <= 12 && p.lawThenNumber.test(text.slice(l.end, m!.index)));
    if (law && !typeWord) {
      lawTaken.add(law.start);
      typeWord = law.word;
      lawName = law.name;
      mentionStart = law.start;
      typeAdjacent = true;
    }
    const continuesList = !typeWord && previous !== null && p.listGap.test(text.slice(previous.end, m.index));
    if (continuesList) {
      typeWord = previous!.typeWord;
      typeAdjacent = previous!.typeAdjacent ?? false;
    }
    const relation = continuesList ? previous!.relation : relationBefore(text, lowered, mentionStart, rules, p);
    const date = dateAfter(text, end, rules, p) ?? dateBeforeIssue(text, mentionStart, rules, p);
    const kind = kindOf(parts, typeWord, typeAdjacent, rules);
    // "Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25/10/2017": the date after a list is the date of each item.
    if (continuesList && date) {
      for (let k = drafts.length - 1; k >= 0 && drafts[k]!.listId === previous!.listId && !drafts[k]!.date; k--) {
        drafts[k]!.date = date.date;
        drafts[k]!.rule = 'symbol-list+shared-date';
      }
    }
    const listId = continuesList ? previous!.listId : drafts.length;
    for (let i = 0; i < parts.ids.length; i++) {
      const id = parts.ids[i]!;
      const draft: Draft = {
        start: m!.index, end, mentionStart, mentionEnd: date && date.start > end ? date.end : end,
        listId, kind, typeWord, typeAdjacent, id, name: lawName, number: parts.numbers[i]!, year: parts.year,
        typeCode: parts.typeCode, issuerCode: parts.issuerCode, date: date?.date ?? null, relation,
        rule: date?.rule ? `symbol+${date.rule}` : continuesList ? 'symbol-list' : typeWord ? 'type-word+symbol' : 'symbol', parts,
      };
      draft.issuerNamed = issuerNamedAfter(text, lowered, Math.max(end, date && date.start > end ? date.end : end), rules);
      drafts.push(draft);
      previous = draft;
    }
  }

  for (const law of lawsBeforeSymbols) {
    if (lawTaken.has(law.start) || inSkip(law.start)) continue;
    // "Luật Tổ chức chính quyền địa phương ngày 16/6/2025": a law named with its date.
    const date = dateAfter(text, law.end, rules, p);
    drafts.push({
      listId: -1, start: law.start, end: law.end, mentionStart: law.start, mentionEnd: date ? date.end : law.end, kind: law.kind, typeWord: law.word,
      id: null, name: law.name, number: null, year: law.year, typeCode: null, issuerCode: 'QH', date: date?.date ?? null,
      relation: relationBefore(text, lowered, law.start, rules, p), rule: date ? 'law-name+date' : 'law-name', parts: null,
    });
  }

  const taken = overlapsAnyRange(drafts.map((d) => ({ start: d.mentionStart, end: d.end })));
  p.shortNameNumber.lastIndex = 0;
  for (let num = p.shortNameNumber.exec(text); num; num = p.shortNameNumber.exec(text)) {
    if (!LETTER.test(charBefore(text, num.index))) continue;
    const window = text.slice(Math.max(0, num.index - 40), num.index);
    const w = p.shortNameWord.exec(lowered.slice(Math.max(0, num.index - 40), num.index));
    if (!w) continue;
    const start = num.index - window.length + w.index;
    const end = num.index + num[0].length;
    // A short name is a proper name: "Đề án 2948", not "đề án 2948".
    if (!/\p{Lu}/u.test(text.charAt(start)) || LETTER.test(charBefore(text, start))) continue;
    if (inSkip(start) || taken({ start, end })) continue;
    const m = [text.slice(start, end), text.slice(start, start + w[1]!.length), num[1]!] as const;
    const n = Number(m[2]);
    const defined = isDefinition(text, start, rules);
    if (n >= 1900 && n <= 2100 && !defined) continue; // "Kế hoạch 2023" is a year, not a name
    // "các Quyết định 03 cán bộ": a plural before, a counted noun after — the number counts.
    if (!defined && (p.pluralBefore.test(lowered.slice(Math.max(0, start - 12), start)) || countsAfter(lowered, end, rules))) continue;
    const kind = rules.typeNamesByWord.get(fold(m[1]!))?.[0] ?? m[1]!;
    drafts.push({
      listId: -1, start, end, mentionStart: start, mentionEnd: end, kind, typeWord: m[1]!, id: null, name: `${kind} ${m[2]}`,
      number: m[2]!, year: null, typeCode: null, issuerCode: null, date: null,
      relation: relationBefore(text, lowered, start, rules, p), rule: defined ? 'short-name-definition' : 'short-name', parts: null,
    });
  }

  drafts.sort((a, b) => a.start - b.start || a.mentionStart - b.mentionStart);
  return drafts.map((d, index) => toReference(d, index, rules, sections));
}

function toReference(d: Draft, index: number, rules: Rules, sections: readonly Section[]): ExtractedReference {
  const issuer = d.issuerNamed?.name ?? (d.issuerCode ? issuerInfo(d.issuerCode, rules)?.name ?? null : null);
  return {
    index,
    kind: d.kind,
    typeWord: d.typeWord,
    id: d.id,
    name: d.name,
    number: d.number,
    year: d.year,
    typeCode: d.typeCode,
    issuerCode: d.issuerCode,
    issuer,
    issuerText: d.issuerNamed ? { start: d.issuerNamed.start, end: d.issuerNamed.end } : null,
    date: d.date?.iso ?? null,
    dateText: d.date ? { start: d.date.start, end: d.date.end } : null,
    relation: d.relation,
    resolvesTo: null,
    impliedDate: null,
    section: sectionPathAt(sections, d.start),
    rule: d.rule,
    at: { start: d.mentionStart, end: d.mentionEnd },
    parts: d.parts,
    dateValid: !d.date || d.date.iso !== null,
  };
}

/**
 * A symbol cut by a line break without a hyphen at the cut ("329/KH-UB\nND", "1313/QĐ\n-NHNN"):
 * join the next line's start when the joined code is one the rules know, so "…NĐ-CP\nUBND tỉnh"
 * is never glued.
 */
function continuationAcrossBreak(text: string, at: number, tail: string, rules: Rules): { part: string; length: number } | null {
  const m = /^[ ]*\n\s*([-/]?)[ ]?(\p{Lu}[\p{Lu}\d]*)(?![\p{L}\d])/u.exec(text.slice(at, at + 40));
  if (!m) return null;
  const known = (code: string): boolean => rules.typeByCode.has(code.toUpperCase()) || issuerInfo(code, rules) !== undefined;
  if (m[1]) return known(m[2]!) ? { part: m[1] + m[2], length: m[0].length } : null;
  const last = /[\p{L}\d]+$/u.exec(tail)?.[0] ?? '';
  if (known(last) || !known(last + m[2])) return null;
  return { part: m[2]!, length: m[0].length };
}

/**
 * "… của Bộ trưởng Bộ Nội vụ", "… của UBND tỉnh", "… của Thủ tướng Chính phủ": a body the rules know
 * (issuers.json, agencies.json), optionally after its head's title (signing.json), right after "của".
 */
function issuerNamedAfter(text: string, lowered: string, at: number, rules: Rules): { name: string; start: number; end: number } | null {
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
  const name = p.names.get(m[1]!.replace(/\s+/g, ' '));
  if (!name) return null;
  const unit = m[2] ? window.slice(m[0].length - m[2].length, m[0].length) : null;
  return { name: unit ? `${name} ${unit}` : name, start: at + m[0].search(/[^ ,]/), end: at + m[0].length };
}

/**
 * The type word before the number decides (ANNOTATION.md: "Thông tư số 03/2025/NĐ-VPCP" is a Thông tư,
 * its code a slip); without one, the symbol's code; a number with no type code is a letter's.
 */
function kindOf(parts: SymbolParts, typeWord: string | null, adjacent: boolean, rules: Rules): string {
  const fromWord = typeWord ? rules.typeNamesByWord.get(fold(typeWord))?.[0] : undefined;
  if (fromWord && adjacent) return fromWord;
  if (parts.typeCode) {
    const t = rules.typeByCode.get(parts.typeCode.toUpperCase());
    if (t) return t.name;
  }
  if (parts.family === 'cong-van') return letterKind(rules);
  if (fromWord) return fromWord;
  if (parts.issuerCode && /^QH/i.test(parts.issuerCode)) return lawKind(rules);
  return parts.family === 'malformed' ? rules.data.documentTypes.malformedKind : letterKind(rules);
}



/** URLs and e-mail addresses: their digits and slashes are no document numbers. */
function urlRanges(text: string, p: ReferencePatterns): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const scan = (re: RegExp): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) ranges.push({ start: m.index, end: m.index + m[0].length });
  };
  if (text.includes('://') || text.includes('www.')) scan(p.url);
  if (text.includes('@')) scan(p.email);
  return ranges;
}

interface DatedBy {
  date: DateMatch;
  rule: string | null;
  start: number;
  end: number;
}

/** "… ngày 23/4/2018", ", ngày 12/02/2019", a bare "11/01/2017", or "của <body> ngày …" right after the symbol. */
function dateAfter(text: string, at: number, rules: Rules, p: ReferencePatterns): DatedBy | null {
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
function dateBeforeIssue(text: string, mentionStart: number, rules: Rules, p: ReferencePatterns): DatedBy | null {
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
function typeWordBefore(window: string, folded: string, p: ReferencePatterns): { word: string; index: number; adjacent: boolean } | null {
  p.typeBefore.lastIndex = 0;
  for (let m = p.typeBefore.exec(folded); m; m = p.typeBefore.exec(folded)) {
    p.typeBefore.lastIndex = m.index + 1;
    if (LETTER.test(charBefore(window, m.index))) continue;
    const filler = window.slice(m.index + m[1]!.length, m.index + m[1]!.length + m[2]!.length);
    if (!/\p{Lu}/u.test(filler)) return { word: window.slice(m.index, m.index + m[1]!.length), index: m.index, adjacent: !filler.trim() };
  }
  return null;
}

function relationBefore(text: string, lowered: string, mentionStart: number, rules: Rules, p: ReferencePatterns): string | null {
  const window = text.slice(Math.max(0, mentionStart - 60), mentionStart);
  const folded = lowered.slice(Math.max(0, mentionStart - 60), mentionStart);
  p.relationBefore.lastIndex = 0;
  for (let m = p.relationBefore.exec(folded); m; m = p.relationBefore.exec(folded)) {
    p.relationBefore.lastIndex = m.index + 1;
    // Fillers are lower-case words ("có hiệu quả"); the relation word starts a word.
    const filler = window.slice(m.index + m[1]!.length, m.index + m[0].length);
    if (LETTER.test(charBefore(window, m.index)) || /\p{Lu}/u.test(filler)) continue;
    return rules.relationByWord.get(fold(m[1]!).replace(/\s+/g, ' ')) ?? null;
  }
  return null;
}

interface LawMention {
  start: number;
  end: number;
  word: string;
  name: string;
  kind: string;
  year: number | null;
}

/** "Luật Cán bộ, công chức", "Luật Ban hành văn bản quy phạm pháp luật năm 2015", "Luật đất đai". */
function lawMentions(text: string, lowered: string, rules: Rules, p: ReferencePatterns): LawMention[] {
  const found: LawMention[] = [];
  p.lawWord.lastIndex = 0;
  for (let m = p.lawWord.exec(text); m; m = p.lawWord.exec(text)) {
    // Names compare folded (case and diacritics aside); folding keeps offsets, so the match length holds.
    const at = m.index + m[0].length;
    const window = lowered.slice(at, at + 160);
    p.lawNameFolded.lastIndex = 0;
    const name = p.lawNameFolded.exec(window);
    if (!name) continue;
    const written = text.slice(at, at + name[1]!.length);
    const canonical = rules.lawByKey.get(fold(name[1]!).replace(/,/g, '').replace(/\s+/g, ' ')) ?? written;
    const word = m[1]!;
    found.push({
      start: m.index, end: at + name[0].length, word, name: `${normalizeLawWord(word)} ${canonical}`,
      kind: rules.typeNamesByWord.get(fold(word))?.[0] ?? lawKind(rules), year: name[2] ? Number(name[2]) : null,
    });
    p.lawWord.lastIndex = at + name[0].length;
  }
  return found;
}

function normalizeLawWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** A noun the figure rules count right after the number: "Quyết định 03 cán bộ". */
function countsAfter(lowered: string, at: number, rules: Rules): boolean {
  const re = memo(rules, 'counted-noun-after', () =>
    new RegExp(`\\s+(?:${alternation(rules.data.figureNouns.nouns.flatMap((n) => n.forms).map(lower))})(?![\\p{L}])`, 'uy'));
  re.lastIndex = at;
  return re.test(lowered);
}

/** "(gọi tắt là Đề án 2948)": the short name is defined here. */
function isDefinition(text: string, at: number, rules: Rules): boolean {
  const before = fold(text.slice(Math.max(0, at - 30), at)).trimEnd();
  return rules.data.lexicon.shortNameIntro.some((w) => before.endsWith(fold(w)));
}
