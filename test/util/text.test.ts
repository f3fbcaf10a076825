import { describe, expect, it } from 'vitest';
import { charBefore } from '../../src/util/text.js';

describe('charBefore', () => {
  it('gives the character before an index, and nothing at the start of the text', () => {
    expect(charBefore('Sở Nội vụ', 0)).toBe('');
    expect(charBefore('Sở Nội vụ', 1)).toBe('S');
    expect(charBefore('Sở Nội vụ', 3)).toBe(' ');
    expect(charBefore('', 0)).toBe('');
  });
});
