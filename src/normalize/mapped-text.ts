import { fold, lower } from './fold.js';
/**
 * Text with an offset map back to the source it was derived from.
 * Every character i of `text` came from `source.slice(startOf(i), endOf(i))`, so a span found in the
 * normalized text maps back exactly: [startOf(a), endOf(b - 1)). Passes compose: a pass over a
 * MappedText yields a MappedText whose map still points into the original source.
 */
export interface MappedText {
  readonly source: string;
  readonly text: string;
  readonly map: OffsetMap;
}

/**
 * The map as runs of the text, each where a pass left its characters: a run of characters from
 * `at` on maps to [start + step·k, end + step·k) for its k-th character; step 1 for characters
 * copied through (one source character each, or each the same range a same-length pass gave it),
 * step 0 for the characters a pass wrote in place of a match of another length (each the whole
 * match). A text has a run per edit that changed a length, not two offsets per character: two
 * Int32Arrays per pass and per text were a tenth of the normalize stage and 8 bytes a character.
 */
export interface OffsetMap {
  /** Where each run begins in the text, increasing; the first is 0. */
  readonly at: number[];
  readonly start: number[];
  readonly end: number[];
  readonly step: (0 | 1)[];
}

export interface Span {
  start: number;
  end: number;
}

export function identity(source: string): MappedText {
  return { source, text: source, map: { at: [0], start: [0], end: [1], step: [1] } };
}

/** The run holding text offset `i`: the last that begins at or before it. */
function runOf(map: OffsetMap, i: number): number {
  const { at } = map;
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where in the source character `i` of the text begins. */
export function startOf(mt: MappedText, i: number): number {
  const r = runOf(mt.map, i);
  return mt.map.start[r]! + mt.map.step[r]! * (i - mt.map.at[r]!);
}

/** Where in the source character `i` of the text ends. */
export function endOf(mt: MappedText, i: number): number {
  const r = runOf(mt.map, i);
  return mt.map.end[r]! + mt.map.step[r]! * (i - mt.map.at[r]!);
}

/** Map a span of the normalized text to the span of the source it came from. */
export function toSourceSpan(mt: MappedText, start: number, end: number): Span {
  if (end <= start) {
    const at = start < mt.text.length ? startOf(mt, start) : mt.source.length;
    return { start: at, end: at };
  }
  return { start: startOf(mt, start), end: endOf(mt, end - 1) };
}

/** The source text behind a normalized span: what a match's `text` field holds. */
export function sourceSlice(mt: MappedText, start: number, end: number): string {
  const span = toSourceSpan(mt, start, end);
  return mt.source.slice(span.start, span.end);
}

/** A map under construction: runs appended in text order, a run that goes on from the last one merged into it. */
class MapBuilder {
  readonly map: { at: number[]; start: number[]; end: number[]; step: (0 | 1)[] } = { at: [], start: [], end: [], step: [] };

  add(at: number, start: number, end: number, step: 0 | 1): void {
    const { map } = this;
    const last = map.at.length - 1;
    // Runs come at increasing places (a copied range and a replacement are never empty here).
    if (last >= 0 && step === 1 && map.step[last] === 1) {
      const k = at - map.at[last]!;
      if (map.start[last]! + k === start && map.end[last]! + k === end) return;
    }
    map.at.push(at);
    map.start.push(start);
    map.end.push(end);
    map.step.push(step);
  }

  /** The old map's runs over old text [from, to), placed from `out` on. */
  copy(old: OffsetMap, from: number, to: number, out: number): void {
    if (from >= to) return;
    for (let r = runOf(old, from); r < old.at.length && old.at[r]! < to; r++) {
      const begin = Math.max(from, old.at[r]!);
      const k = begin - old.at[r]!;
      this.add(out + begin - from, old.start[r]! + old.step[r]! * k, old.end[r]! + old.step[r]! * k, old.step[r]!);
    }
  }
}

/** Where a pass edits: a global regular expression, or a function that finds the same matches faster (normalize's line breaks). */
export type MatchFinder = RegExp | ((text: string) => Iterable<RegExpExecArray>);

/** The matches of a global pattern, an empty match stepped over. */
function* matchesOf(text: string, pattern: RegExp): Iterable<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    else yield m;
  }
}

/**
 * Replace every match of `pattern` (a global regular expression, or a finder of matches in text
 * order that do not overlap) by `replace(match)`. A replacement of the same length maps character
 * by character; any other replacement maps each new character to the whole matched range, so spans
 * that cover it stay exact. An empty replacement deletes.
 */
export function replaceMapped(
  mt: MappedText,
  pattern: MatchFinder,
  replace: (match: RegExpExecArray) => string,
): MappedText {
  if (pattern instanceof RegExp && !pattern.global) throw new Error(`replaceMapped needs a global pattern: ${pattern}`);
  const pieces: string[] = [];
  const built = new MapBuilder();
  let last = 0; // the text is copied up to here
  // The map is copied up to here in the old text and in the new: a same-length replacement keeps each
  // character's range, so the map goes on over it as it was.
  let mapLast = 0;
  let mapOut = 0;
  for (const m of pattern instanceof RegExp ? matchesOf(mt.text, pattern) : pattern(mt.text)) {
    const text = replace(m);
    if (text === m[0]) continue;
    const from = m.index;
    const to = from + m[0].length;
    pieces.push(mt.text.slice(last, from), text);
    last = to;
    if (text.length === to - from) continue;
    built.copy(mt.map, mapLast, from, mapOut);
    mapOut += from - mapLast;
    if (text.length > 0) built.add(mapOut, startOf(mt, from), endOf(mt, to - 1), 0);
    mapOut += text.length;
    mapLast = to;
  }
  if (!pieces.length) return mt;
  pieces.push(mt.text.slice(last));
  const whole = pieces.join('');
  built.copy(mt.map, mapLast, mt.text.length, mapOut);
  // A text emptied by a pass keeps one run, so that a lookup always finds one.
  if (!built.map.at.length) built.add(0, mt.source.length, mt.source.length, 0);
  return { source: mt.source, text: whole, map: built.map };
}

/**
 * The lower-cased and the folded copy of a normalized text, made once per text and shared by every
 * extractor (both keep offsets: one code unit for one). Each extractor made its own, five passes
 * over the whole text per document.
 */
const views = new WeakMap<MappedText, { lowered?: string; folded?: string }>();

function viewsOf(mt: MappedText): { lowered?: string; folded?: string } {
  let v = views.get(mt);
  if (!v) views.set(mt, (v = {}));
  return v;
}

export function loweredText(mt: MappedText): string {
  const v = viewsOf(mt);
  return (v.lowered ??= lower(mt.text));
}

export function foldedText(mt: MappedText): string {
  const v = viewsOf(mt);
  return (v.folded ??= fold(mt.text));
}
