import type { ExtractionRecord } from '../schema.js';

/**
 * Line and column of the places a record points at, found where the text is (the worker), so that
 * `check` can print `path:line:column` without the text ever reaching the main thread: over 10,000
 * documents, keeping each text until its findings were printed held them all. Lines are split at
 * "\n" alone (a "\r" stays on its line), 1-based, as compilers print them.
 */

/** 1-based line and column of a source offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * [offset, line, column, offset, line, column, …] for the start of every finding's and every
 * reference's span (what `check` and `check --across` print), each offset once, in increasing
 * order; the text is walked once.
 */
export function spanPositions(record: Pick<ExtractionRecord, 'findings' | 'references'>, text: string): number[] {
  const offsets = new Set<number>();
  for (const f of record.findings) if (f.span) offsets.add(f.span.start);
  for (const r of record.references) if (r.span) offsets.add(r.span.start);
  const out: number[] = [];
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    while (next !== -1 && next < offset) {
      line++;
      lineStart = next + 1;
      next = text.indexOf('\n', next + 1);
    }
    out.push(offset, line, offset - lineStart + 1);
  }
  return out;
}

/** Positions as a lookup: offset → line and column (line 1, column offset + 1 for one not listed, as in an empty text). */
export function positionLookup(positions: readonly number[]): (offset: number) => { line: number; column: number } {
  const byOffset = new Map<number, { line: number; column: number }>();
  for (let i = 0; i + 2 < positions.length; i += 3) byOffset.set(positions[i]!, { line: positions[i + 1]!, column: positions[i + 2]! });
  return (offset) => byOffset.get(offset) ?? { line: 1, column: offset + 1 };
}
