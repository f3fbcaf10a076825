/**
 * Vietnamese tone placement: the old style puts the tone on the second vowel of an open "oa",
 * "oe", "uy" syllable ("hoá", "Uỷ", "thuỷ"), the new style on the first ("hóa", "Ủy", "thủy").
 * Both occur in one document, so matching folds the old style into the new. Orthography, not a
 * word list: the rule is the same for every word.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

// "hoá" → "hóa", "Uỷ" → "Ủy"; not "quý" (qu is a consonant), not "hoàng" (syllable goes on).
export const OLD_STYLE_TONE = /(?<![qQ])([oO][aAeE]|[uU][yY])(?!\p{L})/gu;

/** A character with its tone mark split off: "á" → ["a", "\u0301"]. */
function splitTone(ch: string): [string, string] {
  const nfd = ch.normalize('NFD');
  const tone = [...nfd].find((c) => TONE_MARKS.test(c)) ?? '';
  const rest = nfd.replace(TONE_MARKS, '');
  return [rest.normalize('NFC'), tone];
}

/** Move the tone of a two-vowel nucleus to its first vowel; returns the pair unchanged if the tone is already there. */
export function moveToneToFirst(pair: string): string {
  const [first, second] = [...pair] as [string, string];
  const [secondBase, tone] = splitTone(second);
  if (!tone) return pair;
  const [firstBase, firstTone] = splitTone(first);
  if (firstTone) return pair;
  return (firstBase + tone).normalize('NFC') + secondBase;
}
