import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceStart } from '../../src/extract/figures/meaning.js';
import { lower } from '../../src/normalize/fold.js';
import { normalize } from '../../src/normalize/normalize.js';
import { ROOT } from '../helpers/cli.js';

/** The sentence start as it was found before the ends were kept: the pattern over the 400 characters before. */
function inWindow(folded: string, at: number): number {
  const window = folded.slice(Math.max(0, at - 400), at);
  const end = /[.!?](?=\s|$)|\n(?=\s*[-+•]\s)/g;
  let last = -1;
  for (let m = end.exec(window); m; m = end.exec(window)) last = m.index + m[0].length;
  return last === -1 ? Math.max(0, at - 400) : at - window.length + last;
}

describe('sentenceStart', () => {
  it('is where the sentence-end pattern over the 400 characters before puts it, at every place of the corpus', () => {
    for (const file of readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt'))) {
      const folded = lower(normalize(readFileSync(join(ROOT, 'corpus', file), 'utf8')).text);
      for (let at = 0; at <= folded.length; at += 7) expect(sentenceStart(folded, at), `${file} @${at}`).toBe(inWindow(folded, at));
    }
  });

  it('takes a period right before the place as an end (the window ends there), and a bullet only when the window holds it', () => {
    const text = 'tỷ lệ đạt 95.5%; năm 2024.12 hồ sơ\n  - 30 hồ sơ\n-x';
    for (let at = 0; at <= text.length; at++) expect(sentenceStart(text, at), `@${at}`).toBe(inWindow(text, at));
    expect(sentenceStart(text, text.indexOf('12'))).toBe(text.indexOf('12'));
    expect(sentenceStart(text, text.indexOf('30'))).toBe(text.indexOf('\n') + 1);
    expect(sentenceStart(text, text.indexOf('\n') + 3)).toBe(0);
  });
});
