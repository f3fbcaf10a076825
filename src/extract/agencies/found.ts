import type { Agency, AGENCY_INFERABLE } from '../../schema.js';
import type { Drafted } from '../document.js';

/** An agency mention as the extractor returns it: `at` in the normalized text (the pipeline maps it back to the source). */
export type AgencyMention = Drafted<Agency>;

export type AgencyField = (typeof AGENCY_INFERABLE)[number];

/** A mention while the extractor still works on it: its stretch as normStart/normEnd, no roles or section yet. */
export type Found = Omit<Agency, 'index' | 'roles' | 'section' | 'text' | 'span' | 'parent' | 'inferred'> & {
  normStart: number;
  normEnd: number;
  parent?: string | null;
  /** The fields taken from elsewhere (schema: inferred), noted where they are taken. */
  inferred?: Set<AgencyField>;
  /** For gazetteer matches: the body's own name, and what the place added to it and to the resolved name. */
  body?: string;
  /** The gazetteer body takes its place right after its name ("Trường Cao đẳng Y tế Kiên Giang"). */
  placeNamed?: boolean;
  /** The place as the rules name it, when the mention names one ("Đà Nẵng"): a list shares it. */
  placeName?: string | null;
  suffix?: string;
  resolvedSuffix?: string;
  /** For generic bodies: the head the name opened with, and the place words that ended it (" tỉnh", " huyện Tịnh Biên"). */
  head?: string;
  place?: string;
  /** For generic bodies: the name read after the head ("chấm điểm Chỉ số CCHC tỉnh An Giang"), empty for a bare head. */
  complement?: string;
  board?: boolean;
  /** The name the gazetteer gives the body, before a variant's written form replaced it: mentions of one body share their longest form. */
  canonical?: string;
  /** "Thường trực", "Ban Thường vụ": the prefix that made this body of a gazetteer body. */
  prefix?: string;
  /** A prefix read before the body, given to it (and to a list it opens) once places are shared. */
  pendingPrefix?: string;
  /** Where a prefix written right before the body starts: the mention then starts there. */
  prefixFrom?: number;
  /** Read only because a parent follows ("Trung tâm tin học thuộc Trường …"): kept only if the parent is a body. */
  underParent?: boolean;
};

/** Notes fields of a mention as inferred: taken from the document, another mention or the rules' knowledge. */
export function infer(f: Found, ...fields: AgencyField[]): void {
  f.inferred ??= new Set();
  for (const field of fields) f.inferred.add(field);
}
