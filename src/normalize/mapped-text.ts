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
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  let changed = false;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(mt.text); m !== null; m = pattern.exec(mt.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replace(m);
    if (replacement === m[0]) continue;
    changed = true;
    copyRange(mt, last, m.index, pieces, starts, ends);
    const from = m.index;
    const to = m.index + m[0].length;
    if (replacement.length === m[0].length) {
      for (let i = 0; i < replacement.length; i++) {
        starts.push(mt.starts[from + i]!);
        ends.push(mt.ends[from + i]!);
      }
    } else {
      for (let i = 0; i < replacement.length; i++) {
        starts.push(mt.starts[from]!);
        ends.push(mt.ends[to - 1]!);
      }
    }
    pieces.push(replacement);
    last = to;
  }
  if (!changed) return mt;
  copyRange(mt, last, mt.text.length, pieces, starts, ends);
  return { source: mt.source, text: pieces.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function copyRange(mt: MappedText, from: number, to: number, pieces: string[], starts: number[], ends: number[]): void {
  if (to <= from) return;
  pieces.push(mt.text.slice(from, to));
  for (let i = from; i < to; i++) {
    starts.push(mt.starts[i]!);
    ends.push(mt.ends[i]!);
  }
}
