import { foldedText, loweredText, sourceSlice, toSourceSpan, type MappedText } from '../normalize/mapped-text.js';
import type { Rules } from '../rules/compile.js';
import type { Span } from '../schema.js';
import type { Section } from '../segment/sections.js';
import type { Table } from '../segment/tables.js';
import { symbolMatches } from './symbol.js';

/**
 * The extractor contract (issue 28), as chrono's parsers or eyecite's tokenizers: every extractor
 * takes the normalized document as its first argument, and what it needs of an earlier extractor as
 * a typed second one (metadata for agencies, agencies for figures and tasks, the document's own
 * number for references). It returns items whose positions are stretches of the normalized text
 * (`at`, and the stretches a field quotes); the pipeline maps them to the source once, for every
 * kind of item (`placeInSource`).
 */
export interface NormalizedDocument {
  /** The normalized text and its map back to the text read. */
  readonly mt: MappedText;
  /** `mt.text`: what every offset of an extractor counts in. */
  readonly text: string;
  readonly rules: Rules;
  readonly sections: readonly Section[];
  readonly tables: readonly Table[];
  /** The lower-cased copy (same offsets), made on first use and shared by every extractor. */
  readonly lowered: string;
  /** The folded copy: lower case, no diacritics (same offsets). */
  readonly folded: string;
  /** Every symbol token ("61/2018/NĐ-CP", "876, 878/QĐ-BNV"): references read them, figures leave their numbers out. */
  readonly symbols: readonly RegExpExecArray[];
}

/** The document the extractors share; the views are made when an extractor first reads them, once per text. */
export function normalizedDocument(mt: MappedText, rules: Rules, sections: readonly Section[] = [], tables: readonly Table[] = []): NormalizedDocument {
  return {
    mt, text: mt.text, rules, sections, tables,
    get lowered() { return loweredText(mt); },
    get folded() { return foldedText(mt); },
    get symbols() { return symbolMatches(mt, rules); },
  };
}

/** [start, end) in the normalized text: the one shape of every position an extractor returns. */
export interface NormalizedSpan {
  start: number;
  end: number;
}

/**
 * An item as an extractor returns it: the record's fields, `at` where the record has `text` and
 * `span`, and a stretch where the record quotes the words a value was read from (a reference's
 * `issuerText`, `dateText`).
 */
export type Drafted<T extends { text: string; span: Span }, Quoted extends keyof T = never> =
  Omit<T, 'text' | 'span' | Quoted> & { at: NormalizedSpan } & { [K in Quoted]: NormalizedSpan | null };

/** A drafted item in the source's terms: `at` mapped to `text` and `span`, each quoted stretch to its words. */
export type Placed<D extends { at: NormalizedSpan }, Quoted extends keyof D = never> =
  Omit<D, 'at' | Quoted> & { text: string; span: Span } & { [K in Quoted]: string | null };

/**
 * The one mapping from the normalized text to the source, for an item of any kind: its text and
 * span from `at`, the words of each quoted stretch. Other fields are kept as they are.
 */
export function placeInSource<D extends { at: NormalizedSpan }, Q extends keyof D = never>(mt: MappedText, draft: D, quoted: readonly Q[] = []): Placed<D, Q> {
  // In place: a draft is its extractor's own and nothing reads it after placing. Copying every
  // item without `at` (object rest) cost more than the mapping itself; `at` stays on the object,
  // where the record's validation leaves it out (the schema strips keys it does not name).
  const placed = draft as unknown as Record<string, unknown>;
  const at = draft.at;
  for (const key of quoted) {
    const stretch = draft[key] as NormalizedSpan | null;
    placed[key as string] = stretch ? sourceSlice(mt, stretch.start, stretch.end) : null;
  }
  placed.text = sourceSlice(mt, at.start, at.end);
  placed.span = toSourceSpan(mt, at.start, at.end);
  return placed as Placed<D, Q>;
}

/** Whether `inner` lies within `outer` (both in the normalized text). */
export function within(inner: NormalizedSpan, outer: NormalizedSpan | undefined | null): boolean {
  return !!outer && inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * An item's inferred fields, as its schema lists them (`fields`, a nested field by its path:
 * "meaning.stage"): those the extractor noted, in whatever order it inferred them, that hold a
 * value (a null field states nothing, and infers nothing either).
 */
export function inferredOf<F extends string>(item: object, noted: ReadonlySet<F> | undefined, fields: readonly F[]): F[] {
  if (!noted?.size) return [];
  return fields.filter((f) => noted.has(f) && valueAt(item, f) != null);
}

function valueAt(item: object, path: string): unknown {
  let value: unknown = item;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key];
  return value;
}
