import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/pipeline.js';
import { defaultRules } from '../../src/rules/compile.js';
import { datePatterns, dateRanges } from '../../src/rules/dates.js';

const rules = defaultRules();

/** What the global pattern finds, each range from its first digit (the "ngày" before it left out). */
function byPattern(text: string): { start: number; end: number }[] {
  return [...text.matchAll(datePatterns(rules).all)].map((m) => ({ start: m.index + m[0].search(/\d/), end: m.index + m[0].length }));
}

describe('dateRanges', () => {
  it('finds the dates the global pattern finds, in every corpus and dev-set document', () => {
    const files = [
      ...readdirSync('corpus').filter((f) => f.endsWith('.txt')).map((f) => `corpus/${f}`),
      ...readdirSync('devset/docs').filter((f) => f.endsWith('.md')).map((f) => `devset/docs/${f}`),
    ];
    let dates = 0;
    for (const file of files) {
      const text = normalizeText(readFileSync(file, 'utf8'), rules).text;
      const expected = byPattern(text);
      expect(dateRanges(text, rules), file).toEqual(expected);
      dates += expected.length;
    }
    expect(dates).toBeGreaterThan(1000);
  });

  it('keeps the look-behind and the day words typed twice', () => {
    for (const text of [
      'ngày ngày 08 tháng 6 năm 2010', 'số 12/3/2020/QĐ', '1/12/3/2020', '-5/3/2020', '.5/3/2020', '123/4/2020', 'Ngày 5-3-2020, 6.4.2021',
      '01 tháng12 năm 2025', '15/10/20255', '5/3/2020 và 6/3/2020', 'x9/9/2020', '9 /9/ 2020',
    ]) expect(dateRanges(text, rules), text).toEqual(byPattern(text));
  });
});
