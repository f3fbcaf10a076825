import type { OcrPage } from './tesseract.js';

/**
 * Where each OCR word landed in the text a reader gives, so that every item extracted from a scan can
 * say where on the page it was read and how sure the engine was of its words.
 */

/** A word as OCR read it: its box as shares of the page (top-left origin), confidence 0–100. */
export interface BoxedWord {
  text: string;
  box: [x0: number, y0: number, x1: number, y1: number];
  confidence: number;
}

/** A word placed in the reader's text: [start, end) offsets and its page. */
export interface PlacedWord extends BoxedWord {
  start: number;
  end: number;
  page: number;
}

/**
 * Below this confidence tesseract's word is more often wrong than right on scanned Vietnamese (a
 * "l" for "1", a lost tone mark); an item holding one is flagged, the word kept as read.
 */
export const LOW_CONFIDENCE = 60;

const share = (v: number, of: number): number => (of > 0 ? Math.round((v / of) * 10_000) / 10_000 : 0);

/** A TSV line's words with their boxes as shares of the page image. */
export function boxedWords(page: OcrPage, line: OcrPage['lines'][number]): BoxedWord[] {
  return line.words.map((w) => ({
    text: w.text,
    box: [share(w.left, page.width), share(w.top, page.height), share(w.left + w.width, page.width), share(w.top + w.height, page.height)],
    confidence: w.confidence,
  }));
}

/**
 * The words of the rows a reader laid out, found in its text in order: each searched for from the end
 * of the one before, within a short reach (the line and paragraph breaks between them). A word the
 * layout dropped or rewrote (a running header, a hyphen closed up) is not placed rather than placed
 * wrongly. Each part is a text range, the page it was printed on, and the rows laid out in it.
 */
export function placeWords(text: string, parts: { range: { start: number; end: number }; page: number; rows: { words?: BoxedWord[] }[] }[]): PlacedWord[] {
  const placed: PlacedWord[] = [];
  for (const { range, page, rows } of parts) {
    let cursor = range.start;
    // Characters of the words not placed since the last one: the next word may be that much further on.
    let skipped = 0;
    for (const word of rows.flatMap((r) => r.words ?? [])) {
      const probe = word.text.replace(/\u00AD$/, '');
      if (!probe) continue;
      const at = text.indexOf(probe, cursor);
      if (at === -1 || at + probe.length > range.end || at - cursor > REACH + skipped) {
        skipped += probe.length + 1;
        continue;
      }
      placed.push({ ...word, start: at, end: at + probe.length, page });
      cursor = at + probe.length;
      skipped = 0;
    }
  }
  return placed.sort((a, b) => a.start - b.start);
}

// Between two words of the layout: a space, a line break, a blank line, a tab.
const REACH = 8;

/** What OCR says of the text [start, end): the box around its words on one page, the lowest confidence, and whether that is low. */
export function ocrOfSpan(words: readonly PlacedWord[], start: number, end: number): { box: [number, number, number, number]; confidence: number; lowConfidence: boolean } | null {
  // The first word that ends after start (words are sorted and do not overlap).
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const inside: PlacedWord[] = [];
  for (let i = lo; i < words.length && words[i]!.start < Math.max(end, start + 1); i++) {
    if (words[i]!.page === words[lo]!.page) inside.push(words[i]!);
  }
  if (!inside.length) return null;
  const confidence = Math.min(...inside.map((w) => w.confidence));
  return {
    box: [Math.min(...inside.map((w) => w.box[0])), Math.min(...inside.map((w) => w.box[1])), Math.max(...inside.map((w) => w.box[2])), Math.max(...inside.map((w) => w.box[3]))],
    confidence: Math.round(confidence * 10) / 10,
    lowConfidence: confidence < LOW_CONFIDENCE,
  };
}
