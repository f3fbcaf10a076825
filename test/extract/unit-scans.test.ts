/**
 * Scans written code unit by code unit in place of a slice and a regular expression (issue 29),
 * held to the expression they replace at every place of the corpus and the dev set's texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secondWord } from '../../src/extract/agencies/index.js';
import { provincesOpeners } from '../../src/extract/agencies/lists.js';
import { numberMatches } from '../../src/extract/figures/candidates.js';
import { webAddresses } from '../../src/extract/figures/index.js';
import { figurePatterns } from '../../src/extract/figures/patterns.js';
import { agencyPatterns } from '../../src/extract/agencies/patterns.js';
import { endAnchored } from '../../src/rules/end-anchored.js';
import { alternation, defaultRules } from '../../src/rules/compile.js';
import { fold, lower } from '../../src/normalize/fold.js';
import { normalize } from '../../src/normalize/normalize.js';
import { lineStartMatches, matchesAtDigitRuns, matchesAtWordStart, wordCount } from '../../src/util/text.js';
import { ROOT } from '../helpers/cli.js';
import { seededRandom } from '../helpers/random.js';

const texts = [
  ...readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'corpus', f)),
  ...readdirSync(join(ROOT, 'devset/docs')).filter((f) => f.endsWith('.md')).slice(0, 30).map((f) => join(ROOT, 'devset/docs', f)),
].map((path) => fold(normalize(readFileSync(path, 'utf8')).text));

/** The word after a first word as the agencies' scan read it before. */
function secondWordByPattern(folded: string, at: number): string {
  const second = /^[ \t\n]+([^\s,.;:()]+)/u.exec(folded.slice(at, at + 24));
  return second ? second[1]!.replace(/-$/, '') : '';
}

describe('secondWord', () => {
  it('reads what the pattern read, at every place of the corpus and 30 dev-set documents', () => {
    for (const folded of texts) {
      for (let at = 0; at <= folded.length; at++) {
        if (secondWordByPattern(folded, at) !== secondWord(folded, at)) expect(secondWord(folded, at), `@${at}: ${JSON.stringify(folded.slice(at, at + 24))}`).toBe(secondWordByPattern(folded, at));
      }
    }
  });

  it('stops at the window, at punctuation and at a dash at the end', () => {
    const cases = ['so noi vu', 'so  \n noi-vu,', 'ban-', 'ban - chi dao', 'so(noi vu)', `so${' '.repeat(30)}noi`, 'so \u00a0noi', 'uy ban 𐐀x', 'so '];
    for (const text of cases) for (let at = 0; at <= text.length; at++) expect(secondWord(text, at), `${JSON.stringify(text)} @${at}`).toBe(secondWordByPattern(text, at));
  });
});

describe('wordCount', () => {
  it('counts what /[\\p{L}\\p{N}]+/gu matches, for every line of the corpus and 30 dev-set documents', () => {
    for (const folded of texts) {
      for (const line of folded.split('\n')) expect(wordCount(line), line).toBe(line.match(/[\p{L}\p{N}]+/gu)?.length ?? 0);
    }
  });

  it('counts Vietnamese words, numbers, Roman numerals and a letter outside the BMP as the pattern does', () => {
    for (const s of ['Ủy ban nhân dân tỉnh Kiên Giang', 'Trường THCS số 2, khóa XII', '', '  --  ', 'Ⅻ ½ ٣', 'Cục 𐐀𐐁 và', 'a\u0301b c']) {
      expect(wordCount(s), s).toBe(s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0);
    }
  });
});

describe('numberMatches', () => {
  const rules = defaultRules();
  const originals = [
    ...readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'corpus', f)),
    ...readdirSync(join(ROOT, 'devset/docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'devset/docs', f)),
  ].map((path) => normalize(readFileSync(path, 'utf8')).text);
  const found = (text: string, matches: Iterable<RegExpExecArray>): [number, string][] => [...matches].map((m) => [m.index, m[0]]);

  it('finds the numbers the global pattern finds, in the corpus and every dev-set document', () => {
    let numbers = 0;
    for (const text of originals) {
      const expected = found(text, text.matchAll(figurePatterns(rules).number));
      expect(found(text, numberMatches(text, rules))).toEqual(expected);
      numbers += expected.length;
    }
    expect(numbers).toBeGreaterThan(5_000);
  });

  it('keeps the look-behind, the glued money forms and numbers across runs of digits', () => {
    for (const text of ['1.234.567 hồ sơ', 'a1 b 2', '12/2020', '3,5%', '500.000đ và 7đồng', 'x.5 ,6 -7 /8', '98.6 %', '1.23.4', '2024-2025']) {
      expect(found(text, numberMatches(text, rules)), text).toEqual(found(text, text.matchAll(figurePatterns(rules).number)));
    }
  });
});

describe('lineStartMatches', () => {
  // The sections' headings, the tasks' numbered items and the markdown headings, as global patterns.
  const patterns = [
    /^[ ]*(?:([IVX]{1,6})\.|(\d{1,2}(?:\.\d{1,2}){0,3})\.|(\d{1,2}(?:\.\d{1,2}){1,3})(?= )|([a-zđ])\))[ ]+(\S[^\n]*)$/gmu,
    /^[ ]*(?:\d{1,2}\.|[-+•])[ ]+(?:[^\n:.]{1,20}:[ ]*)?/gmu,
    /^[ ]*#{1,6}[ ]+/gm,
    /^[^\n]{0,3}a/gm, // a match that runs over a \r or \u2028 into the next line
  ];
  const sticky = (re: RegExp): RegExp => new RegExp(re.source, re.flags.replace('g', '') + 'y');
  const found = (matches: Iterable<RegExpExecArray>): [number, string][] => [...matches].map((m) => [m.index, m[0]]);
  const originals = [
    ...readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'corpus', f)),
    ...readdirSync(join(ROOT, 'devset/docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'devset/docs', f)),
  ].map((path) => normalize(readFileSync(path, 'utf8')).text);

  it('finds what the global pattern finds, in the corpus and every dev-set document', () => {
    for (const re of patterns) for (const text of originals) expect(found(lineStartMatches(text, sticky(re)))).toEqual(found(text.matchAll(re)));
  });

  it('finds what the global pattern finds after every kind of line terminator', () => {
    const random = seededRandom(5);
    const pieces = ['\n', '\r', '\u2028', ' ', '#', '1.', 'a', 'I.', '- ', 'x:', 'b)'];
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: random(16) }, () => pieces[random(pieces.length)]).join('');
      for (const re of patterns) expect(found(lineStartMatches(text, sticky(re))), JSON.stringify(text)).toEqual(found(text.matchAll(re)));
    }
  });
});

describe('endAnchored', () => {
  const rules = defaultRules();
  const p = figurePatterns(rules);
  const names = ['labelBefore', 'periodBefore', 'rankBefore', 'scaleBefore', 'comparatorBefore', 'fromWord'] as const;
  // The 30 characters before each number of the corpus and every dev-set document, lower-cased, as the figures read them.
  const windows = [
    ...readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'corpus', f)),
    ...readdirSync(join(ROOT, 'devset/docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'devset/docs', f)),
  ].flatMap((path) => {
    const text = lower(normalize(readFileSync(path, 'utf8')).text);
    return [...text.matchAll(/\d+/g)].flatMap((m) => [text.slice(Math.max(0, m.index - 30), m.index), text.slice(Math.max(0, m.index - 30), m.index + m[0].length)]);
  });

  it('says what its pattern says before every number of the corpus and the dev set', () => {
    for (const name of names) {
      let matched = 0;
      for (const w of windows) {
        const expected = p[name].pattern.exec(w)?.[0] ?? null;
        if (expected !== null) matched++;
        if ((p[name].exec(w)?.[0] ?? null) !== expected || p[name].test(w) !== (expected !== null)) expect(p[name].exec(w)?.[0] ?? null, `${name}: ${JSON.stringify(w)}`).toBe(expected);
      }
      expect(matched, name).toBeGreaterThan(0);
    }
  });

  it('says what its pattern says before every word of the corpus, for the agencies\' windows', () => {
    const a = agencyPatterns(rules);
    const texts = readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => lower(normalize(readFileSync(join(ROOT, 'corpus', f), 'utf8')).text));
    for (const name of ['notBefore', 'groupBefore', 'titleBeforePrefix'] as const) {
      let matched = 0;
      for (const text of texts) {
        for (const m of text.matchAll(/(?<=\s)\p{L}/gu)) {
          const w = text.slice(Math.max(0, m.index - 24), m.index);
          const expected = a[name].pattern.test(w);
          if (expected) matched++;
          if (a[name].test(w) !== expected) expect(a[name].test(w), `${name}: ${JSON.stringify(w)}`).toBe(expected);
        }
      }
      expect(matched, name).toBeGreaterThan(0);
    }
  });

  it('passes a phrase that ends in another way to its pattern', () => {
    const loose = endAnchored(['trên', '>', 'từ'], /(?<![\p{L}])(?:trên|>|từ)\s*$/u);
    for (const text of ['cao hơn > ', 'trên  ', 'xtrên', 'tăng từ', '5 >']) expect(loose.test(text), text).toBe(loose.pattern.test(text));
  });
});

describe('matchesAtWordStart', () => {
  it('finds what the pattern with a look-behind for a letter in front finds', () => {
    const texts = [
      ...readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => normalize(readFileSync(join(ROOT, 'corpus', f), 'utf8')).text),
      'tỉnh An Giang, xtỉnh Bạc Liêu, 𐐀tỉnh Cà Mau, 1tỉnh Đà Nẵng, tỉnhtỉnh Huế',
    ];
    for (const source of ['(?:tỉnh|thành phố)\\s*(\\p{Lu}\\p{L}*)', 'an(?:\\s+giang)?', 'nh']) {
      for (const text of texts) {
        const re = new RegExp(source, 'gu');
        re.lastIndex = 0;
        const found = [...matchesAtWordStart(text, re)].map((m) => `${m.index}:${m[0]}`);
        expect(found, source).toEqual([...text.matchAll(new RegExp(`(?<![\\p{L}])${source}`, 'gu'))].map((m) => `${m.index}:${m[0]}`));
      }
    }
  });
});

describe('provincesOpeners', () => {
  it('finds what the opener with its run of spaces in front finds', () => {
    const rules = defaultRules();
    const units = alternation(rules.data.lexicon.unitWords.flatMap((u) => u.words).filter((w) => /^\p{Ll}/u.test(w)));
    const original = new RegExp(`(?<![ ])[ ]+(?:${alternation(rules.data.agencyCues.groupBefore)})[ ]+(?:${units})(?:[ ]*,[ ]*(?:${units}))*[ ]*:[ ]*`, 'gu');
    const texts = [
      ...readdirSync(join(ROOT, 'devset/docs')).filter((f) => f.endsWith('.md')).map((f) => normalize(readFileSync(join(ROOT, 'devset/docs', f), 'utf8')).text),
      'UBND các tỉnh: Tuyên Quang,   các tỉnh, thành phố:  x; xcác tỉnh: y;các tỉnh: z; các tỉnh:    các tỉnh: w; \n các tỉnh:',
    ];
    let found = 0;
    for (const text of texts) {
      const expected = [...text.matchAll(original)].map((m) => `${m.index}:${m[0]}`);
      found += expected.length;
      expect([...provincesOpeners(text, rules)].map((m) => `${m.index}:${m[0]}`)).toEqual(expected);
    }
    expect(found).toBeGreaterThan(4);
  });
});

describe('webAddresses', () => {
  const pattern = /(?:https?:\/\/|www\.)[^\s<>()"]+|[\w.+-]+@[\w-]+\.[\w.]+/gu;
  const found = (matches: Iterable<RegExpExecArray>): [number, string][] => [...matches].map((m) => [m.index, m[0]]);

  it('finds the links and addresses the global pattern finds, in every dev-set document', () => {
    let addresses = 0;
    for (const f of readdirSync(join(ROOT, 'devset/docs')).filter((x) => x.endsWith('.md'))) {
      const text = normalize(readFileSync(join(ROOT, 'devset/docs', f), 'utf8')).text;
      const expected = found(text.matchAll(pattern));
      addresses += expected.length;
      expect(found(webAddresses(text)), f).toEqual(expected);
    }
    expect(addresses).toBeGreaterThan(10);
  });

  it('finds what the global pattern finds on random text of names, "@", links and dots', () => {
    const random = seededRandom(3);
    const pieces = ['a', 'b1', '.', '@', '-', '+', ' ', 'www.', 'http://', 'https://', 'vn', '(', 'đ', '_'];
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: random(14) }, () => pieces[random(pieces.length)]).join('');
      expect(found(webAddresses(text)), JSON.stringify(text)).toEqual(found(text.matchAll(pattern)));
    }
  });
});

describe('matchesAtDigitRuns', () => {
  /** The loop it replaces: a run of digits found by a global search, the pattern tried at its start. */
  function byRuns(text: string, sticky: RegExp): [number, string][] {
    const out: [number, string][] = [];
    const runs = /[0-9]+/g;
    for (let run = runs.exec(text); run; run = runs.exec(text)) {
      sticky.lastIndex = run.index;
      const m = sticky.exec(text);
      if (!m) continue;
      out.push([m.index, m[0]]);
      runs.lastIndex = Math.max(runs.lastIndex, m.index + m[0].length);
    }
    return out;
  }

  it('tries the pattern where the loop over runs of digits tried it, a match that ends inside a later run included', () => {
    const random = seededRandom(9);
    const patterns = [/\d{1,2}/y, /\d \d\d/y, /\d+\/\d+/y, /(?<![\d/])\d+(?:[.,]\d+)?/y];
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: random(20) }, () => ['1', '23', ' ', '/', '.', 'a', '4567'][random(7)]).join('');
      for (const re of patterns) {
        expect([...matchesAtDigitRuns(text, re)].map((m) => [m.index, m[0]]), `${re} ${JSON.stringify(text)}`).toEqual(byRuns(text, re));
      }
    }
  });
});
