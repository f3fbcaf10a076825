import { fold } from '../../normalize/fold.js';
import { issuerInfo, lawKind, letterKind, type Rules } from '../../rules/compile.js';
import type { NormalizedDocument } from '../document.js';
import { parseSymbol, symbolKey, type SymbolParts } from '../symbol.js';
import { dateAfter, dateBeforeIssue, issuerNamedAfter, relationBefore, typeWordBefore } from './around.js';
import type { ReferenceDraft, ReferenceField } from './draft.js';
import { lawBefore, type LawName } from './law-names.js';
import { referencePatterns } from './patterns.js';

/**
 * Mentions by number/symbol: "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", with the type word before
 * it, the relation before that, the date and the issuer after it. A list gives one reference per
 * number: "Quyết định số 876, 878/QĐ-BNV" (one symbol token, its code written once after the last
 * number) and "Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25/10/2017" (tokens joined, the type word
 * written before the first, the date after the last). What a list writes once is inferred for the
 * numbers it does not stand next to.
 */
interface SymbolDraft extends ReferenceDraft {
  /** Items of one list ("18-NQ/TW và 19-NQ/TW") share this. */
  listId: number;
  /** The type word stands right before the number (or "số"): it names the kind. */
  typeAdjacent: boolean;
}

export interface SymbolScan {
  drafts: ReferenceDraft[];
  /** Starts of the laws named right before a number: the number's mention took them. */
  lawsTaken: Set<number>;
}

export function symbolMentions(
  doc: NormalizedDocument, laws: readonly LawName[], skip: (at: number) => boolean, ownIds: readonly string[],
): SymbolScan {
  const { text, lowered, rules } = doc;
  const p = referencePatterns(rules);
  const drafts: SymbolDraft[] = [];
  const lawsTaken = new Set<number>();
  const ownKeys = new Set(ownIds.map(symbolKey));
  let previous = null as SymbolDraft | null;
  for (const m of doc.symbols) {
    if (skip(m.index)) continue;
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
    const law = lawBefore(laws, text, m.index, rules);
    if (law && !typeWord) {
      lawsTaken.add(law.start);
      typeWord = law.word;
      lawName = law.name;
      mentionStart = law.start;
      typeAdjacent = true;
    }
    const continuesList = !typeWord && previous !== null && p.listGap.test(text.slice(previous.end, m.index));
    if (continuesList) {
      typeWord = previous!.typeWord;
      typeAdjacent = previous!.typeAdjacent;
    }
    const relation = continuesList ? previous!.relation : relationBefore(text, lowered, mentionStart, rules, p);
    const dated = dateAfter(text, end, rules, p);
    const date = dated ?? dateBeforeIssue(text, mentionStart, rules, p);
    const { kind, byWord } = kindOf(parts, typeWord, typeAdjacent, rules);
    // "Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25/10/2017": the date after a list is the date of each item.
    if (continuesList && date) {
      for (let k = drafts.length - 1; k >= 0 && drafts[k]!.listId === previous!.listId && !drafts[k]!.date; k--) {
        drafts[k]!.date = date.date;
        drafts[k]!.rule = 'symbol-list+shared-date';
        drafts[k]!.inferred.add('date');
      }
    }
    const listId = continuesList ? previous!.listId : drafts.length;
    const mentionEnd = date && date.start > end ? date.end : end;
    const issuerNamed = issuerNamedAfter(text, lowered, Math.max(end, mentionEnd), rules);
    const shared = { continuesList, byWord, datedAfter: dated !== null, issuerNamed: issuerNamed !== null };
    for (let i = 0; i < parts.ids.length; i++) {
      const draft: SymbolDraft = {
        form: 'symbol', start: m.index, end, mentionStart, mentionEnd,
        listId, kind, typeWord, typeAdjacent, id: parts.ids[i]!, name: lawName, number: parts.numbers[i]!, year: parts.year,
        typeCode: parts.typeCode, issuerCode: parts.issuerCode, issuerNamed, date: date?.date ?? null, relation,
        rule: date?.rule ? `symbol+${date.rule}` : continuesList ? 'symbol-list' : typeWord ? 'type-word+symbol' : 'symbol', parts,
        defines: false, inferred: inferredOfNumber(i, parts.ids.length, shared),
      };
      drafts.push(draft);
      previous = draft;
    }
  }
  return { drafts, lawsTaken };
}

/**
 * What number i of n in one symbol token takes from elsewhere. Before the first number stand the
 * type word, a law's name and the relation (and a date that opens the clause); after the last, the
 * code, the date and the issuer phrase: each is stated for the number it stands next to, inferred
 * for the others. A token that continues a list takes its type word and relation from the list.
 * A kind or issuer read from a code is inferred, as a document's type read from its number is.
 */
function inferredOfNumber(
  i: number, n: number, s: { continuesList: boolean; byWord: boolean; datedAfter: boolean; issuerNamed: boolean },
): Set<ReferenceField> {
  const inferred = new Set<ReferenceField>();
  const notFirst = i > 0 || s.continuesList;
  const notLast = i < n - 1;
  if (notFirst) inferred.add('typeWord').add('relation').add('name');
  if (!s.byWord || notFirst) inferred.add('kind');
  if (notLast) inferred.add('id').add('year').add('typeCode').add('issuerCode');
  if (notLast || !s.issuerNamed) inferred.add('issuer');
  if (s.datedAfter ? notLast : notFirst) inferred.add('date');
  return inferred;
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
 * The type word before the number decides (ANNOTATION.md: "Thông tư số 03/2025/NĐ-VPCP" is a Thông tư,
 * its code a slip); without one, the symbol's code; a number with no type code is a letter's.
 * `byWord`: a type word decided, not a code or the symbol's shape.
 */
function kindOf(parts: SymbolParts, typeWord: string | null, adjacent: boolean, rules: Rules): { kind: string; byWord: boolean } {
  const fromWord = typeWord ? rules.typeNamesByWord.get(fold(typeWord))?.[0] : undefined;
  if (fromWord && adjacent) return { kind: fromWord, byWord: true };
  if (parts.typeCode) {
    const t = rules.typeByCode.get(parts.typeCode.toUpperCase());
    if (t) return { kind: t.name, byWord: false };
  }
  if (parts.family === 'cong-van') return { kind: letterKind(rules), byWord: false };
  if (fromWord) return { kind: fromWord, byWord: true };
  if (parts.issuerCode && /^QH/i.test(parts.issuerCode)) return { kind: lawKind(rules), byWord: false };
  return { kind: parts.family === 'malformed' ? rules.data.documentTypes.malformedKind : letterKind(rules), byWord: false };
}
