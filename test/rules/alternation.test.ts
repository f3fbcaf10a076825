import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternation, caseVariants, defaultRules, normalizeWord, relaxedPhrase } from '../../src/rules/compile.js';
import { fold, lower } from '../../src/normalize/fold.js';
import { normalize } from '../../src/normalize/normalize.js';
import { ROOT } from '../helpers/cli.js';

/** The alternation as it was written before the trie: every phrase relaxed, longest first, joined. */
function flatAlternation(phrases: string[]): string {
  const unique = [...new Set(phrases.map(normalizeWord))].filter(Boolean);
  unique.sort((a, b) => b.length - a.length);
  return unique.map(relaxedPhrase).join('|');
}

/** Every match of `source` (wrapped as a word) over the text, as "index:match". */
function matchesOf(source: string, flags: string, text: string): string[] {
  const re = new RegExp(`(?<![\\p{L}])(${source})(?![\\p{L}])`, `g${flags}`);
  return [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
}

const corpusTexts = readdirSync(join(ROOT, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => normalize(readFileSync(join(ROOT, 'corpus', f), 'utf8')).text);

describe('alternation', () => {
  it('shares the beginnings of phrases: "Thông tư" is read once for "Thông tư" and "Thông tư liên tịch"', () => {
    expect(alternation(['Thông tư', 'Thông tư liên tịch', 'Thông báo', 'Nghị định'])).toBe('Thông\\s+(?:tư(?:\\s+liên\\s+tịch)?|báo)|Nghị\\s+định');
  });

  it('finds what the flat longest-first alternation finds, over the corpus, for the rules\' lists of names and cue words', () => {
    const rules = defaultRules();
    const d = rules.data;
    const bodies = d.agencies.bodies.flatMap((b) => [b.name, ...b.aliases]);
    const typeWords = d.documentTypes.types.flatMap((t) => t.words);
    const lists: [string, string[], string, (t: string) => string][] = [
      ['body names as written', bodies, 'u', (t) => t],
      ['body names folded', bodies.map(fold), 'u', fold],
      ['province names and aliases folded', [...rules.provinceByKey.keys()], 'u', fold],
      ['type words, every case variant', typeWords.flatMap(caseVariants), 'u', (t) => t],
      ['type words lower-cased', typeWords.map(lower), 'u', lower],
      ['issuer links, signing titles', [...d.lexicon.issuerLink, ...d.signing.titles.map((t) => t.title)], 'iu', (t) => t],
      ['day, month and year words', [...d.lexicon.dayWord, ...d.lexicon.monthWord, ...d.lexicon.yearWord], 'iu', (t) => t],
    ];
    for (const [name, phrases, flags, view] of lists) {
      for (const text of corpusTexts) {
        const seen = view(text);
        expect(matchesOf(alternation(phrases), flags, seen), name).toEqual(matchesOf(flatAlternation(phrases), flags, seen));
      }
    }
  });

  it('under the "i" flag, a longer phrase in another case still wins over a shorter one that begins it', () => {
    // A plain trie tries the "A" branch first (its longest phrase is longest), ends it at "ab" before
    // the "-", and never tries "aB-c" in the "a" branch.
    const phrases = ['Ab-cde', 'Ab', 'aB-c'];
    for (const text of ['ab-c.', 'AB-CDE', 'ab x', 'Ab - c d']) {
      expect(matchesOf(alternation(phrases), 'iu', text), text).toEqual(matchesOf(flatAlternation(phrases), 'iu', text));
    }
    expect(matchesOf(alternation(phrases), 'iu', 'ab-c.')).toEqual(['0:ab-c']);
  });
});
