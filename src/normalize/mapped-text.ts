import { fold, lower } from './fold.js';
/**
 * Text with an offset map back to the source it was derived from.
 * Every character i of `text` came from `source.slice(starts[i], ends[i])`, so a span found in the
 * normalized text maps back exactly: [starts[a], ends[b - 1]). Passes compose: a pass over a
 * MappedText yields a MappedText whose map still points into the original source.
 */
export interface MappedText {
  readonly source: string;
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export interface Span {
  start: number;
  end: number;
}

export function identity(source: string): MappedText {
  const starts = new Int32Array(source.length);
  const ends = new Int32Array(source.length);
  for (let i = 0; i < source.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { source, text: source, starts, ends };
}

/** Map a span of the normalized text to the span of the source it came from. */
export function toSourceSpan(mt: MappedText, start: number, end: number): Span {
  if (end <= start) {
    const at = start < mt.text.length ? mt.starts[start]! : mt.source.length;
    return { start: at, end: at };
  }
  return { start: mt.starts[start]!, end: mt.ends[end - 1]! };
}

/** The source text behind a normalized span: what a match's `text` field holds. */
export function sourceSlice(mt: MappedText, start: number, end: number): string {
  const span = toSourceSpan(mt, start, end);
  return mt.source.slice(span.start, span.end);
}

/**
 * Replace every match of `pattern` (must be global) by `replace(match)`. A replacement of the same
 * length maps character by character; any other replacement maps each new character to the whole
 * matched range, so spans that cover it stay exact. An empty replacement deletes.
 */
export function replaceMapped(
  mt: MappedText,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string,
): MappedText {
  if (!pattern.global) throw new Error(`replaceMapped needs a global pattern: ${pattern}`);
  // First collect the edits, then build the new text and maps in one allocation: copying the
  // untouched stretches with typed-array set() keeps a pass close to the speed of the regex scan.
  const edits: { from: number; to: number; text: string }[] = [];
  let length = mt.text.length;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(mt.text); m !== null; m = pattern.exec(mt.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const text = replace(m);
    if (text === m[0]) continue;
    edits.push({ from: m.index, to: m.index + m[0].length, text });
    length += text.length - m[0].length;
  }
  if (!edits.length) return mt;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  const pieces: string[] = [];
  let last = 0;
  let out = 0;
  for (const { from, to, text } of edits) {
    starts.set(mt.starts.subarray(last, from), out);
    ends.set(mt.ends.subarray(last, from), out);
    pieces.push(mt.text.slice(last, from), text);
    out += from - last;
    const sameLength = text.length === to - from;
    for (let i = 0; i < text.length; i++, out++) {
      starts[out] = mt.starts[sameLength ? from + i : from]!;
      ends[out] = mt.ends[sameLength ? from + i : to - 1]!;
    }
    last = to;
  }
  starts.set(mt.starts.subarray(last), out);
  ends.set(mt.ends.subarray(last), out);
  pieces.push(mt.text.slice(last));
  return { source: mt.source, text: pieces.join(''), starts, ends };
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
