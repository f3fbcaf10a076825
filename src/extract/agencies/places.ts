import { fold } from '../../normalize/fold.js';
import type { Rules } from '../../rules/compile.js';
import type { Agency } from '../../schema.js';
import { provinceByName } from '../metadata/province.js';
import { oneSpaced } from '../../util/text.js';

// "UBND THÀNH PHỐ HÀ\nNỘI": a letterhead in capitals wraps its place too.
const WRAPPED_TAIL = /[ ]*\n[ ]*(\p{Lu}\p{L}*(?:[ ]+\p{Lu}\p{L}*)?)(?=[ ]+\p{Ll}|[ ]*[.,;:)]|[ ]*$|[ ]*\n)/uy;

/**
 * A place cut by a PDF line wrap: "UBND thành phố Long\nXuyên", "Trường Cao đẳng Y tế Kiên\nGiang".
 * The next line's first word belongs to the place when the two make a province, or when the line
 * was a full line of running text (a header line is short) and the word opens no body ("Sở", "Báo").
 */
export function wrappedPlace(text: string, placeEnd: number, place: string, rules: Rules, bodyFirstWords: ReadonlySet<string>): { place: string; length: number } {
  WRAPPED_TAIL.lastIndex = placeEnd;
  const tail = WRAPPED_TAIL.exec(text);
  if (!tail || provinceByName(place, rules)) return { place, length: 0 };
  const joined = `${place} ${tail[1]}`;
  if (provinceByName(joined, rules)) return { place: joined, length: tail[0].length };
  const lineStart = text.lastIndexOf('\n', placeEnd - 1) + 1;
  const oneWord = !tail[1]!.includes(' ');
  if (placeEnd - lineStart >= 50 && oneWord && !bodyFirstWords.has(fold(tail[1]!))) return { place: joined, length: tail[0].length };
  return { place, length: 0 };
}

/** A place as the rules name it: "Kien Giang" → "Kiên Giang"; a district keeps the text's spelling. */
export function canonicalPlace(place: string, rules: Rules): string {
  return provinceByName(place, rules)?.name ?? oneSpaced(place);
}

export function isProvincialUnit(unit: string, rules: Rules): boolean {
  return rules.data.lexicon.unitWords.some((u) => u.words.some((w) => fold(w) === fold(unit)));
}

/** The level a unit word places a body at (lexicon.json unitLevels); "thành phố" depends on the city: Cần Thơ is a province, Long Xuyên is not. */
export function levelOfUnit(unit: string, place: string | null, rules: Rules): Agency['level'] {
  const entry = rules.data.lexicon.unitLevels.find((u) => fold(u.unit) === fold(unit));
  if (!entry) return null;
  if (entry.level !== null) return entry.level;
  return place && !provinceByName(place, rules) ? 'huyện' : 'tỉnh';
}
