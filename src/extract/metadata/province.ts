import { fold } from '../../normalize/fold.js';
import { alternation, type ProvinceInfo, type Rules } from '../../rules/compile.js';
import type { Found, MetaContext } from './context.js';

const cache = new WeakMap<Rules, { withUnit: RegExp; bare: RegExp }>();

function patterns(rules: Rules): { withUnit: RegExp; bare: RegExp } {
  let p = cache.get(rules);
  if (!p) {
    const units = alternation(rules.data.lexicon.unitWords.flatMap((u) => u.words).map(fold));
    const names = rules.provinceFoldedSource;
    p = {
      withUnit: new RegExp(`(?<![\\p{L}])(?:${units})\\s*(${names})(?![\\p{L}])`, 'gu'),
      bare: new RegExp(`(?<![\\p{L}])(${names})(?![\\p{L}])`, 'gu'),
    };
    cache.set(rules, p);
  }
  return p;
}

export function provinceByName(name: string, rules: Rules): ProvinceInfo | undefined {
  return rules.provinceByKey.get(fold(name).replace(/\s+/g, ' ').trim());
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
  const folded = fold(ctx.mt.text);
  const { withUnit, bare } = patterns(ctx.rules);
  return mostFrequent(folded, withUnit, ctx.rules, 'most-named-with-unit')
    ?? mostFrequent(folded, bare, ctx.rules, 'most-named');
}

function mostFrequent(folded: string, re: RegExp, rules: Rules, rule: string): Found<string> | null {
  const counts = new Map<string, { n: number; start: number; end: number }>();
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const name = rules.provinceByKey.get(m[1]!.replace(/\s+/g, ' '))?.name;
    if (!name) continue;
    const start = m.index + m[0].length - m[1]!.length;
    const c = counts.get(name) ?? { n: 0, start, end: m.index + m[0].length };
    c.n++;
    counts.set(name, c);
  }
  let best: [string, { n: number; start: number; end: number }] | null = null;
  for (const entry of counts) if (!best || entry[1].n > best[1].n) best = entry;
  return best ? { value: best[0], start: best[1].start, end: best[1].end, rule, inferred: true } : null;
}
