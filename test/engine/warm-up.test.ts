import { describe, expect, it } from 'vitest';
import { WARM_UP_SAMPLE } from '../../src/engine/warm-up.js';
import { analyzeText, textSource } from '../../src/pipeline.js';

describe('the warm-up a worker runs as it starts', () => {
  // It is there to build every extractor's patterns: a sample that no longer reaches one of them
  // (a rule renamed, a cue dropped) would leave that extractor's first use to the first real file.
  it('reaches every extractor: metadata, references, figures, a table, agencies and a task', () => {
    const { record } = analyzeText(WARM_UP_SAMPLE, textSource(WARM_UP_SAMPLE));
    expect(record.errors).toEqual([]);
    expect(record.document).toMatchObject({ number: '12/BC-UBND', date: '2024-03-15' });
    expect(record.references.map((r) => r.id)).toEqual(expect.arrayContaining(['61/2018/NĐ-CP', '2636/QĐ-BNV']));
    expect(record.figures.some((f) => f.kind === 'percent')).toBe(true);
    expect(record.figures.some((f) => f.table !== null)).toBe(true);
    expect(record.agencies.map((a) => a.resolved)).toEqual(expect.arrayContaining(['Sở Nội vụ tỉnh An Giang']));
    expect(record.tasks).toHaveLength(1);
  });
});
