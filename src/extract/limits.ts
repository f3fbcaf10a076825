import { ReadError } from '../read/types.js';

/**
 * The most items (references, agencies, figures, tasks) one record may hold. A real report gives
 * about 8 per KB (the corpus: 969 items in 127 KB), so a 50 MB text gives ~400,000; "1%" written a
 * million times gives a million figures, whose record (~420 bytes of JSON an item) no longer fits
 * in one JSON line (V8's longest string is 512 MB) and whose working memory (~2 KB an item) takes
 * the worker down. Such an input gets the error `too-many-items` instead, as soon as it passes.
 */
export const MAX_ITEMS = 500_000;

export function tooManyItems(what: string): ReadError {
  return new ReadError('too-many-items', `the text yields more than ${MAX_ITEMS.toLocaleString('en')} ${what}, more than one record can hold (a real report gives about 8 items per KB): split the file`);
}

/** Throws too-many-items once a running count of items passes MAX_ITEMS. */
export function checkItemCount(count: number, what: string): void {
  if (count > MAX_ITEMS) throw tooManyItems(what);
}
