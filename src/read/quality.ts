import { fold } from '../normalize/fold.js';

/**
 * Is a page's text layer text a person could read, or the garbage of a bad OCR or a font without a
 * Unicode map ("96/ZOUIND-CP", "Ł¿ÿ")? The share of its words that are words: a Vietnamese syllable
 * (checked on its letters without diacritics: onset, vowels, coda), an abbreviation in capitals of
 * five letters at most ("UBND", "QĐ"), or a word in plain Latin letters in lower case or capitalised
 * (names, English, codes written so). Read after the legacy encodings are converted, so that TCVN3
 * "Thñ t−íng" has become "Thủ tướng".
 */

// Onset, one to three vowels, coda: "nghiêng", "khuya", "được" (folded: "duoc"), "qu" + "yê" + "n".
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;
const VIETNAMESE_LETTERS = /^[a-zA-ZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ]+$/u;
const PLAIN_WORD = /^[A-Z]?[a-z]{1,14}$/;
const ABBREVIATION = /^[A-ZĐ]{2,5}$/u;

export interface TextQuality {
  words: number;
  readable: number;
}

/** The readable share of a page's words; the first `maxWords` (a sample is as good a judge as the page). */
export function textQuality(text: string, maxWords = SAMPLE_WORDS): TextQuality {
  let words = 0;
  let readable = 0;
  // Normalized piece by piece, each cut at a space (where NFC composes nothing and no word runs on),
  // until the sample is full: a page's first 4 KB usually hold its 200 words.
  for (let from = 0; from < text.length && words < maxWords;) {
    let to = from + PIECE >= text.length ? text.length : text.lastIndexOf(' ', from + PIECE);
    if (to <= from) {
      // No space in the piece: on to the next one, or the end.
      const next = text.indexOf(' ', from + PIECE);
      to = next === -1 ? text.length : next;
    }
    for (const m of text.slice(from, to).normalize('NFC').matchAll(/\p{L}{2,}/gu)) {
      words++;
      if (isReadable(m[0])) readable++;
      if (words >= maxWords) break;
    }
    from = to;
  }
  return { words, readable };
}

const PIECE = 4096;

/** Words judged per page: 200 tell garbage from text as well as a page's 600. */
export const SAMPLE_WORDS = 200;

function isReadable(word: string): boolean {
  if (!VIETNAMESE_LETTERS.test(word)) return false;
  if (ABBREVIATION.test(word) || (PLAIN_WORD.test(word) && /[aeiouy]/.test(word))) return true;
  return SYLLABLE.test(fold(word).toLowerCase());
}

/** Below this share of readable words (on a page of 20 words or more) a text layer is unusable. */
export const MIN_READABLE_SHARE = 0.6;
export const MIN_WORDS_JUDGED = 20;

export function unusable(q: TextQuality): boolean {
  return q.words >= MIN_WORDS_JUDGED && q.readable / q.words < MIN_READABLE_SHARE;
}
