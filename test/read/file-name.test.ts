import { describe, expect, it } from 'vitest';
import { nameFromBytes, pathForFs } from '../../src/read/file-name.js';

const bytes = (...b: number[]) => Buffer.from(b);
const roundTrip = (b: Buffer) => Buffer.from(pathForFs(nameFromBytes(b)));

describe('file names that are not UTF-8', () => {
  it('leaves UTF-8 names as they are: Vietnamese composed or decomposed, emoji, U+10080', () => {
    for (const name of ['Báo cáo CCHC quý I-2024.pdf', 'Báo cáo'.normalize('NFD'), 'Kế hoạch 🙂.docx', '\u{10080}.txt', 'a%b.txt']) {
      expect(nameFromBytes(Buffer.from(name))).toBe(name);
      expect(pathForFs(name)).toBe(name);
    }
  });

  it('escapes each invalid byte as U+DC00+byte, like Python, and gives the exact bytes back', () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('B\xe1o c\xe1o.doc', 'latin1'), 'B\udce1o c\udce1o.doc'], // CP1258
      [Buffer.from('Quy\xd5t \xae\xdenh.txt', 'latin1'), 'Quy\udcd5t \udcae\udcdenh.txt'], // TCVN3 "Quyết định"
      [bytes(0xc0, 0xaf), '\udcc0\udcaf'], // an overlong "/"
      [bytes(0xed, 0xa0, 0x80), '\udced\udca0\udc80'], // a surrogate encoded in UTF-8
      [bytes(0x61, 0xe1, 0xba), 'a\udce1\udcba'], // a sequence cut short ("ạ" is E1 BA A1)
      [bytes(0xf4, 0x90, 0x80, 0x80), '\udcf4\udc90\udc80\udc80'], // past U+10FFFF
      [Buffer.concat([Buffer.from('Thông tư '), bytes(0xff), Buffer.from(' 🙂')]), 'Thông tư \udcff 🙂'],
    ];
    for (const [raw, name] of cases) {
      expect(nameFromBytes(raw)).toBe(name);
      expect(roundTrip(raw).equals(raw)).toBe(true);
    }
  });

  it('keeps two names apart that a lossy decoding would merge', () => {
    const cp1258 = Buffer.from('b\xe1o.txt', 'latin1');
    const tcvn3 = Buffer.from('b\xb8o.txt', 'latin1');
    expect(cp1258.toString('utf8')).toBe(tcvn3.toString('utf8')); // what Node does: both "b�o.txt"
    expect(nameFromBytes(cp1258)).not.toBe(nameFromBytes(tcvn3));
  });
});
