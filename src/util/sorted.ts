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
