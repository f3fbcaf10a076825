import { fold } from '../../normalize/fold.js';
import type { Rules } from '../../rules/compile.js';
import type { Agency } from '../../schema.js';
import { provinceByName } from '../metadata/province.js';

/** A place as the rules name it: "Kien Giang" → "Kiên Giang"; a district keeps the text's spelling. */
export function canonicalPlace(place: string, rules: Rules): string {
  return provinceByName(place, rules)?.name ?? place.replace(/\s+/g, ' ');
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
