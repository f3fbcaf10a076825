import { describe, expect, it } from 'vitest';
import { quotedPath, shownPath, shownText } from '../../src/util/shown.js';

const ESC = '\x1b';

describe('file names in messages', () => {
  it('are printed as they are, unless they hold a control character: then as a JSON string', () => {
    expect(shownPath('corpus/báo cáo quý 1.txt')).toBe('corpus/báo cáo quý 1.txt');
    expect(shownPath('a\nb.txt')).toBe('"a\\nb.txt"');
    expect(shownPath(`${ESC}[2J.txt`)).toBe('"\\u001b[2J.txt"');
    expect(shownPath('b\udce1o.txt')).toBe('"b\\udce1o.txt"'); // a name byte that is not UTF-8
    expect(shownPath('\u202eexe.txt')).toBe('"\\u202eexe.txt"'); // shown right to left
    expect(shownPath('a\u009bb')).toBe('"a\\u009bb"'); // C1: CSI on some terminals
    expect(shownText('see a\nb: EACCES')).toBe('see a\\nb: EACCES');
    expect(quotedPath('.DS_Store')).toBe('".DS_Store"');
  });

});
