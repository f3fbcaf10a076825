import type { DateMatch } from '../../rules/dates.js';
import type { REFERENCE_FORMS, REFERENCE_INFERABLE } from '../../schema.js';
import type { SymbolParts } from '../symbol.js';

export type ReferenceForm = (typeof REFERENCE_FORMS)[number];
export type ReferenceField = (typeof REFERENCE_INFERABLE)[number];

/** A mention as a scanner returns it, in normalized offsets; the merge turns drafts into references. */
export interface ReferenceDraft {
  form: ReferenceForm;
  /** Where the number (or the law's or short name's word) starts: mentions are ordered by it, and its section is the mention's. */
  start: number;
  end: number;
  /** The whole mention, its type word and its date included: the reference's text. */
  mentionStart: number;
  mentionEnd: number;
  kind: string;
  typeWord: string | null;
  id: string | null;
  name: string | null;
  number: string | null;
  year: number | null;
  typeCode: string | null;
  issuerCode: string | null;
  /** The issuer as the text names it right after the mention ("của Bộ trưởng Bộ Nội vụ"). */
  issuerNamed: { name: string; start: number; end: number } | null;
  date: DateMatch | null;
  relation: string | null;
  rule: string;
  parts: SymbolParts | null;
  /** "(gọi tắt là Đề án 2948)": the short name is defined here, after the document it names. */
  defines: boolean;
  /** The fields the scanner took from elsewhere (schema: inferred). */
  inferred: Set<ReferenceField>;
}
