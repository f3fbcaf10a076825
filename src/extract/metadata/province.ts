import { fold } from '../../normalize/fold.js';
import { alternation, normalizeWord, type ProvinceInfo, type Rules } from '../../rules/compile.js';
import type { Found, MetaContext } from './context.js';
import { matchesAtWordStart, oneSpaced } from '../../util/text.js';
import { foldedText } from '../../normalize/mapped-text.js';

interface ProvincePatterns {
  /** "tỉnh Kien Giang", "thành phố Cần Thơ", "TP. Hồ Chí Minh": a unit word and up to four capitalised words. */
  withUnit: RegExp;
  /** Any province name, over folded text: the fallback when no unit word names one. */
  bareFolded: RegExp;
}

const cache = new WeakMap<Rules, ProvincePatterns>();

function patterns(rules: Rules): ProvincePatterns {
  let p = cache.get(rules);
  if (!p) {
    const units = alternation(rules.data.lexicon.unitWords.flatMap((u) => u.words));
    p = {
      // No look-behind in front: namedCounts takes only matches with no letter before them (matchesAtWordStart).
      withUnit: new RegExp(`(?:${units})\\s*(\\p{Lu}[\\p{L}]*(?:[ ]*-?[ ]*\\p{Lu}[\\p{L}]*){0,3})`, 'gu'),
      bareFolded: new RegExp(`(${rules.provinceFoldedSource})(?![\\p{L}])`, 'gu'),
    };
    cache.set(rules, p);
  }
  return p;
}

export function provinceByName(name: string, rules: Rules): ProvinceInfo | undefined {
  return rules.provinceByKey.get(oneSpaced(fold(name)).trim());
}

/**
 * The province: from the place line when it names one ("An Giang, ngày …"); else the province named
 * most often as "tỉnh X" / "thành phố X" (also without diacritics: "tỉnh Kien Giang"); else the
 * province named most often at all.
 */
export function extractProvince(ctx: MetaContext, place: Found<{ place: string }> | null): Found<string> | null {
  if (place) {
    const p = provinceByName(place.value.place, ctx.rules);
    if (p) return { value: p.name, start: place.start, end: place.start + place.value.place.length, rule: 'place-line' };
  }
  const { withUnit, bareFolded } = patterns(ctx.rules);
  return mostFrequent(ctx.mt.text, withUnit, ctx.rules, 'most-named-with-unit')
    ?? mostFrequent(foldedText(ctx.mt), bareFolded, ctx.rules, 'most-named', (start, end) => writtenAsName(ctx.mt.text.slice(start, end), ctx.rules));
}

/**
 * A central body's document (a ministry's, a Cục's, the Government's): "Hà Nội, ngày …" is where it
 * was signed, not what it is about. Its province is the one its text names with a unit word ("tỉnh
 * Hà Tĩnh"), when one is named at least twice as often as any other; else none.
 */
export function provinceOfCentralDocument(ctx: MetaContext): Found<string> | null {
  const { withUnit } = patterns(ctx.rules);
  const named = namedCounts(ctx.mt.text, withUnit, ctx.rules);
  const ranked = [...named].sort((a, b) => b[1].n - a[1].n);
  const [first, second] = ranked;
  if (!first || (second && first[1].n < 2 * second[1].n)) return null;
  return { value: first[0], start: first[1].start, end: first[1].end, rule: 'central-body-names', inferred: true };
}

/**
 * A province matched on folded text is that province only where the text writes it so: with its
 * own diacritics ("Điện Biên") or with none at all ("Kien Giang"). "diễn biến" and "tối huệ quốc"
 * carry other tone marks: words, no place.
 */
function writtenAsName(written: string, rules: Rules): boolean {
  if (!/\p{Lu}/u.test(written.charAt(0))) return false;
  if (fold(written) === written.toLowerCase()) return true;
  const key = written.toLowerCase().replace(/\s+/g, ' ');
  return rules.data.provinces.provinces.some((p) => [p.name, ...p.aliases].some((f) => normalizeWord(f).toLowerCase() === key));
}

/** The province named most often; a capture of several words is tried longest prefix first ("An Giang năm" → "An Giang"). */
function mostFrequent(text: string, re: RegExp, rules: Rules, rule: string, accept?: (start: number, end: number) => boolean): Found<string> | null {
  const counts = namedCounts(text, re, rules, accept);
  let best: [string, { n: number; start: number; end: number }] | null = null;
  for (const entry of counts) if (!best || entry[1].n > best[1].n) best = entry;
  return best ? { value: best[0], start: best[1].start, end: best[1].end, rule, inferred: true } : null;
}

/** How often each province is named, with its first place. */
function namedCounts(text: string, re: RegExp, rules: Rules, accept?: (start: number, end: number) => boolean): Map<string, { n: number; start: number; end: number }> {
  const counts = new Map<string, { n: number; start: number; end: number }>();
  re.lastIndex = 0;
  for (const m of matchesAtWordStart(text, re)) {
    const words = m[1]!.split(/\s+/);
    let found: { name: string; length: number } | null = null;
    for (let k = words.length; k > 0 && !found; k--) {
      const candidate = words.slice(0, k).join(' ');
      const p = provinceByName(candidate, rules);
      if (p) found = { name: p.name, length: m[1]!.indexOf(words[k - 1]!) + words[k - 1]!.length };
    }
    if (!found) continue;
    const start = m.index + m[0].length - m[1]!.length;
    if (accept && !accept(start, start + found.length)) continue;
    const c = counts.get(found.name) ?? { n: 0, start, end: start + found.length };
    c.n++;
    counts.set(found.name, c);
  }
  return counts;
}
