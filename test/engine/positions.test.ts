import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineColumn, positionLookup, spanPositions } from '../../src/engine/positions.js';
import { analyzeFile, isAnalysis } from '../../src/pipeline.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('line and column of a record\'s spans, worked out where the text is', () => {
  it('counts lines at "\\n" alone, 1-based, as compilers print them', () => {
    expect(lineColumn('ab\r\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\r\ncd\nef', 3)).toEqual({ line: 1, column: 4 });
    expect(lineColumn('ab\r\ncd\nef', 4)).toEqual({ line: 2, column: 1 });
    expect(lineColumn('ab\r\ncd\nef', 8)).toEqual({ line: 3, column: 2 });
  });

  it('gives every finding and reference of a corpus report the place lineColumn gives it, in one walk', async () => {
    const path = `${ROOT}corpus/an-giang_2019_q1_bao-cao-cchc.txt`;
    const analysis = await analyzeFile(path);
    if (!isAnalysis(analysis)) throw new Error('the report did not read');
    const { record, source } = analysis;
    expect(source).toBe(readFileSync(path, 'utf8'));
    const at = positionLookup(spanPositions(record, source));
    const spans = [...record.findings.flatMap((f) => (f.span ? [f.span] : [])), ...record.references.map((r) => r.span)];
    expect(spans.length).toBeGreaterThan(20);
    for (const span of spans) expect(at(span.start)).toEqual(lineColumn(source, span.start));
    // The year-mismatch `check` prints at 111:36.
    const mismatch = record.findings.find((f) => f.code === 'year-mismatch')!;
    expect(at(mismatch.span!.start)).toEqual({ line: 111, column: 36 });
  });
});
