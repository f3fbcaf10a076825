/**
 * Lookups in arrays sorted by a number (mentions by their start, sections by theirs): a binary
 * search instead of a scan from the front, so that looking something up for every item of a
 * document costs n log n, not n² (issue 29: a 20 MB text spent half its time in such scans).
 */

/** The first index whose key is at least `value` (the array's length when none is), `keyOf` non-decreasing along the array. */
export function firstIndexAtLeast<T>(items: readonly T[], value: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `keyOf` never decreases along the array: the precondition of the searches above. */
export function isSortedBy<T>(items: readonly T[], keyOf: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (keyOf(items[i]!) < keyOf(items[i - 1]!)) return false;
  return true;
}

type Range = { start: number; end: number };

/** A test of whether an offset lies in one of the ranges: merged once, then a binary search per offset. */
export function inAnyRange(ranges: readonly Range[]): (at: number) => boolean {
  const merged: Range[] = [];
  for (const r of ranges.filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return (at) => {
    const i = firstIndexAtLeast(merged, at + 1, (r) => r.start) - 1;
    return i >= 0 && at < merged[i]!.end;
  };
}

/** A test of whether a range overlaps one of the given ranges: sorted by start, with the furthest end up to each. */
export function overlapsAnyRange(ranges: readonly Range[]): (r: Range) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const furthest: number[] = [];
  for (const x of sorted) furthest.push(Math.max(furthest[furthest.length - 1] ?? -Infinity, x.end));
  return (r) => {
    const i = firstIndexAtLeast(sorted, r.end, (x) => x.start) - 1;
    return i >= 0 && furthest[i]! > r.start;
  };
}
