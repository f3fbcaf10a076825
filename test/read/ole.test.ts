import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followChain, oleLayout } from '../../src/read/ole.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'test/fixtures/doc');
const LEGACY = join(ROOT, 'devset/legacy/files');

const realDocs = (): string[] => [
  ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
  ...readdirSync(LEGACY).filter((f) => f.endsWith('.doc')).map((f) => join(LEGACY, f)),
];

describe('the OLE2 check before word-extractor (src/read/ole.ts)', () => {
  it('passes every real .doc of the fixtures and the legacy development set', () => {
    const docs = realDocs();
    expect(docs.length).toBeGreaterThan(40);
    for (const path of docs) {
      const layout = oleLayout(readFileSync(path));
      expect(layout.streams.map((s) => s.name), path).toContain('WordDocument');
    }
  });

  it('stops at a chain that loops or leaves the table, naming the sector', () => {
    const table = Int32Array.from([1, 2, 0, -2]);
    expect(() => followChain(table, 0, 4, 'the WordDocument stream')).toThrow(expect.objectContaining({
      code: 'corrupt-doc', message: expect.stringMatching(/WordDocument stream: its sector chain loops back to sector 0/),
    }));
    expect(() => followChain(Int32Array.from([1, 9, -2]), 0, 3, 'the directory')).toThrow(/reaches sector 9, past the last one \(2\)/);
    expect(followChain(Int32Array.from([3, -2, -1, 1]), 0, 4, 'x')).toEqual([0, 3, 1]);
    expect(followChain(table, -2, 4, 'no stream')).toEqual([]);
  });

});
