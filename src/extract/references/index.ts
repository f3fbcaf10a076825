import { issuerInfo } from '../../rules/compile.js';
import { REFERENCE_INFERABLE, type Reference } from '../../schema.js';
import { sectionPathAt, type Section } from '../../segment/sections.js';
import { inAnyRange, overlapsAnyRange } from '../../util/sorted.js';
import { inferredOf, type Drafted, type NormalizedDocument, type NormalizedSpan, type Placed } from '../document.js';
import type { SymbolParts } from '../symbol.js';
import type { ReferenceDraft } from './draft.js';
import { lawNameMentions, lawNamesIn } from './law-names.js';
import { referencePatterns, type ReferencePatterns } from './patterns.js';
import { shortNameMentions } from './short-names.js';
import { symbolMentions } from './symbols.js';

export type { ReferenceForm, ReferenceField } from './draft.js';

/**
 * Legal references: every mention of a document by number ("Nghị định số 61/2018/NĐ-CP ngày
 * 23/4/2018"), by a short name ("Đề án 2948") or, for laws, by name ("Luật Cán bộ, công chức").
 * One scanner per form (symbols.ts, law-names.ts, short-names.ts); this file runs them and merges
 * their mentions in text order, repeats included. Resolution of short mentions is a later stage
 * (refine/).
 */

/** What references need of the metadata: the document's own number, no reference to itself. */
export interface OwnNumber {
  /** Where the number is written (its "Số:" line): nothing there is a reference. */
  at: NormalizedSpan | null;
  /** Its ids: a mention of them anywhere (an annex caption) is no reference either. */
  ids: readonly string[];
}

/** A reference as the extractor returns it, with what the checks and the resolver read beside the record's fields. */
export type ExtractedReference = Drafted<Reference, 'issuerText' | 'dateText'> & {
  /** The parsed symbol, for the checks. Not part of the output. */
  parts: SymbolParts | null;
  dateValid: boolean;
  /** A short name defined here ("(gọi tắt là Đề án 2948)"), for the resolver. Not part of the output. */
  defines: boolean;
};

/** A reference mapped to the source: what the checks read. */
export type PlacedReference = Placed<ExtractedReference, 'issuerText' | 'dateText'>;

/** The fields of a reference that quote the words a value was read from. */
export const REFERENCE_QUOTES = ['issuerText', 'dateText'] as const;

export function extractReferences(doc: NormalizedDocument, { ownNumber }: { ownNumber?: OwnNumber } = {}): ExtractedReference[] {
  const p = referencePatterns(doc.rules);
  const skip = inAnyRange([...(ownNumber?.at ? [ownNumber.at] : []), ...urlRanges(doc.text, p)]);
  const laws = lawNamesIn(doc);
  const symbols = symbolMentions(doc, laws, skip, ownNumber?.ids ?? []);
  const lawNames = lawNameMentions(doc, laws, (at) => symbols.lawsTaken.has(at) || skip(at));
  const drafts = [...symbols.drafts, ...lawNames];
  const taken = overlapsAnyRange(drafts.map((d) => ({ start: d.mentionStart, end: d.end })));
  drafts.push(...shortNameMentions(doc, skip, taken));
  // A stable sort: at one start, a symbol's mention comes before a law's and a short name's.
  drafts.sort((a, b) => a.start - b.start || a.mentionStart - b.mentionStart);
  return drafts.map((d, index) => toReference(d, index, doc.rules, doc.sections));
}

function toReference(d: ReferenceDraft, index: number, rules: NormalizedDocument['rules'], sections: readonly Section[]): ExtractedReference {
  const issuer = d.issuerNamed?.name ?? (d.issuerCode ? issuerInfo(d.issuerCode, rules)?.name ?? null : null);
  const ref: ExtractedReference = {
    index,
    form: d.form,
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
    inferred: [],
    section: sectionPathAt(sections, d.start),
    rule: d.rule,
    at: { start: d.mentionStart, end: d.mentionEnd },
    parts: d.parts,
    dateValid: !d.date || d.date.iso !== null,
    defines: d.defines,
  };
  ref.inferred = inferredOf(ref, d.inferred, REFERENCE_INFERABLE);
  return ref;
}

/** URLs and e-mail addresses: their digits and slashes are no document numbers. */
function urlRanges(text: string, p: ReferencePatterns): NormalizedSpan[] {
  const ranges: NormalizedSpan[] = [];
  const scan = (re: RegExp): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) ranges.push({ start: m.index, end: m.index + m[0].length });
  };
  if (text.includes('://') || text.includes('www.')) scan(p.url);
  if (text.includes('@')) scan(p.email);
  return ranges;
}
