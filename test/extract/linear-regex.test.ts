import { describe, expect, it } from 'vitest';
import { normalizedDocument } from '../../src/extract/document.js';
import { extractReferences } from '../../src/extract/references/index.js';
import { symbolSource } from '../../src/extract/symbol.js';
import { normalize, NORMALIZE_PASSES } from '../../src/normalize/normalize.js';
import { defaultRules } from '../../src/rules/compile.js';
import type { MatchFinder } from '../../src/normalize/mapped-text.js';

/**
 * Issue 30: patterns that read a long run of white space (or a long list of numbers) once from each
 * of its characters took seconds on 100 KB. No wall-clock limit here: each pattern's time on a
 * pathological text is compared with a linear baseline timed right beside it on the same text, the
 * best of several runs each. Fixed, a pattern costs a few baselines; quadratic, thousands at these
 * sizes — a margin no busy machine closes. (npm run fuzz:linear checks the whole pipeline up to 8 MB.)
 */
const rules = defaultRules();

function scanAll(re: MatchFinder, text: string): number {
  if (typeof re === 'function') return [...re(text)].length;
  let n = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    n++;
    if (!m[0].length) re.lastIndex++;
  }
  return n;
}

function bestMs(fn: () => unknown, runs = 7): number {
  fn(); // compiled before it is timed
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** One attempt at every position, each failing at once: what a linear scan of `text` costs. */
const baselineMs = (text: string): number => bestMs(() => scanAll(/(?<=\s)x/gu, text));

// A fixed pattern measured 1-6 baselines, a quadratic one over 5,000.
const MAX_BASELINES = 60;

const pass = (name: string): MatchFinder => NORMALIZE_PASSES.find((p) => p.name === name)!.pattern;

describe('regexes read a long run once (issue 30)', () => {
  const runs: [string, () => MatchFinder, string][] = [
    ['line breaks over 20,000 spaces', () => pass('line-breaks'), ' '.repeat(20_000)],
    ['line breaks over 20,000 tabs made spaces', () => pass('line-breaks'), normalize('\t'.repeat(7_000)).text],
    ['stray link lines over 20,000 blank lines', () => pass('stray-link-lines'), '\n'.repeat(20_000)],
    ['stray link lines over blank lines with vertical tabs', () => pass('stray-link-lines'), '\v\n'.repeat(10_000)],
    ['stray link lines over spaces and blank lines', () => pass('stray-link-lines'), 'a' + ' \n'.repeat(10_000)],
    ['the symbol over "1," × 10,000', () => new RegExp(symbolSource(rules), 'gu'), '1,'.repeat(10_000)],
    ['the symbol over "1, " × 7,000', () => new RegExp(symbolSource(rules), 'gu'), '1, '.repeat(7_000)],
    ['the symbol over "1 và " × 4,000', () => new RegExp(symbolSource(rules), 'gu'), '1 và '.repeat(4_000)],
  ];
  it.each(runs)('%s', (_name, pattern, text) => {
    const re = pattern();
    const ratio = bestMs(() => scanAll(re, text)) / baselineMs(text);
    expect(ratio).toBeLessThan(MAX_BASELINES);
  });

  // The reference patterns are the stage's own; the stage is timed against the same stage on a text
  // as long with nothing to find, and only the white space after the symbol differs.
  const stageMs = (text: string): number => {
    const mt = normalize(text);
    return bestMs(() => extractReferences(normalizedDocument(mt, rules)), 3);
  };
  it.each([
    ['a symbol, then 20,000 spaces (the issuer before a date, a short name\'s number)', 'Quyết định số 12/QĐ-UBND', ' '],
    ['a symbol and "của", then 20,000 spaces', 'Quyết định số 12/QĐ-UBND của', ' '],
    ['a symbol, then 20,000 blank lines', 'Quyết định số 12/QĐ-UBND', '\n'],
  ])('extractReferences: %s', (_name, lead, run) => {
    const pathological = stageMs(lead + run.repeat(20_000) + 'x');
    const plain = stageMs(lead + 'x'.repeat(20_000));
    expect(pathological / plain).toBeLessThan(MAX_BASELINES);
  });

  it('still finds what it found: a list, a link line, a date after the issuer', () => {
    expect(new RegExp(symbolSource(rules), 'gu').exec('các Quyết định 876, 878 và 880/QĐ-BNV')?.[0]).toBe('876, 878 và 880/QĐ-BNV');
    expect(new RegExp(symbolSource(rules), 'gu').exec('Điều a1, 2/QĐ-BNV')?.[0]).toBe('2/QĐ-BNV');
    expect(normalize('Trung tâm Y tế \n\nhttp://dichvucong.angiang.gov.vn/\n huyện Thoại Sơn').text).toBe('Trung tâm Y tế huyện Thoại Sơn');
    expect(normalize('Trung tâm Y tế\v \nhttp://a.vn/\n huyện').text).toBe('Trung tâm Y tế\v huyện');
  });

  it('reads a list of two million numbers without overflowing the regex engine\'s stack (4 MB of "1,")', () => {
    const mt = normalize('1,'.repeat(2_000_000));
    expect(() => extractReferences(normalizedDocument(mt, rules))).not.toThrow();
    // A real list still shares its code.
    expect(extractReferences(normalizedDocument(normalize('Quyết định số 876, 878 và 880/QĐ-BNV'), rules)).map((r) => r.id)).toEqual(['876/QĐ-BNV', '878/QĐ-BNV', '880/QĐ-BNV']);
  });
});
