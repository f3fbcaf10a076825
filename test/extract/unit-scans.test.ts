/**
 * Scans written code unit by code unit in place of a slice and a regular expression (issue 29),
 * held to the expression they replace at every place of the corpus and the dev set's texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secondWord } from '../../src/extract/agencies/index.js';
import { fold } from '../../src/normalize/fold.js';
import { normalize } from '../../src/normalize/normalize.js';
import { wordCount } from '../../src/util/text.js';
import { ROOT } from '../helpers/cli.js';

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
