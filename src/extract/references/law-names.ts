import { fold } from '../../normalize/fold.js';
import { lawKind, normalizeWord, type Rules } from '../../rules/compile.js';
import type { NormalizedDocument } from '../document.js';
import { dateAfter, relationBefore } from './around.js';
import type { ReferenceDraft } from './draft.js';
import { referencePatterns } from './patterns.js';

/**
 * Laws cited by name: "Luật Cán bộ, công chức", "Luật Ban hành văn bản quy phạm pháp luật năm 2015",
 * "Luật đất đai". A name with its number after it ("Luật Ngân sách nhà nước số 83/2015/QH13") is
 * the symbol scanner's: it takes the name and the mention is one, of form symbol.
 */
export interface LawName {
  start: number;
  end: number;
  /** "Luật", "Bộ luật" as written. */
  word: string;
  /** The law word and the name as the rules spell it: "Luật Đất đai". */
  name: string;
  kind: string;
  year: number | null;
}

/** Every law named in the text, in order. */
export function lawNamesIn(doc: NormalizedDocument): LawName[] {
  const { text, lowered, rules } = doc;
  const p = referencePatterns(rules);
  const found: LawName[] = [];
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

/**
 * A law named without a number is a reference of its own, with the date written after it ("Luật Tổ
 * chức chính quyền địa phương ngày 16/6/2025"). Its issuer is Quốc hội, which passes every law: the
 * rules know it, the words do not say it.
 */
export function lawNameMentions(doc: NormalizedDocument, laws: readonly LawName[], skip: (at: number) => boolean): ReferenceDraft[] {
  const { text, lowered, rules } = doc;
  const p = referencePatterns(rules);
  const drafts: ReferenceDraft[] = [];
  for (const law of laws) {
    if (skip(law.start)) continue;
    const date = dateAfter(text, law.end, rules, p);
    drafts.push({
      form: 'law-name', start: law.start, end: law.end, mentionStart: law.start, mentionEnd: date ? date.end : law.end, kind: law.kind, typeWord: law.word,
      id: null, name: law.name, number: null, year: law.year, typeCode: null, issuerCode: 'QH', issuerNamed: null, date: date?.date ?? null,
      relation: relationBefore(text, lowered, law.start, rules, p), rule: date ? 'law-name+date' : 'law-name', parts: null, defines: false,
      inferred: new Set(['issuerCode', 'issuer']),
    });
  }
  return drafts;
}

function normalizeLawWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Used by the symbol scanner: the law named right before a number ("Luật … số 83/2015/QH13"). */
export function lawBefore(laws: readonly LawName[], text: string, at: number, rules: Rules): LawName | undefined {
  const p = referencePatterns(rules);
  return laws.find((l) => l.end <= at && at - l.end <= 12 && p.lawThenNumber.test(text.slice(l.end, at)));
}
