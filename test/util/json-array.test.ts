import { describe, expect, it } from 'vitest';
import { JsonArrayText } from '../../src/util/json-array.js';

/** The array written an item at a time, as a command streams it. */
function streamed(items: unknown[]): string {
  const array = new JsonArrayText();
  return items.map((item) => array.item(item)).join('') + array.end();
}

describe('a JSON array written an item at a time', () => {
  it('is byte for byte what JSON.stringify(items, null, 2) gives, with a final newline', () => {
    const finding = { path: 'a\nb.txt', line: 1, column: 2, span: { start: 3, end: 4, page: null }, list: [1, [2, {}], []], text: 'Nghị định "130"\t' };
    for (const items of [[], [finding], [finding, { empty: {} }, null, 'x', [], [[]]]]) {
      expect(streamed(items)).toBe(`${JSON.stringify(items, null, 2)}\n`);
    }
  });
});
