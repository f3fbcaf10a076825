import type { Agency } from '../../schema.js';

/** An agency mention with its span in the normalized text (the pipeline maps it back to the source). */
export interface AgencyMention extends Agency {
  normStart: number;
  normEnd: number;
}

/** A mention while the extractor still works on it: no roles, section or source span yet. */
export type Found = Omit<AgencyMention, 'index' | 'roles' | 'section' | 'text' | 'span'> & {
  /** For gazetteer matches: the body's own name, and what the place added to it and to the resolved name. */
  body?: string;
  /** The gazetteer body takes its place right after its name ("Trường Cao đẳng Y tế Kiên Giang"). */
  placeNamed?: boolean;
  suffix?: string;
  resolvedSuffix?: string;
  /** For generic bodies: the head the name opened with, and the place words that ended it (" tỉnh", " huyện Tịnh Biên"). */
  head?: string;
  place?: string;
  /** For generic bodies: the name read after the head ("chấm điểm Chỉ số CCHC tỉnh An Giang"), empty for a bare head. */
  complement?: string;
  board?: boolean;
  /** Read only because a parent follows ("Trung tâm tin học thuộc Trường …"): kept only if the parent is a body. */
  underParent?: boolean;
};
