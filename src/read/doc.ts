import { loadOnFirstUse } from './lazy.js';
import { checkOle2 } from './ole.js';
import { ReadError, type Reader, type ReadResult } from './types.js';

const loadWordExtractor = loadOnFirstUse(() => import('word-extractor'));

/**
 * DOC (Word 97–2003, the bulk of older archives) with word-extractor, a pure-JavaScript reader of
 * the binary format: the body, then text boxes, footnotes and endnotes after a blank line. Text typed in a
 * legacy font comes out as its Windows-1252 reading, for the legacy decoder.
 */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const docReader: Reader = {
  format: 'doc',
  sniff: (bytes) => OLE2.every((b, i) => bytes[i] === b),
  async read(bytes): Promise<ReadResult> {
    checkOle2(bytes); // a looping sector chain would take word-extractor, and the process, down
    let body: string;
    let notes: string;
    const WordExtractor = await loadWordExtractor();
    try {
      const doc = await new WordExtractor().extract(Buffer.from(bytes));
      body = doc.getBody();
      // Text boxes (diagrams, framed captions) are words on the page too; word-extractor keeps them apart.
      notes = [doc.getTextboxes({ includeHeadersAndFooters: true, includeBody: true }), doc.getFootnotes(), doc.getEndnotes()]
        .filter((t) => t.trim()).join('\n\n');
    } catch (err) {
      throw new ReadError('corrupt-doc', `the file is an OLE2 container but no readable Word 97-2003 document: ${(err as Error).message}`);
    }
    // word-extractor turns byte 0xAD (a soft hyphen in Windows-1252, and the letter ư in TCVN3)
    // into the word "undefined" inside a word ("chundefined¬ng"); give the byte back so the legacy
    // decoder can read it. A real "undefined" stands between spaces and is left alone.
    const text = (notes ? `${body}\n\n${notes}` : body).replace(/(?<=\p{L})undefined|undefined(?=\p{L})/gu, '\u00AD');
    return { text, format: 'doc', encoding: null, pages: null, warnings: [] };
  },
};
