import { fold, lower } from '../../normalize/fold.js';
import { alternation, memo, type Rules } from '../../rules/compile.js';
import { charBefore } from '../../util/text.js';
import type { NormalizedDocument, NormalizedSpan } from '../document.js';
import { relationBefore } from './around.js';
import type { ReferenceDraft } from './draft.js';
import { referencePatterns } from './patterns.js';

const LETTER = /\p{L}/u;

/**
 * Short names: a type word and a bare number that name a document, "Đề án 2948", "Chương trình 553"
 * — a proper name, so capitalised; not a year ("Kế hoạch 2023") nor a count ("các Quyết định 03 cán
 * bộ"). The resolver (refine/) finds the document each names. Numbers within another mention
 * (`taken`) are that mention's.
 */
export function shortNameMentions(doc: NormalizedDocument, skip: (at: number) => boolean, taken: (r: NormalizedSpan) => boolean): ReferenceDraft[] {
  const { text, lowered, rules } = doc;
  const p = referencePatterns(rules);
  const drafts: ReferenceDraft[] = [];
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
    if (skip(start) || taken({ start, end })) continue;
    const word = text.slice(start, start + w[1]!.length);
    const number = num[1]!;
    const n = Number(number);
    const defines = isDefinition(text, start, rules);
    if (n >= 1900 && n <= 2100 && !defines) continue; // "Kế hoạch 2023" is a year, not a name
    // "các Quyết định 03 cán bộ": a plural before, a counted noun after — the number counts.
    if (!defines && (p.pluralBefore.test(lowered.slice(Math.max(0, start - 12), start)) || countsAfter(lowered, end, rules))) continue;
    const kind = rules.typeNamesByWord.get(fold(word))?.[0] ?? word;
    drafts.push({
      form: 'short-name', start, end, mentionStart: start, mentionEnd: end, kind, typeWord: word, id: null, name: `${kind} ${number}`,
      number, year: null, typeCode: null, issuerCode: null, issuerNamed: null, date: null,
      relation: relationBefore(text, lowered, start, rules, p), rule: defines ? 'short-name-definition' : 'short-name', parts: null,
      defines, inferred: new Set(),
    });
  }
  return drafts;
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
