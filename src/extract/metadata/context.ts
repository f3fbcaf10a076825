import type { MappedText } from '../../normalize/mapped-text.js';
import { fold } from '../../normalize/fold.js';
import type { Rules } from '../../rules/compile.js';
import type { Section } from '../../segment/sections.js';
import { blankLayoutLines, joinWrappedCapitals } from './layout.js';
import { isUpperLine, linesOf, startsWithHeading, type Line } from './lines.js';

/** What every metadata extractor reads: the normalized text, its lines, the rules. */
export interface MetaContext {
  mt: MappedText;
  lines: Line[];
  rules: Rules;
  /**
   * The header is lines headStart to headEnd: from the letterhead (the lines of capitals right above
   * the national motto, when a database's summary or a news item stands before the document) to the
   * first section heading, at most 40 lines.
   */
  headStart: number;
  headEnd: number;
  /** Lines from this index on form the tail (signature, recipients): the last 60 lines. */
  tailStart: number;
}

export function metaContext(mt: MappedText, rules: Rules, sections: readonly Section[]): MetaContext {
  // Lines as a person reads them: table pipes and rules blank, capitals wrapped in a cell joined.
  const lines = joinWrappedCapitals(blankLayoutLines(linesOf(mt.text)), mt.text, rules);
  const headStart = letterheadStart(lines, rules);
  const from = lines[headStart]?.start ?? 0;
  const firstHeading = sections.find((s) => s.start >= from)?.start ?? mt.text.length;
  let headEnd = lines.findIndex((l) => l.start >= firstHeading);
  if (headEnd === -1) headEnd = lines.length;
  headEnd = Math.min(headEnd, headStart + 40);
  return { mt, lines, rules, headStart, headEnd, tailStart: Math.max(0, lines.length - 60) };
}

// How far into a text the national motto is looked for (a database's summary is a few paragraphs; a
// motto further down belongs to a form or an annex), and how many lines of letterhead stand above it.
const MOTTO_SEARCH_LINES = 80;
const LETTERHEAD_LINES = 8;

/**
 * 0 when the text opens with its header; else the letterhead above the first national motto
 * ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") past the opening lines: a legal database's summary or a
 * news item may come first, and its sentences are not the header.
 */
function letterheadStart(lines: Line[], rules: Rules): number {
  const mottos = rules.data.lexicon.headerMottos;
  const limit = Math.min(lines.length, MOTTO_SEARCH_LINES);
  let motto = -1;
  for (let i = 0; i < limit && motto < 0; i++) if (startsWithHeading(lines[i]!.text, mottos)) motto = i;
  if (motto < LETTERHEAD_LINES + 2) return 0;
  // A text that opens with its own number ("Số: …") or type line has its header at the top.
  const numberLabel = rules.data.lexicon.numberLabel;
  if (lines.slice(0, motto).some((l) => startsWithHeading(l.text, numberLabel) || rules.typeNamesByWord.has(fold(l.text.trim())))) return 0;
  let start = motto;
  for (let j = motto - 1; j >= motto - LETTERHEAD_LINES; j--) {
    const text = lines[j]!.text.trim();
    if (text && !isUpperLine(text)) break;
    if (text) start = j;
  }
  return start;
}

export interface Found<T> {
  value: T;
  start: number;
  end: number;
  rule: string;
  inferred?: boolean;
}
