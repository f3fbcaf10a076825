import type { MappedText } from '../../normalize/mapped-text.js';
import type { Rules } from '../../rules/compile.js';
import type { Section } from '../../segment/sections.js';
import { linesOf, type Line } from './lines.js';

/** What every metadata extractor reads: the normalized text, its lines, the rules. */
export interface MetaContext {
  mt: MappedText;
  lines: Line[];
  rules: Rules;
  /** Lines before this index form the header (before the first section heading, at most 40 lines). */
  headEnd: number;
  /** Lines from this index on form the tail (signature, recipients): the last 60 lines. */
  tailStart: number;
}

export function metaContext(mt: MappedText, rules: Rules, sections: readonly Section[]): MetaContext {
  const lines = linesOf(mt.text);
  const firstHeading = sections[0]?.start ?? mt.text.length;
  let headEnd = lines.findIndex((l) => l.start >= firstHeading);
  if (headEnd === -1) headEnd = lines.length;
  headEnd = Math.min(headEnd, 40);
  return { mt, lines, rules, headEnd, tailStart: Math.max(0, lines.length - 60) };
}

export interface Found<T> {
  value: T;
  start: number;
  end: number;
  rule: string;
  inferred?: boolean;
}
